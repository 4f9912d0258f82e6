package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.CoverageAnalysis.StateCoverage;
import org.eurosec.analysis.SecurityTies.Tie;
import org.eurosec.engine.Snapshot;
import org.jgrapht.Graph;
import org.jgrapht.alg.clique.PivotBronKerboschCliqueFinder;
import org.jgrapht.alg.connectivity.ConnectivityInspector;

/**
 * Blocs as the maximal cliques of the tie graph (JGraphT's Bron-Kerbosch with pivoting) and systems
 * as its connected components. A clique of states each tied to every other is what an alliance
 * draws; a state in two cliques sits in two blocs.
 */
public final class CliqueBlocs implements BlocAnalysis {

    private final IntervalCoverage coverage;

    public CliqueBlocs(IntervalCoverage coverage) {
        this.coverage = coverage;
    }

    @Override
    public BlocResult blocs(LocalDate day, Universe universe, TieKind kind) {
        if (!(coverage.coverage(day, universe) instanceof Known known)) {
            return new Unknown(day, coverage.outside(day));
        }
        List<String> states = known.states().stream().map(StateCoverage::state).map(s -> s.id()).sorted().toList();
        Graph<String, Tie> g = graph(day, states, kind);
        List<Bloc> blocs = new ArrayList<>();
        for (Set<String> clique : new PivotBronKerboschCliqueFinder<>(g)) {
            if (clique.size() >= 2) {
                blocs.add(bloc(g, clique));
            }
        }
        List<Bloc> systems = new ArrayList<>();
        for (Set<String> component : new ConnectivityInspector<>(g).connectedSets()) {
            if (component.size() >= 2) {
                systems.add(bloc(g, component));
            }
        }
        Comparator<Bloc> order = Comparator.<Bloc>comparingInt(b -> -b.members().size()).thenComparing(Bloc::label)
                .thenComparing(b -> String.join(",", b.members()));
        blocs.sort(order);
        systems.sort(order);
        List<String> buffer = states.stream().filter(s -> g.degreeOf(s) == 0).toList();
        Map<String, List<String>> several = new TreeMap<>();
        for (Bloc b : blocs) {
            for (String m : b.members()) {
                several.computeIfAbsent(m, k -> new ArrayList<>()).add(b.label());
            }
        }
        several.values().removeIf(l -> l.size() < 2);
        several.replaceAll((k, v) -> List.copyOf(v));
        return new Blocs(day, kind, states, g.edgeSet().size(), List.copyOf(blocs), List.copyOf(systems), buffer,
                java.util.Collections.unmodifiableMap(several));
    }

    /** The tie graph among {@code states} on {@code day}, for callers that want the graph itself. */
    public Graph<String, Tie> graph(LocalDate day, List<String> states, TieKind kind) {
        Snapshot snap = coverage.timeline().on(day);
        return SecurityTies.graph(coverage.timeline().builder(), snap, states, kind);
    }

    /** A group with its label: what every tie inside it shares, or else its three most frequent ties. */
    static Bloc bloc(Graph<String, Tie> g, Set<String> members) {
        Map<String, Integer> through = new TreeMap<>();
        Set<String> provisions = new TreeSet<>();
        Set<String> shared = null;
        for (Tie t : g.edgeSet()) {
            if (!members.contains(t.a()) || !members.contains(t.b())) {
                continue;
            }
            t.through().forEach(x -> through.merge(x, 1, Integer::sum));
            provisions.addAll(t.provisions());
            if (shared == null) {
                shared = new TreeSet<>(t.through());
            } else {
                shared.retainAll(t.through());
            }
        }
        Map<String, Integer> ordered = new LinkedHashMap<>();
        through.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        String label = shared != null && !shared.isEmpty() ? String.join("+", shared)
                : "mixed: " + String.join(", ", ordered.keySet().stream().limit(3).toList()) + (ordered.size() > 3 ? ", ..." : "");
        return new Bloc(label, members.stream().sorted().toList(), java.util.Collections.unmodifiableMap(ordered), List.copyOf(provisions));
    }
}
