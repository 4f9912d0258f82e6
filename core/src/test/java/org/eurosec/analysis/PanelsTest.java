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

    /**
     * The derivation by intervals against the rule applied day by day: on the first and last day of
     * each segment of three windows (the dissolutions of 1991-1992, the Lisbon Treaty's year, the
     * CSCE's first years), under the default reading and under readings that take guarantors out,
     * void guarantees, count other provisions as non-aggression and make frozen members parties,
     * with and without the microstates, the spells hold exactly the ties of that day's snapshot,
     * built afresh for the day.
     */
    @Test
    void theObligationSpellsHoldOnTheFirstAndLastDayOfEachSegmentExactlyTheTiesOfThatDaysSnapshotUnderSeveralReadings() {
        List<Reading> readings = List.of(Reading.defaults(A),
                Reading.defaults(A).with("non-use-of-force-as-non-aggression", "atop").with("eu-art-42-7-neutrality", "neutrals-not-guarantors")
                        .with("inactive-membership", "legal-membership").with("fcma-russia-1992", "russia-continues"),
                Reading.defaults(A).with("cyprus-alliance-1960", "not-counted").with("agreed-assistance", "counts")
                        .with("adversary-specific-guarantees", "general-only"));
        List<LocalDate[]> windows = List.of(new LocalDate[] {LocalDate.of(1991, 6, 1), LocalDate.of(1992, 6, 1)},
                new LocalDate[] {LocalDate.of(2009, 1, 1), LocalDate.of(2010, 1, 1)},
                new LocalDate[] {LocalDate.of(1975, 7, 1), LocalDate.of(1976, 7, 1)});
        List<String> ids = new java.util.ArrayList<>(new java.util.TreeSet<>(A.states().keySet()));
        Set<String> notMicro = new java.util.TreeSet<>();
        A.states().values().stream().filter(s -> !s.tags().contains("microstate")).forEach(s -> notMicro.add(s.id()));
        assertThat(notMicro).hasSizeLessThan(ids.size());
        int checked = 0;
        for (Reading reading : readings) {
            CoverageTimeline timeline = CoverageTimeline.of(A, reading);
            assertMaximalSpells(Panels.input(timeline, Set.of()));
            for (LocalDate[] w : windows) {
                PanelInput whole = Panels.input(timeline, Set.of(), w[0], w[1]);
                PanelInput some = Panels.input(timeline, Set.of("microstate"), w[0], w[1]);
                for (PanelInput in : List.of(whole, some)) {
                    assertThat(in.obligations()).allSatisfy(o -> assertThat(o.start() >= w[0].toEpochDay() && o.end() <= w[1].toEpochDay()).isTrue());
                    assertMaximalSpells(in);
                }
                // The days on which an interval derivation can go wrong: the first and the last day of each of the
                // timeline's segments (within a segment no fact changes), and the window's own first and last day.
                Set<LocalDate> days = new java.util.TreeSet<>(List.of(w[0], w[1].minusDays(1)));
                for (org.eurosec.model.Span seg : timeline.segments()) {
                    for (LocalDate d : List.of(seg.from(), seg.endExclusive().equals(LocalDate.MAX) ? LocalDate.MAX : seg.endExclusive().minusDays(1))) {
                        if (!d.isBefore(w[0]) && d.isBefore(w[1])) {
                            days.add(d);
                        }
                    }
                }
                for (LocalDate d : days) {
                    java.util.BitSet ties = tiesOn(timeline.builder(), d, ids, Set.copyOf(ids));
                    java.util.BitSet tiesAmongKept = new java.util.BitSet();
                    int n = ids.size();
                    ties.stream().filter(b -> notMicro.contains(ids.get(b / n % n)) && notMicro.contains(ids.get(b % n))).forEach(tiesAmongKept::set);
                    assertThat(ties.cardinality()).isGreaterThan(tiesAmongKept.cardinality());
                    LocalDate day = d;
                    java.util.BitSet held = heldOn(whole, d, ids);
                    java.util.BitSet heldAmongKept = heldOn(some, d, ids);
                    assertThat(held).as(() -> day + " " + reading.choices() + ": " + difference(held, ties, ids)).isEqualTo(ties);
                    assertThat(heldAmongKept).as(() -> day + " " + reading.choices() + " without microstates: " + difference(heldAmongKept, tiesAmongKept, ids))
                            .isEqualTo(tiesAmongKept);
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(200);
    }

    /** A tie (kind, from, to) as a bit over the states {@code ids}. */
    private static int bit(ObligationKind k, int from, int to, int n) {
        return k.ordinal() * n * n + from * n + to;
    }

    /** Spells are maximal: two of one tie neither overlap nor touch; they come in order of tie and start. */
    private static void assertMaximalSpells(PanelInput in) {
        for (int r = 1; r < in.obligations().size(); r++) {
            PanelInput.ObligationRow x = in.obligations().get(r - 1);
            PanelInput.ObligationRow y = in.obligations().get(r);
            if (x.kind() == y.kind() && x.from().equals(y.from()) && x.to().equals(y.to())) {
                assertThat(y.start()).as(x + " then " + y).isGreaterThan(x.end());
            }
        }
    }

    /** What two sets of ties differ by, as "KIND|from|to" (made only when an assertion fails). */
    private static String difference(java.util.BitSet actual, java.util.BitSet expected, List<String> ids) {
        int n = ids.size();
        java.util.function.Function<java.util.BitSet, List<String>> named = ties -> ties.stream()
                .mapToObj(b -> ObligationKind.values()[b / (n * n)] + "|" + ids.get(b / n % n) + "|" + ids.get(b % n)).toList();
        java.util.BitSet extra = (java.util.BitSet) actual.clone();
        extra.andNot(expected);
        java.util.BitSet missing = (java.util.BitSet) expected.clone();
        missing.andNot(actual);
        return "spells hold but the day has no such tie " + named.apply(extra) + "; ties the spells miss " + named.apply(missing);
    }

    /** The ties whose spells hold on a day, as bits over {@code ids}. */
    private static java.util.BitSet heldOn(PanelInput in, LocalDate d, List<String> ids) {
        long day = d.toEpochDay();
        java.util.BitSet held = new java.util.BitSet();
        for (PanelInput.ObligationRow o : in.obligations()) {
            if (o.start() <= day && day < o.end()) {
                held.set(bit(o.kind(), ids.indexOf(o.from()), ids.indexOf(o.to()), ids.size()));
            }
        }
        return held;
    }

    /** The directed ties of a day among {@code kept}, from a snapshot built for that day alone and the provisions in force that day. */
    static java.util.BitSet tiesOn(org.eurosec.engine.SnapshotBuilder builder, LocalDate day, List<String> ids, Set<String> kept) {
        int n = ids.size();
        java.util.BitSet out = new java.util.BitSet();
        builder.snapshot(day).guarantees().forEach((beneficiary, groups) -> groups.forEach(g -> g.guarantorIds().forEach(x -> {
            if (kept.contains(x) && kept.contains(beneficiary)) {
                out.set(bit(ObligationKind.DEFENCE, ids.indexOf(x), ids.indexOf(beneficiary), n));
            }
        })));
        for (org.eurosec.model.Instrument i : builder.architecture().instruments().values()) {
            if (!i.inForceOn(day)) {
                continue;
            }
            boolean binding = i.legalForce() == org.eurosec.model.LegalForce.BINDING;
            Set<ObligationKind> kinds = java.util.EnumSet.noneOf(ObligationKind.class);
            for (org.eurosec.model.Provision p : i.provisions()) {
                if (i.inForceSpan(p).filter(s -> s.contains(day)).isEmpty()) {
                    continue;
                }
                for (ObligationKind k : ObligationKind.values()) {
                    if (k != ObligationKind.DEFENCE && ((binding && p.kind() == k.provisionKind()) || builder.reading().countsAs(p).contains(k.provisionKind()))) {
                        kinds.add(k);
                    }
                }
            }
            int[] parties = builder.partiesOn(i.id(), day).keySet().stream().filter(kept::contains).mapToInt(ids::indexOf).toArray();
            for (ObligationKind k : kinds) {
                for (int x : parties) {
                    for (int y : parties) {
                        if (x != y) {
                            out.set(bit(k, x, y, n));
                        }
                    }
                }
            }
        }
        return out;
    }

    /**
     * The dyad-year writer against the panel's definition written out plainly (each pair of states
     * that exist on a common covered day of the year; a cell is 1 when an obligation spell of the kind
     * between them meets the year's covered days, 0 when none does in a complete year, empty in the
     * as-of year): the same text, directed and undirected, for a few years of the whole history's
     * input, the last two years (the as-of year among them), and a window's input without the microstates.
     */
    @Test
    void theDyadYearTextIsThePanelsDefinitionWrittenOutPlainly() {
        int last = A.factsCheckedThrough().getYear();
        PanelInput window = Panels.input(TIMELINE, Set.of("microstate"), LocalDate.of(2008, 1, 1), LocalDate.of(2011, 1, 1));
        for (boolean directed : List.of(true, false)) {
            for (Object[] c : List.of(new Object[] {IN, 1990, 1992}, new Object[] {IN, last - 1, last}, new Object[] {window, 2008, 2010})) {
                PanelInput in = (PanelInput) c[0];
                int from = (Integer) c[1];
                int to = (Integer) c[2];
                StringBuilder written = new StringBuilder();
                Panels.dyadYear(in, from, to, directed, written);
                String expected = plainDyadYear(in, from, to, directed);
                assertThat(expected.split("\n").length).isGreaterThan(1000);
                assertThat(written.toString()).as(from + "-" + to + (directed ? " directed" : "")).isEqualTo(expected);
            }
        }
    }

    private static String plainDyadYear(PanelInput in, int from, int to, boolean directed) {
        StringBuilder out = new StringBuilder(Panels.dyadYearHeader()).append('\n');
        Map<String, List<PanelInput.StateRow>> spells = new java.util.TreeMap<>();
        in.states().forEach(r -> spells.computeIfAbsent(r.id(), k -> new java.util.ArrayList<>()).add(r));
        Map<String, List<PanelInput.CodeRow>> codes = new HashMap<>();
        in.codes().forEach(r -> codes.computeIfAbsent(r.id(), k -> new java.util.ArrayList<>()).add(r));
        Map<String, List<PanelInput.ObligationRow>> between = new HashMap<>();
        in.obligations().forEach(o -> between.computeIfAbsent(o.from() + ">" + o.to(), k -> new java.util.ArrayList<>()).add(o));
        for (int y = from; y <= to; y++) {
            long yearStart = LocalDate.of(y, 1, 1).toEpochDay();
            long yearEnd = LocalDate.of(y + 1, 1, 1).toEpochDay();
            long s = Math.max(yearStart, in.coversFrom());
            long e = Math.min(yearEnd, in.endExclusive());
            boolean complete = s == yearStart && e == yearEnd;
            for (String a : spells.keySet()) {
                for (String b : spells.keySet()) {
                    if (directed ? a.equals(b) : a.compareTo(b) >= 0) {
                        continue;
                    }
                    boolean meet = false;
                    for (PanelInput.StateRow x : spells.get(a)) {
                        for (PanelInput.StateRow z : spells.get(b)) {
                            meet |= Math.max(Math.max(x.start(), z.start()), s) < Math.min(Math.min(x.end(), z.end()), e);
                        }
                    }
                    if (!meet) {
                        continue;
                    }
                    out.append(y).append(',').append(Panels.ccode(codes.get(a), e - 1)).append(',').append(spells.get(a).get(0).iso3())
                            .append(',').append(Panels.ccode(codes.get(b), e - 1)).append(',').append(spells.get(b).get(0).iso3());
                    List<PanelInput.ObligationRow> ties = new java.util.ArrayList<>(between.getOrDefault(a + ">" + b, List.of()));
                    if (!directed) {
                        ties.addAll(between.getOrDefault(b + ">" + a, List.of()));
                    }
                    for (ObligationKind k : ObligationKind.values()) {
                        long year0 = s;
                        long year1 = e;
                        boolean held = ties.stream().anyMatch(o -> o.kind() == k && o.start() < year1 && o.end() > year0);
                        out.append(',').append(held ? "1" : complete ? "0" : "");
                    }
                    out.append('\n');
                }
            }
        }
        return out.toString();
    }
}
