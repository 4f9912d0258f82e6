package org.eurosec.model;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A half-open interval of days {@code [from, to)}. An empty {@code to} means the span is still
 * running on the data's as-of date.
 */
public record Span(LocalDate from, Optional<LocalDate> to) {

    public Span {
        if (from == null || to == null) {
            throw new IllegalArgumentException("a span needs a start (and an Optional end)");
        }
    }

    public static Span from(LocalDate from) {
        return new Span(from, Optional.empty());
    }

    public static Span of(LocalDate from, LocalDate to) {
        return new Span(from, Optional.of(to));
    }

    /** The first day after the span, or {@link LocalDate#MAX} for an open span. */
    public LocalDate endExclusive() {
        return to.orElse(LocalDate.MAX);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && day.isBefore(endExclusive());
    }

    public boolean overlaps(Span other) {
        return from.isBefore(other.endExclusive()) && other.from.isBefore(endExclusive());
    }

    public boolean isEmpty() {
        return !from.isBefore(endExclusive());
    }

    @Override
    public String toString() {
        return "[" + from + ", " + to.map(LocalDate::toString).orElse("open") + ")";
    }
}
