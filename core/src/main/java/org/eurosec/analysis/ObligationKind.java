package org.eurosec.analysis;

import java.util.Arrays;
import java.util.Optional;
import org.eurosec.model.ProvisionKind;

/**
 * The obligation kinds of the research panels, ATOP's five: a column each in the exports. Defence
 * is directed (the guarantees of the coverage rule: guarantor obliged to assist beneficiary, after
 * interpretations and conditions); the others hold between all parties of a binding instrument in
 * force whose provision of that kind is in force.
 */
public enum ObligationKind {
    DEFENCE(ProvisionKind.COLLECTIVE_DEFENCE),
    OFFENCE(ProvisionKind.OFFENCE),
    NEUTRALITY(ProvisionKind.NEUTRALITY),
    NON_AGGRESSION(ProvisionKind.NON_AGGRESSION),
    CONSULTATION(ProvisionKind.CONSULTATION);

    private final ProvisionKind provisionKind;

    ObligationKind(ProvisionKind provisionKind) {
        this.provisionKind = provisionKind;
    }

    /** The provision kind behind the column (defence also takes mutual assistance). */
    public ProvisionKind provisionKind() {
        return provisionKind;
    }

    /** The column name: {@code defence}, {@code non_aggression}, ... */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Optional<ObligationKind> byColumn(String c) {
        return Arrays.stream(values()).filter(k -> k.column().equals(c)).findFirst();
    }
}
