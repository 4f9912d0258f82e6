package org.eurosec.load;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;

/**
 * The embedded data as the build read it, in a compact binary form that loads without YAML: the
 * build reads {@code data/} through {@link ArchitectureLoader} (every check applied) and writes the
 * resulting {@link Architecture} with {@link #write}, with the shipped regimes read against it; {@link EmbeddedData#load()} reads it back
 * with {@link #read}. YAML stays the source of truth: the build regenerates the snapshot every time
 * (core's {@code process-classes} phase runs {@link #main}), {@code --data DIR} always reads YAML, and
 * {@code DataSnapshotTest} checks that the snapshot read back equals the YAML load, value for value
 * and in the same order.
 *
 * <p>The form: a magic number and version, a table of strings and one of classes, then the object
 * graph, each value tagged with its kind. Records are written component by component and rebuilt
 * through their canonical constructors; maps, sets and lists keep their order and come back
 * unmodifiable.
 */
public final class DataSnapshot {

    /** Where the build puts the snapshot of the embedded data, beside the data directory. */
    public static final String RESOURCE = "/eurosec/data.snapshot";

    private static final int MAGIC = 0x45534e31; // "ESN1"

    private static final byte NULL = 0, STRING = 1, INT = 2, LONG = 3, BOOLEAN = 4, DOUBLE = 5, DATE = 6, PERIOD = 7,
            OPTIONAL_EMPTY = 8, OPTIONAL = 9, OPTIONAL_LONG_EMPTY = 10, OPTIONAL_LONG = 11, OPTIONAL_INT_EMPTY = 12, OPTIONAL_INT = 13,
            LIST = 14, SET = 15, MAP = 16, ENUM = 17, RECORD = 18, SHORT = 19;

    private DataSnapshot() {
    }

