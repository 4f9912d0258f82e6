package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;

/** The regimes: sets of instruments applied on top of history (embedded, or a directory's, checked against the data). */
public final class Regimes {

    private Regimes() {
    }

    /** The regimes take no input beyond where they come from. */
    public record Query() {
        public static Query of(Params p) {
            return new Query();
        }
    }

    /** The regimes in the order they are known; written as a JSON array. */
    public record View(@JsonValue List<Row> regimes) {
    }

    /** One regime: its hypothetical instruments, how many named parameters it has and how many of those are unconfirmed. */
    public record Row(String id, String name, String summary, List<String> instruments, int parameters, long unconfirmedParameters,
            @JsonUnwrapped Sourced sourced) {
    }

    static View answer(Eurosec e, Query q) {
        Architecture a = e.architecture();
        List<Row> rows = new ArrayList<>();
        for (Regime r : e.regimes(a).values()) {
            rows.add(new Row(r.id(), r.name(), r.summary(), r.instruments().stream().map(h -> h.instrument().id()).toList(), r.parameters().size(),
                    r.parameters().values().stream().filter(Regime.Parameter::unconfirmed).count(), Sourced.of(r.provenance())));
        }
        return new View(rows);
    }
}
