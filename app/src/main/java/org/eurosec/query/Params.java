package org.eurosec.query;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A question's inputs by name, as an adapter received them (query and path parameters): typed
 * readers whose every mistake is an {@link QueryException.InvalidParameter} naming the parameter.
 */
public interface Params {

    /** Every value given for {@code name}, in order; empty when it is absent. */
    List<String> values(String name);

    static Params of(Map<String, List<String>> values) {
        Map<String, List<String>> copy = Map.copyOf(values);
        return name -> copy.getOrDefault(name, List.of());
    }

    /** The one value of {@code name}; given twice is a mistake (a list is comma-separated). */
    default Optional<String> one(String name) {
        List<String> v = values(name);
        if (v.size() > 1) {
            throw new QueryException.InvalidParameter(name, "'" + name + "' is given " + v.size() + " times; give it once (a list is comma-separated)");
        }
        return v.isEmpty() ? Optional.empty() : Optional.of(v.get(0));
    }

    default String required(String name) {
        return one(name).filter(s -> !s.isBlank())
                .orElseThrow(() -> new QueryException.InvalidParameter(name, "Missing required parameter: '" + name + "'"));
    }

    default Optional<LocalDate> date(String name) {
        return one(name).map(v -> day(name, v));
    }

    /** A comma-separated list, each item trimmed, empty items dropped. */
    default List<String> list(String name) {
        List<String> out = new ArrayList<>();
        for (String v : values(name)) {
            for (String item : v.split(",")) {
                if (!item.isBlank()) {
                    out.add(item.trim());
                }
            }
        }
        return out;
    }

    /** A flag: absent, empty or {@code true} turns it on, {@code false} leaves it off, anything else is a mistake. */
    default boolean flag(String name) {
        Optional<String> v = one(name);
        if (v.isEmpty()) {
            return false;
        }
        return switch (v.get()) {
            case "", "true" -> true;
            case "false" -> false;
            default -> throw new QueryException.InvalidParameter(name, "'" + name + "' is a flag: true or false, not '" + v.get() + "'");
        };
    }

    default Optional<Integer> integer(String name) {
        return one(name).map(v -> {
            try {
                return Integer.parseInt(v.trim());
            } catch (NumberFormatException e) {
                throw new QueryException.InvalidParameter(name, "'" + v + "' is not a whole number");
            }
        });
    }

    /** A day written YYYY-MM-DD, or an {@link QueryException.InvalidParameter} naming {@code field}. */
    static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw new QueryException.InvalidParameter(field, "Invalid value for parameter '" + field + "': '" + value + "' is not a date (YYYY-MM-DD)");
        }
    }
}
