package org.eurosec.mechanism;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.pcollections.TreePMap;
import org.pcollections.TreePSet;

/**
 * An exercise as its journal leaves it: the rules, the procedures so far, how many actions were
 * accepted, and when it was closed, if it was. Persistent collections (pcollections) make each next state share almost all of the
 * last, so an action costs O(log n) however long the exercise has run; {@code pending} indexes the
 * open deadlines so the clock finds those that passed without scanning every procedure.
 */
public record ExerciseState(String exercise, String regime, ProcedureRules rules, Map<Integer, Procedure> procedures, int accepted,
        Instant lastAt, TreePSet<Due> pending, int nextId, Optional<Instant> closed) {

    /** An open deadline: when, and of which procedure. */
    public record Due(Instant at, int procedure) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Integer.compare(procedure, o.procedure);
        }
    }

    public static ExerciseState start(String exercise, String regime, ProcedureRules rules, Instant at) {
        return new ExerciseState(exercise, regime, rules, TreePMap.empty(), 0, at, TreePSet.empty(), 1, Optional.empty());
    }

    public Optional<Procedure> procedure(int id) {
        return Optional.ofNullable(procedures.get(id));
    }

    ExerciseState with(Procedure p, Instant at) {
        TreePSet<Due> due = pending;
        Procedure old = procedures.get(p.id());
        if (old != null && old.deadline().isPresent()) {
            due = due.minus(new Due(old.deadline().get(), old.id()));
        }
        if (p.deadline().isPresent()) {
            due = due.plus(new Due(p.deadline().get(), p.id()));
        }
        TreePMap<Integer, Procedure> m = ((TreePMap<Integer, Procedure>) procedures).plus(p.id(), p);
        return new ExerciseState(exercise, regime, rules, m, accepted + 1, at, due, Math.max(nextId, p.id() + 1), closed);
    }

    /** The same exercise closed at {@code at}: read-only from then on (see {@link Mechanism#close}). */
    ExerciseState closedAt(Instant at) {
        return new ExerciseState(exercise, regime, rules, procedures, accepted, at, pending, nextId, Optional.of(at));
    }

    public boolean isParty(String state) {
        return rules.isParty(state);
    }
}
