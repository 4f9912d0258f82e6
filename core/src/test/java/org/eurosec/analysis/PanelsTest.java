package org.eurosec.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.CoverageAnalysis.StateCoverage;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.engine.Reading;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.junit.jupiter.api.Test;

/** The panels agree with the coverage rule day by day, and never write 0 where the data stops. */
class PanelsTest {

    static final Architecture A = EmbeddedData.load();
    static final CoverageTimeline TIMELINE = CoverageTimeline.of(A, Reading.defaults(A));
    static final PanelInput IN = Panels.input(TIMELINE, Set.of());
    static final IntervalCoverage COVERAGE = new IntervalCoverage(TIMELINE);

    static List<String[]> rows(String csv) {
        return Arrays.stream(csv.split("\n")).skip(1).map(l -> l.split(",", -1)).toList();
    }

    @Test
    void stateDayDefenceIsCoverageOnEveryDaySampled() {
        for (LocalDate day : List.of(LocalDate.of(1955, 6, 5), LocalDate.of(1991, 12, 26), LocalDate.of(2009, 12, 1), LocalDate.of(2024, 3, 7))) {
            StringBuilder sb = new StringBuilder();
            Panels.stateDay(IN, day, day, sb);
            Map<String, String> defence = new HashMap<>();
            rows(sb.toString()).forEach(r -> defence.put(r[2], r[3]));
            Known k = (Known) COVERAGE.coverage(day, new Universe(true, Set.of()));
            assertThat(defence).hasSize(k.states().size());
            for (StateCoverage s : k.states()) {
                assertThat(defence.get(s.state().iso3())).as(s.state().id() + " on " + day).isEqualTo(s.covered() ? "1" : "0");
            }
        }
    }

    @Test
    void aDefenceDyadYearIsOneExactlyWhenAGuaranteeLinksThePairOnADayOfTheYear() {
        StringBuilder sb = new StringBuilder();
        Panels.dyadYear(IN, 2009, 2009, true, sb);
        Map<String, String> cell = new HashMap<>();
        rows(sb.toString()).forEach(r -> cell.put(r[2] + ">" + r[4], r[5]));
        // Lisbon's Art. 42(7) came into force on 2009-12-01: Austria owes Finland from then, so 2009 is 1.
        assertThat(cell.get("AUT>FIN")).isEqualTo("1");
        // France's one-way guarantee of Monaco: directed rows differ.
        assertThat(cell.get("FRA>MCO")).isEqualTo("1");
        assertThat(cell.get("MCO>FRA")).isEqualTo("0");
        // Every 1 is backed by a guarantee on some day of the year (checked on each segment start in 2009).
        Set<String> seen = new java.util.HashSet<>();
        for (var seg : TIMELINE.segments()) {
            LocalDate d = seg.from().isBefore(LocalDate.of(2009, 1, 1)) ? LocalDate.of(2009, 1, 1) : seg.from();
            if (d.getYear() != 2009 || seg.to().map(t -> !t.isAfter(LocalDate.of(2009, 1, 1))).orElse(false)) {
                continue;
            }
            for (var e : TIMELINE.on(d).guarantees().entrySet()) {
                for (GuaranteeGroup g : e.getValue()) {
                    g.guarantorIds().forEach(x -> seen.add(A.state(x).orElseThrow().iso3() + ">" + A.state(e.getKey()).orElseThrow().iso3()));
                }
            }
        }
        cell.forEach((pair, v) -> assertThat(v.equals("1")).as(pair).isEqualTo(seen.contains(pair)));
    }

    @Test
    void theAsOfYearHasNoZerosAndYearsOutsideTheDataAreRefused() {
        int last = A.factsCheckedThrough().getYear();
        StringBuilder sb = new StringBuilder();
        Panels.stateYear(IN, last, last, sb);
        for (String[] r : rows(sb.toString())) {
            for (int k = 3; k < 3 + ObligationKind.values().length; k++) {
                assertThat(r[k]).as(String.join(",", r)).isIn("1", "");
            }
        }
        StringBuilder full = new StringBuilder();
        Panels.stateYear(IN, 2000, 2000, full);
        assertThat(rows(full.toString())).anySatisfy(r -> assertThat(r[3]).isEqualTo("0"));
        assertThatThrownBy(() -> Panels.dyadYear(IN, 1940, 1950, false, new StringBuilder())).hasMessageContaining("1949");
        assertThatThrownBy(() -> Panels.stateYear(IN, last, last + 1, new StringBuilder())).hasMessageContaining("years must lie within");
    }

