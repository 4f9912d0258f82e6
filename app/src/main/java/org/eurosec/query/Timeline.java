package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eurosec.analysis.SecurityTimeline;
import org.eurosec.analysis.TieKind;

/**
 * How coverage, blocs and levels of security changed year by year, per world. A year whose day the
 * data does not cover is a row marked unknown, never zeros.
 */
public final class Timeline {

    private Timeline() {
    }

    /**
     * @param scope the worlds (a timeline has no single day: its scope's date must be empty)
     * @param from the first year
     * @param to the last year (empty: the year the facts were last checked)
     * @param on the day of each year to look at
     * @param ties the tie kind for blocs
     */
    public record Query(Worlds.Scope scope, int from, Optional<Integer> to, MonthDay on, TieKind ties) {
        public Query {
            if (scope.date().isPresent()) {
                throw new QueryException.InvalidParameter("date", "a timeline has no single day: it looks at the day 'on' of each year from 'from' to 'to'");
            }
        }

        public static Query of(Params p) {
            return new Query(Worlds.Scope.of(p), p.integer("from").orElse(1975), p.integer("to"), dayOfYear("on", p.one("on").orElse("01-01")),
                    Blocs.tieKind("ties", p.one("ties").orElse("defence")));
        }
    }

    /** A day of the year written MM-DD, or an {@link QueryException.InvalidParameter} naming {@code field}. */
    public static MonthDay dayOfYear(String field, String value) {
        try {
            return MonthDay.parse("--" + value.trim());
        } catch (DateTimeParseException e) {
            throw new QueryException.InvalidParameter(field, "'" + value + "' is not a day of the year (MM-DD, e.g. 12-01)");
        }
    }

    public record View(String ties, List<YearRow> years) {
    }

    /** One world's year; the counts are written only when the data covers the day. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record YearRow(String regime, LocalDate asOf, boolean known, Integer states, Integer covered, List<String> uncovered,
            List<Integer> systems, Integer blocs, Integer buffer, Integer levels) {
    }

    static View answer(Eurosec e, Query q) {
        List<YearRow> rows = new ArrayList<>();
        // A timeline runs over years of history: a year after the facts were last checked stays unknown.
        Worlds.Scope s = q.scope();
        Worlds.Scope strict = new Worlds.Scope(s.date(), s.regimes(), s.scenario(), s.all(), s.exclude(), s.interpretations(), true);
        for (Eurosec.World w : Worlds.of(e, strict)) {
            int last = q.to().orElse(w.world().factsCheckedThrough().getYear());
            if (q.from() < 1900 || q.from() > last) {
                throw new QueryException.InvalidParameter("from", years(q.from(), last));
            }
            if (last > 2100) {
                throw new QueryException.InvalidParameter("to", years(q.from(), last));
            }
            for (SecurityTimeline.Year y : SecurityTimeline.years(Worlds.coverage(w), q.from(), last, q.on(), q.scope().universe(), q.ties(),
                    w.world(), w.reading().recognisedGuarantorsOnly())) {
                rows.add(y.known()
                        ? new YearRow(w.label(), y.day(), true, y.states(), y.covered(), y.uncovered(), y.systems(), y.blocs(), y.buffer(), y.levels())
                        : new YearRow(w.label(), y.day(), false, null, null, null, null, null, null, null));
            }
        }
        return new View(q.ties().id(), rows);
    }

    private static String years(int from, int last) {
        return "the years must run forwards between 1900 and 2100 (got " + from + " to " + last + ")";
    }
}
