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

    /** One world's blocs; {@code states} is how many states were considered. */
    public record WorldBlocs(String regime, LocalDate asOf, boolean known, int states, int ties, List<BlocRow> systems, List<BlocRow> blocs,
            List<String> buffer, Map<String, List<String>> inSeveral) implements Worlds.Entry {
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
            return Optional.of(new WorldBlocs(w.label(), b.day(), true, b.states().size(), b.ties(), b.systems().stream().map(BlocRow::of).toList(),
                    b.blocs().stream().map(BlocRow::of).toList(), b.buffer(), b.inSeveral()));
        });
        Common.Checked checked = Worlds.checked(e, q.scope());
        return new View(q.ties().id(), q.ties().meaning(), views, checked.provisional(), checked.factsCheckedThrough());
    }
}
