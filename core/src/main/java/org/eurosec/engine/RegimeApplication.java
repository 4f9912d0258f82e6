package org.eurosec.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eurosec.model.Architecture;
import org.eurosec.model.Dated;
import org.eurosec.model.Instrument;
import org.eurosec.model.Interpretation;
import org.eurosec.model.Membership;
import org.eurosec.model.MembershipStatus;
import org.eurosec.model.Provenance;
import org.eurosec.model.Organisation;
import org.eurosec.model.Participation;
import org.eurosec.model.ParticipationStatus;
import org.eurosec.model.Parties;
import org.eurosec.model.Regime;
import org.eurosec.model.Span;
import org.eurosec.model.State;

/**
 * A regime applied to history: the data's architecture plus the regime's hypothetical instruments
 * and interpretations. An instrument that takes effect for {@code all-eligible} parties is in force
 * from its {@code from} day (or from the start of the data) with every eligible state a party
 * whenever it is eligible ("had it been in force among all eligible parties on that day"); one that
 * takes effect through {@code events} starts with no party and no entry into force.
 */
public final class RegimeApplication {

    private RegimeApplication() {
    }

    public static Architecture apply(Architecture base, Regime regime, boolean eventsOnly) {
        if (regime.instruments().isEmpty() && regime.interpretations().isEmpty()) {
            return base;
        }
        Map<String, Instrument> instruments = new TreeMap<>(base.instruments());
        for (Regime.Hypothetical h : regime.instruments()) {
            Instrument i = h.instrument();
            boolean allEligible = h.takesEffect() == Regime.TakesEffect.ALL_ELIGIBLE && !eventsOnly;
            Optional<LocalDate> inForce = allEligible ? Optional.of(h.from().orElse(base.coversFrom())) : Optional.empty();
            List<Participation> spells = allEligible ? eligibleSpells(base, h.eligible()) : List.of();
            instruments.put(i.id(), new Instrument(i.id(), i.name(), i.type(), i.legalForce(), i.dimensions(),
                    allEligible ? inForce : i.signed(), inForce, Optional.empty(), new Parties.Listed(spells), i.provisions(),
                    i.provenance()));
        }
        Map<String, Interpretation> interpretations = new LinkedHashMap<>(base.interpretations());
        regime.interpretations().forEach(x -> interpretations.put(x.id(), x));
        return new Architecture(base.coversFrom(), base.factsCheckedThrough(), base.answersThrough(), base.states(), base.organisations(),
                Collections.unmodifiableMap(instruments), Collections.unmodifiableMap(interpretations), base.recognitions(), base.positions());
    }

    /** Party spells for every eligible state: its CSCE/OSCE participation, or for a listed state its existence. */
    static List<Participation> eligibleSpells(Architecture base, Regime.Eligibility eligible) {
        List<Participation> out = new ArrayList<>();
        if (eligible.osceParticipants()) {
            base.organisation("osce").ifPresent(o -> {
                for (Membership m : o.members()) {
                    if (!eligible.states().contains(m.actor())) {
                        out.add(new Participation(m.actor(), m.span(), ParticipationStatus.RATIFIED, m.provenance()));
                    }
                }
            });
        }
        for (String s : eligible.states()) {
            State st = base.states().get(s);
            for (Dated d : st.exists()) {
                out.add(new Participation(s, d.span(), ParticipationStatus.RATIFIED, d.provenance()));
            }
        }
        return List.copyOf(out);
    }

    // ------------------------------------------------------------------ edits made by events

    /** The architecture with {@code state} a member of {@code org} from {@code day}. */
    public static Architecture join(Architecture a, String org, String state, LocalDate day, Provenance at) {
        // A spell the state holds on that day under another status (not-renewed, frozen) ends where the membership begins.
        Organisation o = leave(a, org, state, day).organisations().get(org);
        List<Membership> members = new ArrayList<>(o.members());
        members.add(new Membership(state, Span.from(day), MembershipStatus.MEMBER, at));
        return withOrganisation(a, o.withMembers(members));
    }

    /** The architecture with {@code state}'s open membership of {@code org} ended on {@code day}. */
    public static Architecture leave(Architecture a, String org, String state, LocalDate day) {
        Organisation o = a.organisations().get(org);
        List<Membership> members = new ArrayList<>();
        for (Membership m : o.members()) {
            if (m.actor().equals(state) && m.span().contains(day)) {
                if (day.isAfter(m.span().from())) {
                    members.add(new Membership(m.actor(), new Span(m.span().from(), Optional.of(day)), m.status(), m.provenance()));
                }
            } else {
                members.add(m);
            }
        }
        return withOrganisation(a, o.withMembers(members));
    }

    /** The architecture with {@code state}'s standing towards a listed-parties instrument changed from {@code day}. */
    public static Architecture participate(Architecture a, String instrument, String state, LocalDate day,
            ParticipationStatus status, Provenance at) {
        Instrument i = a.instruments().get(instrument);
        List<Participation> spells = new ArrayList<>();
        if (i.parties() instanceof Parties.Listed listed) {
            for (Participation p : listed.spells()) {
                if (p.actor().equals(state) && p.span().contains(day)) {
                    if (day.isAfter(p.span().from())) {
                        spells.add(new Participation(p.actor(), new Span(p.span().from(), Optional.of(day)), p.status(), p.provenance()));
                    }
                } else {
                    spells.add(p);
                }
            }
        }
        if (status != ParticipationStatus.WITHDRAWN) {
            spells.add(new Participation(state, Span.from(day), status, at));
        }
        return withInstrument(a, new Instrument(i.id(), i.name(), i.type(), i.legalForce(), i.dimensions(), i.signed(),
                i.inForce(), i.ended(), new Parties.Listed(List.copyOf(spells)), i.provisions(), i.provenance(), i.inForceBasis()));
    }

    /** The architecture with an instrument in force from {@code day}. */
    public static Architecture enterIntoForce(Architecture a, String instrument, LocalDate day) {
        Instrument i = a.instruments().get(instrument);
        return withInstrument(a, new Instrument(i.id(), i.name(), i.type(), i.legalForce(), i.dimensions(), i.signed(),
                Optional.of(day), i.ended(), i.parties(), i.provisions(), i.provenance(), i.inForceBasis()));
    }

    private static Architecture withOrganisation(Architecture a, Organisation o) {
        Map<String, Organisation> orgs = new TreeMap<>(a.organisations());
        orgs.put(o.id(), o);
        return new Architecture(a.coversFrom(), a.factsCheckedThrough(), a.answersThrough(), a.states(), Collections.unmodifiableMap(orgs), a.instruments(),
                a.interpretations(), a.recognitions(), a.positions());
    }

    private static Architecture withInstrument(Architecture a, Instrument i) {
        Map<String, Instrument> instruments = new TreeMap<>(a.instruments());
        instruments.put(i.id(), i);
        return new Architecture(a.coversFrom(), a.factsCheckedThrough(), a.answersThrough(), a.states(), a.organisations(), Collections.unmodifiableMap(instruments),
                a.interpretations(), a.recognitions(), a.positions());
    }
}
