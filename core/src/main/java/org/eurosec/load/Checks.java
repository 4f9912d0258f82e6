package org.eurosec.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eurosec.model.Provenance;
import org.eurosec.model.Span;

/**
 * The checks every reader shares: a source on each fact, spells that end after they start and do
 * not overlap, whole numbers, closed sets of words and kebab-case ids. Each records its problem with
 * the file and line through {@link Nodes} and returns empty, so a file is read to its end.
 */
final class Checks {

    /** The keys of a dated spell (existence). */
    static final Set<String> SPELL_KEYS = Set.of("from", "to", "source", "note", "unconfirmed");

    private Checks() {
    }

    static Optional<Provenance> provenance(Nodes n, Nodes.Fields f) {
        return provenance(n, f, f.what());
    }

    static Optional<Provenance> provenance(Nodes n, Nodes.Fields f, String what) {
        Optional<String> note = f.string("note");
        boolean unconfirmed = f.has("unconfirmed") && f.flag("unconfirmed");
        if (!f.has("source")) {
            n.problem(f.line(), what + " has no source (every fact needs a public 'source:' URL)");
            return Optional.empty();
        }
        return f.string("source").flatMap(src -> {
            if (!src.matches("https?://\\S+")) {
                n.problem(f.line("source"), what + ": source '" + src + "' is not a URL (http:// or https://)");
                return Optional.empty();
            }
            return Optional.of(new Provenance(src, n.file(), f.line(), note, unconfirmed));
        });
    }

    /** A spell's {@code from} (required or not) and optional {@code to}, which must come after it. */
    static Optional<Span> span(Nodes n, Nodes.Fields f, String what, boolean fromRequired) {
        Optional<LocalDate> from = fromRequired ? f.requiredDate("from") : f.date("from");
        Optional<LocalDate> to = f.date("to");
        if (from.isEmpty()) {
            return Optional.empty();
        }
        if (to.isPresent() && !to.get().isAfter(from.get())) {
            n.problem(f.line("to"), what + ": ends (" + to.get() + ") before it starts (" + from.get() + ")");
            return Optional.empty();
        }
        return Optional.of(new Span(from.get(), to));
    }

    /** No two spells of the same actor overlap. */
    static <T> void spellsPerActor(Nodes n, List<T> spells, Function<T, String> actor, Function<T, Span> span,
            Function<T, Integer> line, String what) {
        Map<String, List<T>> byActor = new HashMap<>();
        for (T s : spells) {
            byActor.computeIfAbsent(actor.apply(s), k -> new ArrayList<>()).add(s);
        }
        byActor.forEach((a, list) -> noOverlap(n, list, span, line, what + " spells of " + a));
    }

    /** No two of {@code spells} overlap; each overlap is reported at the later spell's line. */
    static <T> void noOverlap(Nodes n, List<T> spells, Function<T, Span> span, Function<T, Integer> line, String what) {
        List<T> sorted = new ArrayList<>(spells);
        sorted.sort((a, b) -> span.apply(a).from().compareTo(span.apply(b).from()));
        for (int i = 1; i < sorted.size(); i++) {
            Span prev = span.apply(sorted.get(i - 1));
            Span cur = span.apply(sorted.get(i));
            if (prev.overlaps(cur)) {
                n.problem(line.apply(sorted.get(i)), what + " overlap: " + cur + " overlaps " + prev
                        + " (line " + line.apply(sorted.get(i - 1)) + ")");
            }
        }
    }

    static Optional<Integer> wholeNumber(Nodes n, int line, String what, String v) {
        try {
            return Optional.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            n.problem(line, what + " '" + v + "' is not a whole number");
            return Optional.empty();
        }
    }

    /** One of an enum's constants written in kebab-case (any case); otherwise a problem listing them. */
    static <E extends Enum<E>> Optional<E> oneOf(Nodes n, int line, String what, String v, Class<E> type) {
        String key = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return Optional.of(e);
            }
        }
        List<String> allowed = Stream.of(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        n.problem(line, what + " '" + v + "' is not one of: " + String.join(", ", allowed));
        return Optional.empty();
    }

    static void kebab(Nodes n, int line, String what, String id) {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            n.problem(line, what + ": id '" + id + "' must be lowercase kebab-case");
        }
    }
}
