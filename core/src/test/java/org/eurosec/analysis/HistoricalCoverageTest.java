package org.eurosec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.CoverageAnalysis.StateCoverage;
import org.eurosec.engine.Reading;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Coverage on the shipped data against what the treaties and the historical record imply. Each
 * expectation is derived from dates of accession and entry into force, not read off the engine.
 */
class HistoricalCoverageTest {

    private static final Architecture DATA = EmbeddedData.load();
    private static final IntervalCoverage DEFAULT = IntervalCoverage.of(DATA, Reading.defaults(DATA));

    private static Map<String, StateCoverage> rows(IntervalCoverage c, String day, Universe u) {
        CoverageAnalysis.CoverageResult r = c.coverage(LocalDate.parse(day), u);
        assertThat(r).isInstanceOf(Known.class);
        return ((Known) r).states().stream().collect(Collectors.toMap(s -> s.state().id(), s -> s));
    }

    private static Set<String> uncovered(Map<String, StateCoverage> rows) {
        return rows.values().stream().filter(s -> !s.covered()).map(s -> s.state().id()).collect(Collectors.toCollection(TreeSet::new));
    }

    private static List<String> provisions(StateCoverage s) {
        return s.guarantees().stream().map(g -> g.provision().id()).toList();
    }

    private static final String NATO_5 = "north-atlantic-treaty-1949/art-5";
    private static final String EU_42_7 = "treaty-on-european-union/art-42-7";

    /** The brief: on Lisbon's day, the participating States no binding treaty protects (micro-states aside). */
    @Test
    void onLisbonDayTheUncoveredAreExactlyThoseTheBriefNames() {
        Map<String, StateCoverage> r = rows(DEFAULT, "2009-12-01", new Universe(false, Set.of("microstate")));
        assertThat(r).hasSize(56 - 5);
        assertThat(uncovered(r)).containsExactlyInAnyOrder("CHE", "SRB", "MNE", "BIH", "MKD", "UKR", "MDA", "AZE", "GEO", "TKM");
    }

    /** EU membership alone gives no guarantee before the Lisbon Treaty's entry into force on 2009-12-01. */
    @ParameterizedTest
    @CsvSource({"AUT", "FIN", "IRL", "MLT", "SWE"})
    void euMembershipAloneCountsOnlyFromLisbon(String state) {
        Universe u = Universe.participating();
        assertThat(rows(DEFAULT, "2009-11-30", u).get(state).covered()).isFalse();
        assertThat(provisions(rows(DEFAULT, "2009-12-01", u).get(state))).containsExactly(EU_42_7);
    }

    /** A state is covered from the day of its accession, not from the start of that year. */
    @ParameterizedTest
    @CsvSource({"POL, 1999-03-12", "ALB, 2009-04-01", "HRV, 2009-04-01", "MNE, 2017-06-05", "MKD, 2020-03-27",
            "FIN, 2023-04-04", "SWE, 2024-03-07", "ESP, 1982-05-30", "GRC, 1952-02-18", "TUR, 1952-02-18"})
    void natoGuaranteeStartsOnTheAccessionDay(String state, String day) {
        LocalDate d = LocalDate.parse(day);
        Universe all = new Universe(true, Set.of());
        assertThat(provisions(rows(DEFAULT, d.minusDays(1).toString(), all).get(state))).doesNotContain(NATO_5);
        assertThat(provisions(rows(DEFAULT, d.toString(), all).get(state))).contains(NATO_5);
    }

    /**
     * 1 January 1985: the 35 CSCE participants. NATO's 16 and the Warsaw Treaty's 7 are covered, and
     * so is Cyprus (1960 Treaty of Alliance, by default) and Monaco (France's one-way guarantee of
     * 1918); the neutral and non-aligned are not.
     */
    @Test
    void in1985TheBlocsAreCoveredAndTheNeutralsAreNot() {
        Map<String, StateCoverage> r = rows(DEFAULT, "1985-01-01", Universe.participating());
        assertThat(r).hasSize(35);
        assertThat(uncovered(r)).containsExactlyInAnyOrder("AUT", "CHE", "FIN", "IRL", "MLT", "SWE", "YUG",
                "LIE", "SMR", "VAT");
        assertThat(r.get("MCO").guarantees()).singleElement().satisfies(g -> {
            assertThat(g.provision().id()).isEqualTo("france-monaco-treaty-1918/art-1");
            assertThat(g.guarantorIds()).containsExactly("FRA");
        });
        assertThat(provisions(r.get("FRA"))).doesNotContain("france-monaco-treaty-1918/art-1");
        assertThat(provisions(r.get("DDR"))).contains("warsaw-treaty-1955/art-4");
        assertThat(r.get("DEU").ccode().getAsInt()).isEqualTo(260);
        assertThat(r.get("SUN").guarantees()).filteredOn(g -> g.provision().id().equals("warsaw-treaty-1955/art-4"))
                .singleElement().satisfies(g -> assertThat(g.guarantorIds())
                        .containsExactlyInAnyOrder("BGR", "CSK", "DDR", "HUN", "POL", "ROU"));
    }

