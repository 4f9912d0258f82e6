package org.eurosec.model;

import java.util.Optional;

/**
 * Where a fact came from: the public source it cites, the file and line it was read from, and the
 * reader's note, if any.
 */
public record Provenance(String source, String file, int line, Optional<String> note, boolean unconfirmed) {

    public Provenance {
        if (source == null || file == null || note == null) {
            throw new IllegalArgumentException("provenance needs a source and a file");
        }
    }

    /** {@code file:line}, the way error messages and explanations point at a fact. */
    public String where() {
        return file + ":" + line;
    }
}
