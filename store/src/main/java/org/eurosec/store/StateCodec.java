package org.eurosec.store;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.ProcedureRules;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * An exercise's state as a snapshot: the procedures (each record written component by component,
 * by its declared type: text, numbers, instants, dates, enums, optionals, lists, sets, maps) with
 * their last change numbers, the count of changes, the time of the last action, the next id and
 * the closing. The rules are not in it: they are read again from the exercise's first entry, as on
 * replay; the open deadlines are derived from the procedures, as the state itself keeps them. Kept
 * gzipped and Base64-encoded, so a large exercise fits one text column on every database.
 */
final class StateCodec {

    private StateCodec() {
    }

    /** The whole state as a snapshot (see {@link Incremental} for one exercise's successive snapshots). */
    static String write(ExerciseState s) {
        return new Incremental().write(s);
    }

    /**
     * Writes one exercise's successive snapshots, each costing what changed since the last rather
     * than the whole state: the procedures are written in parts of {@value #PART} consecutive ids,
     * each part compressed as a gzip member of its own, and a part whose procedures are the very
     * ones of the last snapshot (the same immutable records, with the same change numbers) is
     * reused as it was compressed. The members, one after another, are one gzip stream of the same
     * JSON document as a whole-state write gives (what {@link #read} reads, whichever way it was
     * written). Not thread-safe: one writer per exercise, used by one thread.
     */
    static final class Incremental {
        static final int PART = 256;

        /** A part as last written: its procedures and their change numbers, whether it began with a comma, and its gzip member. */
        private record Part(Procedure[] procedures, int[] changes, boolean comma, byte[] gzip) {
        }

        private Map<Integer, Part> parts = new HashMap<>();
        /** Parts compressed anew and parts reused, over all writes (for tests). */
        long compressed;
        long reused;

        /**
         * One pass over the procedures in id order, beside their change numbers (the state keeps both
         * maps by procedure id, so the two walk in step without a look-up per procedure); each part is
         * compared with the last snapshot's and compressed only if it differs.
         */
        String write(ExerciseState s) {
            // The gzip members in order; joined once at the end into one array of the exact size (a large
            // exercise's snapshot runs to megabytes, which a growing buffer would copy again at each doubling).
            List<byte[]> bytes = new ArrayList<>();
            bytes.add(gzip("{\"procedures\":["));
            Map<Integer, Part> next = new HashMap<>();
            Iterator<Map.Entry<Integer, Integer>> lastChanges = s.lastChange().entrySet().iterator();
            List<Procedure> ps = new ArrayList<>(PART);
            int[] changes = new int[PART]; // a part holds at most PART ids
            int current = 0;
            boolean comma = false;
            for (Procedure p : s.procedures().values()) {
                int k = Math.floorDiv(p.id(), PART);
                if (!ps.isEmpty() && k != current) {
                    put(current, ps, changes, comma, next, bytes);
                    comma = true;
                    ps.clear();
                }
                current = k;
                Map.Entry<Integer, Integer> c = lastChanges.hasNext() ? lastChanges.next() : null;
                changes[ps.size()] = c != null && c.getKey() == p.id() ? c.getValue() : s.changeOf(p.id());
                ps.add(p);
            }
            if (!ps.isEmpty()) {
                put(current, ps, changes, comma, next, bytes);
            }
            parts = next;
            ObjectNode rest = JsonNodeFactory.instance.objectNode();
            rest.put("accepted", s.accepted()).put("last_at", s.lastAt().toString()).put("next_id", s.nextId());
            if (s.closed().isPresent()) {
                rest.put("closed", s.closed().get().toString());
            }
            bytes.add(gzip("]," + rest.toString().substring(1)));
            int size = 0;
            for (byte[] b : bytes) {
                size += b.length;
            }
            byte[] all = new byte[size];
            int at = 0;
            for (byte[] b : bytes) {
                System.arraycopy(b, 0, all, at, b.length);
                at += b.length;
            }
            return Base64.getEncoder().encodeToString(all);
        }

        /** Part {@code k} (procedures {@code ps} with {@code changes}): the last snapshot's if the same, else compressed anew. */
        private void put(int k, List<Procedure> ps, int[] changes, boolean comma, Map<Integer, Part> next, List<byte[]> bytes) {
            Part part = parts.get(k);
            if (part != null && part.comma() == comma && same(part, ps, changes)) {
                reused++;
            } else {
                part = encode(ps, java.util.Arrays.copyOf(changes, ps.size()), comma);
                compressed++;
            }
            next.put(k, part);
            bytes.add(part.gzip());
        }

        private static boolean same(Part part, List<Procedure> ps, int[] changes) {
            if (part.procedures().length != ps.size()) {
                return false;
            }
            for (int i = 0; i < ps.size(); i++) {
                if (part.procedures()[i] != ps.get(i) || part.changes()[i] != changes[i]) {
                    return false;
                }
            }
            return true;
        }

