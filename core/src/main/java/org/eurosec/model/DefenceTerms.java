package org.eurosec.model;

import java.util.List;
import java.util.Optional;

/**
 * The typed conditions of a collective-defence or mutual-assistance provision. An empty
 * {@code guarantors} / {@code beneficiaries} list means every party. {@code conditions} are short
 * kebab-case terms for what limits the undertaking (a named adversary, a place, assistance
 * "subject to mutual agreement"); readings may decide that some conditions empty the guarantee.
 */
public record DefenceTerms(
        Obligation obligation,
        Assistance assistance,
        Optional<String> means,
        Optional<String> scope,
        boolean consentRequired,
        List<String> guarantors,
        List<String> beneficiaries,
        List<String> conditions) {

    /** Whether the text obliges the guarantor or only entitles it. */
    public enum Obligation {
        OBLIGED, ENTITLED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Whether assistance must be given ("all the aid in their power") or is left to the guarantor. */
    public enum Assistance {
        AUTOMATIC, DISCRETIONARY;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public boolean oneWay() {
        return !guarantors.isEmpty() || !beneficiaries.isEmpty();
    }
}
