package org.eurosec.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/** {@code meta.yaml}: the first day the data covers and the last day its facts were checked ({@code facts_checked_through}). */
final class MetaReader {

    private static final Set<String> META_KEYS = Set.of("covers_from", "facts_checked_through", "note", "source");

    /** The days the data speaks for: {@code covers_from} and {@code facts_checked_through}, in that order. */
    record Coverage(LocalDate from, LocalDate factsCheckedThrough) {
    }

    private final LoadContext ctx;

    MetaReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    Optional<Coverage> read(Path file) {
        Nodes n = ctx.nodes(ctx.display(file));
        return ctx.mapping(file, "meta").flatMap(root -> n.topFields(root, "meta", META_KEYS)).flatMap(f -> {
            Optional<LocalDate> from = f.requiredDate("covers_from");
            Optional<LocalDate> checked = f.requiredDate("facts_checked_through");
            if (from.isEmpty() || checked.isEmpty()) {
                return Optional.empty();
            }
            if (checked.get().isBefore(from.get())) {
                n.problem(f.line("facts_checked_through"), "facts_checked_through " + checked.get() + " is before covers_from " + from.get());
                return Optional.empty();
            }
            return Optional.of(new Coverage(from.get(), checked.get()));
        });
    }
}
