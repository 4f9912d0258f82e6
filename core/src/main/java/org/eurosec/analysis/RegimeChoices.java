package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eurosec.engine.Reading;
import org.eurosec.model.Architecture;
import org.eurosec.model.Dimension;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Parties;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.Regime;

/**
 * How a regime answers the brief's four questions, read from its instruments rather than declared:
 * the regime's own (hypothetical) instruments, or for the status quo the instruments in force whose
 * parties are the CSCE/OSCE participating States. Each answer names the provisions or instruments
 * that decide it and the rule applied.
 */
public final class RegimeChoices {

    private RegimeChoices() {
    }

    /** One answer, what decides it and the rule. */
    public record Choice(String question, String answer, List<String> because, String rule) {
    }

    public static final List<String> QUESTIONS = List.of("architecture", "form", "scope", "veto");

    /**
     * The answers of {@code regime} on {@code day}, in {@code world} (the data with the regime
     * applied) under {@code reading}.
     */
    public static List<Choice> of(Regime regime, Architecture world, Reading reading, LocalDate day) {
        List<Instrument> considered = new ArrayList<>();
        boolean own = !regime.instruments().isEmpty();
        if (own) {
            regime.instruments().forEach(h -> considered.add(world.instruments().get(h.instrument().id())));
        } else {
            for (Instrument i : world.instruments().values()) {
                if (i.inForceOn(day) && i.parties() instanceof Parties.OrganisationMembers om && om.organisation().equals(Universe.OSCE)) {
                    considered.add(i);
                }
            }
        }
        List<Choice> out = new ArrayList<>();
        // 1. A new architecture: one of the instruments sets up a body of its own.
        List<String> bodies = new ArrayList<>();
        for (Instrument i : considered) {
            Optional<Provision> p = own ? bodyProvision(world, i) : Optional.empty();
            p.ifPresent(x -> bodies.add(x.id()));
        }
        out.add(bodies.isEmpty()
                ? new Choice("architecture", "existing", considered.stream().map(Instrument::id).toList(),
                        "no instrument sets up a body of its own (a conference of its parties outside the existing organisations)")
                : new Choice("architecture", "new", bodies, "the instrument sets up a conference of its parties outside the existing organisations"));
        // 2. Binding or political: the regime's principal (first) instrument; the status quo's pan-European documents.
        if (own) {
            Instrument principal = considered.get(0);
            out.add(new Choice("form", principal.legalForce() == LegalForce.BINDING ? "binding" : "political", List.of(principal.id()),
                    "the legal force of the regime's principal (first) instrument"));
        } else {
            boolean binding = considered.stream().anyMatch(i -> i.legalForce() == LegalForce.BINDING);
            out.add(new Choice("form", binding ? "binding" : "political", considered.stream().map(Instrument::id).toList(),
                    "the legal force of the instruments binding all participating States"));
        }
        // 3. Scope: the union of the instruments' dimensions.
        Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
        considered.forEach(i -> dims.addAll(i.dimensions()));
        boolean comprehensive = dims.contains(Dimension.HUMAN) && dims.contains(Dimension.ECONOMIC_ENVIRONMENTAL);
        out.add(new Choice("scope", comprehensive ? "comprehensive" : "hard-security",
                considered.stream().map(i -> i.id() + " " + i.dimensions().stream().map(Dimension::id).toList()).toList(),
                "comprehensive when the instruments together cover the human and the economic-environmental dimensions"));
        // 4. Veto: a provision lets a party object to another's accession, or forbids enlargement.
        List<String> vetoes = new ArrayList<>();
        List<String> free = new ArrayList<>();
        for (Instrument i : considered) {
            for (Provision p : i.provisions()) {
                if (!i.inForceSpan(p).map(s -> s.contains(day)).orElse(own)) {
                    continue;
                }
                boolean objection = p.kind() == ProvisionKind.INDIVISIBILITY
                        && reading.terms(p, org.eurosec.model.ProvisionTerms.Indivisibility.class).accessionObjection();
                if (objection || p.kind() == ProvisionKind.NON_ENLARGEMENT) {
                    vetoes.add(p.id());
                } else if (p.kind() == ProvisionKind.FREE_CHOICE_OF_ALLIANCES) {
                    free.add(p.id());
                }
            }
        }
        out.add(!vetoes.isEmpty()
                ? new Choice("veto", "veto", vetoes, "a provision lets a party object to another's accession or forbids enlargement (under this reading)")
                : new Choice("veto", "free-choice", free, free.isEmpty() ? "no provision gives a veto" : "free choice of alliances, and no provision gives a veto"));
        return List.copyOf(out);
    }

    private static Optional<Provision> bodyProvision(Architecture world, Instrument i) {
        // A hypothetical instrument is judged by its text, whatever day it would enter into force.
        return i.provisions().stream().filter(p -> p.kind() == ProvisionKind.CONFERENCE && i.parties() instanceof Parties.Listed
                && !OrganisationOverlap.heldInOrganisation(world, p)).findFirst();
    }
}
