package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.annotation.JsonValue;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes a view as {@link Json}'s Jackson mapping does, byte for byte, without Jackson: records
 * (component order, names in snake_case or as {@code @JsonProperty} says, {@code @JsonIgnore},
 * {@code @JsonInclude(NON_NULL)} on a component or a record, {@code @JsonUnwrapped} records,
 * {@code @JsonValue} on a component), lists, sets, maps with string keys, strings, booleans,
 * integral and finite floating numbers, {@code Optional}, and days, in Jackson's default pretty
 * printing. A one-off command spends about a tenth of a second of a cold start having Jackson
 * introspect its views; this does not. Anything else (another class, an enum, a custom serializer,
 * a getter beside the components) makes {@link #write} answer {@code null}, and {@link Json} hands
 * the view to Jackson. With assertions on (the tests), {@link Json#write} checks both agree.
 */
final class JsonWriter {

    /** The view holds something this writer leaves to Jackson. */
    private static final class Unsupported extends RuntimeException {
        Unsupported(String why) {
            super(why, null, false, false);
        }
    }

    private record Property(String name, Method accessor, boolean nonNull, boolean unwrapped) {
    }

    /** A record's properties in order, or {@code null} when Jackson must write it; {@code value}: its @JsonValue component. */
    private record Shape(List<Property> properties, Method value) {
    }

    private static final ClassValue<Optional<Shape>> SHAPES = new ClassValue<>() {
        @Override
        protected Optional<Shape> computeValue(Class<?> type) {
            return Optional.ofNullable(shape(type));
        }
    };

    /** Written text is handed on in pieces of about this many characters when there is a sink. */
    static final int CHUNK = 1 << 16;

    private final StringBuilder out = new StringBuilder(4096);
    /** Where the text goes piece by piece, or {@code null} to keep it all in {@link #out}. */
    private final Appendable sink;
    /** Checking only: pieces are dropped instead of handed on. */
    private final boolean dryRun;
    private int nesting;

    private JsonWriter() {
        this(null, false);
    }

    private JsonWriter(Appendable sink, boolean dryRun) {
        this.sink = sink;
        this.dryRun = dryRun;
    }

    /** The view as Jackson writes it (without the final newline), or {@code null} when only Jackson can write it. */
    static String write(Object view) {
        return write(view, "");
    }

    /**
     * The view as Jackson writes it followed by {@code end}, or {@code null} when only Jackson can
     * write it; {@code end} is appended in place, so a large answer is not copied once more for it.
     */
    static String write(Object view, String end) {
        JsonWriter w = new JsonWriter();
        try {
            w.value(view);
        } catch (Unsupported u) {
            return null;
        }
        return w.out.append(end).toString();
    }

    /**
     * Writes the view as Jackson writes it, followed by {@code end}, to {@code sink} in pieces of about
     * {@link #CHUNK} characters, so that a large answer is never held whole; answers {@code false},
     * having written nothing, when only Jackson can write it (the view is first walked without
     * keeping what it writes, to know that before any piece goes out).
     */
    static boolean write(Object view, String end, Appendable sink) {
        try {
            new JsonWriter(sink, true).value(view);
        } catch (Unsupported u) {
            return false;
        }
        JsonWriter w = new JsonWriter(sink, false);
        w.value(view);
        w.out.append(end);
        w.flush();
        return true;
    }

    /** Hands the written text on to the sink once there is a piece's worth (with a sink only). */
    private void flushIfFull() {
        if (sink != null && out.length() >= CHUNK) {
            flush();
        }
    }

    private void flush() {
        if (!dryRun) {
            try {
                sink.append(out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        out.setLength(0);
    }

    /** Why {@link #write} leaves this view to Jackson, or {@code null} when it does not (for tests). */
    static String whyNot(Object view) {
        try {
            new JsonWriter().value(view);
            return null;
        } catch (Unsupported u) {
            return u.getMessage();
        }
    }

    private void value(Object v) {
        if (v == null) {
            out.append("null");
        } else if (v instanceof String s) {
            string(s);
        } else if (v instanceof Boolean || v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.append(v);
        } else if (v instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new Unsupported("a double that is not finite");
            }
            out.append(d.doubleValue());
        } else if (v instanceof Float f) {
            if (f.isNaN() || f.isInfinite()) {
                throw new Unsupported("a float that is not finite");
            }
            out.append(f.floatValue());
        } else if (v instanceof LocalDate || v instanceof MonthDay || v instanceof Year) {
            string(v.toString());
        } else if (v instanceof Optional<?> o) {
            value(o.orElse(null));
        } else if (v instanceof Collection<?> c) {
            array(c);
        } else if (v instanceof Map<?, ?> m) {
            map(m);
        } else if (v instanceof Record r) {
            record(r);
        } else {
            throw new Unsupported("a value of " + v.getClass().getName());
        }
    }

    private void array(Collection<?> c) {
        out.append('[');
        boolean first = true;
        for (Object e : c) {
            out.append(first ? " " : ", ");
            first = false;
            value(e);
            flushIfFull();
        }
        out.append(c.isEmpty() ? " ]" : " ]");
    }

    private void map(Map<?, ?> m) {
        out.append('{');
        nesting++;
        int n = 0;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!(e.getKey() instanceof String key)) {
                throw new Unsupported("a map key that is not a string");
            }
            field(n++, key);
            value(e.getValue());
            flushIfFull();
        }
        endObject(n);
    }

    private void record(Record r) {
        Shape shape = SHAPES.get(r.getClass()).orElseThrow(() -> new Unsupported("the record " + r.getClass().getName()));
        if (shape.value() != null) {
            value(get(shape.value(), r));
            return;
        }
        out.append('{');
        nesting++;
        endObject(properties(r, shape, 0));
    }

    /** Writes a record's properties as entries of the object being written; returns the count of entries so far. */
    private int properties(Record r, Shape shape, int n) {
        for (Property p : shape.properties()) {
            Object v = get(p.accessor(), r);
            if (p.unwrapped()) {
                if (v == null) {
                    continue;
                }
                if (!(v instanceof Record inner)) {
                    throw new Unsupported("an unwrapped " + v.getClass().getName());
                }
                Shape s = SHAPES.get(inner.getClass()).orElseThrow(() -> new Unsupported("the record " + inner.getClass().getName()));
                if (s.value() != null) {
                    throw new Unsupported("an unwrapped @JsonValue");
                }
                n = properties(inner, s, n);
                continue;
            }
            if (v == null && p.nonNull()) {
                continue;
            }
            field(n++, p.name());
            value(v);
        }
        return n;
    }

    private void field(int index, String name) {
        if (index > 0) {
            out.append(',');
        }
        indent(nesting);
        string(name);
        out.append(" : ");
    }

    private void endObject(int entries) {
        nesting--;
        if (entries > 0) {
            indent(nesting);
        } else {
            out.append(' ');
        }
        out.append('}');
    }

    private void indent(int level) {
        out.append('\n');
        for (int i = 0; i < level; i++) {
            out.append("  ");
        }
    }

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private void string(String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static Object get(Method accessor, Object target) {
        try {
            return accessor.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new Unsupported("an accessor that fails: " + e);
        }
    }

    private static boolean jackson(Annotation a) {
        return a.annotationType().getName().startsWith("com.fasterxml.jackson.");
    }

    /** How Jackson would write a record of this type, or {@code null} when it has anything this writer does not reproduce. */
    private static Shape shape(Class<?> type) {
        if (!type.isRecord()) {
            return null;
        }
        boolean nonNullClass = false;
        for (Annotation a : type.getAnnotations()) {
            if (a instanceof JsonInclude inc && inc.value() == JsonInclude.Include.NON_NULL && inc.content() == JsonInclude.Include.ALWAYS) {
                nonNullClass = true;
            } else if (jackson(a)) {
                return null;
            }
        }
        RecordComponent[] components = type.getRecordComponents();
        List<String> accessors = new ArrayList<>();
        List<Property> properties = new ArrayList<>();
        Method value = null;
        for (RecordComponent rc : components) {
            String name = rc.getName();
            Method accessor = rc.getAccessor();
            accessors.add(name);
            Field field;
            try {
                field = type.getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                return null;
            }
            if (Optional.class.isAssignableFrom(rc.getType()) && !rc.getType().equals(Optional.class)) {
                return null;
            }
            if (prefixed(name, "get") || prefixed(name, "is") || prefixed(name, "set")) {
                return null; // Jackson's handling of a component that reads as a getter or setter: leave it to Jackson
            }
            boolean ignore = false;
            boolean nonNull = nonNullClass;
            boolean unwrapped = false;
            boolean isValue = false;
            String explicit = null;
            List<Annotation> annotations = new ArrayList<>(List.of(field.getAnnotations()));
            annotations.addAll(List.of(accessor.getAnnotations()));
            for (Annotation a : annotations) {
                if (a instanceof JsonIgnore ig) {
                    if (!ig.value()) {
                        return null;
                    }
                    ignore = true;
                } else if (a instanceof JsonInclude inc && inc.content() == JsonInclude.Include.ALWAYS
                        && (inc.value() == JsonInclude.Include.NON_NULL || inc.value() == JsonInclude.Include.USE_DEFAULTS)) {
                    nonNull = nonNull || inc.value() == JsonInclude.Include.NON_NULL;
                } else if (a instanceof JsonProperty jp && !jp.value().isEmpty() && jp.index() == JsonProperty.INDEX_UNKNOWN
                        && jp.access() == JsonProperty.Access.AUTO && jp.defaultValue().isEmpty()) {
                    if (explicit != null && !explicit.equals(jp.value())) {
                        return null;
                    }
                    explicit = jp.value();
                } else if (a instanceof JsonUnwrapped u && u.enabled() && u.prefix().isEmpty() && u.suffix().isEmpty()) {
                    unwrapped = true;
                } else if (a instanceof JsonValue jv && jv.value()) {
                    isValue = true;
                } else if (jackson(a)) {
                    return null;
                }
            }
            if (nonNull && rc.getType().equals(Optional.class)) {
                return null; // Jackson's "absent" rules for an empty Optional: leave them to it
            }
            if (isValue) {
                if (value != null) {
                    return null;
                }
                accessor.setAccessible(true);
                value = accessor;
                continue;
            }
            if (ignore) {
                continue;
            }
            accessor.setAccessible(true);
            properties.add(new Property(explicit != null ? explicit : snakeCase(name), accessor, nonNull, unwrapped));
        }
        // Jackson also writes getters (getX, isX) beside the components, and any annotated method: leave such records to it.
        for (Method m : type.getMethods()) {
            if (Modifier.isStatic(m.getModifiers()) || m.getParameterCount() != 0 || m.getDeclaringClass() == Object.class
                    || m.getDeclaringClass() == Record.class || accessors.contains(m.getName()) && m.getDeclaringClass() == type) {
                continue;
            }
            for (Annotation a : m.getAnnotations()) {
                if (jackson(a)) {
                    return null;
                }
            }
            String n = m.getName();
            if (prefixed(n, "get") || prefixed(n, "is") && (m.getReturnType() == boolean.class || m.getReturnType() == Boolean.class)) {
                return null;
            }
        }
        for (Method m : type.getDeclaredMethods()) {
            if (!Modifier.isPublic(m.getModifiers()) && !m.isSynthetic()) {
                for (Annotation a : m.getAnnotations()) {
                    if (jackson(a)) {
                        return null;
                    }
                }
            }
        }
        for (Field f : type.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers())) {
                for (Annotation a : f.getAnnotations()) {
                    if (jackson(a)) {
                        return null;
                    }
                }
            }
        }
        if (value != null && !properties.isEmpty()) {
            // Jackson writes the @JsonValue alone whatever else the record has
            properties = List.of();
        }
        return new Shape(List.copyOf(properties), value);
    }

    /** {@code name} is {@code prefix} followed by a capital (getX, isX), as a bean getter is named. */
    private static boolean prefixed(String name, String prefix) {
        return name.length() > prefix.length() && name.startsWith(prefix) && Character.isUpperCase(name.charAt(prefix.length()));
    }

    /** Jackson's snake_case for an implicit name ({@code PropertyNamingStrategies.SnakeCaseStrategy}). */
    static String snakeCase(String input) {
        StringBuilder result = new StringBuilder(input.length() * 2);
        boolean wasPrevTranslated = false;
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (i > 0 || c != '_') {
                if (Character.isUpperCase(c)) {
                    if (!wasPrevTranslated && result.length() > 0 && result.charAt(result.length() - 1) != '_') {
                        result.append('_');
                    }
                    c = Character.toLowerCase(c);
                    wasPrevTranslated = true;
                } else {
                    wasPrevTranslated = false;
                }
                result.append(c);
            }
        }
        return result.length() > 0 ? result.toString() : input;
    }
}
