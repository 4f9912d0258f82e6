package org.eurosec.analysis;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eurosec.analysis.BlocAnalysis.Bloc;
import org.eurosec.analysis.BlocAnalysis.Blocs;
import org.eurosec.analysis.CoverageAnalysis.Known;

/**
 * How coverage, blocs and levels changed year by year: one row per year on a fixed day of the
 * year. A year whose day lies outside what the data covers is a row marked unknown, never zeros.
 */
public final class SecurityTimeline {

    private SecurityTimeline() {
    }

    /**
     * One year. {@code known} false means the data does not cover the day and every count is empty.
     * {@code systems} are the sizes of the connected systems of tied states, largest first.
     */
    public record Year(LocalDate day, boolean known, int states, int covered, List<Integer> systems, int blocs, int buffer,
            int levels, List<String> uncovered) {

        public Optional<Double> coveredShare() {
            return known && states > 0 ? Optional.of((double) covered / states) : Optional.empty();
        }
    }

    public static List<Year> years(IntervalCoverage coverage, int from, int to, MonthDay on, Universe universe, TieKind ties) {
        return years(coverage, from, to, on, universe, ties, null, false);
    }

    /** As above; the levels count only guarantees from generally recognised states when {@code recognisedGuarantorsOnly} (see {@link SecurityLevels}). */
    public static List<Year> years(IntervalCoverage coverage, int from, int to, MonthDay on, Universe universe, TieKind ties,
            org.eurosec.model.Architecture world, boolean recognisedGuarantorsOnly) {
        if (to < from) {
            throw new IllegalArgumentException("the last year " + to + " is before the first " + from);
        }
        CliqueBlocs blocs = new CliqueBlocs(coverage);
        List<Year> out = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            LocalDate day = on.atYear(y);
            if (!(coverage.coverage(day, universe) instanceof Known k)) {
                out.add(new Year(day, false, 0, 0, List.of(), 0, 0, 0, List.of()));
                continue;
            }
            Blocs b = (Blocs) blocs.blocs(day, universe, ties);
            int levels = SecurityLevels.of(coverage, day, universe, world, recognisedGuarantorsOnly).map(r -> r.levels().size()).orElse(0);
            List<String> uncovered = k.states().stream().filter(s -> !s.covered()).map(s -> s.state().id()).toList();
            out.add(new Year(day, true, k.states().size(), k.states().size() - uncovered.size(),
                    b.systems().stream().map(Bloc::members).map(List::size).toList(), b.blocs().size(), b.buffer().size(), levels, uncovered));
        }
        return List.copyOf(out);
    }
}
