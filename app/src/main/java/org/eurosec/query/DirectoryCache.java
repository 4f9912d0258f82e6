package org.eurosec.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * What was read from a user's directory, kept while none of its files changes: a server answers
 * many questions from the same files, and reading them again for each would make the page slow. A
 * changed, added or removed file is read again on the next call; a broken one is reported then.
 */
final class DirectoryCache<T> {

    private record Entry<T>(String stamp, Object against, T value) {
    }

    private final ConcurrentHashMap<String, Entry<T>> entries = new ConcurrentHashMap<>();

    T get(Path dir, Supplier<T> load) {
        return get(dir, null, load);
    }

    /** As {@link #get(Path, Supplier)}, read again also when {@code against} is not the very object it was read against. */
    T get(Path dir, Object against, Supplier<T> load) {
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
                } catch (IOException ex) {
                    sb.append(f).append("|?\n");
                }
            });
        } catch (IOException | UncheckedIOException ex) {
            return "unreadable:" + System.nanoTime();
        }
        return sb.toString();
    }
}
