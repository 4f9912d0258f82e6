package org.eurosec.engine;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Who decides a state's accession to an organisation on a day under a regime, and who can stop it.
 * {@code decidedBy} is the organisation's rule and the actors it gives the decision to; each
 * {@link Block} names an actor that can stop the accession alone, the provision that lets it, and
 * how. {@code prohibited} is set when a provision in force forbids the accession outright.
 */
public record AccessionDecision(
        String applicant,
        String organisation,
        String regime,
        LocalDate asOf,
        Optional<String> rule,
        Optional<String> ruleProvision,
        List<String> decidedBy,
        List<Block> mayBlock,
        Optional<String> prohibitedBy,
        List<Finding> findings) {

    public record Block(String actor, String provision, String how) {
    }
}
