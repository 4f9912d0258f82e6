package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.List;

/** The named interpretation switches of the data, their options and defaults (a question switches one with ID=OPTION). */
public final class Interpretations {

    private Interpretations() {
    }

    /** The interpretations take no input beyond where the data comes from. */
    public record Query() {
        public static Query of(Params p) {
            return new Query();
        }
    }

    /** The interpretations in the data's order; written as a JSON array. */
    public record View(@JsonValue List<Row> interpretations) {
    }

    /** One open question of law or fact, the answers the project can take to it, and the one it takes unless told. */
    public record Row(String id, String question, @JsonProperty("default") String defaultOption, List<OptionView> options, String source) {
    }

    public record OptionView(String id, String description) {
    }

    static View answer(Eurosec e, Query q) {
        return new View(e.architecture().interpretations().values().stream().map(i -> new Row(i.id(), i.question(), i.defaultOption(),
                i.options().stream().map(o -> new OptionView(o.id(), o.description())).toList(), i.provenance().source())).toList());
    }
}
