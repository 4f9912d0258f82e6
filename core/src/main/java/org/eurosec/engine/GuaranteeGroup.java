package org.eurosec.engine;

import java.util.List;
import java.util.Optional;
import org.eurosec.model.Instrument;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;

/**
 * The directed guarantees one beneficiary holds under one provision on one day: each guarantor
 * is an edge guarantor -&gt; beneficiary. {@code through} is the organisation whose membership makes
 * the parties, when there is one. {@code provisionInForce} is the provision's span of force.
 */
public record GuaranteeGroup(
        Provision provision,
        Instrument instrument,
        Optional<String> through,
        Span provisionInForce,
        PartySpell beneficiary,
        List<PartySpell> guarantors) {

    public List<String> guarantorIds() {
        return guarantors.stream().map(PartySpell::actor).toList();
    }

    /** The organisation if there is one, else the instrument: what a user reads as "through". */
    public String throughId() {
        return through.orElse(instrument.id());
    }
}