    @Test
    void statesThatNeverShareADayMakeNoDyad() {
        // 1990 has states that end (the GDR on 1990-10-03) and states that begin: a pair is listed only if both exist on one day, checked day by day.
        StringBuilder sb = new StringBuilder();
        Panels.dyadYear(IN, 1990, 1990, false, sb);
        Map<String, Set<String>> partners = new HashMap<>();
        for (String[] r : rows(sb.toString())) {
            partners.computeIfAbsent(r[2], k -> new java.util.HashSet<>()).add(r[4]);
            partners.computeIfAbsent(r[4], k -> new java.util.HashSet<>()).add(r[2]);
        }
        for (var x : A.states().values()) {
            for (var y : A.states().values()) {
                if (x.id().compareTo(y.id()) >= 0 || !partners.containsKey(x.iso3()) || !partners.containsKey(y.iso3())) {
                    continue;
                }
                boolean met = false;
                for (LocalDate d = LocalDate.of(1990, 1, 1); d.getYear() == 1990 && !met; d = d.plusDays(1)) {
                    met = x.existsOn(d) && y.existsOn(d);
                }
                assertThat(partners.get(x.iso3()).contains(y.iso3())).as(x.id() + "-" + y.id()).isEqualTo(met);
            }
        }
    }

    @Test
    void anInputDerivedForAWindowGivesThePanelsOfThatWindowAsTheWholeHistorysDoes() {
        int last = A.factsCheckedThrough().getYear();
        PanelInput window = Panels.input(TIMELINE, Set.of(), LocalDate.of(2000, 1, 1), LocalDate.of(last + 1, 1, 1));
        StringBuilder whole = new StringBuilder();
        StringBuilder windowed = new StringBuilder();
        Panels.dyadYear(IN, 2000, last, true, whole);
        Panels.dyadYear(window, 2000, last, true, windowed);
        assertThat(windowed.toString()).isEqualTo(whole.toString());
        whole.setLength(0);
        windowed.setLength(0);
        Panels.stateYear(IN, 2000, last, whole);
        Panels.stateYear(window, 2000, last, windowed);
        assertThat(windowed.toString()).isEqualTo(whole.toString());
        // A window of days: 1991, the year of the dissolutions.
        PanelInput days = Panels.input(TIMELINE, Set.of(), LocalDate.of(1991, 6, 1), LocalDate.of(1992, 1, 1));
        whole.setLength(0);
        windowed.setLength(0);
        Panels.stateDay(IN, LocalDate.of(1991, 6, 1), LocalDate.of(1991, 12, 31), whole);
        Panels.stateDay(days, LocalDate.of(1991, 6, 1), LocalDate.of(1991, 12, 31), windowed);
        assertThat(windowed.toString()).isEqualTo(whole.toString());
        // Nothing before the window was derived: no obligation ends on or before its first day.
        assertThat(window.obligations()).isNotEmpty().allSatisfy(o -> assertThat(o.end()).isGreaterThan(LocalDate.of(2000, 1, 1).toEpochDay()));
        assertThat(window.obligations().size()).isLessThan(IN.obligations().size());
    }

    @Test
    void theObligationSpellsHoldOnEachSegmentsFirstDayExactlyTheTiesOfThatDay() {
        Set<String> kept = new java.util.TreeSet<>(A.states().keySet());
        long lo = A.coversFrom().toEpochDay();
        long hi = A.factsCheckedThrough().toEpochDay() + 1;
        for (org.eurosec.model.Span seg : TIMELINE.segments()) {
            long day = Math.max(seg.from().toEpochDay(), lo);
            if (day >= hi) {
                continue;
            }
            Set<String> held = new java.util.TreeSet<>();
            for (PanelInput.ObligationRow o : IN.obligations()) {
                if (o.start() <= day && day < o.end()) {
                    held.add(o.kind() + "|" + o.from() + "|" + o.to());
                }
            }
            assertThat(held).as(LocalDate.ofEpochDay(day).toString())
                    .isEqualTo(new java.util.TreeSet<>(Panels.attributedTies(TIMELINE, LocalDate.ofEpochDay(day), kept).keySet()));
        }
    }
}
