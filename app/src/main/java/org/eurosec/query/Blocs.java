package org.eurosec.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.analysis.BlocAnalysis;
import org.eurosec.analysis.BlocAnalysis.Bloc;
import org.eurosec.analysis.CliqueBlocs;
import org.eurosec.analysis.TieKind;

/** The blocs the binding ties between states draw on a day, per world: systems, blocs, the buffer, states in several blocs. */
public final class Blocs {

    private Blocs() {
    }

    /** @param ties which links count as a tie */
    public record Query(Worlds.Scope scope, TieKind ties) {
        public static Query of(Params p) {
            return new Query(Worlds.Scope.of(p), tieKind("ties", p.one("ties").orElse("defence")));
        }
    }

    /** A tie kind by its id, or an {@link QueryException.InvalidParameter} naming {@code field}. */
    public static TieKind tieKind(String field, String id) {
        return TieKind.byId(id.trim()).orElseThrow(() -> new QueryException.InvalidParameter(field,
                "'" + id + "' is not a tie kind (defence, security-treaty)"));
    }

    /** {@code provisional}: the day lies after {@code facts_checked_through}, answered from the facts as last checked. */
    public record View(String ties, String tiesMeaning, List<Worlds.Entry> views, boolean provisional, LocalDate factsCheckedThrough) {
    }

    /**
     * One world's blocs; {@code states} is how many states were considered; {@code names} gives the
     * name of every organisation and instrument its systems and blocs are tied through (the ids of
     * {@code ties_through} and of the labels), for a reader who does not know the ids.
     */
    public record WorldBlocs(String regime, LocalDate asOf, boolean known, int states, int ties, List<BlocRow> systems, List<BlocRow> blocs,
            List<String> buffer, Map<String, List<String>> inSeveral, Map<String, String> names) implements Worlds.Entry {
    }

    /** A group of states: what ties it, its members, ties counted per organisation or instrument, the provisions behind them. */
    public record BlocRow(String label, int size, List<String> members, Map<String, Integer> tiesThrough, List<String> provisions) {
        static BlocRow of(Bloc b) {
            return new BlocRow(b.label(), b.members().size(), b.members(), b.through(), b.provisions());
        }
    }

    static View answer(Eurosec e, Query q) {
        var universe = q.scope().universe();
        List<Worlds.Entry> views = Worlds.each(e, q.scope(), (w, c) -> {
            if (!(new CliqueBlocs(c).blocs(w.day(), universe, q.ties()) instanceof BlocAnalysis.Blocs b)) {
                return Optional.empty();
            }
            List<BlocRow> systems = b.systems().stream().map(BlocRow::of).toList();
            List<BlocRow> blocs = b.blocs().stream().map(BlocRow::of).toList();
            return Optional.of(new WorldBlocs(w.label(), b.day(), true, b.states().size(), b.ties(), systems, blocs, b.buffer(), b.inSeveral(),
                    names(w.world(), systems, blocs)));
        });
        Common.Checked checked = Worlds.checked(e, q.scope());
        return new View(q.ties().id(), q.ties().meaning(), views, checked.provisional(), checked.factsCheckedThrough());
    }

    /** The names of the organisations and instruments the rows are tied through, by id (an id the world does not know keeps its id). */
    static Map<String, String> names(org.eurosec.model.Architecture world, List<BlocRow> systems, List<BlocRow> blocs) {
        Map<String, String> names = new java.util.TreeMap<>();
        for (List<BlocRow> rows : List.of(systems, blocs)) {
            for (BlocRow r : rows) {
                for (String id : r.tiesThrough().keySet()) {
                    names.put(id, world.organisations().containsKey(id) ? world.organisations().get(id).name()
                            : world.instruments().containsKey(id) ? world.instruments().get(id).name() : id);
                }
            }
        }
        return java.util.Collections.unmodifiableMap(names);
    }
}
