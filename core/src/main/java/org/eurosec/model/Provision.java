package org.eurosec.model;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

/**
 * One clause of an instrument. {@code id} is the project id ({@code nato-1949/art-5}),
 * {@code article} the Akoma Ntoso style eId ({@code art_5}). {@code params} keeps every parameter
 * as read; {@code defence} is the typed reading of the guarantee parameters for the kinds that can
 * guarantee. A provision may enter into force after its instrument (TEU art. 42(7) with Lisbon).
 */
public record Provision(
        String id,
        String instrument,
        String article,
        ProvisionKind kind,
        String title,
        Map<String, Object> params,
        Optional<DefenceTerms> defence,
        Optional<LocalDate> inForce,
        Optional<LocalDate> ended,
        Provenance provenance) {

    public boolean unconfirmed() {
        return provenance.unconfirmed() || Boolean.TRUE.equals(params.get("unconfirmed"));
    }
}
