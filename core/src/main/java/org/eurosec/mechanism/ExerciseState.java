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
 * open deadlines so the clock finds those that passed without scanning every procedure, and
 * {@code changes} (change number to procedure, with {@code lastChange} its inverse) the procedures by
 * their last change, so "what changed since" is read without scanning them either.
 */
public record ExerciseState(String exercise, String regime, ProcedureRules rules, Map<Integer, Procedure> procedures, int accepted,
        Instant lastAt, TreePSet<Due> pending, int nextId, Optional<Instant> closed, TreePMap<Integer, Integer> changes,
        TreePMap<Integer, Integer> lastChange) {

    /** An open deadline: when, and of which procedure. */
    public record Due(Instant at, int procedure) implements Comparable<Due> {
        @Override
        public int compareTo(Due o) {
            int c = at.compareTo(o.at);
            return c != 0 ? c : Integer.compare(procedure, o.procedure);
        }
    }

    public static ExerciseState start(String exercise, String regime, ProcedureRules rules, Instant at) {
        return new ExerciseState(exercise, regime, rules, TreePMap.empty(), 0, at, TreePSet.empty(), 1, Optional.empty(), TreePMap.empty(),
                TreePMap.empty());
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
        // One box for the id and one for the change number, shared by the three maps: an exercise in
        // memory holds them for each of its procedures.
        Integer id = p.id();
        TreePMap<Integer, Procedure> m = ((TreePMap<Integer, Procedure>) procedures).plus(id, p);
        // This update's change number is the count of changes so far, so it replays the same; the procedure's earlier one is dropped.
        Integer change = accepted + 1;
        TreePMap<Integer, Integer> ch = changes;
        Integer before = lastChange.get(id);
        if (before != null) {
            ch = ch.minus(before);
        }
        return new ExerciseState(exercise, regime, rules, m, change, at, due, Math.max(nextId, p.id() + 1), closed, ch.plus(change, id),
                lastChange.plus(id, change));
    }

    /** The same exercise closed at {@code at}: read-only from then on (see {@link Mechanism#close}). */
    ExerciseState closedAt(Instant at) {
        return new ExerciseState(exercise, regime, rules, procedures, accepted, at, pending, nextId, Optional.of(at), changes, lastChange);
    }

    /**
     * The change number of a procedure's last update (the exercise's changes are numbered 1, 2, ...
     * as they happen): a cursor for "what changed since" that replays the same.
     */
    public int changeOf(int procedure) {
        Integer c = lastChange.get(procedure);
        if (c == null) {
            throw new IllegalArgumentException("no procedure " + procedure);
        }
        return c;
    }

    public boolean isParty(String state) {
        return rules.isParty(state);
    }

    /** The rules' own copy of a party's code (see {@link ProcedureRules#party}). */
    String party(String state) {
        return rules.party(state);
    }
}
