package org.eurosec.model;

import java.util.List;

/** Who is party to an instrument: the members of an organisation, or an explicit list of spells. */
public sealed interface Parties {

    /** The parties are the organisation's members of each day (NATO members are the Treaty's parties). */
    record OrganisationMembers(String organisation, Provenance provenance) implements Parties {
    }

    /** The parties are listed one spell at a time. */
    record Listed(List<Participation> spells) implements Parties {
    }
}
