package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * JSON Schemas (as OpenAPI 3.0 writes them) of the view records, made from the records themselves
 * so the API's description cannot drift from what it answers: a record is an object with one
 * property per component (named as {@link Json} names it), a sealed interface is one of its
 * permitted records, a collection an array, a map an object of values, {@code Optional} and boxed
 * numbers nullable.
 */
public final class Schemas {

    private static final PropertyNamingStrategies.NamingBase SNAKE = (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

    private final Map<String, Object> components = new LinkedHashMap<>();

    /** The schemas named so far, by component name: what goes under {@code components.schemas}. */
    public Map<String, Object> components() {
        return components;
    }

    /** The component name of a view type: its nesting joined ({@code Coverage.Answer} is {@code CoverageAnswer}). */
    public static String name(Class<?> c) {
        StringBuilder sb = new StringBuilder(c.getSimpleName());
        for (Class<?> outer = c.getEnclosingClass(); outer != null; outer = outer.getEnclosingClass()) {
            sb.insert(0, outer.getSimpleName());
        }
        return sb.toString();
    }

    /** A reference to the schema of {@code type}, adding it and what it uses to {@link #components()}. */
    public Map<String, Object> ref(Type type) {
        return schema(type);
    }

    private Map<String, Object> schema(Type type) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (Collection.class.isAssignableFrom(raw)) {
                return obj("type", "array", "items", schema(args[0]));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return obj("type", "object", "additionalProperties", schema(args[1]));
            }
            if (raw == Optional.class) {
                Map<String, Object> inner = new LinkedHashMap<>(schema(args[0]));
                return nullable(inner);
            }
            return schema(raw);
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return nullable(obj("type", "string")); // a view writes null for a text it does not have (an article, a scope)
        }
        if (c == LocalDate.class) {
            return obj("type", "string", "format", "date");
        }
        if (c == boolean.class) {
            return obj("type", "boolean");
        }
        if (c == Boolean.class) {
            return nullable(obj("type", "boolean"));
        }
        if (c == int.class || c == long.class) {
            return obj("type", "integer");
        }
        if (c == Integer.class || c == Long.class || c == OptionalInt.class) {
            return nullable(obj("type", "integer"));
        }
        if (c == double.class) {
            return obj("type", "number");
        }
        if (c == Double.class) {
            return nullable(obj("type", "number"));
        }
        if (c.isEnum()) {
            return obj("type", "string");
        }
        if (c == Object.class) {
            return obj("description", "any JSON value (a provision's parameters as written in its file)");
        }
        if (c.isArray()) {
            return obj("type", "array", "items", schema(c.getComponentType()));
        }
        if (Collection.class.isAssignableFrom(c)) {
            return obj("type", "array");
        }
        if (Map.class.isAssignableFrom(c)) {
            return obj("type", "object");
        }
        String name = name(c);
        if (!components.containsKey(name)) {
            components.put(name, Map.of()); // a placeholder first: a record may refer to itself (an explanation's "because")
            components.put(name, define(c));
        }
        return obj("$ref", "#/components/schemas/" + name);
    }

    private Map<String, Object> define(Class<?> c) {
        for (Method m : c.getMethods()) {
            if (m.isAnnotationPresent(JsonValue.class)) {
                return schema(m.getGenericReturnType());
            }
        }
        if (c.isSealed()) {
            List<Object> one = new ArrayList<>();
            for (Class<?> sub : c.getPermittedSubclasses()) {
                one.add(schema(sub));
            }
            return obj("oneOf", one);
        }
        if (!c.isRecord()) {
            throw new IllegalArgumentException(c.getName() + " is not a view record: a view is a record, a sealed interface of records or a @JsonValue");
        }
        Map<String, Object> props = new LinkedHashMap<>();
        List<String> required = new ArrayList<>();
        JsonInclude classInclude = c.getAnnotation(JsonInclude.class);
        for (RecordComponent rc : c.getRecordComponents()) {
            JsonProperty named = rc.getAnnotation(JsonProperty.class);
            if (named == null && rc.getAccessor().getAnnotation(JsonProperty.class) != null) {
                named = rc.getAccessor().getAnnotation(JsonProperty.class);
            }
            String json = named != null && !named.value().isEmpty() ? named.value() : SNAKE.translate(rc.getName());
            props.put(json, schema(rc.getGenericType()));
            JsonInclude inc = rc.getAnnotation(JsonInclude.class);
            if (inc == null) {
                inc = rc.getAccessor().getAnnotation(JsonInclude.class);
            }
            if (inc == null) {
                inc = classInclude;
            }
            if (inc == null || inc.value() == JsonInclude.Include.ALWAYS || inc.value() == JsonInclude.Include.USE_DEFAULTS) {
                required.add(json);
            }
        }
        Map<String, Object> out = obj("type", "object", "properties", props);
        if (!required.isEmpty()) {
            out.put("required", required);
        }
        out.put("additionalProperties", false);
        return out;
    }

    private static Map<String, Object> nullable(Map<String, Object> s) {
        Map<String, Object> out = new LinkedHashMap<>(s);
        if (out.containsKey("$ref")) {
            return obj("allOf", List.of(out), "nullable", true);
        }
        out.put("nullable", true);
        return out;
    }

    private static Map<String, Object> obj(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
