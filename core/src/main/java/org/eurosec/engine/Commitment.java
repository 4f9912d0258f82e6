package org.eurosec.engine;

import org.eurosec.model.Instrument;

/** A political commitment a state holds on a day: it is a participant in a political instrument in force. */
public record Commitment(Instrument instrument, PartySpell party) {
}
