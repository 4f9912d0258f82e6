package org.eurosec.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.analysis.ObligationKind;
import org.eurosec.analysis.Reconciliation;
import org.eurosec.analysis.SignatureDating;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.engine.Reading;
import org.eurosec.model.Architecture;
import org.eurosec.model.CodeSpell;
import org.eurosec.model.Crosswalk;
import org.eurosec.model.Interpretation;
import org.eurosec.model.State;

/**
 * eurosec's directed dyad-year panel against a user's copy of ATOP or COW, cell by cell for each
 * obligation kind both code, with one cause for every disagreement (convention, interpretation,
 * fact, missing) or none (unexplained). The file is the user's own: eurosec ships neither dataset.
 */
public final class Reconcile {

    private Reconcile() {
    }

    /** The datasets that can be reconciled. */
    public static final List<String> DATASETS = List.of("atop", "cow");

    /** How a dataset's columns map to eurosec's obligation kinds: each kind with the column names it may have (plain, or peacesciencer's). */
    static Map<ObligationKind, List<String>> columns(String dataset) {
        Map<ObligationKind, List<String>> m = new LinkedHashMap<>();
        if (dataset.equals("atop")) {
            m.put(ObligationKind.DEFENCE, List.of("defense", "atop_defense"));
            m.put(ObligationKind.OFFENCE, List.of("offense", "atop_offense"));
            m.put(ObligationKind.NEUTRALITY, List.of("neutral", "atop_neutral"));
            m.put(ObligationKind.NON_AGGRESSION, List.of("nonagg", "atop_nonagg"));
            m.put(ObligationKind.CONSULTATION, List.of("consul", "atop_consul"));
        } else {
            // COW's four types; its entente (consult or cooperate in a crisis) is read as consultation.
            m.put(ObligationKind.DEFENCE, List.of("defense", "cow_defense"));
            m.put(ObligationKind.NEUTRALITY, List.of("neutrality", "cow_neutral"));
            m.put(ObligationKind.NON_AGGRESSION, List.of("nonaggression", "cow_nonagg"));
            m.put(ObligationKind.CONSULTATION, List.of("entente", "cow_entente"));
        }
        return m;
    }

    /**
     * @param dataset atop or cow
     * @param name how the file is named in messages (its path, or "uploaded file")
     * @param csv the file's text
     * @param field the parameter that brought the file (file, or body for an upload)
     * @param convention the dating convention of eurosec's panel: eurosec (default), atop or cow
     * @param kinds the obligation kinds to compare (eurosec's column names; empty: all the dataset codes)
     * @param interpretations the choices as ID=OPTION
     * @param skipUnknownStates leave out rows naming a COW code no state in eurosec's data carries, instead of refusing the file
     */
    public record Query(String dataset, String name, String csv, String field, Optional<String> convention, List<String> kinds,
            List<String> interpretations, boolean skipUnknownStates, OptionalInt panelBudget) {
        public Query {
            kinds = List.copyOf(kinds);
            interpretations = List.copyOf(interpretations);
        }

        /** A question without a limit on its work (the command line: the user's own machine). */
        public Query(String dataset, String name, String csv, String field, Optional<String> convention, List<String> kinds,
                List<String> interpretations, boolean skipUnknownStates) {
            this(dataset, name, csv, field, convention, kinds, interpretations, skipUnknownStates, OptionalInt.empty());
        }

        /** POST /api/reconcile/{dataset}: the CSV is the body, and the search is held to {@link #UPLOAD_SEARCH_PANELS} panels. */
        public static Query upload(String csv, Params p) {
            if (csv == null || csv.isBlank()) {
                throw new QueryException.InvalidParameter("body", "send the dataset's directed dyad-year CSV as the body (text/csv)");
            }
            return new Query(p.one("dataset").orElse(""), "uploaded file", csv, "body", p.one("convention"), p.list("kinds"),
                    p.values("interpretation"), p.flag("skip_unknown_states"), OptionalInt.of(UPLOAD_SEARCH_PANELS));
        }
    }

