package org.eurosec.model;

import java.util.List;
import java.util.Optional;

/** An international organisation with its members over time and its rules. */
public record Organisation(
        String id,
        String name,
        String kind,
        Optional<String> foundedBy,
        Dated exists,
        Optional<Rule> accession,
        Optional<Rule> decisions,
        List<Membership> members,
        List<Mandate> mandate,
        Provenance provenance) {

    /** The same organisation with other members (a scenario's accession or withdrawal). */
    public Organisation withMembers(List<Membership> newMembers) {
        return new Organisation(id, name, kind, foundedBy, exists, accession, decisions, List.copyOf(newMembers), mandate, provenance);
    }

    /** The dimensions of its mandate on a day; {@code nominal} ones only when asked for. */
    public java.util.Set<Dimension> dimensionsOn(java.time.LocalDate day, boolean withNominal) {
        java.util.Set<Dimension> out = java.util.EnumSet.noneOf(Dimension.class);
        for (Mandate m : mandate) {
            if (m.span().contains(day) && (withNominal || !m.nominal())) {
                out.add(m.dimension());
            }
        }
        return out;
    }
}
