package org.eurosec.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eurosec.analysis.SecurityLevels;
import org.eurosec.engine.ScenarioEngine.Level;

/**
 * Levels of security per world: the states grouped by the exact set of binding guarantees they hold
 * on a day (the 2009 draft treaty's principle forbids "zones of different levels of security").
 */
public final class Levels {

    private Levels() {
    }

    public record Query(Worlds.Scope scope) {
        public static Query of(Params p) {
            return new Query(Worlds.Scope.of(p));
        }
    }

    /** {@code provisional}: the day lies after {@code facts_checked_through}, answered from the facts as last checked. */
    public record View(List<Worlds.Entry> views, boolean provisional, LocalDate factsCheckedThrough) {
    }

    /** One world's levels, most guarantees first; one level means no zones. */
    public record WorldLevels(String regime, LocalDate asOf, boolean known, int count, List<LevelRow> levels) implements Worlds.Entry {
    }

    /** The states holding exactly these guarantees (by provision); none: not covered. */
    public record LevelRow(int level, List<String> provisions, List<String> states) {
    }

    static View answer(Eurosec e, Query q) {
        var universe = q.scope().universe();
        Common.Checked checked = Worlds.checked(e, q.scope());
        return new View(Worlds.each(e, q.scope(), (w, c) -> SecurityLevels.of(c, w.day(), universe).map(ls -> {
            List<LevelRow> rows = new ArrayList<>();
            for (Level l : ls) {
                rows.add(new LevelRow(rows.size() + 1, l.provisions(), l.states()));
            }
            return new WorldLevels(w.label(), w.day(), true, rows.size(), rows);
        })), checked.provisional(), checked.factsCheckedThrough());
    }
}