    /**
     * The most panels (each eurosec's coverage of the whole data under one reading, a few tenths of a
     * second of work) one upload may have computed in the search for readings that explain its cells,
     * beyond the panels every reconciliation needs (its own reading, the dataset's dating, each other
     * option of each interpretation). ATOP 5.1's own file needed at most 11 such panels (all kinds or
     * defence alone, either dating; measured on 2026-12-07); made-up files whose every cell is a pledge
     * eurosec does not hold sent the search through 100 to 153 (over five minutes on two cores for the
     * largest with all kinds), more than a server shared by others should give one request.
     */
    public static final int UPLOAD_SEARCH_PANELS = 40;

    /** Counts the panels a reconciliation computes in its search for readings and stops it at its budget. */
    static final class Work {
        private final OptionalInt budget;
        private final String field;
        private int searched;

        Work(OptionalInt budget, String field) {
            this.budget = budget;
            this.field = field;
        }

        /** A panel of the search (the dataset's dating with one option, or two options together): counted against the budget. */
        Reconciliation.Panel search(java.util.function.Supplier<Reconciliation.Panel> make) {
            searched++;
            if (budget.isPresent() && searched > budget.getAsInt()) {
                throw new QueryException.TooMuchWork(field, "reconciling this file needs more than " + budget.getAsInt()
                        + " of eurosec's panels in the search for readings that explain its cells, more than the server gives one upload;"
                        + " run `eurosec reconcile` with the same options on your own machine, or compare fewer kinds");
            }
            return make.get();
        }
    }

    /**
     * The comparison. {@code years} is the range compared (the file's years that eurosec's data
     * covers whole); {@code compared} counts directed dyad-year cells per kind on the dyads both
     * cover; {@code by_kind} the same split by kind; {@code not_compared} the file's pledges on
     * dyad-years eurosec does not list (a state it has not yet, or no longer, in that year);
     * {@code skipped_rows} the rows left out for an unknown code; {@code missing} splits the
     * {@code missing} cells by what the crosswalk says of them: {@code out_of_scope} (a pledge
     * eurosec leaves out on purpose, and why), {@code not_encoded} (a known treaty eurosec has not
     * encoded yet, its text or security article not read) and {@code no_entry} (nothing).
     */
    public record View(String dataset, String convention, List<String> kinds, List<Integer> years, long compared, long agree, long disagree,
            Map<String, Long> byCause, Map<String, Long> missing, long unexplained, Map<String, KindCount> byKind, long notCompared, long skippedRows, List<Row> rows) {
    }

    /** One kind's cells compared and agreeing, and the share that agree. */
    public record KindCount(long compared, long agree, double agreement) {
    }

    /**
     * One disagreeing directed dyad-year: what each side codes (1/0) and why they differ. {@code
     * instrument} and {@code provisions} are eurosec's (the side that holds, or for a fact the
     * crosswalk's instrument); {@code interpretation} and {@code option} the choice that would
     * agree; {@code eurosec_date} and {@code dataset_date} the two datings of a convention; {@code
     * source} and {@code note} the crosswalk's for a fact, or for a missing cell its out_of_scope
     * ("out of scope: NAME. note") or not_encoded ("not encoded: NAME. note") entry.
     */
    public record Row(int year, int ccode1, String state1, int ccode2, String state2, String kind, int dataset, int eurosec, String cause,
            Optional<String> instrument, List<String> provisions, Optional<String> interpretation, Optional<String> option,
            Optional<LocalDate> eurosecDate, Optional<LocalDate> datasetDate, Optional<String> source, Optional<String> note) {
    }

    /** The file read: held kinds by cell, the codes it names, its years, the rows skipped. */
    record Parsed(Map<Long, Integer> cells, Set<Integer> ccodes, int firstYear, int lastYear, long skipped) {
    }

