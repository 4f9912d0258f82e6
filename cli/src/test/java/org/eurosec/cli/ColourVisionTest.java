package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.eurosec.cli.ColourVision.Vision;
import org.junit.jupiter.api.Test;

/** The colour arithmetic the page's colour tests rely on, against published reference values. */
class ColourVisionTest {

    @Test
    void ciede2000MatchesSharmaWuAndDalalsTestData() {
        // Sharma, Wu and Dalal (2005), "The CIEDE2000 color-difference formula", Table 1: pairs 1, 7, 17 and 25.
        assertThat(ColourVision.deltaE2000(new double[] {50, 2.6772, -79.7751}, new double[] {50, 0, -82.7485})).isCloseTo(2.0425, within(1e-4));
        assertThat(ColourVision.deltaE2000(new double[] {50, 0, 0}, new double[] {50, -1, 2})).isCloseTo(2.3669, within(1e-4));
        assertThat(ColourVision.deltaE2000(new double[] {50, 2.5, 0}, new double[] {73, 25, -18})).isCloseTo(27.1492, within(1e-4));
        assertThat(ColourVision.deltaE2000(new double[] {60.2574, -34.0099, 36.2677}, new double[] {60.4626, -34.1751, 39.4387}))
                .isCloseTo(1.2644, within(1e-4));
    }

    @Test
    void whiteIsTheReferenceWhiteAndCssColoursParseEitherWay() {
        double[] white = ColourVision.lab(ColourVision.seen("#ffffff", Vision.NORMAL));
        assertThat(white[0]).isCloseTo(100, within(1e-3));
        assertThat(white[1]).isCloseTo(0, within(1e-3));
        assertThat(ColourVision.distance("#0072B2", "rgb(0, 114, 178)", Vision.NORMAL)).isCloseTo(0, within(1e-9));
    }

    @Test
    void theSimulationsLoseWhatEachDeficiencyLoses() {
        // Red against green: far apart to normal vision, close for the red-green dichromacies, still apart for a tritan.
        double normal = ColourVision.distance("#d62728", "#2ca02c", Vision.NORMAL);
        assertThat(ColourVision.distance("#d62728", "#2ca02c", Vision.DEUTAN)).isLessThan(normal / 2);
        assertThat(ColourVision.distance("#d62728", "#2ca02c", Vision.PROTAN)).isLessThan(normal / 2);
        assertThat(ColourVision.distance("#d62728", "#2ca02c", Vision.TRITAN)).isGreaterThan(normal / 2);
        // Blue against green: a tritan loses it, a deutan does not.
        double blueGreen = ColourVision.distance("#0072B2", "#009E73", Vision.NORMAL);
        assertThat(ColourVision.distance("#0072B2", "#009E73", Vision.TRITAN)).isLessThan(blueGreen / 2);
        assertThat(ColourVision.distance("#0072B2", "#009E73", Vision.DEUTAN)).isGreaterThan(blueGreen / 2);
    }
}
