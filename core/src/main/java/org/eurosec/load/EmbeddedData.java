package org.eurosec.load;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.eurosec.model.Architecture;

/**
 * The data directory shipped inside the build (copied from the repository's {@code data/}), read
 * in place whether the classes sit in a directory or in a jar.
 */
public final class EmbeddedData {

    private static final String MARKER = "/eurosec/data/meta.yaml";

    private EmbeddedData() {
    }

    /** The embedded data directory as a path (in a zip file system when running from a jar). */
    public static Path directory() {
        URL url = EmbeddedData.class.getResource(MARKER);
        if (url == null) {
            throw new IllegalStateException("the build carries no embedded data (" + MARKER + " missing)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.provider().getPath(uri).getParent();
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the embedded data: " + e.getMessage(), e);
        }
    }

    private static volatile Architecture loaded;
    private static volatile Map.Entry<Architecture, java.util.Map<String, org.eurosec.model.Regime>> loadedRegimes;

    /**
     * The embedded data, read once per process: it cannot change while the process runs (it is in
     * the build) and the model is immutable, so every caller may share it.
     */
    public static Architecture load() {
        Architecture a = loaded;
        if (a == null) {
            synchronized (EmbeddedData.class) {
                if (loaded == null) {
                    Optional<DataSnapshot.Contents> snapshot = snapshot();
                    if (snapshot.isPresent()) {
                        loaded = snapshot.get().architecture();
                        snapshot.get().regimes().ifPresent(r -> loadedRegimes = Map.entry(loaded, r));
                    } else {
                        loaded = ArchitectureLoader.load(directory(), "data");
                    }
                }
                a = loaded;
            }
        }
        return a;
    }

    /**
     * The embedded data and regimes as the build read them ({@link DataSnapshot}), without parsing YAML; empty when
     * the build carries no snapshot (classes compiled without Maven's {@code process-classes} phase).
     */
    static Optional<DataSnapshot.Contents> snapshot() {
        try (java.io.InputStream in = EmbeddedData.class.getResourceAsStream(DataSnapshot.RESOURCE)) {
            return in == null ? Optional.empty() : Optional.of(DataSnapshot.read(in));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the embedded data's snapshot: " + e.getMessage(), e);
        }
    }

    /** The embedded regimes directory (a sibling of the data directory). */
    public static Path regimesDirectory() {
        return directory().getParent().resolve("regimes");
    }

    /** The embedded scenarios directory (a sibling of the data directory). */
    public static Path scenariosDirectory() {
        return directory().getParent().resolve("scenarios");
    }

    /** The shipped regimes, read against {@code base}. */
    public static java.util.Map<String, org.eurosec.model.Regime> regimes(Architecture base) {
        Map.Entry<Architecture, java.util.Map<String, org.eurosec.model.Regime>> last = loadedRegimes;
        if (last != null && last.getKey() == base) {
            return last.getValue();
        }
        java.util.Map<String, org.eurosec.model.Regime> r = RegimeLoader.load(regimesDirectory(), "regimes", base);
        loadedRegimes = Map.entry(base, r);
        return r;
    }
}
