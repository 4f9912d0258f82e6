package org.eurosec.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON for the few answers still built as ordered maps (the exercise and journal commands, the
 * validation report), written with the application layer's one mapping ({@link org.eurosec.query.Json}).
 */
final class Json {

    private Json() {
    }

    static Map<String, Object> obj() {
        return new LinkedHashMap<>();
    }

    static String write(Object tree) {
        return org.eurosec.query.Json.write(tree);
    }
}
