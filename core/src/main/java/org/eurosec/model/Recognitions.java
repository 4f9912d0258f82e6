package org.eurosec.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who recognised the entities that broke away from a state without its consent (Kosovo, Abkhazia,
 * South Ossetia, Northern Cyprus, Transnistria), and who refused explicitly. A state with no act for
 * a case was silent on it.
 */
public record Recognitions(List<Case> cases, List<Act> acts) {

    public static final Recognitions NONE = new Recognitions(List.of(), List.of());

    /** A secession case: the entity and the state it broke away from. */
    public record Case(String entity, String parent, Provenance provenance) {
    }

    public enum Stance { RECOGNISES, REJECTS }

    /**
     * One state's act on one case: a recognition from {@code from} (until {@code to}, a withdrawal or
     * lapse), or an explicit refusal. A missing {@code from} means the date is not known.
     */
    public record Act(String entity, String by, Stance stance, Optional<LocalDate> from, Optional<LocalDate> to, Provenance provenance) {

        /** Whether the act stands on a day (an undated act stands whenever it is asked about, until its end). */
        public boolean standsOn(LocalDate day) {
            return from.map(f -> !day.isBefore(f)).orElse(true) && to.map(day::isBefore).orElse(true);
        }
    }
}
