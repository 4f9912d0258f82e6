package org.eurosec.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named question on which sources or readers differ, with its options and a documented default.
 * An option changes the engine in one of four typed ways: which membership statuses make an
 * actor a party; which actors do not count as guarantors under given provisions; which
 * conditions of an undertaking make it no guarantee at all; and which parameters of given
 * provisions read differently ({@code set_params}, e.g. whether a principle lets a party object
 * to another state's accession to an alliance).
 */
public record Interpretation(
        String id,
        String question,
        List<Option> options,
        String defaultOption,
        Provenance provenance) {

    public record Option(
            String id,
            String description,
            Optional<Set<MembershipStatus>> partyStatuses,
            Set<String> excludeGuarantors,
            Set<String> appliesTo,
            Set<String> excludeConditions,
            Map<String, Map<String, Object>> setParams,
            Provenance provenance) {
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
