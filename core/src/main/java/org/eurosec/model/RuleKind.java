package org.eurosec.model;

/** The decision and accession rules organisations use. */
public enum RuleKind {
    UNANIMOUS_INVITATION, UNANIMITY, CONSENSUS, QUALIFIED_MAJORITY, MAJORITY, OPEN_ACCESSION, TREATY_AMENDMENT, NONE;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
