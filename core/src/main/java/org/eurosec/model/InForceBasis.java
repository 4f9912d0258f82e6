package org.eurosec.model;

import java.util.Optional;

/**
 * Why an instrument is in force from the day it was signed ({@code in_force_basis}). The loader
 * requires one whenever {@code in_force} equals {@code signed}, so that a date copied from the
 * signature for want of a better one cannot pass as a sourced entry into force.
 */
public enum InForceBasis {
    /** The text, or a cited source, says the instrument entered into force on signature. */
    ON_SIGNATURE("on-signature"),
    /** No date of ratification was found: the signature day stands in for it, unconfirmed. */
    SIGNATURE_ASSUMED("signature-assumed");

    private final String id;

    InForceBasis(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<InForceBasis> byId(String id) {
        for (InForceBasis b : values()) {
            if (b.id.equals(id)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
