package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.engine.Reading;
import org.eurosec.engine.Snapshot;
import org.eurosec.model.Architecture;

/**
 * Coverage answered from a {@link CoverageTimeline}: a binary search for the day's segment, then
 * the segment's rows, built once per segment and universe and shared by every day of the segment.
 */
public final class IntervalCoverage extends SnapshotCoverage {

    private final CoverageTimeline timeline;
    private final ConcurrentHashMap<Universe, List<StateCoverage>[]> rows = new ConcurrentHashMap<>();

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
    @SuppressWarnings("unchecked")
    public CoverageResult coverage(LocalDate day, Universe universe) {
        if (!architecture.covers(day)) {
            return new Unknown(day, outside(day));
        }
        List<StateCoverage>[] bySegment = rows.computeIfAbsent(universe, u -> new List[timeline.segmentCount()]);
        int i = timeline.segment(day);
        List<StateCoverage> r = bySegment[i];
        if (r == null) {
            r = ((Known) super.coverage(day, universe)).states();
            bySegment[i] = r;
        }
        return new Known(day, r);
    }

    @Override
    protected Snapshot snapshotOn(LocalDate day) {
        return timeline.on(day);
    }
}
