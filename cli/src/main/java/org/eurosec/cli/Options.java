package org.eurosec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.engine.Reading;
import org.eurosec.load.ArchitectureLoader;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import picocli.CommandLine.Option;

/** Options every command shares: where the data is, the output format, the reading of the law. */
final class Options {

    @Option(names = "--data", paramLabel = "DIR", description = "Read facts from DIR instead of the data embedded in the build.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv; for report: html (default) or md.", converter = FormatConverter.class)
    Format format = Format.TABLE;

    @Option(names = {"-I", "--interpretation"}, paramLabel = "ID=OPTION",
            description = "Switch a named interpretation (see `eurosec interpretations`). Repeatable.")
    List<String> interpretations = new ArrayList<>();

    @Option(names = "--regimes-dir", paramLabel = "DIR",
            description = "Read regimes from DIR (every *.yaml in it) instead of the regimes embedded in the build.")
    Path regimesDir;

    @Option(names = "--explain", description = "Print, with each answer, the tree of provisions and facts behind it, with sources.")
    boolean explain;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format (table, json, csv; for report: html, md)");
            }
        }
    }

    Architecture architecture() {
        if (data == null) {
            return EmbeddedData.load();
        }
        if (!Files.isDirectory(data)) {
            throw new UserError("--data " + data + ": not a directory");
        }
        return LOADED.get(data, () -> ArchitectureLoader.load(data, data.toString().replaceAll("/+$", "")));
    }

    /**
     * What was read from a user's directory, kept while none of its files changes: a server runs
     * every analysis through the command line, and re-reading the files for each request would
     * make the page slow. A changed, added or removed file is read again on the next call.
     */
    static final class DirectoryCache<T> {
        private record Entry<T>(String stamp, Object against, T value) {
        }

        private final java.util.concurrent.ConcurrentHashMap<String, Entry<T>> entries = new java.util.concurrent.ConcurrentHashMap<>();

        T get(Path dir, java.util.function.Supplier<T> load) {
            return get(dir, null, load);
        }

        /** As {@link #get(Path, java.util.function.Supplier)}, read again also when {@code against} is not the very object it was read against. */
        T get(Path dir, Object against, java.util.function.Supplier<T> load) {
            String key = dir.toAbsolutePath().normalize().toString();
            String stamp = stamp(dir);
            Entry<T> e = entries.get(key);
            if (e != null && e.stamp().equals(stamp) && e.against() == against) {
                return e.value();
            }
            T value = load.get();
            entries.put(key, new Entry<>(stamp, against, value));
            return value;
        }

        private static String stamp(Path dir) {
            StringBuilder sb = new StringBuilder();
            try (var files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).sorted().forEach(f -> {
                    try {
                        sb.append(f).append('|').append(Files.getLastModifiedTime(f).toMillis()).append('|').append(Files.size(f)).append('\n');
                    } catch (java.io.IOException ex) {
                        sb.append(f).append("|?\n");
                    }
                });
            } catch (java.io.IOException | java.io.UncheckedIOException ex) {
                return "unreadable:" + System.nanoTime();
            }
            return sb.toString();
        }
    }

    private static final DirectoryCache<Architecture> LOADED = new DirectoryCache<>();
    private static final DirectoryCache<java.util.Map<String, org.eurosec.model.Regime>> REGIMES = new DirectoryCache<>();

    /** The regimes: the embedded ones, or those in --regimes-dir, checked against the data. */
    java.util.Map<String, org.eurosec.model.Regime> regimes(Architecture a) {
        if (regimesDir == null) {
            return EmbeddedData.regimes(a);
        }
        if (!Files.isDirectory(regimesDir)) {
            throw new UserError("--regimes-dir " + regimesDir + ": not a directory");
        }
        // Regimes are read against the data: kept only while the data is the very same object (compared by identity,
        // not by the record's equals, which would walk the whole model on every request).
        return REGIMES.get(regimesDir, a, () -> org.eurosec.load.RegimeLoader.load(regimesDir, regimesDir.toString().replaceAll("/+$", ""), a));
    }

    /** One regime by id, or a clear error listing the known ones. */
    org.eurosec.model.Regime regime(java.util.Map<String, org.eurosec.model.Regime> regimes, String id) {
        org.eurosec.model.Regime r = regimes.get(id);
        if (r == null) {
            throw new UserError("unknown regime '" + id + "' (known: " + String.join(", ", regimes.keySet()) + "; `eurosec regimes` lists them)");
        }
        return r;
    }

    /** The -I choices as id → option, checked only for their shape (the regime's reading checks the ids). */
    java.util.Map<String, String> choices() {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        for (String s : interpretations) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new UserError("--interpretation takes ID=OPTION, got '" + s + "'");
            }
            out.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return out;
    }

    /**
     * The -I choices that apply in a regime's world: each must name an interpretation known in at
     * least one of {@code worlds} with a valid option; in each world only its own interpretations apply.
     */
    java.util.Map<String, String> choicesFor(Architecture world, java.util.Collection<Architecture> worlds) {
        java.util.Map<String, String> all = choices();
        for (java.util.Map.Entry<String, String> c : all.entrySet()) {
            boolean known = worlds.stream().anyMatch(w -> w.interpretations().containsKey(c.getKey()));
            if (!known) {
                java.util.Set<String> ids = new java.util.TreeSet<>();
                worlds.forEach(w -> ids.addAll(w.interpretations().keySet()));
                throw new UserError("--interpretation: unknown interpretation '" + c.getKey() + "' (known: " + String.join(", ", ids) + ")");
            }
        }
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        all.forEach((k, v) -> {
            if (world.interpretations().containsKey(k)) {
                out.put(k, v);
            }
        });
        Reading r = Reading.defaults(world);
        for (java.util.Map.Entry<String, String> c : out.entrySet()) {
            try {
                r = r.with(c.getKey(), c.getValue());
            } catch (IllegalArgumentException e) {
                throw new UserError("--interpretation: " + e.getMessage());
            }
        }
        return out;
    }

    Reading reading(Architecture a) {
        Reading r = Reading.defaults(a);
        for (String s : interpretations) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new UserError("--interpretation takes ID=OPTION, got '" + s + "'");
            }
            try {
                r = r.with(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new UserError("--interpretation: " + e.getMessage());
            }
        }
        return r;
    }
}
