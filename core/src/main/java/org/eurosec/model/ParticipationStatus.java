package org.eurosec.model;

/** An actor's standing towards an instrument during one spell. */
public enum ParticipationStatus {
    /** Signed, not ratified: not a party. */
    SIGNED,
    /** Ratified, acceded or otherwise bound: a party. */
    RATIFIED,
    /** A party whose performance of the instrument is suspended. */
    SUSPENDED,
    /** No longer a party. */
    WITHDRAWN
}
