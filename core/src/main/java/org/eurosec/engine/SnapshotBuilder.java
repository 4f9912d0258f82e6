package org.eurosec.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.model.Architecture;
import org.eurosec.model.DefenceTerms;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.MembershipStatus;
import org.eurosec.model.Organisation;
import org.eurosec.model.ParticipationStatus;
import org.eurosec.model.Parties;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;
import org.eurosec.model.State;

/**
 * Computes a {@link Snapshot} for any day directly from the facts: the rule of coverage, written once.
 *
 * <p>A state is covered on a day when a binding instrument in force that day, to which it is a
 * party that day, has a collective-defence or mutual-assistance provision in force that day that
 * obliges (not merely entitles) at least one other party to assist it. One-way provisions name
 * their guarantors and beneficiaries; the reading may take guarantors out (see interpretations).
 */
public final class SnapshotBuilder {

    private final Architecture architecture;
    private final Reading reading;
    private final Map<String, List<PartySpell>> partySpells = new LinkedHashMap<>();

    public SnapshotBuilder(Architecture architecture, Reading reading) {
        this.architecture = architecture;
        this.reading = reading;
        Set<MembershipStatus> statuses = reading.partyStatuses();
        for (Instrument i : architecture.instruments().values()) {
            partySpells.put(i.id(), List.copyOf(spells(i, statuses)));
        }
    }

    public Architecture architecture() {
        return architecture;
    }

    public Reading reading() {
        return reading;
    }

    /** The spells that make actors parties to an instrument under this reading. */
    public List<PartySpell> partySpells(String instrumentId) {
        return partySpells.getOrDefault(instrumentId, List.of());
    }

    private List<PartySpell> spells(Instrument i, Set<MembershipStatus> statuses) {
        List<PartySpell> out = new ArrayList<>();
        if (i.parties() instanceof Parties.OrganisationMembers om) {
            Organisation org = architecture.organisations().get(om.organisation());
            org.members().stream().filter(m -> statuses.contains(m.status()))
                    .forEach(m -> out.add(new PartySpell(m.actor(), m.span(), org.id(), m.status().id(), m.provenance())));
        } else if (i.parties() instanceof Parties.Listed listed) {
            listed.spells().stream().filter(p -> p.status() == ParticipationStatus.RATIFIED)
                    .forEach(p -> out.add(new PartySpell(p.actor(), p.span(), i.id(), "party", p.provenance())));
        }
        return out;
    }

    /** Each actor's party spell on a day (one at most, spells do not overlap), for actors that exist that day. */
    public Map<String, PartySpell> partiesOn(String instrumentId, LocalDate day) {
        Map<String, PartySpell> out = new TreeMap<>();
        for (PartySpell s : partySpells(instrumentId)) {
            if (s.span().contains(day)) {
                State st = architecture.states().get(s.actor());
                if (st == null || st.existsOn(day)) {
                    out.put(s.actor(), s);
                }
            }
        }
        return out;
    }

    /**
     * The days on which each actor is a party to an instrument, as {@link #partiesOn} answers them
     * day by day: its party spells, a state's cut to the days it exists (a spell may become several).
     * The spells are not cut to the instrument's force.
     */
    public List<PartySpell> partySpellsWhileExisting(String instrumentId) {
        List<PartySpell> out = new ArrayList<>();
        for (PartySpell s : partySpells(instrumentId)) {
            State st = architecture.states().get(s.actor());
            if (st == null) {
                out.add(s);
                continue;
            }
            for (org.eurosec.model.Dated d : st.exists()) {
                LocalDate from = s.span().from().isAfter(d.span().from()) ? s.span().from() : d.span().from();
                LocalDate to = s.span().endExclusive().isBefore(d.span().endExclusive()) ? s.span().endExclusive() : d.span().endExclusive();
                if (from.isBefore(to)) {
                    out.add(new PartySpell(s.actor(), new Span(from, to.equals(LocalDate.MAX) ? Optional.empty() : Optional.of(to)), s.via(), s.status(),
                            s.provenance()));
                }
            }
        }
        return out;
    }

    /**
     * Whether a provision makes guarantees under this reading, on the days it is in force in a
     * binding instrument: a defence undertaking that obliges (not merely entitles), with no
     * condition the reading takes as voiding it.
     */
    public boolean guarantees(Provision p) {
        return p.defence().isPresent() && p.defence().get().obligation() == DefenceTerms.Obligation.OBLIGED && reading.voidingCondition(p).isEmpty();
    }

