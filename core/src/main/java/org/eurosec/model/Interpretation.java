package org.eurosec.model;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named question on which sources or readers differ, with its options and a documented default.
 * An option changes the engine in one of five typed ways: which membership statuses make an
 * actor a party; which actors do not count as guarantors under given provisions; which
 * conditions of an undertaking make it no guarantee at all; which parameters of given
 * provisions read differently ({@code set_params}, e.g. whether a principle lets a party object
 * to another state's accession to an alliance); and whether the state that proposed a regime
 * accepts it whatever its other statements say ({@code proposer_accepts}, read by the positions
 * question); and whether the levels of security count only guarantees given by generally recognised
 * states ({@code recognised_guarantors_only}).
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
            boolean proposerAccepts,
            boolean recognisedGuarantorsOnly,
            Optional<ProvisionKind> countsAs,
            Provenance provenance) {
    }

    public Optional<Option> option(String optionId) {
        return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
    }
}