        private static Part encode(List<Procedure> ps, int[] changes, boolean comma) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < changes.length; i++) {
                if (comma || i > 0) {
                    text.append(',');
                }
                Procedure p = ps.get(i);
                ObjectNode n = JsonNodeFactory.instance.objectNode();
                n.put("type", p.getClass().getSimpleName()).put("change", changes[i]);
                ObjectNode f = n.putObject("fields");
                for (Component c : SHAPES.get(p.getClass().getSimpleName()).components()) {
                    f.set(c.name(), StateCodec.encode(c.value(p)));
                }
                text.append(n);
            }
            return new Part(ps.toArray(new Procedure[0]), changes, comma, gzip(text.toString()));
        }

        private static byte[] gzip(String text) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
                gz.write(text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return bytes.toByteArray();
        }
    }

    /**
     * The state a snapshot holds. Read as a stream, one procedure at a time: only one procedure's
     * JSON tree is built at once, so reading a large exercise back needs little more memory than the
     * state it gives (a tree of the whole document took several times that, and a server that held
     * an exercise could not read it back under the same heap).
     */
    static ExerciseState read(String stored, String exercise, String regime, ProcedureRules rules) {
        TreePMap<Integer, Procedure> procedures = TreePMap.empty();
        TreePSet<ExerciseState.Due> pending = TreePSet.empty();
        TreePMap<Integer, Integer> changes = TreePMap.empty();
        TreePMap<Integer, Integer> lastChange = TreePMap.empty();
        // Equal texts read once are held once (party codes, provisions, repeated subjects), and each
        // procedure's id and change number are boxed once for the three maps, as a live exercise holds them.
        Map<String, String> texts = new HashMap<>();
        Integer accepted = null;
        Integer nextId = null;
        Instant lastAt = null;
        Optional<Instant> closed = Optional.empty();
        boolean sawProcedures = false;
        // The Base64 decoded whole (a tenth or so of the document it holds) and read from an array: GZIPInputStream
        // reads a member after the first only when its source says more bytes are available, which an array's
        // stream says exactly; a stream that answered 0 (as a decoding stream over the text did) ended the
        // document at whichever member boundary fell near the end of a read, and the snapshot was refused.
        byte[] gzipped;
        try {
            gzipped = Base64.getDecoder().decode(stored);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the snapshot cannot be read: " + e.getMessage(), e);
        }
        try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gzipped), 1 << 16);
                JsonParser p = ActionCodec.JSON.createParser(in)) {
            expect(p, p.nextToken(), JsonToken.START_OBJECT);
            for (JsonToken t = p.nextToken(); t != JsonToken.END_OBJECT; t = p.nextToken()) {
                expect(p, t, JsonToken.FIELD_NAME);
                String name = p.getCurrentName();
                JsonToken value = p.nextToken();
                switch (name) {
                    case "procedures" -> {
                        expect(p, value, JsonToken.START_ARRAY);
                        sawProcedures = true;
                        for (JsonToken e = p.nextToken(); e != JsonToken.END_ARRAY; e = p.nextToken()) {
                            expect(p, e, JsonToken.START_OBJECT);
                            JsonNode n = p.readValueAsTree();
                            Procedure pr = procedure(n.get("type").asText(), n.get("fields"), texts);
                            Integer id = pr.id();
                            procedures = procedures.plus(id, pr);
                            if (pr.deadline().isPresent()) {
                                pending = pending.plus(new ExerciseState.Due(pr.deadline().get(), pr.id()));
                            }
                            Integer change = n.get("change").asInt();
                            changes = changes.plus(change, id);
                            lastChange = lastChange.plus(id, change);
                        }
                    }
                    case "accepted" -> accepted = p.getValueAsInt();
                    case "next_id" -> nextId = p.getValueAsInt();
                    case "last_at" -> lastAt = Instant.parse(p.getValueAsString());
                    case "closed" -> closed = value == JsonToken.VALUE_NULL ? Optional.empty() : Optional.of(Instant.parse(p.getValueAsString()));
                    default -> p.skipChildren();
                }
            }
        } catch (IOException | IllegalArgumentException | java.time.format.DateTimeParseException | NullPointerException e) {
            throw new IllegalStateException("the snapshot cannot be read: " + e.getMessage(), e);
        }
        if (!sawProcedures || accepted == null || nextId == null || lastAt == null) {
            throw new IllegalStateException("the snapshot cannot be read: it lacks one of procedures, accepted, next_id, last_at");
        }
        return new ExerciseState(exercise, regime, rules, procedures, accepted, lastAt, pending, nextId, closed, changes, lastChange);
    }

    private static void expect(JsonParser p, JsonToken got, JsonToken wanted) throws IOException {
        if (got != wanted) {
            throw new JsonParseException(p, "expected " + wanted + " but found " + got);
        }
    }

    /** How a kind of procedure is written and rebuilt: its components in order, and its canonical constructor. */
    private record Shape(List<Component> components, Constructor<?> constructor) {
    }

    /** A record component: its name, its declared type (to rebuild it) and its accessor (to write it). */
    private record Component(String name, Type type, java.lang.invoke.MethodHandle accessor) {
        Object value(Object record) {
            try {
                return accessor.invoke(record);
            } catch (RuntimeException | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new IllegalStateException(t);
            }
        }
    }

    /**
     * Each kind of procedure's shape by its simple name, looked up once for writing and reading:
     * {@link Class#getRecordComponents} makes new reflective objects on every call, and reflection on
     * every procedure written or read (its components, accessors, constructor) cost more than the
     * procedure's own encoding.
     */
    private static final Map<String, Shape> SHAPES = shapes();

    private static Map<String, Shape> shapes() {
        Map<String, Shape> out = new HashMap<>();
        for (Class<?> c : Procedure.class.getPermittedSubclasses()) {
            RecordComponent[] rc = c.getRecordComponents();
            List<Component> components = new ArrayList<>();
            Class<?>[] raw = new Class<?>[rc.length];
            try {
                for (int i = 0; i < rc.length; i++) {
                    java.lang.reflect.Method m = rc[i].getAccessor();
                    m.setAccessible(true);
                    components.add(new Component(rc[i].getName(), rc[i].getGenericType(), java.lang.invoke.MethodHandles.lookup().unreflect(m)));
                    raw[i] = rc[i].getType();
                }
                out.put(c.getSimpleName(), new Shape(List.copyOf(components), c.getDeclaredConstructor(raw)));
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("the snapshot cannot write or rebuild " + c.getName() + ": " + e, e);
            }
        }
        return Map.copyOf(out);
    }

    private static Procedure procedure(String type, JsonNode fields, Map<String, String> texts) {
        Shape shape = SHAPES.get(type);
        if (shape == null) {
            throw new IllegalStateException("the snapshot holds an unknown kind of procedure '" + type + "'");
        }
        Object[] args = new Object[shape.components().size()];
        for (int i = 0; i < args.length; i++) {
            Component c = shape.components().get(i);
            JsonNode v = fields == null ? null : fields.get(c.name());
            if (v == null) {
                throw new IllegalStateException("the snapshot's " + type + " has no '" + c.name() + "'");
            }
            args[i] = decode(c.type(), v, texts);
        }
        try {
            return (Procedure) shape.constructor().newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the snapshot's " + type + " cannot be rebuilt: " + e, e);
        }
    }

    private static JsonNode encode(Object v) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        if (v == null) {
            return f.nullNode();
        }
        if (v instanceof Optional<?> o) {
            return o.isPresent() ? encode(o.get()) : f.nullNode();
        }
        if (v instanceof Integer i) {
            return f.numberNode(i);
        }
        if (v instanceof Long l) {
            return f.numberNode(l);
        }
        if (v instanceof Boolean b) {
            return f.booleanNode(b);
        }
        if (v instanceof String || v instanceof Instant || v instanceof LocalDate) {
            return f.textNode(v.toString());
        }
        if (v instanceof Enum<?> e) {
            return f.textNode(e.name());
        }
        if (v instanceof Collection<?> c) {
            ArrayNode a = f.arrayNode();
            c.forEach(x -> a.add(encode(x)));
            return a;
        }
        if (v instanceof Map<?, ?> m) {
            ObjectNode o = f.objectNode();
            m.forEach((k, x) -> o.set((String) k, encode(x)));
            return o;
        }
        throw new IllegalStateException("a snapshot cannot hold a " + v.getClass().getName());
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object decode(Type t, JsonNode v, Map<String, String> texts) {
        if (t instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            Type[] args = p.getActualTypeArguments();
            if (raw == Optional.class) {
                return v.isNull() ? Optional.empty() : Optional.of(decode(args[0], v, texts));
            }
            if (raw == List.class) {
                List<Object> out = new ArrayList<>();
                v.forEach(x -> out.add(decode(args[0], x, texts)));
                return List.copyOf(out);
            }
            if (raw == java.util.Set.class) {
                TreeSet<Object> out = new TreeSet<>();
                v.forEach(x -> out.add(decode(args[0], x, texts)));
                return out;
            }
            if (raw == Map.class) {
                Map<String, Object> out = new LinkedHashMap<>();
                for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    out.put(texts.computeIfAbsent(e.getKey(), k -> k), decode(args[1], e.getValue(), texts));
                }
                return out;
            }
            throw new IllegalStateException("a snapshot cannot rebuild a " + t);
        }
        Class<?> c = (Class<?>) t;
        if (c == int.class || c == Integer.class) {
            return v.asInt();
        }
        if (c == long.class || c == Long.class) {
            return v.asLong();
        }
        if (c == boolean.class || c == Boolean.class) {
            return v.asBoolean();
        }
        if (c == String.class) {
            return texts.computeIfAbsent(v.asText(), k -> k);
        }
        if (c == Instant.class) {
            return Instant.parse(v.asText());
        }
        if (c == LocalDate.class) {
            return LocalDate.parse(v.asText());
        }
        if (c.isEnum()) {
            return Enum.valueOf((Class<? extends Enum>) c, v.asText());
        }
        throw new IllegalStateException("a snapshot cannot rebuild a " + c.getName());
    }
}