    static View answer(Eurosec e, Query q) {
        if (!DATASETS.contains(q.dataset())) {
            throw new QueryException.InvalidParameter("dataset", "'" + q.dataset() + "' is not a dataset eurosec reconciles (" + String.join(", ", DATASETS) + ")");
        }
        Architecture base = e.architecture();
        Map<String, Crosswalk> crosswalks = e.crosswalks(base);
        Optional<Crosswalk> crosswalk = Optional.ofNullable(crosswalks.get(q.dataset()));
        List<ObligationKind> kinds = kinds(q.dataset(), q.kinds());
        Parsed parsed = parse(q, kinds, knownCodes(base));
        int lastWhole = base.factsCheckedThrough().getMonthValue() == 12 && base.factsCheckedThrough().getDayOfMonth() == 31 ? base.factsCheckedThrough().getYear() : base.factsCheckedThrough().getYear() - 1;
        int from = Math.max(parsed.firstYear(), base.coversFrom().getYear());
        int to = Math.min(parsed.lastYear(), lastWhole);
        if (from > to) {
            throw new QueryException.InvalidParameter(q.field(), q.name() + ": its years " + parsed.firstYear() + "-" + parsed.lastYear()
                    + " lie outside the whole years eurosec's data covers (" + base.coversFrom().getYear() + "-" + lastWhole + ")");
        }
        Map<String, String> choices = e.choices(q.interpretations());
        String convention = q.convention().map(String::trim).filter(s -> !s.isEmpty()).orElse("eurosec");
        SignatureDating.Result dated = Conventions.apply(e, base, "convention", Optional.of(convention));
        Architecture world = dated.architecture();
        Reading reading = e.reading(world, choices);
        CoverageTimeline timeline = CoverageTimeline.of(world, reading);
        Work work = new Work(q.panelBudget(), q.field());
        Reconciliation.Panel panel = Reconciliation.Panel.of(timeline, from, to, parsed.ccodes());
        Optional<SignatureDating.Result> redating = crosswalk.isPresent() && crosswalk.get().dating() == Crosswalk.Dating.SIGNATURE
                && !convention.equals(q.dataset()) ? Optional.of(SignatureDating.apply(base, crosswalk.get())) : Optional.empty();
        Optional<Reconciliation.Redated> redated = redating.map(r -> new Reconciliation.Redated(
                Reconciliation.Panel.of(CoverageTimeline.of(r.architecture(), e.reading(r.architecture(), choices)), from, to, parsed.ccodes()), r.shifts()));
        List<Reconciliation.Alternative> alternatives = new ArrayList<>();
        for (Interpretation i : world.interpretations().values()) {
            String current = reading.choices().get(i.id());
            for (Interpretation.Option o : i.options()) {
                if (!o.id().equals(current)) {
                    Reading other = reading.with(i.id(), o.id());
                    alternatives.add(new Reconciliation.Alternative(i.id(), o.id(),
                            Reconciliation.Panel.of(CoverageTimeline.of(world, other), from, to, parsed.ccodes())));
                }
            }
        }
        Reconciliation.Candidates candidates = Reconciliation.Candidates.of(timeline.builder());
        Reconciliation.Result compared = Reconciliation.compare(parsed.cells(), kinds, panel, redated, alternatives, candidates, crosswalk);
        // the dataset's dating and one option together (ATOP's Greece and Turkey in NATO in 1951, read as non-aggression), then two options
        Reconciliation.Result redatedOptions = redated.isEmpty() ? compared
                : Reconciliation.explainByRedatedOptions(compared, panel, redated.get(), alternatives, from, to, q.dataset(),
                        (a, codes) -> work.search(() -> Reconciliation.Panel.of(CoverageTimeline.of(redating.get().architecture(),
                                e.reading(redating.get().architecture(), choices).with(a.interpretation(), a.option())), from, to, codes)));
        Reconciliation.Result result = Reconciliation.explainByPairs(redatedOptions, panel, alternatives, from, to,
                (a, b, codes) -> work.search(() -> Reconciliation.Panel.of(CoverageTimeline.of(world, reading.with(a.interpretation(), a.option()).with(b.interpretation(),
                        b.option())), from, to, codes)));
        Map<String, Long> byCause = new LinkedHashMap<>();
        for (Reconciliation.Cause c : Reconciliation.Cause.values()) {
            byCause.put(c.id(), 0L);
        }
        Map<String, Long> missing = new LinkedHashMap<>();
        for (Reconciliation.Missing m : Reconciliation.Missing.values()) {
            missing.put(m.id(), 0L);
        }
        Map<String, long[]> perKind = new LinkedHashMap<>();
        kinds.forEach(k -> perKind.put(k.column(), new long[] {result.compared() / kinds.size(), result.compared() / kinds.size()}));
        List<Row> rows = new ArrayList<>();
        for (Reconciliation.Row r : result.rows()) {
            byCause.merge(r.cause().id(), 1L, Long::sum);
            r.missing().ifPresent(m -> missing.merge(m.id(), 1L, Long::sum));
            perKind.get(r.kind().column())[1]--;
            rows.add(new Row(r.year(), r.ccode1(), r.state1(), r.ccode2(), r.state2(), r.kind().column(), r.dataset() ? 1 : 0, r.eurosec() ? 1 : 0,
                    r.cause().id(), r.instrument(), r.provisions(), r.interpretation(), r.option(), r.eurosecDate(), r.datasetDate(), r.source(), r.note()));
        }
        Map<String, KindCount> byKind = new LinkedHashMap<>();
        perKind.forEach((k, v) -> byKind.put(k, new KindCount(v[0], v[1], v[0] == 0 ? 0 : Math.round(v[1] * 1_000_000.0 / v[0]) / 1_000_000.0)));
        long notCompared = 0;
        for (Map.Entry<Long, Integer> c : parsed.cells().entrySet()) {
            if (!panel.lists(c.getKey())) {
                int year = (int) (c.getKey() / 1_000_000);
                boolean any = kinds.stream().anyMatch(k -> (c.getValue() & (1 << k.ordinal())) != 0);
                if (any && year >= from && year <= to) {
                    notCompared++;
                }
            }
        }
        return new View(q.dataset(), convention, kinds.stream().map(ObligationKind::column).toList(), List.of(from, to), result.compared(),
                result.agree(), result.disagree(), byCause, missing, byCause.get(Reconciliation.Cause.UNEXPLAINED.id()), byKind, notCompared, parsed.skipped(),
                rows);
    }

