package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.eurosec.model.Architecture;
import org.eurosec.model.Recognition;
import org.eurosec.model.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The shipped state codes against the Correlates of War state list (states2016) and the
 * Gleditsch-Ward differences noted in the reference study, so that output joins with COW and ATOP.
 */
class StateCodesTest {

    private static final Architecture DATA = EmbeddedData.load();

    private static State state(String id) {
        return DATA.state(id).orElseThrow(() -> new AssertionError("no state " + id));
    }

    @ParameterizedTest(name = "{0} is COW {1} on {2}")
    @CsvSource({
        "USA, 2, 2000-01-01", "GBR, 200, 2000-01-01", "IRL, 205, 2000-01-01", "CHE, 225, 2000-01-01", "ESP, 230, 2000-01-01",
        "DEU, 260, 1985-01-01", "DEU, 255, 1990-10-03", "DDR, 265, 1985-01-01", "POL, 290, 2000-01-01", "AUT, 305, 2000-01-01",
        "HUN, 310, 2000-01-01", "CSK, 315, 1985-01-01", "CZE, 316, 2000-01-01", "SVK, 317, 2000-01-01", "MLT, 338, 2000-01-01",
        "ALB, 339, 2000-01-01", "MNE, 341, 2010-01-01", "MKD, 343, 2000-01-01", "HRV, 344, 2000-01-01", "YUG, 345, 1985-01-01",
        "SCG, 345, 2000-01-01", "SRB, 345, 2010-01-01", "BIH, 346, 2000-01-01", "SVN, 349, 2000-01-01", "CYP, 352, 2000-01-01",
        "BGR, 355, 2000-01-01", "MDA, 359, 2000-01-01", "ROU, 360, 2000-01-01", "SUN, 365, 1985-01-01", "RUS, 365, 2000-01-01",
        "EST, 366, 2000-01-01", "LVA, 367, 2000-01-01", "LTU, 368, 2000-01-01", "UKR, 369, 2000-01-01", "BLR, 370, 2000-01-01",
        "ARM, 371, 2000-01-01", "GEO, 372, 2000-01-01", "AZE, 373, 2000-01-01", "FIN, 375, 2000-01-01", "SWE, 380, 2000-01-01",
        "UZB, 704, 2000-01-01"})
    void cowCodes(String id, int ccode, String day) {
        assertThat(state(id).ccodeOn(LocalDate.parse(day))).hasValue(ccode);
    }

    @Test
    void gleditschWardDiffersWhereTheStudyNotesIt() {
        assertThat(state("DEU").gwCode()).hasValue(260);
        assertThat(state("SRB").gwCode()).hasValue(340);
        assertThat(state("XKX").gwCode()).hasValue(347);
    }

    @Test
    void kosovoAndTheUnrecognisedEntitiesCarryProjectCodesAndLimitedRecognition() {
        for (String id : new String[] {"XKX", "XAB", "XSO", "XTR", "XNC", "XNK"}) {
            State s = state(id);
            assertThat(s.iso3()).isEqualTo(id);
            assertThat(s.recognition()).isEqualTo(Recognition.LIMITED);
        }
        assertThat(state("XNK").existsOn(LocalDate.of(2024, 1, 1))).isFalse();
        assertThat(state("XNK").existsOn(LocalDate.of(2020, 1, 1))).isTrue();
    }

    @Test
    void goneStatesNameTheirSuccessors() {
        assertThat(state("RUS").predecessors()).contains("SUN");
        assertThat(state("CZE").predecessors()).contains("CSK");
        assertThat(state("SVK").predecessors()).contains("CSK");
        assertThat(state("SCG").predecessors()).contains("YUG");
        assertThat(state("SRB").predecessors()).contains("SCG");
        assertThat(state("MNE").predecessors()).contains("SCG");
        assertThat(state("DEU").existsOn(LocalDate.of(1990, 10, 3))).isTrue();
        assertThat(state("DDR").existsOn(LocalDate.of(1990, 10, 3))).isFalse();
    }

    @Test
    void theMicrostatesAreTagged() {
        for (String id : new String[] {"AND", "LIE", "MCO", "SMR", "VAT"}) {
            assertThat(state(id).hasTag("microstate")).as(id).isTrue();
        }
        assertThat(state("LUX").hasTag("microstate")).isFalse();
    }

    @Test
    void theFiftySevenParticipatingStatesOfTodayAreAllThere() {
        LocalDate day = DATA.factsCheckedThrough();
        long participants = DATA.organisation("osce").orElseThrow().members().stream()
                .filter(m -> m.span().contains(day)).count();
        assertThat(participants).isEqualTo(57);
    }
}
