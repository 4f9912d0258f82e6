package org.eurosec.model;

import java.util.Optional;

/**
 * How an organisation takes a kind of decision (admitting a member, or deciding in general),
 * with the provision that says so when there is one.
 */
public record Rule(RuleKind kind, Optional<String> provision, Provenance provenance) {
}
