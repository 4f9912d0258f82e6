package org.eurosec.analysis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.analysis.PanelInput.CodeRow;
import org.eurosec.analysis.PanelInput.ObligationRow;
import org.eurosec.analysis.PanelInput.StateRow;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.engine.PartySpell;
import org.eurosec.engine.Snapshot;
import org.eurosec.engine.SnapshotBuilder;
import org.eurosec.model.Architecture;
import org.eurosec.model.CodeSpell;
import org.eurosec.model.Dated;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;
import org.eurosec.model.State;

/**
 * Research panels in the shape peacesciencer users expect: state-year, state-day and dyad-year
 * rows with {@code ccode} and {@code iso3} and one column per obligation kind.
 *
 * <p>Cells are three-valued. A year that the data covers only in part (the as-of year) shows 1 when
 * the obligation held on a covered day, and an empty cell, never 0, when it did not: the uncovered
 * days might still bring it. A dyad is listed for a year only when both states exist on a common day
 * of it (states that exist in the same year but never on the same day make no dyad).
 */
public final class Panels {

    private Panels() {
    }

    /** The panel tables from a coverage timeline: states (less those with an excluded tag) and obligations. */
    public static PanelInput input(CoverageTimeline timeline, Set<String> excludeTags) {
        return input(timeline, excludeTags, LocalDate.MIN, LocalDate.MAX);
    }

    /**
     * As {@link #input(CoverageTimeline, Set)}, with the obligations derived only on the days in
     * {@code [from, toExclusive)}: a panel of the years or days in that window is the same as from the
     * whole history's input (the data's span, which decides which years are complete, is unchanged),
     * and history outside it is not computed.
     */
    public static PanelInput input(CoverageTimeline timeline, Set<String> excludeTags, LocalDate from, LocalDate toExclusive) {
        Architecture a = timeline.builder().architecture();
        long lo = a.coversFrom().toEpochDay();
        long hi = a.factsCheckedThrough().toEpochDay() + 1;
        long windowLo = Math.max(lo, from.toEpochDay());
        long windowHi = Math.min(hi, toExclusive.toEpochDay());
        List<StateRow> states = new ArrayList<>();
        List<CodeRow> codes = new ArrayList<>();
        Set<String> kept = new TreeSet<>();
        for (State s : a.states().values()) {
            if (s.tags().stream().anyMatch(excludeTags::contains)) {
                continue;
            }
            kept.add(s.id());
            for (Dated d : s.exists()) {
                clip(d.span(), lo, hi).ifPresent(r -> states.add(new StateRow(s.id(), s.iso3(), r[0], r[1])));
            }
            for (CodeSpell c : s.ccodes()) {
                long start = c.span().from().toEpochDay();
                long end = c.span().to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
                codes.add(new CodeRow(s.id(), c.ccode(), start, end));
            }
        }
        return new PanelInput(List.copyOf(states), List.copyOf(codes), obligations(timeline.builder(), new ArrayList<>(kept), windowLo, windowHi), lo, hi);
    }

