package org.eurosec.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eurosec.explain.Explanation;
import org.eurosec.model.LegalForce;

/**
 * One conclusion of the engine about one event of a scenario: which provision says it, who it
 * concerns, its effect, the legal force of the instrument, the decision rule and deadline when
 * there is one, the quorum in parties, the unconfirmed values it rests on, and why, as a tree.
 * {@code event} is the event's number in the scenario, from 1.
 */
public record Finding(
        int event,
        String question,
        Effect effect,
        List<String> actors,
        Optional<String> provision,
        Optional<String> article,
        Optional<LegalForce> legalForce,
        Optional<String> rule,
        Optional<LocalDate> by,
        OptionalInt quorum,
        String text,
        List<String> unconfirmed,
        Explanation explanation) {

    /** What a finding says about its actors. */
    public enum Effect {
        /** May act (request, assist, treat an attack as against itself) but need not. */
        ENTITLED,
        /** Must act, by {@code by} when there is a deadline. */
        OBLIGED,
        /** Must not act; or the act described is against the provision. */
        PROHIBITED,
        /** Each actor can stop the decision alone. */
        MAY_BLOCK,
        /** These actors take the decision, under {@code rule}. */
        DECIDES,
        /** The event starts a mechanism (consultations, a conference, entry into force) by {@code by}. */
        TRIGGERS,
        /** The provision applies, and asks nothing of the actors in this case. */
        NOT_REQUIRED,
        /** The provision cannot be used as the event tries to use it. */
        NOT_ENTITLED,
        /** The actors were obliged and did not act in time. */
        BREACHED,
        /** The actors hold a binding defence guarantee after the event. */
        COVERED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    public boolean dependsOnUnconfirmed() {
        return !unconfirmed.isEmpty();
    }
}
