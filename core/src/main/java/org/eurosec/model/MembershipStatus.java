package org.eurosec.model;

/** How an actor belongs to an organisation during one spell. */
public enum MembershipStatus {
    /** A full member. */
    MEMBER,
    /** An associate member: takes part in some bodies, not bound by everything. */
    ASSOCIATE,
    /** Takes part without full membership (e.g. Ukraine in the CIS). */
    PARTICIPANT,
    /** Membership suspended by the organisation or by the member. */
    SUSPENDED,
    /** Participation frozen by the member while it stays a member in law (Armenia in the CSTO, 2024). */
    FROZEN,
    /**
     * Did not join the renewal of a fixed-term treaty and gave no notice of withdrawal (Azerbaijan,
     * Georgia and Uzbekistan and the Collective Security Treaty's extension of 1999): whether it
     * stays bound is a named interpretation ({@code non-renewal} in data/interpretations.yaml).
     */
    NOT_RENEWED;

    /** The status as the data spells it ({@code not-renewed}): the one spelling the CLI, the API and the page use. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
