package org.eurosec.mechanism;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** An exercise as its journal leaves it: the rules, the procedures so far, and how many actions were accepted. */
public record ExerciseState(String exercise, String regime, ProcedureRules rules, Map<Integer, Procedure> procedures, int accepted,
        Instant lastAt) {

    public static ExerciseState start(String exercise, String regime, ProcedureRules rules, Instant at) {
        return new ExerciseState(exercise, regime, rules, Map.of(), 0, at);
    }

    public Optional<Procedure> procedure(int id) {
        return Optional.ofNullable(procedures.get(id));
    }

    ExerciseState with(Procedure p, Instant at) {
        Map<Integer, Procedure> m = new TreeMap<>(procedures);
        m.put(p.id(), p);
        return new ExerciseState(exercise, regime, rules, Collections.unmodifiableMap(m), accepted + 1, at);
    }

    int nextId() {
        return procedures.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
    }

    public boolean isParty(String state) {
        return rules.parties().contains(state);
    }
}
