package org.eurosec.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eurosec.explain.Explanation;
import org.eurosec.model.DefenceTerms;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;

/**
 * An armed attack or a threat of one: who must or may assist the victim, what the attacker
 * breaches, and which conferences, consultations and collective-security bodies it sets going.
 */
final class ForceEvents {

    private ForceEvents() {
    }

    static void attack(EngineRun r, int n, String attacker, String victim, LocalDate day, boolean armed) {
        String what = armed ? "armed attack by " + attacker + " on " + victim : "threat of armed attack by " + attacker + " against " + victim;
        ProvisionTerms.Trigger trigger = armed ? ProvisionTerms.Trigger.ARMED_ATTACK : ProvisionTerms.Trigger.THREAT_OF_ARMED_ATTACK;
        if (armed) {
            for (GuaranteeGroup g : r.builder().snapshot(day).guaranteesOf(victim)) {
                Provision p = g.provision();
                DefenceTerms t = p.defence().orElseThrow();
                List<String> guarantors = g.guarantors().stream().map(PartySpell::actor).filter(a -> !a.equals(attacker)).toList();
                boolean attackerParty = g.guarantors().stream().anyMatch(s -> s.actor().equals(attacker));
                r.add(n, what, Finding.Effect.OBLIGED, guarantors, p, Optional.of(t.assistance().id() + " assistance"), Optional.empty(),
                        OptionalInt.empty(), guarantors.size() + " part" + (guarantors.size() == 1 ? "y is" : "ies are") + " obliged to assist "
                                + victim + " (" + t.assistance().id() + t.means().map(m -> ", " + m).orElse("") + ")"
                                + (t.consentRequired() ? "; only with " + victim + "'s consent" : "")
                                + (t.conditions().isEmpty() ? "" : "; conditions: " + String.join(", ", t.conditions()))
                                + (attackerParty ? "; the attacker is itself a party and is left out" : ""),
                        r.unconfirmed(p), r.explain(p, day, List.of(r.partyFact(g.instrument(), victim, day),
                                Explanation.of(guarantors.size() + " guarantor(s)", g.guarantors().stream()
                                        .filter(x -> !x.actor().equals(attacker))
                                        .map(x -> Explanation.fact(x.actor() + ": " + x.status() + " of " + x.via() + " " + x.span(),
                                                x.provenance())).toList()))));
            }
        }
        for (Provision p : r.provisions(ProvisionKind.COLLECTIVE_DEFENCE, day)) {
            entitled(r, n, what, p, attacker, victim, day, armed);
        }
        for (Provision p : r.provisions(ProvisionKind.MUTUAL_ASSISTANCE, day)) {
            entitled(r, n, what, p, attacker, victim, day, armed);
        }
        if (armed) {
            for (Provision p : r.provisions(ProvisionKind.SELF_DEFENCE, day)) {
                Instrument i = r.instrumentOf(p);
                if (i.legalForce() == LegalForce.BINDING && r.parties(i, day).contains(victim)) {
                    r.add(n, what, Finding.Effect.ENTITLED, List.of(victim), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            victim + " may defend itself, alone or with others at its request"
                                    + r.terms(p, ProvisionTerms.SelfDefence.class).until()
                                            .map(u -> " (the right lasts until: " + u.replace('-', ' ') + ")").orElse(""),
                            r.unconfirmed(p), r.explain(p, day, List.of(r.partyFact(i, victim, day))));
                }
            }
        }
        for (Provision p : r.provisions(ProvisionKind.NON_USE_OF_FORCE, day)) {
            Instrument i = r.instrumentOf(p);
            if (r.parties(i, day).contains(attacker) && r.parties(i, day).contains(victim)) {
                r.add(n, what, Finding.Effect.PROHIBITED, List.of(attacker), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        attacker + (armed ? "'s attack" : "'s threat") + " is contrary to " + p.id() + " (" + i.legalForce().id() + ")",
                        r.unconfirmed(p), r.explain(p, day, List.of(r.partyFact(i, attacker, day), r.partyFact(i, victim, day))));
            }
        }
        for (Provision p : r.provisions(ProvisionKind.EXTRAORDINARY_CONFERENCE, day)) {
            Instrument i = r.instrumentOf(p);
            if (!r.terms(p, ProvisionTerms.ExtraordinaryConference.class).triggers().contains(trigger) || !r.parties(i, day).contains(victim)) {
                continue;
            }
            extraordinary(r, n, what, p, i, attacker, victim, day);
        }
        for (Provision p : r.provisions(ProvisionKind.CONSULTATION, day)) {
            Instrument i = r.instrumentOf(p);
            if (r.terms(p, ProvisionTerms.Consultation.class).triggeredByForce() && r.parties(i, day).contains(victim)) {
                r.add(n, what, Finding.Effect.ENTITLED, List.of(victim), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        victim + " may call for consultations of the parties of " + i.id() + " (" + i.legalForce().id() + ")", r.unconfirmed(p),
                        r.explain(p, day, List.of(r.partyFact(i, victim, day))));
            }
        }
        for (Provision p : r.provisions(ProvisionKind.COLLECTIVE_SECURITY, day)) {
            Instrument i = r.instrumentOf(p);
            ProvisionTerms.CollectiveSecurity t = r.terms(p, ProvisionTerms.CollectiveSecurity.class);
            if (i.legalForce() == LegalForce.BINDING && r.parties(i, day).contains(victim) && t.decider().isPresent()) {
                r.add(n, what, Finding.Effect.DECIDES, List.of(t.decider().get()), p, t.decisionRule(),
                        Optional.empty(), OptionalInt.empty(), "the " + t.decider().get().replace('-', ' ')
                                + " may decide on collective measures (" + t.decisionRule().orElse("its rule").replace('-', ' ') + ")", r.unconfirmed(p),
                        r.explain(p, day, List.of()));
            }
        }
    }

