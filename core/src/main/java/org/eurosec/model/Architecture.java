package org.eurosec.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the data says: states, organisations, instruments (with their provisions) and the
 * interpretations, plus the span of dates the data covers. Maps are ordered and unmodifiable.
 *
 * <p>{@code factsCheckedThrough} is the last day the facts were checked against their sources
 * ({@code facts_checked_through} in {@code data/meta.yaml}). {@code answersThrough} is the last day
 * answered: the check day itself, or a later day for which a caller asked to read the facts as last
 * checked ({@link #readThrough}), whose answers are provisional.
 */
public record Architecture(
        LocalDate coversFrom,
        LocalDate factsCheckedThrough,
        LocalDate answersThrough,
        Map<String, State> states,
        Map<String, Organisation> organisations,
        Map<String, Instrument> instruments,
        Map<String, Interpretation> interpretations,
        Recognitions recognitions,
        Positions positions) {

    /** The facts as loaded: answered through the day they were last checked. */
    public Architecture(LocalDate coversFrom, LocalDate factsCheckedThrough, Map<String, State> states, Map<String, Organisation> organisations,
            Map<String, Instrument> instruments, Map<String, Interpretation> interpretations, Recognitions recognitions, Positions positions) {
        this(coversFrom, factsCheckedThrough, factsCheckedThrough, states, organisations, instruments, interpretations, recognitions, positions);
    }

    /** Whether the data answers for a day: on or after {@code covers_from}, on or before the last day answered. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(coversFrom) && !day.isAfter(answersThrough);
    }

    /** Whether an answer for {@code day} is provisional: the day lies after the facts were last checked. */
    public boolean provisional(LocalDate day) {
        return day.isAfter(factsCheckedThrough);
    }

    /**
     * The same facts answering through {@code day} as well (a day after the check is read from the
     * facts as last checked, scheduled changes included); the check day is unchanged.
     */
    public Architecture readThrough(LocalDate day) {
        if (!day.isAfter(answersThrough)) {
            return this;
        }
        return new Architecture(coversFrom, factsCheckedThrough, day, states, organisations, instruments, interpretations, recognitions, positions);
    }

    public Optional<State> state(String id) {
        return Optional.ofNullable(states.get(id));
    }

    public Optional<Organisation> organisation(String id) {
        return Optional.ofNullable(organisations.get(id));
    }

    public Optional<Instrument> instrument(String id) {
        return Optional.ofNullable(instruments.get(id));
    }

    public Optional<Provision> provision(String id) {
        int slash = id.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        return instrument(id.substring(0, slash))
                .flatMap(i -> i.provisions().stream().filter(p -> p.id().equals(id)).findFirst());
    }
}
