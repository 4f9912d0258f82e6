package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.model.Architecture;
import org.eurosec.model.Recognitions;
import org.eurosec.model.Recognitions.Act;
import org.eurosec.model.Recognitions.Case;
import org.eurosec.model.State;

/**
 * Whether each state applies its conflict-settlement principles uniformly: for every secession case
 * that exists on a day (other than its own territory), a recognition sides with self-determination
 * and a refusal with territorial integrity. A state that sides both ways is inconsistent, and the
 * cases that make it so are named. Two readings are the user's to choose: what silence counts as,
 * and which cases are set aside (Western governments call Kosovo sui generis).
 */
public final class RecognitionConsistency {

    private RecognitionConsistency() {
    }

    /** What a state that neither recognised nor explicitly refused a case is taken to say. */
    public enum Silence {
        /** Not recognising is a stand for the parent state's territorial integrity. */
        INTEGRITY,
        /** Only explicit acts count; a silent case is left out. */
        ABSTAIN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public enum Side { SELF_DETERMINATION, TERRITORIAL_INTEGRITY, NONE }

    public enum Verdict { CONSISTENT_INTEGRITY, CONSISTENT_SELF_DETERMINATION, INCONSISTENT, NO_POSITION;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** One state's stand on one case: the act behind it, if any (silence has none). */
    public record Stand(Case kase, Side side, Optional<Act> act, boolean ownTerritory) {
    }

    public record StateRecord(State state, List<Stand> stands, Verdict verdict) {

        public List<Stand> siding(Side side) {
            return stands.stream().filter(s -> !s.ownTerritory() && s.side() == side).toList();
        }
    }

    /**
     * Each state of the universe on {@code day}, with its stands and verdict; empty outside the data.
     * Cases whose entity does not exist that day are left out, as are those in {@code setAside}.
     */
    public static Optional<List<StateRecord>> of(IntervalCoverage coverage, LocalDate day, Universe universe, Silence silence, Set<String> setAside) {
        if (!(coverage.coverage(day, universe) instanceof Known known)) {
            return Optional.empty();
        }
        Architecture a = coverage.timeline().builder().architecture();
        Recognitions r = a.recognitions();
        List<Case> cases = r.cases().stream()
                .filter(c -> a.state(c.entity()).map(s -> s.existsOn(day)).orElse(false) && !setAside.contains(c.entity())).toList();
        Map<String, Act> acts = new TreeMap<>();
        for (Act act : r.acts()) {
            if (act.standsOn(day)) {
                acts.put(act.entity() + "|" + act.by(), act);
            }
        }
        List<StateRecord> out = new ArrayList<>();
        for (var row : known.states()) {
            State s = row.state();
            List<Stand> stands = new ArrayList<>();
            boolean self = false;
            boolean integrity = false;
            for (Case c : cases) {
                if (c.entity().equals(s.id())) {
                    continue;
                }
                boolean own = c.parent().equals(s.id());
                Act act = acts.get(c.entity() + "|" + s.id());
                Side side = act != null ? (act.stance() == Recognitions.Stance.RECOGNISES ? Side.SELF_DETERMINATION : Side.TERRITORIAL_INTEGRITY)
                        : silence == Silence.INTEGRITY ? Side.TERRITORIAL_INTEGRITY : Side.NONE;
                stands.add(new Stand(c, side, Optional.ofNullable(act), own));
                if (!own) {
                    self |= side == Side.SELF_DETERMINATION;
                    integrity |= side == Side.TERRITORIAL_INTEGRITY;
                }
            }
            Verdict v = self && integrity ? Verdict.INCONSISTENT : self ? Verdict.CONSISTENT_SELF_DETERMINATION
                    : integrity ? Verdict.CONSISTENT_INTEGRITY : Verdict.NO_POSITION;
            out.add(new StateRecord(s, List.copyOf(stands), v));
        }
        return Optional.of(List.copyOf(out));
    }
}
