package org.eurosec.analysis;

import java.time.LocalDate;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.engine.Reading;
import org.eurosec.engine.Snapshot;
import org.eurosec.model.Architecture;

/** Coverage answered from a {@link CoverageTimeline}: a binary search and a cached snapshot per segment. */
public final class IntervalCoverage extends SnapshotCoverage {

    private final CoverageTimeline timeline;

    public IntervalCoverage(CoverageTimeline timeline) {
        super(timeline.builder());
        this.timeline = timeline;
    }

    public static IntervalCoverage of(Architecture architecture, Reading reading) {
        return new IntervalCoverage(CoverageTimeline.of(architecture, reading));
    }

    public CoverageTimeline timeline() {
        return timeline;
    }

    @Override
    protected Snapshot snapshotOn(LocalDate day) {
        return timeline.on(day);
    }
}
