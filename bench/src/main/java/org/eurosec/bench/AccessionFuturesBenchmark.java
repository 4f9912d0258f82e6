package org.eurosec.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eurosec.analysis.AccessionFutures;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What-if use: 16 candidate states, every combination of them joining NATO on 2009-12-01 (2^16 =
 * 65,536 futures), under each shipped regime; for each future, which candidates are covered and who
 * may block each remaining candidate's accession. {@code incremental} is the evaluator the tools
 * use, {@code rebuild} recomputes each future from the facts; both are measured in futures per
 * second, walking through the masks in order. {@code allFutures} times the whole 2^16 sweep.
 */
@State(Scope.Benchmark)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AccessionFuturesBenchmark {

    static final List<String> CANDIDATES = List.of("GEO", "UKR", "MDA", "AZE", "ARM", "SRB", "BIH", "MNE", "MKD", "CHE", "AUT", "IRL",
            "MLT", "CYP", "BLR", "KAZ");

    @Param({"status-quo", "est-2009", "esd-west", "russia-2021"})
    String regime;

    AccessionFutures futures;
    long mask;

    @Setup
    public void setUp() {
        Architecture base = EmbeddedData.load();
        Map<String, Regime> regimes = EmbeddedData.regimes(base);
        futures = new AccessionFutures(base, regimes.get(regime), Map.of(), "nato", LocalDate.of(2009, 12, 1), CANDIDATES);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AccessionFutures.Future incremental() {
        mask = (mask + 1) & 0xFFFF;
        return futures.evaluate(mask);
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public AccessionFutures.Future rebuild() {
        mask = (mask + 1) & 0xFFFF;
        return futures.rebuild(mask);
    }

    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 2)
    @Measurement(iterations = 3)
    public long allFutures() {
        long covered = 0;
        for (long m = 0; m < (1L << CANDIDATES.size()); m++) {
            covered += futures.evaluate(m).covered().size();
        }
        return covered;
    }
}
