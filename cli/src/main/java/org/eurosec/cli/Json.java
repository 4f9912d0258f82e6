package org.eurosec.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Provenance;
import org.eurosec.model.Span;

/** Builds JSON trees out of ordered maps and writes them; field names are snake_case. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static Map<String, Object> obj() {
        return new LinkedHashMap<>();
    }

    static String write(Object tree) {
        try {
            return MAPPER.writeValueAsString(tree) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The answer for a day the data does not cover: three-valued, never "no". */
    static Map<String, Object> unknown(java.time.LocalDate day, String message) {
        Map<String, Object> m = obj();
        m.put("as_of", day.toString());
        m.put("known", false);
        m.put("message", message);
        return m;
    }

    static Object code(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    static Object opt(Optional<?> v) {
        return v.orElse(null);
    }

    static Map<String, Object> span(Span s) {
        Map<String, Object> m = obj();
        m.put("from", s.from().toString());
        m.put("to", s.to().map(Object::toString).orElse(null));
        return m;
    }

    static Map<String, Object> provenance(Map<String, Object> into, Provenance p) {
        into.put("source", p.source());
        into.put("at", p.where());
        p.note().ifPresent(n -> into.put("note", n));
        if (p.unconfirmed()) {
            into.put("unconfirmed", true);
        }
        return into;
    }

    /**
     * A provision as every command shows it, with its source. {@code inForce}: present when the
     * caller knows when the provision is in force (empty inside: never), absent when it cannot say.
     */
    static Map<String, Object> provision(org.eurosec.model.Provision p, Optional<Optional<Span>> inForce) {
        Map<String, Object> m = obj();
        m.put("id", p.id());
        m.put("article", p.article());
        m.put("kind", p.kind().id());
        m.put("title", p.title());
        m.put("params", p.params());
        inForce.ifPresent(s -> m.put("in_force", s.map(Json::span).orElse(null)));
        m.put("unconfirmed", p.unconfirmed());
        return provenance(m, p.provenance());
    }

    static Map<String, Object> explanation(Explanation e) {
        Map<String, Object> m = obj();
        m.put("claim", e.claim());
        e.source().ifPresent(s -> m.put("source", s));
        e.where().ifPresent(w -> m.put("at", w));
        if (!e.because().isEmpty()) {
            List<Object> kids = e.because().stream().map(k -> (Object) explanation(k)).toList();
            m.put("because", kids);
        }
        return m;
    }
}
