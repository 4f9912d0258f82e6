package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.Optional;
import org.eurosec.model.Architecture;
import org.eurosec.model.Recognition;
import org.eurosec.model.Recognitions;
import org.eurosec.model.State;

/**
 * Whether a state is generally recognised on a day, read from the data's recognitions
 * ({@code recognitions.yaml}). The question is asked of the entities of its secession cases and of
 * any other state the data marks {@code recognition: limited} (Nagorno-Karabakh, no case there);
 * such a state is generally recognised only while more than half of the data's other states that
 * exist that day, themselves not in question, recognise it that day. Every other state is. So
 * Abkhazia and South Ossetia (recognised by Russia alone among those counted), Northern Cyprus
 * (Turkey alone), Transnistria and Nagorno-Karabakh (none) are not; Kosovo is from the day its
 * recognitions in the data pass half.
 */
public final class GeneralRecognition {

    private GeneralRecognition() {
    }

    /** How an entity stands on a day: the states that recognise it and the states that count. */
    public record Count(String entity, int recognising, int of) {
        public boolean general() {
            return 2 * recognising > of;
        }
    }

    /** Whether {@code state} is generally recognised on {@code day}. */
    public static boolean on(Architecture a, String state, LocalDate day) {
        return count(a, state, day).map(Count::general).orElse(true);
    }

    /** Whether the question is asked of {@code state}: an entity of a recognition case, or marked limited in the data. */
    public static boolean inQuestion(Architecture a, String state) {
        return a.recognitions().cases().stream().anyMatch(c -> c.entity().equals(state))
                || a.state(state).map(s -> s.recognition() == Recognition.LIMITED).orElse(false);
    }

    /** For a state in question, how many of the data's states recognise it that day and of how many; empty for any other state. */
    public static Optional<Count> count(Architecture a, String entity, LocalDate day) {
        Recognitions r = a.recognitions();
        if (!inQuestion(a, entity)) {
            return Optional.empty();
        }
        int of = 0;
        int recognising = 0;
        for (State s : a.states().values()) {
            if (s.id().equals(entity) || !s.existsOn(day) || inQuestion(a, s.id())) {
                continue;
            }
            of++;
            boolean recognises = r.acts().stream().anyMatch(x -> x.entity().equals(entity) && x.by().equals(s.id())
                    && x.stance() == Recognitions.Stance.RECOGNISES && x.standsOn(day));
            recognising += recognises ? 1 : 0;
        }
        return Optional.of(new Count(entity, recognising, of));
    }
}
