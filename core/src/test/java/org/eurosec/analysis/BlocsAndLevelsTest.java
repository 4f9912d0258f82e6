package org.eurosec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.analysis.BlocAnalysis.Bloc;
import org.eurosec.analysis.BlocAnalysis.Blocs;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.CoverageAnalysis.StateCoverage;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.engine.Reading;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.ScenarioLoader;
import org.eurosec.model.Architecture;
import org.eurosec.model.Event;
import org.eurosec.model.Membership;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;
import org.junit.jupiter.api.Test;

/**
 * Blocs, levels and the timeline checked against what the coverage rows and the membership facts
 * say directly, so a wrong graph, clique or grouping fails here.
 */
class BlocsAndLevelsTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Map<String, Regime> REGIMES = EmbeddedData.regimes(BASE);
    static final IntervalCoverage COVERAGE = IntervalCoverage.of(BASE, Reading.defaults(BASE));
    static final Universe OSCE = Universe.participating();

    static Set<String> members(String organisation, LocalDate day) {
        Set<String> out = new TreeSet<>();
        for (Membership m : BASE.organisation(organisation).orElseThrow().members()) {
            if (m.span().contains(day) && m.status().name().equals("MEMBER")) {
                out.add(m.actor());
            }
        }
        return out;
    }

    @Test
    void theNatoBlocIsNatosMembershipAndTheBufferIsWhoNeitherHoldsNorGivesAGuarantee() {
        for (LocalDate day : List.of(LocalDate.of(1985, 1, 1), LocalDate.of(2009, 12, 1), LocalDate.of(2025, 1, 1))) {
            Blocs b = (Blocs) new CliqueBlocs(COVERAGE).blocs(day, OSCE, TieKind.DEFENCE);
            Set<String> nato = members("nato", day);
            assertThat(b.blocs()).as("NATO members on " + day + " form one bloc")
                    .anySatisfy(x -> assertThat(new TreeSet<>(x.members())).isEqualTo(nato));
            Known k = (Known) COVERAGE.coverage(day, OSCE);
            Set<String> givers = new HashSet<>();
            Set<String> universe = new HashSet<>();
            k.states().forEach(s -> universe.add(s.state().id()));
            for (StateCoverage s : k.states()) {
                for (GuaranteeGroup g : s.guarantees()) {
                    g.guarantorIds().stream().filter(universe::contains).filter(x -> !x.equals(s.state().id())).forEach(givers::add);
                }
            }
            Set<String> expected = new TreeSet<>();
            k.states().stream().filter(s -> !s.covered() && !givers.contains(s.state().id())).forEach(s -> expected.add(s.state().id()));
            assertThat(new TreeSet<>(b.buffer())).as("buffer on " + day).isEqualTo(expected);
            // Every bloc is a clique: each pair in it is tied.
            var g = new CliqueBlocs(COVERAGE).graph(day, b.states(), TieKind.DEFENCE);
            for (Bloc x : b.blocs()) {
                for (String p : x.members()) {
                    for (String q : x.members()) {
                        assertThat(p.equals(q) || g.containsEdge(p, q)).as(p + "-" + q + " in " + x.label()).isTrue();
                    }
                }
            }
        }
    }

    @Test
    void theDraftRatifiedByTheNineDrawsTwoBlocsAndShrinksTheBufferByItsUncoveredRatifiers() {
        Scenario s = ScenarioLoader.load(Path.of("..", "scenarios", "est-cis-csto-only.yaml"), "scenarios/est-cis-csto-only.yaml", BASE, REGIMES);
        Set<String> ratifiers = new TreeSet<>();
        for (Event e : s.events()) {
            if (e instanceof Event.Ratification r) {
                ratifiers.add(r.state());
            }
        }
        Map<String, Blocs> by = new HashMap<>();
        for (Scenario.RegimeRun column : s.regimes()) {
            ScenarioEngine.Outcome o = new ScenarioEngine(BASE).run(s, column, REGIMES, Map.of());
            IntervalCoverage c = IntervalCoverage.of(o.world(), o.reading());
            by.put(column.label(), (Blocs) new CliqueBlocs(c).blocs(o.asOf(), OSCE, TieKind.SECURITY_TREATY));
        }
        Blocs before = by.get("status-quo");
        Blocs after = by.get("est-2009-if-nine-suffice");
        assertThat(by.get("est-2009").buffer()).as("below the 25 ratifications nothing changes").isEqualTo(before.buffer());
        assertThat(after.systems()).hasSize(2);
        assertThat(after.systems()).anySatisfy(x -> assertThat(new TreeSet<>(x.members())).isEqualTo(ratifiers));
        Set<String> left = new TreeSet<>(before.buffer());
        left.removeAll(after.buffer());
        Set<String> uncoveredRatifiers = new TreeSet<>(ratifiers);
        uncoveredRatifiers.retainAll(before.buffer());
        assertThat(left).isEqualTo(uncoveredRatifiers).isNotEmpty();
    }

    @Test
    void levelsPartitionTheParticipantsByTheirExactGuarantees() {
        LocalDate day = LocalDate.of(2009, 12, 1);
        List<ScenarioEngine.Level> levels = SecurityLevels.of(COVERAGE, day, OSCE).orElseThrow();
        Known k = (Known) COVERAGE.coverage(day, OSCE);
        Map<String, Set<String>> held = new HashMap<>();
        k.states().forEach(s -> held.put(s.state().id(), new TreeSet<>(s.guarantees().stream().map(g -> g.provision().id()).toList())));
        assertThat(levels.stream().mapToInt(l -> l.states().size()).sum()).isEqualTo(k.states().size());
        assertThat(levels.size()).isEqualTo(new HashSet<>(held.values()).size());
        for (ScenarioEngine.Level l : levels) {
            for (String st : l.states()) {
                assertThat(held.get(st)).isEqualTo(new TreeSet<>(l.provisions()));
            }
        }
        assertThat(SecurityLevels.of(COVERAGE, LocalDate.of(1900, 1, 1), OSCE)).as("outside the data: unknown").isEmpty();
    }

    @Test
    void theTimelineAgreesWithCoverageAndSaysUnknownOutsideTheData() {
        int last = BASE.factsCheckedThrough().getYear() + 1;
        List<SecurityTimeline.Year> years = SecurityTimeline.years(COVERAGE, 1975, last, MonthDay.of(12, 1), OSCE, TieKind.DEFENCE);
        assertThat(years).hasSize(last - 1975 + 1);
        for (SecurityTimeline.Year y : years) {
            if (!BASE.covers(y.day())) {
                assertThat(y.known()).isFalse();
                continue;
            }
            Known k = (Known) COVERAGE.coverage(y.day(), OSCE);
            assertThat(y.covered()).as(y.day().toString()).isEqualTo((int) k.states().stream().filter(StateCoverage::covered).count());
            assertThat(y.levels()).isEqualTo(SecurityLevels.of(COVERAGE, y.day(), OSCE).orElseThrow().size());
        }
        assertThat(years.get(years.size() - 1).known()).isFalse();
    }

    @Test
    void theTimelinesBlocCountsAreTheBlocAnalysisOfEachYear() {
        int last = BASE.factsCheckedThrough().getYear();
        CliqueBlocs blocs = new CliqueBlocs(COVERAGE);
        for (TieKind kind : TieKind.values()) {
            for (SecurityTimeline.Year y : SecurityTimeline.years(COVERAGE, 1975, last, MonthDay.of(12, 1), OSCE, kind)) {
                if (!y.known()) {
                    continue;
                }
                BlocAnalysis.Blocs b = (BlocAnalysis.Blocs) blocs.blocs(y.day(), OSCE, kind);
                assertThat(y.blocs()).as(kind + " " + y.day()).isEqualTo(b.blocs().size());
                assertThat(y.buffer()).as(kind + " " + y.day()).isEqualTo(b.buffer().size());
                assertThat(y.systems()).as(kind + " " + y.day()).isEqualTo(b.systems().stream().map(x -> x.members().size()).toList());
            }
        }
    }
}
