package org.eurosec.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** {@code meta.yaml}: the first day the data covers and the day it was compiled ({@code as_of}). */
final class MetaReader {

    private static final Set<String> META_KEYS = Set.of("covers_from", "as_of", "note", "source");

    /** The days the data covers: {@code covers_from} and {@code as_of}, in that order. */
    record Coverage(LocalDate from, LocalDate asOf) {
    }

    private final LoadContext ctx;

    MetaReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    Optional<Coverage> read(Path file) {
        Nodes n = ctx.nodes(ctx.display(file));
        return ctx.compose(file).flatMap(root -> n.fields(root, "meta", META_KEYS)).flatMap(f -> {
            Optional<LocalDate> from = f.requiredDate("covers_from");
            Optional<LocalDate> asOf = f.requiredDate("as_of");
            if (from.isEmpty() || asOf.isEmpty()) {
                return Optional.empty();
            }
            if (asOf.get().isBefore(from.get())) {
                n.problem(f.line("as_of"), "as_of " + asOf.get() + " is before covers_from " + from.get());
                return Optional.empty();
            }
            return Optional.of(new Coverage(from.get(), asOf.get()));
        });
    }
}