    /**
     * Writes the build's snapshot: {@code main(dataDir, regimesDir, outFile)} reads the data and the
     * regimes as YAML and writes them. Data with problems gets no snapshot, regimes with problems are
     * left out (the build goes on, and the jar reads the YAML and reports them, as
     * {@code eurosec validate} does).
     */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[2]);
        Files.deleteIfExists(out);
        Architecture a;
        try {
            a = ArchitectureLoader.load(Path.of(args[0]), "data");
        } catch (DataException e) {
            System.err.println("eurosec: the data has " + e.problems().size() + " problem(s): no snapshot; the embedded data will be read as YAML");
            return;
        }
        Optional<Map<String, Regime>> regimes;
        try {
            regimes = Optional.of(RegimeLoader.load(Path.of(args[1]), "regimes", a));
        } catch (DataException e) {
            System.err.println("eurosec: the regimes have " + e.problems().size() + " problem(s): left out of the snapshot");
            regimes = Optional.empty();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            write(new Contents(a, regimes), o);
        }
    }

    /** What a snapshot holds: the data, and the shipped regimes read against it (empty when they had problems). */
    public record Contents(Architecture architecture, Optional<Map<String, Regime>> regimes) {
    }

    /** Writes a snapshot. */
    public static void write(Contents a, OutputStream out) throws IOException {
        Writer w = new Writer();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        w.value(a, new DataOutputStream(body));
        DataOutputStream d = new DataOutputStream(out);
        d.writeInt(MAGIC);
        d.writeInt(w.strings.size());
        for (String s : w.strings.keySet()) {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            d.writeInt(b.length);
            d.write(b);
        }
        d.writeInt(w.classes.size());
        for (Class<?> c : w.classes.keySet()) {
            d.writeUTF(c.getName());
        }
        body.writeTo(d);
        d.flush();
    }

    /** Reads a snapshot written by {@link #write}. */
    public static Contents read(InputStream in) throws IOException {
        DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(in, 1 << 16));
        if (d.readInt() != MAGIC) {
            throw new IOException("not a eurosec data snapshot");
        }
        String[] strings = new String[d.readInt()];
        byte[] buf = new byte[256];
        for (int i = 0; i < strings.length; i++) {
            int n = d.readInt();
            if (n > buf.length) {
                buf = new byte[Math.max(n, buf.length * 2)];
            }
            d.readFully(buf, 0, n);
            strings[i] = new String(buf, 0, n, StandardCharsets.UTF_8);
        }
        Class<?>[] classes = new Class<?>[d.readInt()];
        for (int i = 0; i < classes.length; i++) {
            try {
                classes[i] = Class.forName(d.readUTF(), false, DataSnapshot.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new IOException("the snapshot names a class this build does not have: " + e.getMessage(), e);
            }
        }
        return (Contents) new Reader(d, strings, classes).value();
    }

    private static final class Writer {
        final Map<String, Integer> strings = new LinkedHashMap<>();
        final Map<Class<?>, Integer> classes = new LinkedHashMap<>();

        int string(String s) {
            return strings.computeIfAbsent(s, k -> strings.size());
        }

        int type(Class<?> c) {
            return classes.computeIfAbsent(c, k -> classes.size());
        }

        void value(Object v, DataOutputStream o) throws IOException {
            if (v == null) {
                o.writeByte(NULL);
            } else if (v instanceof String s) {
                o.writeByte(STRING);
                o.writeInt(string(s));
            } else if (v instanceof Integer i) {
                o.writeByte(INT);
                o.writeInt(i);
            } else if (v instanceof Long l) {
                o.writeByte(LONG);
                o.writeLong(l);
            } else if (v instanceof Short s) {
                o.writeByte(SHORT);
                o.writeShort(s);
            } else if (v instanceof Boolean b) {
                o.writeByte(BOOLEAN);
                o.writeBoolean(b);
            } else if (v instanceof Double x) {
                o.writeByte(DOUBLE);
                o.writeDouble(x);
            } else if (v instanceof LocalDate date) {
                o.writeByte(DATE);
                o.writeLong(date.toEpochDay());
            } else if (v instanceof Period p) {
                o.writeByte(PERIOD);
                o.writeInt(p.getYears());
                o.writeInt(p.getMonths());
                o.writeInt(p.getDays());
            } else if (v instanceof Optional<?> opt) {
                if (opt.isEmpty()) {
                    o.writeByte(OPTIONAL_EMPTY);
                } else {
                    o.writeByte(OPTIONAL);
                    value(opt.get(), o);
                }
            } else if (v instanceof OptionalLong opt) {
                o.writeByte(opt.isEmpty() ? OPTIONAL_LONG_EMPTY : OPTIONAL_LONG);
                if (opt.isPresent()) {
                    o.writeLong(opt.getAsLong());
                }
            } else if (v instanceof OptionalInt opt) {
                o.writeByte(opt.isEmpty() ? OPTIONAL_INT_EMPTY : OPTIONAL_INT);
                if (opt.isPresent()) {
                    o.writeInt(opt.getAsInt());
                }
            } else if (v instanceof Map<?, ?> m) {
                o.writeByte(MAP);
                o.writeInt(m.size());
                for (Map.Entry<?, ?> e : m.entrySet()) {
                    value(e.getKey(), o);
                    value(e.getValue(), o);
                }
            } else if (v instanceof Set<?> s) {
                collection(SET, s, o);
            } else if (v instanceof List<?> l) {
                collection(LIST, l, o);
            } else if (v instanceof Enum<?> e) {
                o.writeByte(ENUM);
                o.writeInt(type(e.getDeclaringClass()));
                o.writeInt(e.ordinal());
            } else if (v instanceof Record r) {
                o.writeByte(RECORD);
                o.writeInt(type(r.getClass()));
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    try {
                        java.lang.reflect.Method accessor = c.getAccessor();
                        accessor.setAccessible(true);
                        value(accessor.invoke(r), o);
                    } catch (ReflectiveOperationException e) {
                        throw new IOException("cannot read " + r.getClass().getName() + "." + c.getName(), e);
                    }
                }
            } else {
                throw new IOException("the snapshot has no form for a " + v.getClass().getName());
            }
        }

        private void collection(byte tag, Collection<?> c, DataOutputStream o) throws IOException {
            o.writeByte(tag);
            o.writeInt(c.size());
            for (Object e : c) {
                value(e, o);
            }
        }
    }

    private static final class Reader {
        final DataInputStream in;
        final String[] strings;
        final Class<?>[] classes;
        final Map<Class<?>, Constructor<?>> constructors = new HashMap<>();
        final Map<Class<?>, Object[]> constants = new HashMap<>();

        Reader(DataInputStream in, String[] strings, Class<?>[] classes) {
            this.in = in;
            this.strings = strings;
            this.classes = classes;
        }

        Object value() throws IOException {
            byte tag = in.readByte();
            switch (tag) {
                case NULL:
                    return null;
                case STRING:
                    return strings[in.readInt()];
                case INT:
                    return in.readInt();
                case LONG:
                    return in.readLong();
                case SHORT:
                    return in.readShort();
                case BOOLEAN:
                    return in.readBoolean();
                case DOUBLE:
                    return in.readDouble();
                case DATE:
                    return LocalDate.ofEpochDay(in.readLong());
                case PERIOD:
                    return Period.of(in.readInt(), in.readInt(), in.readInt());
                case OPTIONAL_EMPTY:
                    return Optional.empty();
                case OPTIONAL:
                    return Optional.of(value());
                case OPTIONAL_LONG_EMPTY:
                    return OptionalLong.empty();
                case OPTIONAL_LONG:
                    return OptionalLong.of(in.readLong());
                case OPTIONAL_INT_EMPTY:
                    return OptionalInt.empty();
                case OPTIONAL_INT:
                    return OptionalInt.of(in.readInt());
                case MAP: {
                    int n = in.readInt();
                    Map<Object, Object> m = new LinkedHashMap<>(Math.max(4, n * 4 / 3 + 1));
                    for (int i = 0; i < n; i++) {
                        Object k = value();
                        m.put(k, value());
                    }
                    return Collections.unmodifiableMap(m);
                }
                case SET: {
                    int n = in.readInt();
                    Set<Object> s = new LinkedHashSet<>(Math.max(4, n * 4 / 3 + 1));
                    for (int i = 0; i < n; i++) {
                        s.add(value());
                    }
                    return Collections.unmodifiableSet(s);
                }
                case LIST: {
                    int n = in.readInt();
                    List<Object> l = new ArrayList<>(n);
                    for (int i = 0; i < n; i++) {
                        l.add(value());
                    }
                    return Collections.unmodifiableList(l);
                }
                case ENUM: {
                    Class<?> c = classes[in.readInt()];
                    return constants.computeIfAbsent(c, Class::getEnumConstants)[in.readInt()];
                }
                case RECORD:
                    return record(classes[in.readInt()]);
                default:
                    throw new IOException("a damaged snapshot (tag " + tag + ")");
            }
        }

        private Object record(Class<?> c) throws IOException {
            Constructor<?> k = constructors.get(c);
            if (k == null) {
                RecordComponent[] components = c.getRecordComponents();
                Class<?>[] types = new Class<?>[components.length];
                for (int i = 0; i < types.length; i++) {
                    types[i] = components[i].getType();
                }
                try {
                    k = c.getDeclaredConstructor(types);
                    k.setAccessible(true);
                } catch (NoSuchMethodException e) {
                    throw new IOException("no canonical constructor for " + c.getName(), e);
                }
                constructors.put(c, k);
            }
            Object[] args = new Object[k.getParameterCount()];
            for (int i = 0; i < args.length; i++) {
                args[i] = value();
            }
            try {
                return k.newInstance(args);
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot rebuild a " + c.getName() + ": " + e.getMessage(), e);
            }
        }
    }
}
