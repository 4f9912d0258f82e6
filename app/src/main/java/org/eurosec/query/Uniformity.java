package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.analysis.RecognitionConsistency;
import org.eurosec.analysis.RecognitionConsistency.Silence;
import org.eurosec.analysis.RecognitionConsistency.Stand;
import org.eurosec.analysis.RecognitionConsistency.StateRecord;
import org.eurosec.analysis.RecognitionConsistency.Verdict;
import org.eurosec.model.Provenance;
import org.eurosec.model.Recognitions;

/**
 * Are conflict-settlement principles applied uniformly? Per world, each state's recognitions and
 * refusals of the secession cases on a day: a recognition sides with self-determination, a refusal
 * with territorial integrity; a state that sides both ways is inconsistent.
 */
public final class Uniformity {

    private Uniformity() {
    }

    /**
     * @param silence what not recognising (without an explicit refusal) counts as
     * @param setAside cases left out (e.g. XKX for the reading that Kosovo is sui generis)
     * @param onlyInconsistent list only the inconsistent states (the count still covers all)
     */
    public record Query(Worlds.Scope scope, Silence silence, List<String> setAside, boolean onlyInconsistent) {
        public Query {
            setAside = List.copyOf(setAside);
        }

        public static Query of(Params p) {
            return new Query(Worlds.Scope.of(p), reading("silence", p.one("silence").orElse("integrity")), p.list("set_aside"),
                    p.flag("inconsistent"));
        }
    }

    /** A reading of silence by its id, or an {@link QueryException.InvalidParameter} naming {@code field}. */
    public static Silence reading(String field, String id) {
        return switch (id.trim()) {
            case "integrity" -> Silence.INTEGRITY;
            case "abstain" -> Silence.ABSTAIN;
            default -> throw new QueryException.InvalidParameter(field, "'" + id + "' is not a reading (integrity, abstain)");
        };
    }

    /** {@code provisional}: the day lies after {@code facts_checked_through}, answered from the facts as last checked. */
    public record View(List<Worlds.Entry> views, boolean provisional, LocalDate factsCheckedThrough) {
    }

    /**
     * One world's stands. {@code inconsistent} counts every state of the universe, {@code states}
     * lists those asked for; {@code counted} (not written) is how many states were judged.
     */
    public record WorldStands(String regime, LocalDate asOf, boolean known, String silence, Set<String> setAside, int inconsistent,
            List<StateRow> states, @JsonIgnore int counted) implements Worlds.Entry {
    }

    /** A state's verdict and its stand on each case; its name is for listings only. */
    public record StateRow(String iso3, Integer ccode, String verdict, List<StandRow> stands, @JsonIgnore String name) {
    }

    /** A stand on one case: the side it takes, whether the case is on the state's own territory, and the act behind it (null: silence). */
    public record StandRow(@JsonProperty("case") String kase, String parent, String side, boolean ownTerritory, Optional<ActRow> act) {
    }

    /** A recognition or an explicit refusal, with its source. */
    public record ActRow(String stance, Optional<LocalDate> from, Optional<LocalDate> to, String source, @JsonProperty("at") String where,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean unconfirmed) {
        static ActRow of(Recognitions.Act a) {
            Provenance p = a.provenance();
            return new ActRow(a.stance().name().toLowerCase(Locale.ROOT), a.from(), a.to(), p.source(), p.where(),
                    p.note().orElse(null), p.unconfirmed() ? Boolean.TRUE : null);
        }
    }

    static View answer(Eurosec e, Query q) {
        var universe = q.scope().universe();
        Common.Checked checked = Worlds.checked(e, q.scope());
        return new View(Worlds.each(e, q.scope(), (w, cov) -> {
            List<Recognitions.Case> cases = w.world().recognitions().cases();
            if (cases.isEmpty()) {
                throw Common.missingFile(e, "recognitions.yaml", "the uniformity question compares the recognitions it records");
            }
            Set<String> aside = new TreeSet<>();
            for (String s : q.setAside()) {
                String id = s.trim().toUpperCase(Locale.ROOT);
                if (cases.stream().noneMatch(c -> c.entity().equals(id))) {
                    throw new QueryException.InvalidParameter("set_aside", "'" + s + "' is not a case ("
                            + String.join(", ", cases.stream().map(Recognitions.Case::entity).toList()) + ")");
                }
                aside.add(id);
            }
            return RecognitionConsistency.of(cov, w.day(), universe, q.silence(), aside).map(records -> {
                List<StateRow> rows = new ArrayList<>();
                int inconsistent = 0;
                for (StateRecord s : records) {
                    if (s.verdict() == Verdict.INCONSISTENT) {
                        inconsistent++;
                    } else if (q.onlyInconsistent()) {
                        continue;
                    }
                    List<StandRow> stands = new ArrayList<>();
                    for (Stand st : s.stands()) {
                        stands.add(new StandRow(st.kase().entity(), st.kase().parent(), st.side().name().toLowerCase(Locale.ROOT).replace('_', '-'),
                                st.ownTerritory(), st.act().map(ActRow::of)));
                    }
                    rows.add(new StateRow(s.state().iso3(), Common.code(s.state().ccodeOn(w.day())), s.verdict().id(), stands, s.state().name()));
                }
                return new WorldStands(w.label(), w.day(), true, q.silence().id(), aside, inconsistent, rows, records.size());
            });
        }), checked.provisional(), checked.factsCheckedThrough());
    }
}