    @Test
    void cyprusBefore2009DependsOnTheNamedReadingOfThe1960Alliance() {
        IntervalCoverage notCounted = IntervalCoverage.of(DATA, Reading.defaults(DATA).with("cyprus-alliance-1960", "not-counted"));
        assertThat(rows(DEFAULT, "1985-01-01", Universe.participating()).get("CYP").covered()).isTrue();
        assertThat(rows(notCounted, "1985-01-01", Universe.participating()).get("CYP").covered()).isFalse();
        assertThat(rows(notCounted, "2009-12-01", Universe.participating()).get("CYP").covered()).isTrue();
    }

    @Test
    void armeniasFrozenCstoMembershipIsANamedReading() {
        IntervalCoverage activeOnly = IntervalCoverage.of(DATA, Reading.defaults(DATA).with("inactive-membership", "active-only"));
        String cst = "collective-security-treaty-1992/art-4";
        assertThat(provisions(rows(DEFAULT, "2025-01-01", Universe.participating()).get("ARM"))).contains(cst);
        assertThat(provisions(rows(activeOnly, "2025-01-01", Universe.participating()).get("ARM"))).doesNotContain(cst);
        assertThat(provisions(rows(activeOnly, "2024-02-21", Universe.participating()).get("ARM"))).contains(cst);
    }

    @Test
    void germanyUnitesOnTheThirdOfOctober1990() {
        Map<String, StateCoverage> before = rows(DEFAULT, "1990-10-02", new Universe(true, Set.of()));
        Map<String, StateCoverage> after = rows(DEFAULT, "1990-10-03", new Universe(true, Set.of()));
        assertThat(before).containsKey("DDR");
        assertThat(after).doesNotContainKey("DDR");
        assertThat(after.get("DEU").ccode().getAsInt()).isEqualTo(255);
        assertThat(provisions(after.get("DEU"))).contains(NATO_5);
    }

    @Test
    void datesBeyondTheDataAreUnknown() {
        assertThat(DEFAULT.coverage(DATA.factsCheckedThrough().plusDays(1), Universe.participating())).isInstanceOf(CoverageAnalysis.Unknown.class);
        assertThat(DEFAULT.coverage(LocalDate.of(1948, 12, 31), Universe.participating())).isInstanceOf(CoverageAnalysis.Unknown.class);
    }

    @Test
    void politicalCommitmentsNeverCountAsCoverage() {
        StateCoverage che = rows(DEFAULT, "2009-12-01", Universe.participating()).get("CHE");
        assertThat(che.covered()).isFalse();
        assertThat(che.politicalCommitments()).extracting(c -> c.instrument().id())
                .contains("helsinki-final-act-1975", "charter-for-european-security-1999");
    }

    /**
     * The 1948 Finnish-Soviet treaty: Finland owed the USSR defence of its own territory against
     * Germany and its allies, while Soviet help was "subject to mutual agreement". By default that
     * help is no guarantee, so Finland stays uncovered; the alternative reading covers it.
     */
    @Test
    void finlandsSovietTreatyIsAGuaranteeOnlyUnderTheAgreedAssistanceReading() {
        IntervalCoverage counts = IntervalCoverage.of(DATA, Reading.defaults(DATA).with("agreed-assistance", "counts"));
        assertThat(rows(DEFAULT, "1985-01-01", Universe.participating()).get("FIN").covered()).isFalse();
        assertThat(provisions(rows(counts, "1985-01-01", Universe.participating()).get("FIN")))
                .containsExactly("ussr-finland-fcma-1948/art-1-soviet-help");
        assertThat(provisions(rows(DEFAULT, "1985-01-01", Universe.participating()).get("SUN")))
                .contains("ussr-finland-fcma-1948/art-1-finnish-defence");
    }

    /** Guarantees limited to Germany and its allies count by default, and not when only general guarantees are asked for. */
    @Test
    void adversarySpecificGuaranteesAreANamedReading() {
        IntervalCoverage generalOnly = IntervalCoverage.of(DATA, Reading.defaults(DATA).with("adversary-specific-guarantees", "general-only"));
        // In mid-1950 Turkey (NATO only from 1952) held the 1939 Anglo-French undertaking against "a European Power".
        assertThat(rows(DEFAULT, "1950-06-01", Universe.participating()).get("TUR").covered()).isTrue();
        assertThat(rows(generalOnly, "1950-06-01", Universe.participating()).get("TUR").covered()).isFalse();
    }
}
