package org.eurosec.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eurosec.analysis.PanelInput;
import org.eurosec.analysis.Panels;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.model.Architecture;

/**
 * Research panels as CSV that join with COW and ATOP data: state-year, state-day or dyad-year rows
 * with ccode and iso3 and one column per obligation kind. Not an API route: a panel can be large,
 * so the answer is written to the caller's sink rather than held as a view.
 */
public final class Export {

    private Export() {
    }

    /** The panels there are. */
    public static final List<String> KINDS = List.of("state-year", "state-day", "dyad-year");

    /**
     * @param kind state-year, state-day or dyad-year
     * @param from the first year (state-day: a day, or a year meaning its 1 January); empty: where the data starts
     * @param to the last year (state-day: the last day); empty: the year (day) the facts were last checked
     * @param directed dyad-year only: a row per ordered pair
     * @param regime the regime whose treaties count as in force among all eligible parties
     * @param exclude leave out states with these tags
     * @param interpretations the choices as ID=OPTION
     * @param convention the dating convention: eurosec (default: from entry into force and accession) or a dataset with a
     *     crosswalk (atop, cow: from signature and the signature of accession protocols), as {@code reconcile --convention}
     */
    public record Query(String kind, Optional<String> from, Optional<String> to, boolean directed, String regime, List<String> exclude,
            List<String> interpretations, Optional<String> convention) {
        public Query {
            exclude = List.copyOf(exclude);
            interpretations = List.copyOf(interpretations);
        }

        /** eurosec's own dating. */
        public Query(String kind, Optional<String> from, Optional<String> to, boolean directed, String regime, List<String> exclude,
                List<String> interpretations) {
            this(kind, from, to, directed, regime, exclude, interpretations, Optional.empty());
        }
    }

    /** A panel ready to write: the kind, the checked range and the data it is drawn from. */
    public record Panel(String kind, LocalDate from, LocalDate to, boolean directed, PanelInput input) {

        /** Writes the panel as CSV (a header, then one row per state and year, day or pair). */
        public void csv(Appendable out) {
            try {
                switch (kind) {
                    case "state-day" -> Panels.stateDay(input, from, to, out);
                    case "state-year" -> Panels.stateYear(input, from.getYear(), to.getYear(), out);
                    default -> Panels.dyadYear(input, from.getYear(), to.getYear(), directed, out);
                }
            } catch (IllegalArgumentException e) {
                throw new QueryException.InvalidParameter("from", e.getMessage());
            }
        }
    }

    static Panel answer(Eurosec e, Query q) {
        if (!KINDS.contains(q.kind())) {
            throw new QueryException.InvalidParameter("panel", "PANEL: '" + q.kind() + "' is not a panel (" + String.join(", ", KINDS) + ")");
        }
        if (q.directed() && !q.kind().equals("dyad-year")) {
            throw new QueryException.InvalidParameter("directed", "a row per ordered pair is for dyad-year only");
        }
        Architecture base = e.architecture();
        Common.knownTags(base, "exclude", q.exclude());
        Architecture a = Conventions.apply(e, e.world(base, e.regimes(base), "regime", q.regime()), "convention",
                q.convention().filter(c -> !c.isBlank())).architecture();
        LocalDate first = a.coversFrom();
        LocalDate last = a.factsCheckedThrough();
        String covers = "the data covers " + first + " to " + last;
        LocalDate from;
        LocalDate to;
        if (q.kind().equals("state-day")) {
            from = q.from().map(v -> day("from", v)).orElse(a.coversFrom());
            to = q.to().map(v -> day("to", v)).orElse(a.factsCheckedThrough());
            within("from", from, first, last, covers);
            within("to", to, first, last, covers);
            if (to.isBefore(from)) {
                throw new QueryException.InvalidParameter("to", to + " is before the first day " + from);
            }
        } else {
            from = LocalDate.of(q.from().map(v -> year("from", v)).orElse(a.coversFrom().getYear()), 1, 1);
            to = LocalDate.of(q.to().map(v -> year("to", v)).orElse(a.factsCheckedThrough().getYear()), 1, 1);
            String years = covers + ": years must lie within " + first.getYear() + "-" + last.getYear();
            if (from.getYear() < first.getYear() || from.getYear() > last.getYear()) {
                throw new QueryException.InvalidParameter("from", years + " (got " + from.getYear() + ")");
            }
            if (to.getYear() < first.getYear() || to.getYear() > last.getYear()) {
                throw new QueryException.InvalidParameter("to", years + " (got " + to.getYear() + ")");
            }
            if (from.isAfter(to)) {
                throw new QueryException.InvalidParameter("to", to.getYear() + " is before the first year " + from.getYear());
            }
        }
        // The obligations are derived for the requested days or years only, not the whole history.
        LocalDate windowEnd = q.kind().equals("state-day") ? to.plusDays(1) : LocalDate.of(to.getYear() + 1, 1, 1);
        PanelInput in = Panels.input(CoverageTimeline.of(a, e.reading(a, e.choices(q.interpretations()))), Set.copyOf(q.exclude()), from, windowEnd);
        return new Panel(q.kind(), from, to, q.directed(), in);
    }

    private static void within(String field, LocalDate day, LocalDate first, LocalDate last, String covers) {
        if (day.isBefore(first) || day.isAfter(last)) {
            throw new QueryException.InvalidParameter(field, covers + ": days must lie within it (got " + day + ")");
        }
    }

    private static int year(String field, String v) {
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw new QueryException.InvalidParameter(field, "'" + v + "' is not a year");
        }
    }

    private static LocalDate day(String field, String v) {
        String s = v.trim();
        try {
            return s.length() == 4 ? LocalDate.of(Integer.parseInt(s), 1, 1) : LocalDate.parse(s);
        } catch (RuntimeException e) {
            throw new QueryException.InvalidParameter(field, "'" + v + "' is not a date (YYYY-MM-DD) or a year");
        }
    }
}