    private static void entitled(EngineRun r, int n, String what, Provision p, String attacker, String victim, LocalDate day, boolean armed) {
        Instrument i = r.instrumentOf(p);
        if (!armed || p.defence().isEmpty() || p.defence().get().obligation() != DefenceTerms.Obligation.ENTITLED
                || i.legalForce() != LegalForce.BINDING || !r.parties(i, day).contains(victim)) {
            return;
        }
        DefenceTerms t = p.defence().get();
        List<String> others = r.parties(i, day).stream().filter(a -> !a.equals(victim) && !a.equals(attacker)).toList();
        r.add(n, what, Finding.Effect.ENTITLED, others, p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                others.size() + " parties may (are not obliged to) treat the attack on " + victim + " as an attack on themselves"
                        + (t.consentRequired() ? " and assist with " + victim + "'s consent" : "")
                        + (t.conditions().isEmpty() ? "" : "; conditions: " + String.join(", ", t.conditions())),
                r.unconfirmed(p), r.explain(p, day, List.of(r.partyFact(i, victim, day))));
    }

    private static void extraordinary(EngineRun r, int n, String what, Provision p, Instrument i, String attacker, String victim, LocalDate day) {
        ProvisionTerms.ExtraordinaryConference terms = r.terms(p, ProvisionTerms.ExtraordinaryConference.class);
        Set<String> parties = r.parties(i, day);
        int orgs = terms.organisationsCount() ? r.organisationParties(i, day) : 0;
        int base = parties.size() + orgs;
        Optional<Quorum> quorum = terms.quorum().flatMap(q -> Quorum.of(q, base));
        String convener = terms.convenerText();
        Optional<Period> within = terms.conveneWithin().flatMap(ProvisionTerms.Deadline::period);
        LocalDate by = within.map(x -> Deadlines.after(day, x)).orElse(day);
        String decision = terms.decisionText();
        ProvisionTerms.AttackerVote attackerVote = terms.attackerVote();
        boolean attackerParty = parties.contains(attacker);
        List<String> voters = parties.stream()
                .filter(a -> !(attackerParty && a.equals(attacker) && attackerVote == ProvisionTerms.AttackerVote.NOT_COUNTED)).toList();
        StringBuilder t = new StringBuilder();
        t.append(victim).append(" notifies; ").append(convener).append(" convenes the extraordinary conference ")
                .append(within.isEmpty() ? "at once (" + by + ")" : "by " + by).append("; quorum ")
                .append(quorum.map(Quorum::text).orElse("not stated"))
                .append(orgs > 0 ? " (" + orgs + " organisations counted with the states)" : " (states only)")
                .append("; decides by ").append(decision);
        if (attackerParty) {
            t.append("; ").append(attacker).append(" is a party and its vote is ").append(attackerVote.id().replace('-', ' '))
                    .append(" (").append(voters.size()).append(" votes)");
        } else {
            t.append("; ").append(attacker).append(" is not a party");
        }
        List<String> unconf = r.unconfirmed(p, "quorum", "decision", "attacker_vote", "convene_within");
        r.add(n, what, Finding.Effect.TRIGGERS, List.of(victim, convener), p, Optional.of(decision), Optional.of(by),
                quorum.map(q -> OptionalInt.of(q.required())).orElse(OptionalInt.empty()), t.toString(), unconf,
                r.explain(p, day, List.of(r.partyFact(i, victim, day),
                        Explanation.of(parties.size() + " state parties on " + day + ": " + String.join(" ", parties), List.of()))));
        r.add(n, what, Finding.Effect.DECIDES, voters, p, Optional.of(decision), Optional.empty(),
                quorum.map(q -> OptionalInt.of(q.required())).orElse(OptionalInt.empty()),
                voters.size() + " parties decide on collective measures by " + decision
                        + (decision.equals("unanimity") || decision.equals("consensus") ? ": each of them can stop the decision" : ""),
                unconf, r.explain(p, day, List.of()));
    }
}