    /**
     * The directed obligation spells among {@code ids} (state ids in order) on the days [lo, hi),
     * computed by intervals rather than day by day or segment by segment: for each instrument in
     * force and each of its provisions in force, every two parties' spells (while they exist) meet
     * on an interval, on which the provision binds the one to the other; a tie's spells are the union
     * of its intervals, adjacent ones joined. The rule is {@link SnapshotBuilder}'s (the parties of
     * {@link SnapshotBuilder#partiesOn}, the guarantees of {@link SnapshotBuilder#snapshot}) and
     * {@link #attributedTies}'s for the other kinds; every boundary is one of the timeline's cuts, so
     * the spells are those that the ties of each segment in turn would give. Rows come ordered by
     * kind, from, to and start.
     */
    private static List<ObligationRow> obligations(SnapshotBuilder builder, List<String> ids, long lo, long hi) {
        if (lo >= hi) {
            return List.of();
        }
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int n = ids.size();
        ObligationKind[] kinds = ObligationKind.values();
        // Each tie (kind, from, to) as one number, kind * n * n + from * n + to; each interval as the
        // tie and (start - lo) << 32 | (end - lo), days fitting an int once clipped to [lo, hi).
        Intervals found = new Intervals();
        for (Instrument i : builder.architecture().instruments().values()) {
            Optional<Span> force = i.inForceSpan();
            if (force.isEmpty()) {
                continue;
            }
            // The parties (kept states only) while they exist, cut to the instrument's force and the window.
            List<PartySpell> spells = builder.partySpellsWhileExisting(i.id());
            int[] who = new int[spells.size()];
            long[] from = new long[spells.size()];
            long[] to = new long[spells.size()];
            int m = 0;
            for (PartySpell ps : spells) {
                Integer x = index.get(ps.actor());
                long s = Math.max(Math.max(ps.span().from().toEpochDay(), force.get().from().toEpochDay()), lo);
                long e = Math.min(Math.min(end(ps.span()), end(force.get())), hi);
                if (x != null && s < e) {
                    who[m] = x;
                    from[m] = s;
                    to[m] = e;
                    m++;
                }
            }
            if (m < 2) {
                continue;
            }
            boolean binding = i.legalForce() == LegalForce.BINDING;
            for (Provision p : i.provisions()) {
                Optional<Span> pf = i.inForceSpan(p);
                if (pf.isEmpty()) {
                    continue;
                }
                long ps = Math.max(pf.get().from().toEpochDay(), lo);
                long pe = Math.min(end(pf.get()), hi);
                Set<org.eurosec.model.ProvisionKind> counted = builder.reading().countsAs(p);
                int mask = 0;
                for (ObligationKind k : kinds) {
                    if (k != ObligationKind.DEFENCE && ((binding && p.kind() == k.provisionKind()) || counted.contains(k.provisionKind()))) {
                        mask |= 1 << k.ordinal();
                    }
                }
                boolean defence = binding && builder.guarantees(p);
                if (ps >= pe || (mask == 0 && !defence)) {
                    continue;
                }
                boolean[] guarantor = new boolean[m];
                boolean[] beneficiary = new boolean[m];
                if (defence) {
                    for (int x = 0; x < m; x++) {
                        guarantor[x] = builder.guarantor(p, ids.get(who[x]));
                        beneficiary[x] = builder.beneficiary(p, ids.get(who[x]));
                    }
                }
                for (int x = 0; x < m; x++) {
                    long sx = Math.max(ps, from[x]);
                    long ex = Math.min(pe, to[x]);
                    if (sx >= ex) {
                        continue;
                    }
                    for (int y = 0; y < m; y++) {
                        long s = Math.max(sx, from[y]);
                        long e = Math.min(ex, to[y]);
                        if (who[x] == who[y] || s >= e) {
                            continue;
                        }
                        long span = (s - lo) << 32 | (e - lo);
                        int pair = who[x] * n + who[y];
                        for (int k = 0; k < kinds.length; k++) {
                            if ((mask & 1 << k) != 0) {
                                found.add(k * n * n + pair, span);
                            }
                        }
                        if (defence && guarantor[x] && beneficiary[y]) {
                            found.add(ObligationKind.DEFENCE.ordinal() * n * n + pair, span);
                        }
                    }
                }
            }
        }
        return found.spells(kinds.length * n * n, (tie, start, end) -> new ObligationRow(kinds[tie / (n * n)], ids.get(tie / n % n), ids.get(tie % n),
                start + lo, end + lo));
    }

