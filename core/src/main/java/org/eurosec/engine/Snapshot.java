package org.eurosec.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage as it stands on one day: the guarantees each beneficiary holds, the political
 * commitments of each participant, and the parties of each binding instrument in force.
 */
public record Snapshot(
        LocalDate day,
        Map<String, List<GuaranteeGroup>> guarantees,
        Map<String, List<Commitment>> commitments,
        Map<String, Set<String>> partiesByInstrument) {

    public List<GuaranteeGroup> guaranteesOf(String state) {
        return guarantees.getOrDefault(state, List.of());
    }

    public List<Commitment> commitmentsOf(String state) {
        return commitments.getOrDefault(state, List.of());
    }

    public boolean covered(String state) {
        return !guaranteesOf(state).isEmpty();
    }
}
