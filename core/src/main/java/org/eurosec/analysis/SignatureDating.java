package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.model.Architecture;
import org.eurosec.model.Crosswalk;
import org.eurosec.model.Instrument;
import org.eurosec.model.Membership;
import org.eurosec.model.Organisation;
import org.eurosec.model.Participation;
import org.eurosec.model.Parties;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;

/**
 * History dated the way a dataset that counts from signature dates it (ATOP, COW): each instrument
 * binds from the day it was signed instead of its entry into force, its original parties from that
 * day, a provision added by an amending treaty from that treaty's signature, and a later party of
 * an alliance from the signature of its accession protocol, where the crosswalk gives it, instead
 * of the deposit of its instrument of accession (also when it became a party on the day the
 * treaty entered into force, having signed or acceded after the treaty's own signature).
 * Everything else is left as it is, so the panels drawn from the result differ from eurosec's own
 * only by the dating convention.
 */
public final class SignatureDating {

    private SignatureDating() {
    }

    /** One change of date the convention makes: what moves, from when to when. */
    public record Shift(String instrument, Optional<String> state, LocalDate eurosec, LocalDate dataset, String what) {
    }

    /** The architecture re-dated, and every shift made (for the explanation of a disagreement). */
    public record Result(Architecture architecture, List<Shift> shifts) {
        public Result {
            shifts = List.copyOf(shifts);
        }
    }

    public static Result apply(Architecture a, Crosswalk crosswalk) {
        List<Shift> shifts = new ArrayList<>();
        if (crosswalk.dating() != Crosswalk.Dating.SIGNATURE) {
            return new Result(a, shifts);
        }
        Map<String, LocalDate> amended = new HashMap<>();
        Map<String, Crosswalk.Entry> byInstrument = new HashMap<>();
        for (Crosswalk.Entry e : crosswalk.alliances()) {
            byInstrument.put(e.instrument(), e);
            e.amendments().forEach(am -> amended.put(am.provision(), am.signed()));
        }
        Map<String, Instrument> instruments = new LinkedHashMap<>();
        Map<String, Organisation> organisations = new LinkedHashMap<>(a.organisations());
        for (Instrument i : a.instruments().values()) {
            Optional<LocalDate> signed = i.signed();
            Optional<LocalDate> inForce = i.inForce();
            boolean earlier = signed.isPresent() && inForce.isPresent() && signed.get().isBefore(inForce.get());
            List<Provision> provisions = new ArrayList<>();
            for (Provision p : i.provisions()) {
                Optional<LocalDate> from = p.inForce();
                LocalDate sig = amended.get(p.id());
                if (sig != null && from.isPresent() && sig.isBefore(from.get())) {
                    shifts.add(new Shift(i.id(), Optional.empty(), from.get(), sig, p.id() + " (amendment signed)"));
                    from = Optional.of(sig);
                } else if (earlier && from.isPresent() && !from.get().isAfter(inForce.get())) {
                    from = signed;
                }
                provisions.add(from.equals(p.inForce()) ? p
                        : new Provision(p.id(), p.instrument(), p.article(), p.kind(), p.title(), p.params(), p.defence(), from, p.ended(), p.provenance()));
            }
            Parties parties = i.parties();
            if (earlier && parties instanceof Parties.Listed listed) {
                List<Participation> spells = new ArrayList<>();
                for (Participation ps : listed.spells()) {
                    LocalDate from = ps.span().from();
                    if (!from.isBefore(signed.get()) && !from.isAfter(inForce.get())) {
                        spells.add(new Participation(ps.actor(), new Span(signed.get(), ps.span().to()), ps.status(), ps.provenance()));
                        if (!from.equals(signed.get())) {
                            shifts.add(new Shift(i.id(), Optional.of(ps.actor()), from, signed.get(), "party from signature"));
                        }
                    } else {
                        spells.add(ps);
                    }
                }
                parties = new Parties.Listed(spells);
            }
            if (parties instanceof Parties.OrganisationMembers om && organisations.containsKey(om.organisation())) {
                organisations.put(om.organisation(), redate(organisations.get(om.organisation()), i, earlier, byInstrument.get(i.id()), shifts));
            }
            if (earlier) {
                shifts.add(new Shift(i.id(), Optional.empty(), inForce.get(), signed.get(), "in force from signature"));
            }
            instruments.put(i.id(), new Instrument(i.id(), i.name(), i.type(), i.legalForce(), i.dimensions(), signed,
                    earlier ? signed : inForce, i.ended(), parties, provisions, i.provenance(), i.inForceBasis()));
        }
        Architecture out = new Architecture(a.coversFrom(), a.factsCheckedThrough(), a.answersThrough(), a.states(), java.util.Collections.unmodifiableMap(organisations),
                java.util.Collections.unmodifiableMap(instruments), a.interpretations(), a.recognitions(), a.positions());
        return new Result(out, shifts);
    }

    /** The organisation whose members are the instrument's parties: founders from signature, later members from their protocol. */
    private static Organisation redate(Organisation o, Instrument i, boolean earlier, Crosswalk.Entry entry, List<Shift> shifts) {
        Map<String, LocalDate> protocol = new HashMap<>();
        if (entry != null) {
            entry.accessions().forEach(ac -> ac.states().forEach(s -> protocol.putIfAbsent(s, ac.signed())));
        }
        List<Membership> members = new ArrayList<>();
        java.util.Set<String> moved = new java.util.HashSet<>();
        for (Membership m : o.members()) {
            LocalDate from = m.span().from();
            LocalDate to = null;
            boolean original = false;
            // A state the crosswalk gives an accession for moves to that day, even when it became a party
            // on the day the treaty entered into force (it signed or acceded after the treaty was signed);
            // only the first spell of a state moves (a later spell of the same state continues it).
            if (protocol.containsKey(m.actor()) && protocol.get(m.actor()).isBefore(from) && moved.add(m.actor())) {
                to = protocol.get(m.actor());
            } else if (earlier && from.equals(i.inForce().get()) && !protocol.containsKey(m.actor())) {
                to = i.signed().get();
                original = true;
            }
            if (to != null) {
                shifts.add(new Shift(i.id(), Optional.of(m.actor()), from, to, original
                        ? "original party from signature" : "party from its accession protocol's signature"));
                members.add(new Membership(m.actor(), new Span(to, m.span().to()), m.status(), m.provenance()));
            } else {
                members.add(m);
            }
        }
        return o.withMembers(members);
    }
}
