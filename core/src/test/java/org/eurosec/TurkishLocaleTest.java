package org.eurosec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eurosec.analysis.CoverageAnalysis;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.Universe;
import org.eurosec.engine.AccessionDecision;
import org.eurosec.engine.Expectations;
import org.eurosec.engine.Reading;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.load.ArchitectureLoader;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.RegimeLoader;
import org.eurosec.load.ScenarioLoader;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The shipped data, regimes and scenarios under a Turkish default locale, where "I".toLowerCase()
 * is a dotless ı: every enum id must still match the files. Runs only in the surefire execution
 * {@code turkish-locale} of core, which starts the JVM with -Duser.language=tr -Duser.country=TR.
 */
@Tag("turkish-locale")
class TurkishLocaleTest {

    @Test
    void theJvmReallyRunsInTurkish() {
        assertThat(Locale.getDefault().getLanguage()).isEqualTo("tr");
        assertThat("MUTUAL_ASSISTANCE".toLowerCase()).as("the default locale lower-cases I to a dotless ı").contains("\u0131");
    }

    @Test
    void theShippedDataAndRegimesLoadCoverageVetoAndScenariosHold() throws IOException {
        Architecture data = ArchitectureLoader.load(Path.of("..", "data"), "data");
        Map<String, Regime> regimes = RegimeLoader.load(Path.of("..", "regimes"), "regimes", data);
        assertThat(regimes).containsKeys("status-quo", "est-2009", "esd-west", "russia-2021");
        assertThat(EmbeddedData.load().states()).hasSameSizeAs(data.states());

        // Coverage on Lisbon's day: the participating States no binding treaty protects (as HistoricalCoverageTest).
        CoverageAnalysis.CoverageResult c = IntervalCoverage.of(data, Reading.defaults(data))
                .coverage(LocalDate.parse("2009-12-01"), new Universe(false, Set.of("microstate")));
        assertThat(c).isInstanceOf(CoverageAnalysis.Known.class);
        Set<String> uncovered = new TreeSet<>();
        ((CoverageAnalysis.Known) c).states().stream().filter(s -> !s.covered()).forEach(s -> uncovered.add(s.state().id()));
        assertThat(uncovered).containsExactlyInAnyOrder("CHE", "SRB", "MNE", "BIH", "MKD", "UKR", "MDA", "AZE", "GEO", "TKM");

        // The veto: under the draft's objection reading every party, Russia among them, may block Georgia's joining NATO.
        AccessionDecision veto = new ScenarioEngine(data).accession(regimes.get("est-2009"), Map.of(), "GEO", "nato", LocalDate.parse("2009-12-01"));
        assertThat(veto.mayBlock().stream().map(AccessionDecision.Block::actor)).contains("RUS", "USA");

        // Every shipped scenario's expectations.
        List<Path> files;
        try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
            files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Scenario s = ScenarioLoader.load(file, "scenarios/" + file.getFileName(), data, regimes);
            for (Scenario.RegimeRun column : s.regimes()) {
                ScenarioEngine.Outcome o = new ScenarioEngine(data).run(s, column, regimes, Map.of());
                List<String> failed = Expectations.check(o, s.expect().getOrDefault(column.label(), List.of())).stream()
                        .filter(x -> !x.passed()).map(Expectations.Check::message).toList();
                assertThat(failed).as(file.getFileName() + " under " + column.label()).isEmpty();
            }
        }
    }
}
