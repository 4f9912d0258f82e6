package org.eurosec.model;

import java.util.List;
import java.util.Optional;

/** An international organisation with its members over time and its rules. */
public record Organisation(
        String id,
        String name,
        String kind,
        Optional<String> foundedBy,
        Dated exists,
        Optional<Rule> accession,
        Optional<Rule> decisions,
        List<Membership> members,
        Provenance provenance) {
}
