package org.eurosec.analysis;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.SecurityTies.Tie;
import org.jgrapht.Graph;
import org.jgrapht.alg.clique.PivotBronKerboschCliqueFinder;
import org.jgrapht.alg.connectivity.ConnectivityInspector;

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
        // The counts depend on the tie graph alone, and it changes in few years: one clique search per
        // distinct graph (its states and its ties' ends), not one per year.
        Map<List<Object>, Counts> byGraph = new HashMap<>();
        List<Year> out = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            LocalDate day = on.atYear(y);
            if (!(coverage.coverage(day, universe) instanceof Known k)) {
                out.add(new Year(day, false, 0, 0, List.of(), 0, 0, 0, List.of()));
                continue;
            }
            List<String> states = k.states().stream().map(s -> s.state().id()).sorted().toList();
            Graph<String, Tie> g = blocs.graph(day, states, ties);
            Set<String> ends = new TreeSet<>();
            g.edgeSet().forEach(t -> ends.add(t.a().compareTo(t.b()) < 0 ? t.a() + "|" + t.b() : t.b() + "|" + t.a()));
            Counts c = byGraph.computeIfAbsent(List.of(states, ends), key -> Counts.of(g, states));
            int levels = SecurityLevels.of(coverage, day, universe, world, recognisedGuarantorsOnly).map(r -> r.levels().size()).orElse(0);
            List<String> uncovered = k.states().stream().filter(s -> !s.covered()).map(s -> s.state().id()).toList();
            out.add(new Year(day, true, k.states().size(), k.states().size() - uncovered.size(), c.systems(), c.blocs(), c.buffer(), levels, uncovered));
        }
        return List.copyOf(out);
    }

    /** What a year's row counts of its tie graph: the systems' sizes (largest first), the blocs, the states in the buffer. */
    private record Counts(List<Integer> systems, int blocs, int buffer) {

        static Counts of(Graph<String, Tie> g, List<String> states) {
            int blocs = 0;
            for (Set<String> clique : new PivotBronKerboschCliqueFinder<>(g)) {
                if (clique.size() >= 2) {
                    blocs++;
                }
            }
            List<Integer> systems = new ArrayList<>();
            for (Set<String> component : new ConnectivityInspector<>(g).connectedSets()) {
                if (component.size() >= 2) {
                    systems.add(component.size());
                }
            }
            systems.sort(Comparator.reverseOrder());
            int buffer = (int) states.stream().filter(s -> g.degreeOf(s) == 0).count();
            return new Counts(List.copyOf(systems), blocs, buffer);
        }
    }
}