    /** The kinds asked for, as eurosec's column names, among those the dataset codes. */
    static List<ObligationKind> kinds(String dataset, List<String> asked) {
        Map<ObligationKind, List<String>> columns = columns(dataset);
        if (asked.isEmpty()) {
            return List.copyOf(columns.keySet());
        }
        List<String> known = columns.keySet().stream().map(ObligationKind::column).toList();
        List<ObligationKind> out = new ArrayList<>();
        for (String a : asked) {
            String k = a.trim().toLowerCase(Locale.ROOT);
            Optional<ObligationKind> kind = ObligationKind.byColumn(k).filter(columns::containsKey);
            if (kind.isEmpty()) {
                throw new QueryException.InvalidParameter("kinds", "'" + a + "' is not a kind " + dataset + " codes (" + String.join(", ", known) + ")");
            }
            if (!out.contains(kind.get())) {
                out.add(kind.get());
            }
        }
        out.sort(null);
        return out;
    }

    private static Set<Integer> knownCodes(Architecture a) {
        Set<Integer> out = new HashSet<>();
        for (State s : a.states().values()) {
            for (CodeSpell c : s.ccodes()) {
                out.add(c.ccode());
            }
        }
        return out;
    }

    /**
     * Reads the CSV: a header naming ccode1, ccode2, year and the kinds' columns; cells 1, 0, empty or
     * NA. A spreadsheet's byte-order mark is already gone: the adapters read bytes through Utf8Text.
     */
    static Parsed parse(Query q, List<ObligationKind> kinds, Set<Integer> known) {
        String[] lines = q.csv().split("\r?\n", -1);
        int headerAt = 0;
        while (headerAt < lines.length && lines[headerAt].isBlank()) {
            headerAt++;
        }
        if (headerAt == lines.length) {
            throw new QueryException.InvalidParameter(q.field(), q.name() + ": the file is empty");
        }
        List<String> header = split(lines[headerAt]).stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
        int c1 = column(q, header, headerAt, "ccode1");
        int c2 = column(q, header, headerAt, "ccode2");
        int cy = column(q, header, headerAt, "year");
        Map<ObligationKind, Integer> at = new LinkedHashMap<>();
        Map<ObligationKind, List<String>> names = columns(q.dataset());
        for (ObligationKind k : kinds) {
            int idx = -1;
            for (String n : names.get(k)) {
                if (header.contains(n)) {
                    idx = header.indexOf(n);
                    break;
                }
            }
            if (idx < 0) {
                throw new QueryException.InvalidParameter(q.field(), q.name() + ":" + (headerAt + 1) + ": no column for " + k.column() + " (expected "
                        + String.join(" or ", names.get(k)) + ")");
            }
            at.put(k, idx);
        }
        Map<Long, Integer> cells = new HashMap<>();
        Set<Integer> ccodes = new TreeSet<>();
        int first = Integer.MAX_VALUE;
        int last = Integer.MIN_VALUE;
        long skipped = 0;
        for (int i = headerAt + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells0 = split(lines[i]);
            String where = q.name() + ":" + (i + 1) + ": ";
            if (cells0.size() < header.size()) {
                throw new QueryException.InvalidParameter(q.field(), where + "the row has " + cells0.size() + " fields, the header " + header.size());
            }
            int a = integer(q, where, "ccode1", cells0.get(c1));
            int b = integer(q, where, "ccode2", cells0.get(c2));
            int y = integer(q, where, "year", cells0.get(cy));
            if (a < 0 || a > 999 || b < 0 || b > 999 || y < 1000 || y > 9999) {
                throw new QueryException.InvalidParameter(q.field(), where + "ccode1, ccode2 must be COW codes (0-999) and year a year");
            }
            if (!known.contains(a) || !known.contains(b)) {
                if (q.skipUnknownStates()) {
                    skipped++;
                    continue;
                }
                throw new QueryException.InvalidParameter(q.field(), where + "ccode " + (known.contains(a) ? b : a)
                        + " is no state in eurosec's data (leave such rows out with "
                        + (q.field().equals("body") ? "the parameter skip_unknown_states" : "--skip-unknown-states") + ")");
            }
            int mask = 0;
            for (Map.Entry<ObligationKind, Integer> k : at.entrySet()) {
                String v = cells0.get(k.getValue()).trim();
                if (v.equals("1")) {
                    mask |= 1 << k.getKey().ordinal();
                } else if (!(v.equals("0") || v.isEmpty() || v.equalsIgnoreCase("NA"))) {
                    throw new QueryException.InvalidParameter(q.field(), where + shown(header.get(k.getValue())) + " is '" + shown(v) + "' (expected 1, 0, empty or NA)");
                }
            }
            ccodes.add(a);
            ccodes.add(b);
            first = Math.min(first, y);
            last = Math.max(last, y);
            if (mask != 0) {
                cells.merge(Reconciliation.key(y, a, b), mask, (x, z) -> x | z);
            }
        }
        if (first == Integer.MAX_VALUE) {
            throw new QueryException.InvalidParameter(q.field(), q.name() + ": no rows after the header");
        }
        return new Parsed(cells, ccodes, first, last, skipped);
    }

    private static int column(Query q, List<String> header, int headerAt, String name) {
        int i = header.indexOf(name);
        if (i < 0) {
            throw new QueryException.InvalidParameter(q.field(), q.name() + ":" + (headerAt + 1) + ": no column '" + name + "' (the header is: "
                    + shown(String.join(",", header)) + ")");
        }
        return i;
    }

    /** The most characters of the file's own text an error message repeats. */
    static final int SHOWN = 120;

    /**
     * A piece of the user's file as an error message quotes it: cut to {@link #SHOWN} characters,
     * saying how long it was, so that a 16 MiB line does not come back whole in the answer.
     */
    static String shown(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "... (" + text.length() + " characters)";
    }

    private static int integer(Query q, String where, String what, String v) {
        String s = v.trim();
        if (s.endsWith(".0")) {
            s = s.substring(0, s.length() - 2);
        }
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new QueryException.InvalidParameter(q.field(), where + what + " is '" + shown(v) + "', not a whole number");
        }
    }

    /** The fields of one CSV line (double quotes around a field are taken off; a quoted comma stays in its field). */
    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (ch == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }
}
