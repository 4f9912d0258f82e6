package org.eurosec.bench;

import java.time.LocalDate;
import java.util.concurrent.TimeUnit;
import org.eurosec.analysis.CoverageAnalysis;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.RescanCoverage;
import org.eurosec.analysis.Universe;
import org.eurosec.engine.Reading;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Coverage of every state in the data on every day from 1949-08-24 to 2026-12-31 (28,255 days),
 * end to end: building the analysis, then asking it each day for every state's row. The interval
 * index ({@link IntervalCoverage}) is measured beside the plain rescan ({@link RescanCoverage}),
 * which recomputes each day from the facts; both count the covered rows so neither can skip work.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3)
@Measurement(iterations = 5)
@Fork(1)
public class CoverageAllDaysBenchmark {

    static final LocalDate FIRST = LocalDate.of(1949, 8, 24);
    static final LocalDate LAST = LocalDate.of(2026, 12, 31);

    Architecture data;
    Reading reading;

    @Setup
    public void load() {
        data = EmbeddedData.load();
        reading = Reading.defaults(data);
    }

    static long coveredRows(CoverageAnalysis analysis) {
        Universe all = new Universe(true, java.util.Set.of());
        long covered = 0;
        for (LocalDate d = FIRST; !d.isAfter(LAST); d = d.plusDays(1)) {
            if (analysis.coverage(d, all) instanceof CoverageAnalysis.Known k) {
                for (CoverageAnalysis.StateCoverage s : k.states()) {
                    if (s.covered()) {
                        covered++;
                    }
                }
            }
        }
        return covered;
    }

    @Benchmark
    public long intervalIndex() {
        return coveredRows(IntervalCoverage.of(data, reading));
    }

    @Benchmark
    public long rescanEveryDay() {
        return coveredRows(RescanCoverage.of(data, reading));
    }
}
