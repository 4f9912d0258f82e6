package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.engine.PartySpell;
import org.eurosec.engine.SnapshotBuilder;
import org.eurosec.model.Architecture;
import org.eurosec.model.CodeSpell;
import org.eurosec.model.Crosswalk;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;
import org.eurosec.model.State;

/**
 * eurosec's directed dyad-year panel next to another dataset's (ATOP, COW), cell by cell, with one
 * cause for every disagreement: {@code convention} (the panel dated the other dataset's way agrees),
 * {@code interpretation} (another option of a named interpretation agrees), {@code fact} (a sourced
 * crosswalk note says why the codings differ), {@code missing} (no eurosec instrument of that kind
 * binds the pair that year: see {@link Missing} for the crosswalk's word on it), or none ({@code
 * unexplained}). Cells are keyed by year and COW codes,
 * the way the datasets are; a state carries the code it had on the days of the year it held it.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** The cause of one disagreement. */
    public enum Cause {
        CONVENTION, INTERPRETATION, FACT, MISSING, UNEXPLAINED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * What the crosswalk says of a {@code missing} cell: a pledge eurosec leaves out on purpose
     * ({@code out_of_scope}), one of a known treaty eurosec has not encoded yet ({@code
     * not_encoded}), or nothing ({@code no_entry}).
     */
    public enum Missing {
        OUT_OF_SCOPE, NOT_ENCODED, NO_ENTRY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The cell key of a directed dyad-year. */
    public static long key(int year, int ccode1, int ccode2) {
        return ((long) year * 1000 + ccode1) * 1000 + ccode2;
    }

    static int year(long key) {
        return (int) (key / 1_000_000);
    }

    static int ccode1(long key) {
        return (int) (key / 1000 % 1000);
    }

    static int ccode2(long key) {
        return (int) (key % 1000);
    }

    /**
     * eurosec's panel for a range of years: which cells hold, by which provisions, and which dyad-years
     * it lists at all. Held compactly, since a reconciliation keeps one panel per interpretation option
     * at once: the COW codes in play get an index each (in code order), a cell is a place in one array
     * per year and ordered pair, and each cell holds the number of its kinds-and-provisions, a value
     * shared by every cell that has the same (a few hundred distinct ones over the whole history).
     */
    public static final class Panel {
        private final int from;
        private final int to;
        /** A COW code's index among those in play, or -1. */
        private final int[] index = new int[1000];
        /** The codes in play, in order. */
        private final int[] codes;
        private final int m;
        /** The listed cells, at (year - from) * m * m + i * m + j. */
        private final java.util.BitSet universe = new java.util.BitSet();
        /** Each cell's value: 0 when nothing holds, else 1 + its place in {@code values}. */
        private final int[] cells;
        private final List<Map<ObligationKind, Set<String>>> values = new ArrayList<>();
        private final Map<Long, String> names = new HashMap<>();

        private Panel(int from, int to, Set<Integer> inPlay) {
            this.from = from;
            this.to = to;
            java.util.Arrays.fill(index, -1);
            this.codes = inPlay.stream().mapToInt(Integer::intValue).sorted().toArray();
            for (int i = 0; i < codes.length; i++) {
                index[codes[i]] = i;
            }
            this.m = codes.length;
            this.cells = new int[Math.max(0, to - from + 1) * m * m];
        }

        /**
         * The panel of a timeline over the years {@code [from, to]} for the states carrying one of
         * {@code ccodes} (all states when empty).
         */
        public static Panel of(CoverageTimeline timeline, int from, int to, Set<Integer> ccodes) {
            Architecture a = timeline.builder().architecture();
            Set<Integer> inPlay = new TreeSet<>();
            for (State s : a.states().values()) {
                for (CodeSpell c : s.ccodes()) {
                    if (c.ccode() >= 0 && c.ccode() < 1000 && (ccodes.isEmpty() || ccodes.contains(c.ccode()))) {
                        inPlay.add(c.ccode());
                    }
                }
            }
            Panel p = new Panel(from, to, inPlay);
            long lo = Math.max(a.coversFrom().toEpochDay(), LocalDate.of(from, 1, 1).toEpochDay());
            long hi = Math.min(a.factsCheckedThrough().toEpochDay() + 1, LocalDate.of(to + 1, 1, 1).toEpochDay());
            Set<String> all = a.states().keySet();
            // The cells of the years still open (a later segment may add to them), merged as they come and
            // stored once the segments have moved past their year.
            Map<Integer, Map<Integer, Map<ObligationKind, Set<String>>>> open = new TreeMap<>();
            Map<Map<ObligationKind, Set<String>>, Integer> known = new HashMap<>();
            for (Span seg : timeline.segments()) {
                long start = Math.max(seg.from().toEpochDay(), lo);
                long end = Math.min(seg.to().map(LocalDate::toEpochDay).orElse(Long.MAX_VALUE), hi);
                if (start >= end) {
                    continue;
                }
                LocalDate day = LocalDate.ofEpochDay(start);
                int y0 = day.getYear();
                int y1 = LocalDate.ofEpochDay(end - 1).getYear();
                p.store(open, y0, known);
                Map<String, Integer> code = new HashMap<>();
                for (State s : a.states().values()) {
                    OptionalInt c = s.ccodeOn(day);
                    if (s.existsOn(day) && c.isPresent() && c.getAsInt() >= 0 && c.getAsInt() < 1000 && p.index[c.getAsInt()] >= 0) {
                        code.put(s.id(), c.getAsInt());
                    }
                }
                // The segment's ties between states in play, each as its kind, the pair's place in a year and its provisions.
                List<ObligationKind> tieKind = new ArrayList<>();
                List<Integer> tiePair = new ArrayList<>();
                List<Set<String>> tieProvisions = new ArrayList<>();
                for (Map.Entry<String, Set<String>> t : Panels.attributedTies(timeline, seg.from(), all).entrySet()) {
                    String[] parts = t.getKey().split("\\|");
                    Integer c1 = code.get(parts[1]);
                    Integer c2 = code.get(parts[2]);
                    if (c1 == null || c2 == null || c1.equals(c2)) {
                        continue;
                    }
                    tieKind.add(ObligationKind.valueOf(parts[0]));
                    tiePair.add(p.index[c1] * p.m + p.index[c2]);
                    tieProvisions.add(t.getValue());
                }
                for (int y = y0; y <= y1; y++) {
                    int base = (y - from) * p.m * p.m;
                    for (Map.Entry<String, Integer> x : code.entrySet()) {
                        p.names.put((long) y * 1000 + x.getValue(), x.getKey());
                        for (Map.Entry<String, Integer> z : code.entrySet()) {
                            if (!x.getValue().equals(z.getValue())) {
                                p.universe.set(base + p.index[x.getValue()] * p.m + p.index[z.getValue()]);
                            }
                        }
                    }
                    Map<Integer, Map<ObligationKind, Set<String>>> year = open.computeIfAbsent(y, k -> new HashMap<>());
                    for (int t = 0; t < tiePair.size(); t++) {
                        year.computeIfAbsent(tiePair.get(t), k -> new EnumMap<>(ObligationKind.class))
                                .computeIfAbsent(tieKind.get(t), k -> new TreeSet<>()).addAll(tieProvisions.get(t));
                    }
                }
            }
            p.store(open, Integer.MAX_VALUE, known);
            return p;
        }

        /** Stores the open years before {@code before}, each cell as its shared value. */
        private void store(Map<Integer, Map<Integer, Map<ObligationKind, Set<String>>>> open, int before,
                Map<Map<ObligationKind, Set<String>>, Integer> known) {
            java.util.Iterator<Map.Entry<Integer, Map<Integer, Map<ObligationKind, Set<String>>>>> it = open.entrySet().iterator();
            while (it.hasNext()) {
                Map.Entry<Integer, Map<Integer, Map<ObligationKind, Set<String>>>> year = it.next();
                if (year.getKey() >= before) {
                    break;
                }
                int base = (year.getKey() - from) * m * m;
                for (Map.Entry<Integer, Map<ObligationKind, Set<String>>> c : year.getValue().entrySet()) {
                    Map<ObligationKind, Set<String>> merged = c.getValue();
                    int stored = cells[base + c.getKey()];
                    if (stored != 0) {
                        // a year stored already (segments out of order): add what it holds
                        values.get(stored - 1).forEach((k, s) -> merged.computeIfAbsent(k, x -> new TreeSet<>()).addAll(s));
                    }
                    Integer v = known.get(merged);
                    if (v == null) {
                        Map<ObligationKind, Set<String>> value = new EnumMap<>(ObligationKind.class);
                        merged.forEach((k, s) -> value.put(k, java.util.Collections.unmodifiableSortedSet(new TreeSet<>(s))));
                        values.add(java.util.Collections.unmodifiableMap(value));
                        v = values.size();
                        known.put(value, v);
                    }
                    cells[base + c.getKey()] = v;
                }
                it.remove();
            }
        }

        /** A cell's place in the arrays, or -1 when the panel has no place for it. */
        private int place(long key) {
            int y = year(key);
            int c1 = ccode1(key);
            int c2 = ccode2(key);
            if (y < from || y > to || index[c1] < 0 || index[c2] < 0) {
                return -1;
            }
            return (y - from) * m * m + index[c1] * m + index[c2];
        }

        private Map<ObligationKind, Set<String>> held(long key) {
            int at = place(key);
            int v = at < 0 ? 0 : cells[at];
            return v == 0 ? Map.of() : values.get(v - 1);
        }

        public boolean lists(long key) {
            int at = place(key);
            return at >= 0 && universe.get(at);
        }

        public boolean holds(long key, ObligationKind k) {
            return held(key).containsKey(k);
        }

        public Set<String> provisions(long key, ObligationKind k) {
            return held(key).getOrDefault(k, Set.of());
        }

        /** The state that carried a code in a year (the last one listed, when two did). */
        public Optional<String> state(int year, int ccode) {
            return Optional.ofNullable(names.get((long) year * 1000 + ccode));
        }

        /** The dyad-years the panel lists, in key order. */
        public long[] universe() {
            long[] out = new long[universe.cardinality()];
            int n = 0;
            int yearCells = m * m;
            for (int at = universe.nextSetBit(0); at >= 0; at = universe.nextSetBit(at + 1)) {
                int y = from + at / yearCells;
                int pair = at % yearCells;
                out[n++] = key(y, codes[pair / m], codes[pair % m]);
            }
            return out;
        }
    }

    /**
     * Who could be bound: for each binding instrument, the days on which two states were both its
     * parties while it was in force, and the obligation kinds its provisions carry.
     */
    public static final class Candidates {
        private final Map<String, Map<String, List<long[]>>> together = new HashMap<>();
        private final Map<String, Set<ObligationKind>> kinds = new HashMap<>();
        private final Architecture architecture;

        private Candidates(Architecture a) {
            this.architecture = a;
        }

        public static Candidates of(SnapshotBuilder builder) {
            Architecture a = builder.architecture();
            Candidates c = new Candidates(a);
            for (Instrument i : a.instruments().values()) {
                Optional<Span> force = i.inForceSpan();
                if (i.legalForce() != LegalForce.BINDING || force.isEmpty()) {
                    continue;
                }
                Set<ObligationKind> ks = java.util.EnumSet.noneOf(ObligationKind.class);
                for (Provision p : i.provisions()) {
                    for (ObligationKind k : ObligationKind.values()) {
                        if (p.kind() == k.provisionKind() || (k == ObligationKind.DEFENCE && p.kind().canGuarantee())) {
                            ks.add(k);
                        }
                    }
                }
                c.kinds.put(i.id(), ks);
                List<PartySpell> spells = builder.partySpells(i.id());
                Map<String, List<long[]>> pairs = new HashMap<>();
                for (PartySpell x : spells) {
                    for (PartySpell y : spells) {
                        if (x.actor().equals(y.actor())) {
                            continue;
                        }
                        long s = Math.max(Math.max(x.span().from().toEpochDay(), y.span().from().toEpochDay()), force.get().from().toEpochDay());
                        long e = Math.min(Math.min(x.span().endExclusive().toEpochDay(), y.span().endExclusive().toEpochDay()),
                                force.get().endExclusive().toEpochDay());
                        if (s < e) {
                            pairs.computeIfAbsent(x.actor() + "|" + y.actor(), k -> new ArrayList<>()).add(new long[] {s, e});
                        }
                    }
                }
                c.together.put(i.id(), pairs);
            }
            return c;
        }

        /** Whether both states were parties of the instrument on some day of the year. */
        public boolean parties(String instrument, String a, String b, int year) {
            List<long[]> spans = together.getOrDefault(instrument, Map.of()).get(a + "|" + b);
            if (spans == null) {
                return false;
            }
            long ys = LocalDate.of(year, 1, 1).toEpochDay();
            long ye = LocalDate.of(year + 1, 1, 1).toEpochDay();
            return spans.stream().anyMatch(s -> s[0] < ye && s[1] > ys);
        }

        /** The instruments with a provision of this kind that had both states as parties in the year. */
        public List<String> binding(ObligationKind kind, String a, String b, int year) {
            List<String> out = new ArrayList<>();
            for (Map.Entry<String, Set<ObligationKind>> e : kinds.entrySet()) {
                if (e.getValue().contains(kind) && parties(e.getKey(), a, b, year)) {
                    out.add(e.getKey());
                }
            }
            out.sort(null);
            return out;
        }

        Architecture architecture() {
            return architecture;
        }
    }

    /** eurosec's panel under another option of one interpretation. */
    public record Alternative(String interpretation, String option, Panel panel) {
    }

    /** The same history dated the dataset's way, and the shifts that made it. */
    public record Redated(Panel panel, List<SignatureDating.Shift> shifts) {
    }

    /**
     * What one side holds in a cell and why they differ; {@code missing} says, for a {@code missing}
     * row only, what the crosswalk says of it.
     */
    public record Row(int year, int ccode1, String state1, int ccode2, String state2, ObligationKind kind, boolean dataset, boolean eurosec,
            Cause cause, Optional<String> instrument, List<String> provisions, Optional<String> interpretation, Optional<String> option,
            Optional<LocalDate> eurosecDate, Optional<LocalDate> datasetDate, Optional<String> source, Optional<String> note,
            Optional<Missing> missing) {

        /** A row of any cause but {@code missing}. */
        public Row(int year, int ccode1, String state1, int ccode2, String state2, ObligationKind kind, boolean dataset, boolean eurosec,
                Cause cause, Optional<String> instrument, List<String> provisions, Optional<String> interpretation, Optional<String> option,
                Optional<LocalDate> eurosecDate, Optional<LocalDate> datasetDate, Optional<String> source, Optional<String> note) {
            this(year, ccode1, state1, ccode2, state2, kind, dataset, eurosec, cause, instrument, provisions, interpretation, option, eurosecDate,
                    datasetDate, source, note, Optional.empty());
        }
    }

    /** The comparison's counts and its disagreeing rows. */
    public record Result(long compared, long agree, List<Row> rows) {
        public long disagree() {
            return rows.size();
        }
    }

    /**
     * Compares the dataset's cells ({@code dataset}: key → bit mask over {@link ObligationKind}
     * ordinals) with eurosec's {@code base} panel on every dyad-year the panel lists between states
     * of {@code ccodes}, for the given kinds, and explains each disagreement.
     *
     * @param redated the panel dated the dataset's way (empty when the base already is)
     * @param alternatives the panels under each other interpretation option, tried in order
     * @param names the state id for a code in a year, when the base panel does not list it
     */
    public static Result compare(Map<Long, Integer> dataset, List<ObligationKind> kinds, Panel base, Optional<Redated> redated,
            List<Alternative> alternatives, Candidates candidates, Optional<Crosswalk> crosswalk) {
        long compared = 0;
        long agree = 0;
        List<Row> rows = new ArrayList<>();
        for (long key : base.universe()) {
            int mask = dataset.getOrDefault(key, 0);
            for (ObligationKind k : kinds) {
                compared++;
                boolean theirs = (mask & (1 << k.ordinal())) != 0;
                boolean ours = base.holds(key, k);
                if (theirs == ours) {
                    agree++;
                } else {
                    rows.add(explain(key, k, theirs, ours, base, redated, alternatives, candidates, crosswalk));
                }
            }
        }
        return new Result(compared, agree, rows);
    }

    private static Row explain(long key, ObligationKind k, boolean theirs, boolean ours, Panel base, Optional<Redated> redated,
            List<Alternative> alternatives, Candidates candidates, Optional<Crosswalk> crosswalk) {
        int y = year(key);
        String s1 = base.state(y, ccode1(key)).orElse("");
        String s2 = base.state(y, ccode2(key)).orElse("");
        if (redated.isPresent() && redated.get().panel().holds(key, k) == theirs) {
            Panel holding = ours ? base : redated.get().panel();
            List<String> provisions = List.copyOf(holding.provisions(key, k));
            String instrument = provisions.isEmpty() ? null : instrumentOf(provisions.get(0));
            Optional<SignatureDating.Shift> shift = shift(redated.get(), instrument, s1, s2, y);
            return new Row(y, ccode1(key), s1, ccode2(key), s2, k, theirs, ours, Cause.CONVENTION, Optional.ofNullable(instrument), provisions,
                    Optional.empty(), Optional.empty(), shift.map(SignatureDating.Shift::eurosec), shift.map(SignatureDating.Shift::dataset),
                    Optional.empty(), shift.map(sh -> sh.what()));
        }
        for (Alternative alt : alternatives) {
            if (alt.panel().holds(key, k) == theirs) {
                Panel holding = ours ? base : alt.panel();
                List<String> provisions = List.copyOf(holding.provisions(key, k));
                return new Row(y, ccode1(key), s1, ccode2(key), s2, k, theirs, ours, Cause.INTERPRETATION,
                        provisions.isEmpty() ? Optional.empty() : Optional.of(instrumentOf(provisions.get(0))), provisions,
                        Optional.of(alt.interpretation()), Optional.of(alt.option()), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
            }
        }
        if (crosswalk.isPresent()) {
            // Where eurosec holds the cell, a note on "the parties" of an instrument explains it only if that
            // instrument is one of those that make it and each of the others is explained too (a consultation
            // body of an arms-control treaty says nothing of a consultation pledge the same two states have
            // in an alliance).
            Set<String> holders = new TreeSet<>();
            base.provisions(key, k).forEach(p -> holders.add(instrumentOf(p)));
            boolean allHoldersNoted = holders.stream().allMatch(h -> crosswalk.get().alliances().stream()
                    .anyMatch(e -> e.instrument().equals(h) && e.differences().stream().anyMatch(n -> n.covers(k.column(), y)
                            && (n.parties() ? candidates.parties(h, s1, s2, y) : n.names(s1, s2)))));
            for (Crosswalk.Entry e : crosswalk.get().alliances()) {
                if (e.notInDataset() && !ours) {
                    continue; // an instrument the dataset leaves out explains only the cells eurosec alone codes
                }
                for (Crosswalk.Note n : e.differences()) {
                    boolean dyads = n.parties()
                            ? candidates.parties(e.instrument(), s1, s2, y) && (!ours || (holders.contains(e.instrument()) && allHoldersNoted))
                            : n.names(s1, s2);
                    if (n.covers(k.column(), y) && dyads) {
                        List<String> provisions = ours ? List.copyOf(base.provisions(key, k)) : provisionsOf(candidates, e.instrument(), k);
                        return new Row(y, ccode1(key), s1, ccode2(key), s2, k, theirs, ours, Cause.FACT, Optional.of(e.instrument()), provisions,
                                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(n.provenance().source()),
                                n.provenance().note());
                    }
                }
            }
        }
        if (theirs && candidates.binding(k, s1, s2, y).isEmpty()) {
            Optional<Crosswalk.Note> scope = crosswalk.flatMap(c -> c.outOfScope().stream().filter(n -> n.covers(k.column(), y) && n.names(s1, s2)).findFirst());
            Optional<Crosswalk.Note> open = scope.isPresent() ? Optional.empty()
                    : crosswalk.flatMap(c -> c.notEncoded().stream().filter(n -> n.covers(k.column(), y) && n.names(s1, s2)).findFirst());
            Optional<Crosswalk.Note> entry = scope.or(() -> open);
            String says = scope.isPresent() ? "out of scope: " : "not encoded: ";
            return new Row(y, ccode1(key), s1, ccode2(key), s2, k, theirs, ours, Cause.MISSING, Optional.empty(), List.of(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty(), entry.map(n -> n.provenance().source()),
                    entry.map(n -> says + n.name().orElse("") + n.provenance().note().map(t -> ". " + t).orElse("")),
                    Optional.of(scope.isPresent() ? Missing.OUT_OF_SCOPE : open.isPresent() ? Missing.NOT_ENCODED : Missing.NO_ENTRY));
        }
        List<String> provisions = List.copyOf(base.provisions(key, k));
        List<String> binding = candidates.binding(k, s1, s2, y);
        return new Row(y, ccode1(key), s1, ccode2(key), s2, k, theirs, ours, Cause.UNEXPLAINED,
                provisions.isEmpty() ? binding.stream().findFirst() : Optional.of(instrumentOf(provisions.get(0))), provisions, Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /**
     * The shift that moved a dyad-year: of this instrument, of one of the two states (or of the
     * instrument as a whole), spanning the year; a state's own shift before the instrument's, and of
     * the two states' shifts the one the dataset dates later (the pair is bound once both are).
     */
    private static Optional<SignatureDating.Shift> shift(Redated redated, String instrument, String s1, String s2, int y) {
        return redated.shifts().stream()
                .filter(sh -> sh.instrument().equals(instrument) && sh.state().map(st -> st.equals(s1) || st.equals(s2)).orElse(true))
                .filter(sh -> Math.min(sh.eurosec().getYear(), sh.dataset().getYear()) <= y && y <= Math.max(sh.eurosec().getYear(), sh.dataset().getYear()))
                .min(java.util.Comparator.comparing((SignatureDating.Shift sh) -> sh.state().isEmpty())
                        .thenComparing(SignatureDating.Shift::dataset, java.util.Comparator.reverseOrder()));
    }

    /**
     * Whether a later pass may still explain a row: an unexplained one, or a missing one of which
     * the crosswalk says nothing ({@code no_entry}: no instrument of eurosec binds the pair under
     * the chosen options, but one may under others). A missing cell the crosswalk names is left as
     * it is: its entry says which pledge makes it, and trying every option on the thousands of such
     * cells would cost a panel for most pairs of options.
     */
    private static boolean open(Row r) {
        return r.cause() == Cause.UNEXPLAINED || r.missing().filter(m -> m == Missing.NO_ENTRY).isPresent();
    }

    /** eurosec's panel under two options of different interpretations at once, for the given COW codes, built when asked for. */
    @FunctionalInterface
    public interface PairPanels {
        Panel of(Alternative first, Alternative second, Set<Integer> ccodes);
    }

    /** For each row still open (by its index), the options that change its pair of states somewhere over {@code [from, to]}. */
    private static Map<Integer, List<Alternative>> relevantOptions(List<Row> rows, Panel base, List<Alternative> alternatives, int from, int to) {
        Map<Integer, List<Alternative>> relevant = new java.util.LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            Row r = rows.get(i);
            if (open(r)) {
                relevant.put(i, alternatives.stream().filter(a -> differs(a.panel(), base, r, r.kind(), from, to)).toList());
            }
        }
        return relevant;
    }

    /**
     * Explains the unexplained and missing rows that no single interpretation option explains but two options of
     * different interpretations together do (the Soviet undertaking to Finland towards Russia in 1992
     * needs both agreed-assistance=counts and fcma-russia-1992=russia-continues; Albania's Warsaw
     * Treaty pledge of non-aggression in 1963-1968 both inactive-membership=legal-membership and
     * non-use-of-force-as-non-aggression=atop, and is missing without them, since no instrument of
     * that kind binds Albania under the defaults). A pair is tried on a row when its first option
     * changes the row's pair of states somewhere in the row's kind, either way, over {@code [from,
     * to]} (as agreed-assistance does the Soviet-Finnish pair before 1992), with any second option.
     * Each pair's panel is built once, for the states of the rows still open, and dropped after use;
     * so that few are built, the pairs whose second option changes the rows' own pairs of states (in
     * any kind) are tried first, then those whose second option changes some cell of either state
     * (as inactive-membership does Uzbekistan's with Russia after 2012, while it changes nothing
     * between Azerbaijan and Uzbekistan alone), then the rest. The row names the first option that
     * agrees in that order and, in its note, the second.
     */
    public static Result explainByPairs(Result result, Panel base, List<Alternative> alternatives, int from, int to, PairPanels pairs) {
        List<Row> rows = new ArrayList<>(result.rows());
        Map<Integer, List<Alternative>> relevant = relevantOptions(rows, base, alternatives, from, to);
        if (relevant.values().stream().allMatch(List::isEmpty)) {
            return result;
        }
        Map<Alternative, Set<Integer>> touched = new HashMap<>();
        for (Alternative b : alternatives) {
            touched.put(b, touched(b.panel(), base));
        }
        // Each pair with the rows it is tried on, and of those rows how many its second option changes the
        // pair of states of, and how many it changes a cell of either state of.
        Map<List<Alternative>, List<Integer>> tried = new java.util.LinkedHashMap<>();
        Map<List<Alternative>, Integer> close = new HashMap<>();
        Map<List<Alternative>, Integer> near = new HashMap<>();
        for (Map.Entry<Integer, List<Alternative>> e : relevant.entrySet()) {
            Row r = rows.get(e.getKey());
            for (Alternative a : e.getValue()) {
                for (Alternative b : alternatives) {
                    if (!a.interpretation().equals(b.interpretation())) {
                        List<Alternative> pair = List.of(a, b);
                        tried.computeIfAbsent(pair, x -> new ArrayList<>()).add(e.getKey());
                        if (java.util.Arrays.stream(ObligationKind.values()).anyMatch(k -> differs(b.panel(), base, r, k, from, to))) {
                            close.merge(pair, 1, Integer::sum);
                        }
                        if (touched.get(b).contains(r.ccode1()) || touched.get(b).contains(r.ccode2())) {
                            near.merge(pair, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        List<List<Alternative>> order = new ArrayList<>(tried.keySet());
        order.sort(java.util.Comparator.comparing((List<Alternative> pair) -> close.getOrDefault(pair, 0))
                .thenComparing(pair -> near.getOrDefault(pair, 0)).reversed());
        for (List<Alternative> pair : order) {
            Alternative a = pair.get(0);
            Alternative b = pair.get(1);
            List<Integer> open = tried.get(pair).stream().filter(relevant::containsKey).toList();
            if (open.isEmpty()) {
                continue;
            }
            Set<Integer> codes = statesOf(rows, open);
            Panel p = pairs.of(a, b, codes);
            for (int i : open) {
                Row r = rows.get(i);
                long key = key(r.year(), r.ccode1(), r.ccode2());
                if (p.holds(key, r.kind()) == r.dataset()) {
                    List<String> provisions = List.copyOf((r.eurosec() ? base : p).provisions(key, r.kind()));
                    rows.set(i, new Row(r.year(), r.ccode1(), r.state1(), r.ccode2(), r.state2(), r.kind(), r.dataset(), r.eurosec(),
                            Cause.INTERPRETATION, provisions.isEmpty() ? r.instrument() : Optional.of(instrumentOf(provisions.get(0))), provisions,
                            Optional.of(a.interpretation()), Optional.of(a.option()), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.of("only together with " + b.interpretation() + "=" + b.option() + " (-I " + a.interpretation() + "="
                                    + a.option() + " -I " + b.interpretation() + "=" + b.option() + ")")));
                    relevant.remove(i);
                }
            }
        }
        return new Result(result.compared(), result.agree(), rows);
    }

    /** The COW codes of both states of the rows at {@code indices}. */
    private static Set<Integer> statesOf(List<Row> rows, List<Integer> indices) {
        Set<Integer> codes = new TreeSet<>();
        for (int i : indices) {
            codes.add(rows.get(i).ccode1());
            codes.add(rows.get(i).ccode2());
        }
        return codes;
    }

    /** The COW codes of the states some cell of which (either way, any kind) differs between the two panels. */
    private static Set<Integer> touched(Panel alt, Panel base) {
        Set<Integer> out = new java.util.HashSet<>();
        for (long key : base.universe()) {
            if (out.contains(ccode1(key)) && out.contains(ccode2(key))) {
                continue;
            }
            for (ObligationKind k : ObligationKind.values()) {
                if (alt.holds(key, k) != base.holds(key, k)) {
                    out.add(ccode1(key));
                    out.add(ccode2(key));
                    break;
                }
            }
        }
        return out;
    }

    /** eurosec's panel dated the dataset's way under another option of one interpretation, for the given COW codes, built when asked for. */
    @FunctionalInterface
    public interface RedatedPanels {
        Panel of(Alternative option, Set<Integer> ccodes);
    }

    /**
     * Explains the unexplained and missing rows that neither the dataset's dating nor an
     * interpretation option explains alone but the two together do: ATOP dates Greece's and
     * Turkey's place in the North Atlantic Treaty from their accession protocol of 1951 and reads
     * its Art. 1 as a pledge of non-aggression, so the cells of 1951 agree only under {@code
     * --convention atop} with non-use-of-force-as-non-aggression=atop. An option is tried on a row
     * when it changes the row's pair of states somewhere, either way, over {@code [from, to]}; each
     * option's panel is built once, for the states of the rows still open, and dropped after use.
     * The row names the option, the two datings of the shift that moved it and, in its note, the
     * convention ({@code convention}: the dataset's name).
     */
    public static Result explainByRedatedOptions(Result result, Panel base, Redated redated, List<Alternative> alternatives, int from, int to,
            String convention, RedatedPanels panels) {
        List<Row> rows = new ArrayList<>(result.rows());
        Map<Integer, List<Alternative>> relevant = relevantOptions(rows, base, alternatives, from, to);
        for (Alternative a : alternatives) {
            List<Integer> open = relevant.entrySet().stream().filter(e -> e.getValue().contains(a)).map(Map.Entry::getKey).toList();
            if (open.isEmpty()) {
                continue;
            }
            Set<Integer> codes = statesOf(rows, open);
            Panel p = panels.of(a, codes);
            for (int i : open) {
                Row r = rows.get(i);
                long key = key(r.year(), r.ccode1(), r.ccode2());
                if (p.holds(key, r.kind()) == r.dataset()) {
                    List<String> provisions = List.copyOf((r.eurosec() ? base : p).provisions(key, r.kind()));
                    Optional<String> instrument = provisions.isEmpty() ? r.instrument() : Optional.of(instrumentOf(provisions.get(0)));
                    Optional<SignatureDating.Shift> shift = shift(redated, instrument.orElse(null), r.state1(), r.state2(), r.year());
                    rows.set(i, new Row(r.year(), r.ccode1(), r.state1(), r.ccode2(), r.state2(), r.kind(), r.dataset(), r.eurosec(),
                            Cause.INTERPRETATION, instrument, provisions, Optional.of(a.interpretation()), Optional.of(a.option()),
                            shift.map(SignatureDating.Shift::eurosec), shift.map(SignatureDating.Shift::dataset), Optional.empty(),
                            Optional.of("only when dated the " + convention + " way" + shift.map(sh -> ", " + sh.what()).orElse("") + " (--convention "
                                    + convention + " -I " + a.interpretation() + "=" + a.option() + ")")));
                    relevant.remove(i);
                }
            }
        }
        return new Result(result.compared(), result.agree(), rows);
    }

    private static boolean differs(Panel alt, Panel base, Row r, ObligationKind k, int from, int to) {
        for (int y = from; y <= to; y++) {
            long there = key(y, r.ccode1(), r.ccode2());
            long back = key(y, r.ccode2(), r.ccode1());
            if (alt.holds(there, k) != base.holds(there, k) || alt.holds(back, k) != base.holds(back, k)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> provisionsOf(Candidates candidates, String instrument, ObligationKind k) {
        Instrument i = candidates.architecture().instruments().get(instrument);
        if (i == null) {
            return List.of();
        }
        return i.provisions().stream().filter(p -> p.kind() == k.provisionKind() || (k == ObligationKind.DEFENCE && p.kind().canGuarantee()))
                .map(Provision::id).toList();
    }

    /** A provision id's instrument: the part before the first slash. */
    static String instrumentOf(String provision) {
        int slash = provision.indexOf('/');
        return slash < 0 ? provision : provision.substring(0, slash);
    }
}
