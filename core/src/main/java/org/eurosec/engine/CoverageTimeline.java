package org.eurosec.engine;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.eurosec.model.Architecture;
import org.eurosec.model.Dated;
import org.eurosec.model.Instrument;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;
import org.eurosec.model.State;

/**
 * History cut into segments on which no fact that coverage depends on changes: every start and
 * end of a party spell, of a membership, of a state's existence or code, of an instrument's or a
 * provision's force is a cut. A day is answered by a binary search for its segment; each segment's snapshot is computed
 * once, on first use, by {@link SnapshotBuilder}, so answering every day of 1949-2026 costs a few
 * hundred snapshots, not 28,000.
 */
public final class CoverageTimeline {

    private final SnapshotBuilder builder;
    private final long[] cuts;
    private final Snapshot[] segments;

    public CoverageTimeline(SnapshotBuilder builder) {
        this.builder = builder;
        TreeSet<LocalDate> days = new TreeSet<>();
        Architecture a = builder.architecture();
        Consumer<Span> add = s -> {
            days.add(s.from());
            s.to().ifPresent(days::add);
        };
        for (State s : a.states().values()) {
            s.exists().stream().map(Dated::span).forEach(add);
            s.ccodes().forEach(c -> add.accept(c.span()));
        }
        // Membership of any organisation (CSCE/OSCE participation decides who is listed by default).
        a.organisations().values().forEach(o -> o.members().forEach(m -> add.accept(m.span())));
        for (Instrument i : a.instruments().values()) {
            i.inForceSpan().ifPresent(add);
            for (Provision p : i.provisions()) {
                i.inForceSpan(p).ifPresent(add);
            }
            builder.partySpells(i.id()).forEach(ps -> add.accept(ps.span()));
        }
        days.add(LocalDate.MIN);
        days.remove(LocalDate.MAX);
        this.cuts = days.stream().mapToLong(LocalDate::toEpochDay).toArray();
        this.segments = new Snapshot[cuts.length];
    }

    public static CoverageTimeline of(Architecture architecture, Reading reading) {
        return new CoverageTimeline(new SnapshotBuilder(architecture, reading));
    }

    public SnapshotBuilder builder() {
        return builder;
    }

    /** Number of segments: how many distinct states of the world history has, at most. */
    public int segmentCount() {
        return cuts.length;
    }

    /** Every segment's span, in order: within one, nothing in the data changes. */
    public java.util.List<Span> segments() {
        java.util.List<Span> out = new java.util.ArrayList<>();
        for (int i = 0; i < cuts.length; i++) {
            out.add(new Span(LocalDate.ofEpochDay(cuts[i]),
                    i + 1 < cuts.length ? Optional.of(LocalDate.ofEpochDay(cuts[i + 1])) : Optional.empty()));
        }
        return out;
    }

    /** The index of the segment that contains a day; equal indices mean identical answers. */
    public int segment(LocalDate day) {
        int i = Arrays.binarySearch(cuts, day.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    /** The segment's span that contains a day. */
    public Span segmentOf(LocalDate day) {
        int i = segment(day);
        LocalDate from = LocalDate.ofEpochDay(cuts[i]);
        Optional<LocalDate> to = i + 1 < cuts.length ? Optional.of(LocalDate.ofEpochDay(cuts[i + 1])) : Optional.empty();
        return new Span(from, to);
    }

    /** The snapshot of a day; the same object for every day of a segment. */
    public Snapshot on(LocalDate day) {
        int i = segment(day);
        Snapshot s = segments[i];
        if (s == null) {
            s = builder.snapshot(LocalDate.ofEpochDay(Math.max(cuts[i], LocalDate.MIN.toEpochDay())));
            segments[i] = s;
        }
        return s;
    }
}
