package org.eurosec.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Event;
import org.eurosec.model.Instrument;
import org.eurosec.model.ParticipationStatus;
import org.eurosec.model.Parties;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;

/** Signatures and ratifications, and the entry into force they may bring about. */
final class TreatyEvents {

    private TreatyEvents() {
    }

    static void sign(EngineRun r, int n, String state, String instrumentId, LocalDate day, ParticipationStatus status, Event e) {
        Instrument before = r.world.instruments().get(instrumentId);
        if (!(before.parties() instanceof Parties.Listed)) {
            r.addPlain(n, state + " " + e.kind() + " " + instrumentId, Finding.Effect.NOT_ENTITLED, List.of(state), instrumentId
                    + "'s parties are an organisation's members; join the organisation instead", Explanation.of("parties by membership", List.of()));
            return;
        }
        if (status == ParticipationStatus.SIGNED) {
            r.addPlain(n, state + " signs " + instrumentId, Finding.Effect.NOT_REQUIRED, List.of(state), state + " signs " + instrumentId
                    + ": a signatory is not a party and does not count towards entry into force until it ratifies",
                    Explanation.fact("signature of " + instrumentId + " on " + day, e.at()));
        }
        Snapshot beforeSnap = before.inForceOn(day) ? r.builder().snapshot(day) : null;
        r.setWorld(RegimeApplication.participate(r.world, instrumentId, state, day, status, e.at()));
        Instrument i = r.world.instruments().get(instrumentId);
        if (i.inForceOn(day) || status != ParticipationStatus.RATIFIED || !r.lastOfItem) {
            if (status == ParticipationStatus.RATIFIED && beforeSnap != null) {
                MembershipEvents.coverageChange(r, n, state, instrumentId, day, beforeSnap, "ratifies");
            }
            return;
        }
        Optional<Provision> eif = i.provisions().stream().filter(p -> p.kind() == ProvisionKind.ENTRY_INTO_FORCE
                && r.terms(p, ProvisionTerms.EntryIntoForce.class).stated()).findFirst();
        if (eif.isEmpty()) {
            return;
        }
        Provision p = eif.get();
        ProvisionTerms.EntryIntoForce t = r.terms(p, ProvisionTerms.EntryIntoForce.class);
        Parties.Listed listed = (Parties.Listed) i.parties();
        Set<String> ratified = new TreeSet<>();
        Set<String> signatories = new TreeSet<>();
        listed.spells().stream().filter(s -> s.span().contains(day)).forEach(s -> {
            signatories.add(s.actor());
            if (s.status() == ParticipationStatus.RATIFIED) {
                ratified.add(s.actor());
            }
        });
        Optional<Period> delay = t.after().flatMap(ProvisionTerms.Deadline::period);
        int required;
        String basis;
        if (t.ratifications().isPresent()) {
            required = (int) t.ratifications().getAsLong();
            basis = required + " ratifications";
        } else if (t.rule().orElse(null) == ProvisionTerms.EntryRule.MORE_THAN_HALF_OF_SIGNATORIES) {
            required = signatories.size() / 2 + 1;
            basis = "more than half of " + signatories.size() + " signatories = " + required;
        } else {
            return;
        }
        String question = "entry into force of " + instrumentId;
        if (ratified.size() >= required) {
            LocalDate from = delay.map(x -> Deadlines.after(day, x)).orElse(day);
            r.add(n, question, Finding.Effect.TRIGGERS, List.copyOf(ratified), p, Optional.of(basis), Optional.of(from), OptionalInt.of(required),
                    instrumentId + " enters into force on " + from + ": " + ratified.size() + " of the " + basis + " deposited"
                            + delay.map(x -> " (" + Deadlines.words(x) + " after the last)").orElse(""),
                    r.unconfirmed(p, "ratifications", "after"), r.explain(p, day, List.of()));
            r.setWorld(RegimeApplication.enterIntoForce(r.world, instrumentId, from));
        } else {
            r.add(n, question, Finding.Effect.NOT_REQUIRED, List.copyOf(ratified), p, Optional.of(basis), Optional.empty(), OptionalInt.of(required),
                    instrumentId + " is not in force: " + ratified.size() + " of the " + basis + " deposited; "
                            + (required - ratified.size()) + " more needed",
                    r.unconfirmed(p, "ratifications", "after"), explainNotInForce(r, p, day));
        }
    }

    private static Explanation explainNotInForce(EngineRun r, Provision p, LocalDate day) {
        Instrument i = r.instrumentOf(p);
        return Explanation.fact(p.id() + " (" + p.article() + "): " + p.title(), p.provenance(),
                List.of(Explanation.fact(i.id() + " not yet in force on " + day, i.provenance())));
    }
}