    private static long end(Span s) {
        return s.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE);
    }

    /** Intervals of days by tie, collected in flat arrays and joined into maximal spells. */
    private static final class Intervals {
        private int[] ties = new int[1024];
        private long[] spans = new long[1024];
        private int size;

        void add(int tie, long span) {
            if (size == ties.length) {
                ties = java.util.Arrays.copyOf(ties, size * 2);
                spans = java.util.Arrays.copyOf(spans, size * 2);
            }
            ties[size] = tie;
            spans[size] = span;
            size++;
        }

        interface Row {
            ObligationRow of(int tie, long start, long end);
        }

        /** The spells in order of tie and start: the intervals bucketed by tie, sorted by start, overlapping or adjacent ones joined. */
        List<ObligationRow> spells(int tieCount, Row row) {
            int[] offset = new int[tieCount + 1];
            for (int i = 0; i < size; i++) {
                offset[ties[i] + 1]++;
            }
            for (int t = 0; t < tieCount; t++) {
                offset[t + 1] += offset[t];
            }
            long[] sorted = new long[size];
            int[] next = java.util.Arrays.copyOf(offset, tieCount);
            for (int i = 0; i < size; i++) {
                sorted[next[ties[i]]++] = spans[i];
            }
            List<ObligationRow> out = new ArrayList<>();
            for (int t = 0; t < tieCount; t++) {
                int a = offset[t];
                int b = offset[t + 1];
                if (a == b) {
                    continue;
                }
                java.util.Arrays.sort(sorted, a, b);
                long start = sorted[a] >>> 32;
                long end = sorted[a] & 0xffffffffL;
                for (int i = a + 1; i < b; i++) {
                    long s = sorted[i] >>> 32;
                    long e = sorted[i] & 0xffffffffL;
                    if (s > end) {
                        out.add(row.of(t, start, end));
                        start = s;
                    }
                    end = Math.max(end, e);
                }
                out.add(row.of(t, start, end));
            }
            return out;
        }
    }

    /**
     * The obligation kinds other than defence an instrument makes on a day, each with the first
     * provision in force that makes it: the kinds of its provisions if it binds in law, and whatever
     * kind the reading counts a provision as ({@code counts_as}), binding or not.
     */
    private static Map<ObligationKind, String> kindsOn(CoverageTimeline timeline, Instrument i, LocalDate day) {
        Map<ObligationKind, String> kinds = new TreeMap<>();
        boolean binding = i.legalForce() == LegalForce.BINDING;
        for (Provision p : i.provisions()) {
            if (!i.inForceSpan(p).map(s -> s.contains(day)).orElse(false)) {
                continue;
            }
            Set<org.eurosec.model.ProvisionKind> counted = timeline.builder().reading().countsAs(p);
            for (ObligationKind k : ObligationKind.values()) {
                if (k != ObligationKind.DEFENCE && ((binding && p.kind() == k.provisionKind()) || counted.contains(k.provisionKind()))) {
                    kinds.putIfAbsent(k, p.id());
                }
            }
        }
        return kinds;
    }

    /** An instrument's parties on a day: the snapshot's for a binding one, its participants' spells for a political one. */
    private static java.util.Collection<String> partiesOn(CoverageTimeline timeline, Snapshot snap, Instrument i, LocalDate day) {
        return i.legalForce() == LegalForce.BINDING ? snap.partiesByInstrument().getOrDefault(i.id(), Set.of())
                : timeline.builder().partiesOn(i.id(), day).keySet();
    }

    private static java.util.Optional<long[]> clip(Span s, long lo, long hi) {
        long start = Math.max(s.from().toEpochDay(), lo);
        long end = Math.min(s.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE), hi);
        return start < end ? java.util.Optional.of(new long[] {start, end}) : java.util.Optional.empty();
    }

    /**
     * The directed ties of every kind on a day, as "KIND|from|to" keys, each with the provisions
     * that make it (several when more than one instrument binds the pair). Only states in
     * {@code kept} take part.
     */
    public static Map<String, Set<String>> attributedTies(CoverageTimeline timeline, LocalDate day, Set<String> kept) {
        Map<String, Set<String>> out = new HashMap<>();
        Snapshot snap = timeline.on(day);
        for (Map.Entry<String, List<GuaranteeGroup>> e : snap.guarantees().entrySet()) {
            for (GuaranteeGroup g : e.getValue()) {
                for (String guarantor : g.guarantorIds()) {
                    if (kept.contains(guarantor) && kept.contains(e.getKey())) {
                        out.computeIfAbsent(ObligationKind.DEFENCE + "|" + guarantor + "|" + e.getKey(), k -> new TreeSet<>()).add(g.provision().id());
                    }
                }
            }
        }
        for (Instrument i : timeline.builder().architecture().instruments().values()) {
            if (!i.inForceOn(day)) {
                continue;
            }
            Map<ObligationKind, String> kinds = kindsOn(timeline, i, day);
            if (kinds.isEmpty()) {
                continue;
            }
            List<String> parties = partiesOn(timeline, snap, i, day).stream().filter(kept::contains).toList();
            for (Map.Entry<ObligationKind, String> k : kinds.entrySet()) {
                for (String x : parties) {
                    for (String y : parties) {
                        if (!x.equals(y)) {
                            out.computeIfAbsent(k.getKey() + "|" + x + "|" + y, key -> new TreeSet<>()).add(k.getValue());
                        }
                    }
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ writers

    /** The code a state carries in a year's rows: the spell holding the year's last covered day, else the latest before, else the first. */
    static String ccode(List<CodeRow> spells, long day) {
        if (spells == null || spells.isEmpty()) {
            return "";
        }
        CodeRow best = null;
        for (CodeRow c : spells) {
            if (c.start() <= day && (best == null || c.start() > best.start())) {
                best = c;
            }
        }
        if (best == null) {
            for (CodeRow c : spells) {
                if (best == null || c.start() < best.start()) {
                    best = c;
                }
            }
        }
        return String.valueOf(best.ccode());
    }

    /** One year's known window [start, end) and whether it is the whole year. */
    record Window(int year, long start, long end, boolean complete) {
        static Window of(int year, PanelInput in) {
            long ys = LocalDate.of(year, 1, 1).toEpochDay();
            long ye = LocalDate.of(year + 1, 1, 1).toEpochDay();
            long s = Math.max(ys, in.coversFrom());
            long e = Math.min(ye, in.endExclusive());
            return new Window(year, s, e, s == ys && e == ye);
        }
    }

    /** Checks a year range against what the data covers; the message names the option. */
    public static void checkYears(PanelInput in, int from, int to) {
        int first = LocalDate.ofEpochDay(in.coversFrom()).getYear();
        int last = LocalDate.ofEpochDay(in.endExclusive() - 1).getYear();
        if (from > to) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
        if (from < first || to > last) {
            throw new IllegalArgumentException("the data covers " + LocalDate.ofEpochDay(in.coversFrom()) + " to "
                    + LocalDate.ofEpochDay(in.endExclusive() - 1) + ": years must lie within " + first + "-" + last + " (got " + from + "-" + to + ")");
        }
    }

    private static String cell(boolean held, boolean complete) {
        return held ? "1" : complete ? "0" : "";
    }

    private static Map<String, List<StateRow>> byState(PanelInput in) {
        Map<String, List<StateRow>> out = new TreeMap<>();
        in.states().forEach(s -> out.computeIfAbsent(s.id(), k -> new ArrayList<>()).add(s));
        return out;
    }

    private static Map<String, List<CodeRow>> codesByState(PanelInput in) {
        Map<String, List<CodeRow>> out = new HashMap<>();
        in.codes().forEach(c -> out.computeIfAbsent(c.id(), k -> new ArrayList<>()).add(c));
        return out;
    }

    /** The days of [start, end) on which the state exists, as spells. */
    private static List<long[]> within(List<StateRow> spells, long start, long end) {
        List<long[]> out = new ArrayList<>();
        for (StateRow r : spells) {
            long s = Math.max(r.start(), start);
            long e = Math.min(r.end(), end);
            if (s < e) {
                out.add(new long[] {s, e});
            }
        }
        return out;
    }

    /** The days of [start, end) on which the state exists, as flat spells (start, end, start, end, ...). */
    private static long[] existence(List<StateRow> spells, long start, long end) {
        long[] out = new long[2 * spells.size()];
        int k = 0;
        for (StateRow r : spells) {
            long s = Math.max(r.start(), start);
            long e = Math.min(r.end(), end);
            if (s < e) {
                out[k++] = s;
                out[k++] = e;
            }
        }
        return k == out.length ? out : java.util.Arrays.copyOf(out, k);
    }

    /** Whether two states' flat spells share a day. */
    private static boolean meet(long[] a, long[] b) {
        for (int x = 0; x < a.length; x += 2) {
            for (int y = 0; y < b.length; y += 2) {
                if (Math.max(a[x], b[y]) < Math.min(a[x + 1], b[y + 1])) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The dyad-year header: undirected rows have the pair in id order, directed rows both ways. */
    public static String dyadYearHeader() {
        StringBuilder sb = new StringBuilder("year,ccode1,iso3_1,ccode2,iso3_2");
        for (ObligationKind k : ObligationKind.values()) {
            sb.append(',').append(k.column());
        }
        return sb.toString();
    }

    /**
     * Writes the dyad-year panel as CSV. Undirected: one row per pair (ids in order), 1 when either
     * is bound to the other. Directed: a row per ordered pair, 1 when the first is bound to the second.
     *
     * <p>The obligations are first laid out as one small mask of kinds per year and pair; each row is
     * then three ready pieces of text (the year and first state, the second state, the cells with the
     * line's end), written to {@code out} in large chunks.
     */
    public static void dyadYear(PanelInput in, int from, int to, boolean directed, Appendable out) {
        checkYears(in, from, to);
        Map<String, List<StateRow>> states = byState(in);
        Map<String, List<CodeRow>> codes = codesByState(in);
        List<String> ids = new ArrayList<>(states.keySet());
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            index.put(ids.get(i), i);
        }
        int n = ids.size();
        int years = to - from + 1;
        int kinds = ObligationKind.values().length;
        // held[year][i * n + j] has bit k when the pair held an obligation of kind k on a covered day of the year.
        byte[][] held = new byte[years][n * n];
        Window[] windows = new Window[years];
        for (int y = 0; y < years; y++) {
            windows[y] = Window.of(from + y, in);
        }
        for (ObligationRow o : in.obligations()) {
            Integer i = index.get(o.from());
            Integer j = index.get(o.to());
            if (i == null || j == null) {
                continue;
            }
            int y0 = Math.max(from, LocalDate.ofEpochDay(o.start()).getYear());
            int y1 = Math.min(to, LocalDate.ofEpochDay(o.end() - 1).getYear());
            int bit = directed || i < j ? i * n + j : j * n + i;
            byte kind = (byte) (1 << o.kind().ordinal());
            for (int y = y0; y <= y1; y++) {
                Window w = windows[y - from];
                if (o.start() < w.end() && o.end() > w.start()) {
                    held[y - from][bit] |= kind;
                }
            }
        }
        // The cells of a row for each mask of kinds, with the line's end: complete years write 0, others leave it empty.
        String[][] cells = new String[2][1 << kinds];
        for (int c = 0; c < 2; c++) {
            for (int mask = 0; mask < 1 << kinds; mask++) {
                StringBuilder sb = new StringBuilder();
                for (int k = 0; k < kinds; k++) {
                    sb.append(',').append(cell((mask & 1 << k) != 0, c == 1));
                }
                cells[c][mask] = sb.append('\n').toString();
            }
        }
        String[] iso = new String[n];
        for (int i = 0; i < n; i++) {
            iso[i] = states.get(ids.get(i)).get(0).iso3();
        }
        StringBuilder chunk = new StringBuilder(1 << 16);
        try {
            out.append(dyadYearHeader()).append('\n');
            String[] first = new String[n];
            String[] second = new String[n];
            List<List<StateRow>> spells = new ArrayList<>(n);
            List<List<CodeRow>> codesOf = new ArrayList<>(n);
            for (String id : ids) {
                spells.add(states.get(id));
                codesOf.add(codes.get(id));
            }
            long[][] alive = new long[n][];
            for (int y = 0; y < years; y++) {
                Window w = windows[y];
                for (int i = 0; i < n; i++) {
                    alive[i] = existence(spells.get(i), w.start(), w.end());
                    String cc = ccode(codesOf.get(i), w.end() - 1);
                    first[i] = w.year() + "," + cc + "," + iso[i] + ",";
                    second[i] = cc + "," + iso[i];
                }
                String[] cellsOf = cells[w.complete() ? 1 : 0];
                byte[] heldOf = held[y];
                for (int i = 0; i < n; i++) {
                    long[] ai = alive[i];
                    if (ai.length == 0) {
                        continue;
                    }
                    for (int j = directed ? 0 : i + 1; j < n; j++) {
                        if (i == j || !meet(ai, alive[j])) {
                            continue;
                        }
                        chunk.append(first[i]).append(second[j]).append(cellsOf[heldOf[i * n + j]]);
                    }
                    if (chunk.length() > (1 << 16) - 4096) {
                        out.append(chunk);
                        chunk.setLength(0);
                    }
                }
            }
            out.append(chunk);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the state-year panel as CSV: one row per state existing on a covered day of the year.
     * {@code defence} is 1 when the state held a guarantee (was covered) on some day of the year; the
     * other kinds are 1 when it had a tie of that kind; {@code *_partners} count distinct partners.
     */
    public static void stateYear(PanelInput in, int from, int to, Appendable out) {
        checkYears(in, from, to);
        Map<String, List<StateRow>> states = byState(in);
        Map<String, List<CodeRow>> codes = codesByState(in);
        int kinds = ObligationKind.values().length;
        try {
            StringBuilder h = new StringBuilder("year,ccode,iso3");
            for (ObligationKind k : ObligationKind.values()) {
                h.append(',').append(k.column());
            }
            for (ObligationKind k : ObligationKind.values()) {
                h.append(',').append(k.column()).append("_partners");
            }
            out.append(h).append('\n');
            Map<String, List<ObligationRow>> touching = new HashMap<>();
            for (ObligationRow o : in.obligations()) {
                // Defence counts for the beneficiary (the coverage rule); the others are symmetric, so either end will do.
                touching.computeIfAbsent(o.to(), k -> new ArrayList<>()).add(o);
            }
            for (int y = from; y <= to; y++) {
                Window w = Window.of(y, in);
                for (Map.Entry<String, List<StateRow>> e : states.entrySet()) {
                    if (within(e.getValue(), w.start(), w.end()).isEmpty()) {
                        continue;
                    }
                    List<Set<String>> partners = new ArrayList<>();
                    for (int k = 0; k < kinds; k++) {
                        partners.add(new TreeSet<>());
                    }
                    for (ObligationRow o : touching.getOrDefault(e.getKey(), List.of())) {
                        if (o.start() < w.end() && o.end() > w.start()) {
                            partners.get(o.kind().ordinal()).add(o.from());
                        }
                    }
                    StringBuilder line = new StringBuilder();
                    line.append(y).append(',').append(ccode(codes.get(e.getKey()), w.end() - 1)).append(',').append(e.getValue().get(0).iso3());
                    for (int k = 0; k < kinds; k++) {
                        line.append(',').append(cell(!partners.get(k).isEmpty(), w.complete()));
                    }
                    for (int k = 0; k < kinds; k++) {
                        line.append(',').append(partners.get(k).isEmpty() && !w.complete() ? "" : String.valueOf(partners.get(k).size()));
                    }
                    out.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the state-day panel as CSV: every covered day from the first to the last, each existing state, 0/1 per kind. */
    public static void stateDay(PanelInput in, LocalDate from, LocalDate to, Appendable out) {
        if (from.toEpochDay() < in.coversFrom() || to.toEpochDay() >= in.endExclusive() || to.isBefore(from)) {
            throw new IllegalArgumentException("the data covers " + LocalDate.ofEpochDay(in.coversFrom()) + " to "
                    + LocalDate.ofEpochDay(in.endExclusive() - 1) + ": days must lie within it and run forwards (got " + from + " to " + to + ")");
        }
        Map<String, List<StateRow>> states = byState(in);
        Map<String, List<CodeRow>> codes = codesByState(in);
        Map<String, List<ObligationRow>> touching = new HashMap<>();
        in.obligations().forEach(o -> touching.computeIfAbsent(o.to(), k -> new ArrayList<>()).add(o));
        try {
            StringBuilder h = new StringBuilder("date,ccode,iso3");
            for (ObligationKind k : ObligationKind.values()) {
                h.append(',').append(k.column());
            }
            out.append(h).append('\n');
            for (long d = from.toEpochDay(); d <= to.toEpochDay(); d++) {
                String date = LocalDate.ofEpochDay(d).toString();
                for (Map.Entry<String, List<StateRow>> e : states.entrySet()) {
                    if (within(e.getValue(), d, d + 1).isEmpty()) {
                        continue;
                    }
                    boolean[] held = new boolean[ObligationKind.values().length];
                    for (ObligationRow o : touching.getOrDefault(e.getKey(), List.of())) {
                        if (o.start() <= d && d < o.end()) {
                            held[o.kind().ordinal()] = true;
                        }
                    }
                    StringBuilder line = new StringBuilder();
                    line.append(date).append(',').append(ccode(codes.get(e.getKey()), d)).append(',').append(e.getValue().get(0).iso3());
                    for (boolean b : held) {
                        line.append(',').append(b ? '1' : '0');
                    }
                    out.append(line).append('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
