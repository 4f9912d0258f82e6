package org.eurosec.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eurosec.analysis.GeneralRecognition;
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

    /**
     * One world's levels, most guarantees first; one level means no zones. {@code guarantors}: which
     * guarantees count (the interpretation and option); {@code notCounted}: the guarantees left out
     * because none of their guarantors is generally recognised that day, with how many of the data's
     * states recognise each such guarantor.
     */
    public record WorldLevels(String regime, LocalDate asOf, boolean known, int count, List<LevelRow> levels, String guarantors,
            List<NotCountedRow> notCounted) implements Worlds.Entry {
    }

    /** A guarantee not counted: beneficiary, provision, guarantors, and each guarantor's recognitions in the data that day. */
    public record NotCountedRow(String beneficiary, String provision, List<String> guarantors, List<RecognitionRow> recognition) {
    }

    /** An entity of a recognition case: how many of the data's states recognise it on the day, out of how many. */
    public record RecognitionRow(String state, int recognisedBy, int of) {
    }

    /** The data's interpretation that says which guarantees the levels count. */
    public static final String GUARANTORS_INTERPRETATION = "levels-guarantors";

    /** The states holding exactly these guarantees (by provision); none: not covered. */
    public record LevelRow(int level, List<String> provisions, List<String> states) {
    }

    static View answer(Eurosec e, Query q) {
        var universe = q.scope().universe();
        Common.Checked checked = Worlds.checked(e, q.scope());
        return new View(Worlds.each(e, q.scope(), (w, c) -> SecurityLevels.of(c, w.day(), universe, w.world(),
                w.reading().recognisedGuarantorsOnly()).map(r -> {
            List<LevelRow> rows = new ArrayList<>();
            for (Level l : r.levels()) {
                rows.add(new LevelRow(rows.size() + 1, l.provisions(), l.states()));
            }
            List<NotCountedRow> left = new ArrayList<>();
            for (SecurityLevels.NotCounted n : r.notCounted()) {
                left.add(new NotCountedRow(n.beneficiary(), n.provision(), n.guarantors(), n.guarantors().stream()
                        .flatMap(g -> GeneralRecognition.count(w.world(), g, w.day()).stream())
                        .map(x -> new RecognitionRow(x.entity(), x.recognising(), x.of())).toList()));
            }
            String choice = w.reading().choices().get(GUARANTORS_INTERPRETATION);
            return new WorldLevels(w.label(), w.day(), true, rows.size(), rows, choice == null ? "all" : GUARANTORS_INTERPRETATION + "=" + choice,
                    List.copyOf(left));
        })), checked.provisional(), checked.factsCheckedThrough());
    }
}
