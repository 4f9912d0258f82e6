package org.eurosec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.eurosec.analysis.CoverageAnalysis;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.RescanCoverage;
import org.eurosec.analysis.Universe;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;

/**
 * The interval index must give, for every day, exactly what computing that day from scratch gives,
 * on the real data and under every reading of the inactive-membership question.
 */
class TimelineAgreesWithRescanTest {

    private static final Architecture DATA = EmbeddedData.load();
    private static final List<Reading> READINGS = readings();
    private static final List<CoverageTimeline> TIMELINES = READINGS.stream().map(r -> CoverageTimeline.of(DATA, r)).toList();

    private static List<Reading> readings() {
        Reading base = Reading.defaults(DATA);
        return DATA.interpretations().get("inactive-membership").options().stream()
                .map(o -> base.with("inactive-membership", o.id())).toList();
    }

    private static Map<String, List<String>> signature(Snapshot s) {
        Map<String, List<String>> out = new TreeMap<>();
        s.guarantees().forEach((b, gs) -> out.put(b, gs.stream()
                .map(g -> g.provision().id() + "<-" + String.join(",", g.guarantorIds())).toList()));
        s.commitments().forEach((b, cs) -> out.put(b + "/political", cs.stream().map(c -> c.instrument().id()).toList()));
        return out;
    }

    @Property(tries = 400)
    void anyDayAgrees(@ForAll @IntRange(min = 0, max = 28_400) int offset, @ForAll @IntRange(min = 0, max = 2) int readingIndex) {
        LocalDate day = LocalDate.of(1949, 1, 1).plusDays(offset);
        int r = readingIndex % READINGS.size();
        SnapshotBuilder fresh = new SnapshotBuilder(DATA, READINGS.get(r));
        assertThat(signature(TIMELINES.get(r).on(day))).isEqualTo(signature(fresh.snapshot(day)));
    }

    @Property(tries = 300)
    void daysAroundEachCutAgree(@ForAll @IntRange(min = 0, max = 100_000) int pick, @ForAll @IntRange(min = -1, max = 0) int shift) {
        CoverageTimeline t = TIMELINES.get(0);
        LocalDate from = t.segmentOf(DATA.coversFrom().plusDays(pick % 28_400)).from();
        LocalDate day = from.plusDays(shift);
        SnapshotBuilder fresh = new SnapshotBuilder(DATA, READINGS.get(0));
        assertThat(signature(t.on(day))).isEqualTo(signature(fresh.snapshot(day)));
    }

    /**
     * One state's guarantees computed alone (as a state's history is) are its share of the day's
     * snapshot, group for group and in the same order: for every state, on the first day of every
     * segment of history under the default reading, and of every seventh segment under the other
     * readings of the inactive-membership question.
     */
    @org.junit.jupiter.api.Test
    void oneStatesGuaranteesAreItsShareOfTheSnapshot() {
        int compared = 0;
        int nonEmpty = 0;
        for (int r = 0; r < TIMELINES.size(); r++) {
            CoverageTimeline t = TIMELINES.get(r);
            List<org.eurosec.model.Span> segments = t.segments();
            for (int k = 0; k < segments.size(); k += r == 0 ? 1 : 7) {
                org.eurosec.model.Span seg = segments.get(k);
                LocalDate day = seg.from().isBefore(DATA.coversFrom()) ? DATA.coversFrom() : seg.from();
                Snapshot s = t.on(day);
                for (String state : DATA.states().keySet()) {
                    List<GuaranteeGroup> alone = t.builder().guaranteesOf(state, day);
                    assertThat(alone).as(state + " on " + day).isEqualTo(s.guaranteesOf(state));
                    compared++;
                    nonEmpty += alone.isEmpty() ? 0 : 1;
                }
            }
        }
        assertThat(compared).isGreaterThan(10_000);
        assertThat(nonEmpty).isGreaterThan(1_000);
    }

    private static final IntervalCoverage INTERVAL = IntervalCoverage.of(DATA, READINGS.get(0));
    private static final RescanCoverage RESCAN = RescanCoverage.of(DATA, READINGS.get(0));

    private static List<String> rows(CoverageAnalysis.CoverageResult r) {
        if (r instanceof CoverageAnalysis.Unknown u) {
            return List.of(u.message());
        }
        return ((CoverageAnalysis.Known) r).states().stream().map(s -> s.state().id() + " " + s.ccode() + " " + s.participating()
                + " " + s.guarantees().stream().map(g -> g.provision().id()).toList()
                + " " + s.politicalCommitments().stream().map(c -> c.instrument().id()).toList()).toList();
    }

    @Property(tries = 300)
    void coverageRowsAgree(@ForAll @IntRange(min = -30, max = 28_500) int offset, @ForAll boolean all) {
        LocalDate day = LocalDate.of(1949, 1, 1).plusDays(offset);
        Universe u = new Universe(all, java.util.Set.of());
        assertThat(rows(INTERVAL.coverage(day, u))).isEqualTo(rows(RESCAN.coverage(day, u)));
    }
}