    /** Whether a party counts as a guarantor under a guarantee provision: one it names (all when it names none) that the reading does not take out. */
    public boolean guarantor(Provision p, String actor) {
        DefenceTerms terms = p.defence().orElseThrow();
        return (terms.guarantors().isEmpty() || terms.guarantors().contains(actor)) && !reading.excludesGuarantor(p.id(), actor);
    }

    /** Whether a party is a beneficiary of a guarantee provision: one it names, all when it names none. */
    public boolean beneficiary(Provision p, String actor) {
        DefenceTerms terms = p.defence().orElseThrow();
        return terms.beneficiaries().isEmpty() || terms.beneficiaries().contains(actor);
    }

    public Snapshot snapshot(LocalDate day) {
        Map<String, List<GuaranteeGroup>> guarantees = new TreeMap<>();
        Map<String, List<Commitment>> commitments = new TreeMap<>();
        Map<String, Set<String>> partiesByInstrument = new TreeMap<>();
        for (Instrument i : architecture.instruments().values()) {
            if (!i.inForceOn(day)) {
                continue;
            }
            Map<String, PartySpell> parties = partiesOn(i.id(), day);
            if (i.legalForce() == LegalForce.POLITICAL) {
                parties.values().forEach(p -> commitments.computeIfAbsent(p.actor(), k -> new ArrayList<>()).add(new Commitment(i, p)));
                continue;
            }
            partiesByInstrument.put(i.id(), new TreeSet<>(parties.keySet()));
            addGuarantees(i, day, parties, null, guarantees);
        }
        guarantees.values().forEach(l -> l.sort(Comparator.comparing(g -> g.provision().id())));
        return new Snapshot(day, guarantees, commitments, partiesByInstrument);
    }

    /**
     * The guarantees {@code state} holds on {@code day}: what {@code snapshot(day).guaranteesOf(state)}
     * gives, without building every other state's (an instrument it is not a party to that day is
     * passed over), for a question about one state through all of history.
     */
    public List<GuaranteeGroup> guaranteesOf(String state, LocalDate day) {
        Map<String, List<GuaranteeGroup>> guarantees = new TreeMap<>();
        for (Instrument i : architecture.instruments().values()) {
            if (i.legalForce() == LegalForce.POLITICAL || !i.inForceOn(day)
                    || partySpells(i.id()).stream().noneMatch(s -> s.actor().equals(state) && s.span().contains(day))) {
                continue;
            }
            addGuarantees(i, day, partiesOn(i.id(), day), state, guarantees);
        }
        List<GuaranteeGroup> out = guarantees.get(state);
        if (out == null) {
            return List.of();
        }
        out.sort(Comparator.comparing(g -> g.provision().id()));
        return out;
    }

    /** The guarantees instrument {@code i} gives on {@code day} among {@code parties}: to every beneficiary, or to {@code only} when it is not null. */
    private void addGuarantees(Instrument i, LocalDate day, Map<String, PartySpell> parties, String only, Map<String, List<GuaranteeGroup>> out) {
        for (Provision p : i.provisions()) {
            if (!guarantees(p)) {
                continue;
            }
            Optional<Span> force = i.inForceSpan(p);
            if (force.isEmpty() || !force.get().contains(day)) {
                continue;
            }
            addGuarantees(i, p, force.get(), parties, only, out);
        }
    }

    private void addGuarantees(Instrument i, Provision p, Span force, Map<String, PartySpell> parties, String only,
            Map<String, List<GuaranteeGroup>> out) {
        List<PartySpell> guarantors = new ArrayList<>();
        for (PartySpell s : parties.values()) {
            if (guarantor(p, s.actor())) {
                guarantors.add(s);
            }
        }
        Optional<String> through = i.parties() instanceof Parties.OrganisationMembers om ? Optional.of(om.organisation()) : Optional.empty();
        for (PartySpell b : parties.values()) {
            if (only != null && !b.actor().equals(only) || !beneficiary(p, b.actor())) {
                continue;
            }
            List<PartySpell> others = guarantors.stream().filter(g -> !g.actor().equals(b.actor())).toList();
            if (!others.isEmpty()) {
                out.computeIfAbsent(b.actor(), k -> new ArrayList<>()).add(new GuaranteeGroup(p, i, through, force, b, others));
            }
        }
    }
}
