package org.eurosec.analysis;

import java.time.LocalDate;
import org.eurosec.engine.Reading;
import org.eurosec.engine.Snapshot;
import org.eurosec.engine.SnapshotBuilder;
import org.eurosec.model.Architecture;

/**
 * Coverage computed from scratch for every day asked: the plain reading of the rule, kept as the
 * reference the interval index is tested and benchmarked against.
 */
public final class RescanCoverage extends SnapshotCoverage {

    public RescanCoverage(SnapshotBuilder builder) {
        super(builder);
    }

    public static RescanCoverage of(Architecture architecture, Reading reading) {
        return new RescanCoverage(new SnapshotBuilder(architecture, reading));
    }

    @Override
    protected Snapshot snapshotOn(LocalDate day) {
        return builder.snapshot(day);
    }
}
