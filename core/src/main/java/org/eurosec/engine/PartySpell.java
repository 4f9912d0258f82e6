package org.eurosec.engine;

import org.eurosec.model.Provenance;
import org.eurosec.model.Span;

/**
 * A spell during which an actor is a party to an instrument, with how it came to be one:
 * {@code via} is the organisation whose membership makes it a party, or the instrument itself
 * for listed parties; {@code status} is the membership or participation status.
 */
public record PartySpell(String actor, Span span, String via, String status, Provenance provenance) {
}
