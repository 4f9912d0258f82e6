package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.eurosec.model.Provenance;

/**
 * Where a fact comes from, as the views write it after the fact's own fields (unwrapped): the
 * source, the file and line, a note when there is one, and {@code unconfirmed: true} only for a
 * fact marked unconfirmed.
 */
public record Sourced(String source, @JsonProperty("at") String where, @JsonInclude(JsonInclude.Include.NON_NULL) String note,
        @JsonInclude(JsonInclude.Include.NON_NULL) Boolean unconfirmed) {

    public static Sourced of(Provenance p) {
        return new Sourced(p.source(), p.where(), p.note().orElse(null), p.unconfirmed() ? Boolean.TRUE : null);
    }
}
