package org.eurosec.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the data says: states, organisations, instruments (with their provisions) and the
 * interpretations, plus the span of dates the data covers. Maps are ordered and unmodifiable.
 */
public record Architecture(
        LocalDate coversFrom,
        LocalDate asOf,
        Map<String, State> states,
        Map<String, Organisation> organisations,
        Map<String, Instrument> instruments,
        Map<String, Interpretation> interpretations,
        Recognitions recognitions,
        Positions positions) {

    /** Whether the data says anything about a day: on or after {@code covers_from}, on or before {@code as_of}. */
    public boolean covers(LocalDate day) {
        return !day.isBefore(coversFrom) && !day.isAfter(asOf);
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
