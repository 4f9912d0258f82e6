package org.eurosec.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The parts of a small data folder that the reconcile tests all write: meta, numbered states, files. */
final class ReconcileWorld {

    static final String SRC = "https://example.org/source";

    private ReconcileWorld() {
    }

    /** meta.yaml covering from the given day, and states.yaml with the ids given COW codes 1, 2, 3, … in order. */
    static void metaAndStates(Path dir, String coversFrom, String... ids) throws IOException {
        write(dir, "meta.yaml", "covers_from: " + coversFrom + "\nfacts_checked_through: 2026-01-01\n");
        StringBuilder states = new StringBuilder("states:\n");
        for (int i = 0; i < ids.length; i++) {
            states.append("  - {id: %2$s, name: %2$s land, iso3: %2$s, ccode: %3$d, source: %1$s, exists: [{from: 1900-01-01, source: %1$s}]}\n"
                    .formatted(SRC, ids[i], i + 1));
        }
        write(dir, "states.yaml", states.toString());
    }

    static void write(Path dir, String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }
}
