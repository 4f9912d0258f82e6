package org.eurosec.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Event;
import org.eurosec.model.Instrument;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;

/** The treaty mechanisms a party sets going: information requests, consultations and conferences of the parties. */
final class MechanismEvents {

    private MechanismEvents() {
    }

    static void information(EngineRun r, int n, Event.InformationRequest e) {
        String what = e.from() + " asks " + e.to() + " for information" + (e.subject().isEmpty() ? "" : " on " + e.subject());
        boolean any = false;
        for (Provision p : r.provisions(ProvisionKind.INFORMATION_REQUEST, e.on())) {
            Instrument i = r.instrumentOf(p);
            ProvisionTerms.InformationRequest t = r.terms(p, ProvisionTerms.InformationRequest.class);
            Set<String> parties = r.parties(i, e.on());
            if (!parties.contains(e.from())) {
                continue;
            }
            any = true;
            if (!parties.contains(e.to())) {
                r.add(n, what, Finding.Effect.NOT_ENTITLED, List.of(e.from()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        e.to() + " is not a party to " + i.id(), r.unconfirmed(p), r.explain(p, e.on(), List.of(r.partyFact(i, e.to(), e.on()))));
                continue;
            }
            r.add(n, what, Finding.Effect.ENTITLED, List.of(e.from()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                    e.from() + " may ask " + t.channel().orElse("through the channels the text names"), r.unconfirmed(p, "channel"),
                    r.explain(p, e.on(), List.of(r.partyFact(i, e.from(), e.on()))));
            Optional<Period> reply = t.replyWithin().flatMap(ProvisionTerms.Deadline::period);
            r.add(n, what, Finding.Effect.OBLIGED, List.of(e.to()), p, Optional.empty(), reply.map(x -> Deadlines.after(e.on(), x)),
                    OptionalInt.empty(), e.to() + " must reply" + reply.map(x -> " by " + Deadlines.after(e.on(), x) + " ("
                            + Deadlines.words(x) + " after the request)").orElse(" (the text sets no time limit)"),
                    r.unconfirmed(p, "reply_within"), r.explain(p, e.on(), List.of(r.partyFact(i, e.to(), e.on()))));
            t.depositaryDuty().ifPresent(duty -> r.add(n, what, Finding.Effect.OBLIGED,
                    List.of(t.depositary().orElse("the depositary")), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                    "the depositary " + duty, r.unconfirmed(p, "depositary_duty"), r.explain(p, e.on(), List.of())));
        }
        if ("unusual-military-activity".equals(e.subject())) {
            for (Provision p : r.provisions(ProvisionKind.CONSULTATION, e.on())) {
                Instrument i = r.instrumentOf(p);
                java.util.OptionalLong hours = r.terms(p, ProvisionTerms.Consultation.class).replyWithinHours();
                if (hours.isEmpty() || !r.parties(i, e.on()).contains(e.from()) || !r.parties(i, e.on()).contains(e.to())) {
                    continue;
                }
                any = true;
                LocalDate by = Deadlines.after(e.on(), Deadlines.hours(hours.getAsLong()));
                r.add(n, what, Finding.Effect.OBLIGED, List.of(e.to()), p, Optional.empty(), Optional.of(by), OptionalInt.empty(),
                        e.to() + " must reply within " + hours.getAsLong() + " hours (by " + by + ", counted in whole days)",
                        r.unconfirmed(p), r.explain(p, e.on(), List.of()));
            }
        }
        if (!any) {
            r.addPlain(n, what, Finding.Effect.NOT_ENTITLED, List.of(e.from()), "no information-request provision in force (in the data or the regime) gives "
                    + e.from() + " a right to this information", Explanation.of("no information-request provision applies", List.of()));
        }
    }

    static void consultation(EngineRun r, int n, Event.ConsultationRequest c) {
        String what = c.from() + " requests consultations" + (c.with().isEmpty() ? "" : " with " + String.join(", ", c.with()))
                + (c.subject().isEmpty() ? "" : " on " + c.subject());
        boolean any = false;
        for (Provision p : r.provisions(ProvisionKind.CONSULTATION, c.on())) {
            Instrument i = r.instrumentOf(p);
            ProvisionTerms.Consultation t = r.terms(p, ProvisionTerms.Consultation.class);
            Set<String> parties = r.parties(i, c.on());
            if (!parties.contains(c.from()) || !t.onRequest()) {
                continue;
            }
            List<String> outside = c.with().stream().filter(s -> !parties.contains(s)).toList();
            if (!outside.isEmpty()) {
                r.add(n, what, Finding.Effect.NOT_ENTITLED, outside, p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        String.join(", ", outside) + " not a party to " + i.id(), r.unconfirmed(p), r.explain(p, c.on(), List.of()));
                continue;
            }
            any = true;
            Optional<Period> within = t.holdWithin().flatMap(ProvisionTerms.Deadline::period);
            List<String> participants = new ArrayList<>();
            participants.add(c.from());
            participants.addAll(c.with());
            r.consulted.computeIfAbsent(i.id(), k -> new LinkedHashSet<>()).addAll(participants);
            r.add(n, what, Finding.Effect.TRIGGERS, participants, p, Optional.empty(), within.map(x -> Deadlines.after(c.on(), x)),
                    OptionalInt.empty(), "consultations under " + p.id() + " among " + String.join(", ", participants)
                            + within.map(x -> ", to be held by " + Deadlines.after(c.on(), x)).orElse(" (the text sets no time limit)"),
                    r.unconfirmed(p, "hold_within"), r.explain(p, c.on(), List.of()));
            if (t.othersMayJoin()) {
                List<String> others = parties.stream().filter(s -> !participants.contains(s)).toList();
                r.add(n, what, Finding.Effect.ENTITLED, others, p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        others.size() + " other parties may take part in the consultations", r.unconfirmed(p, "others_may_join"),
                        r.explain(p, c.on(), List.of()));
            }
        }
        if (!any) {
            r.addPlain(n, what, Finding.Effect.NOT_ENTITLED, List.of(c.from()), "no consultation mechanism in force (in the data or the regime) lets " + c.from()
                    + " request these consultations", Explanation.of("no consultation provision applies", List.of()));
        }
    }

    static void conference(EngineRun r, int n, Event.ConferenceProposal c) {
        String what = c.by() + " proposes to convene a conference" + (c.subject().isEmpty() ? "" : " on " + c.subject());
        boolean any = false;
        for (Provision p : r.provisions(ProvisionKind.CONFERENCE, c.on())) {
            Instrument i = r.instrumentOf(p);
            ProvisionTerms.Conference t = r.terms(p, ProvisionTerms.Conference.class);
            Set<String> parties = r.parties(i, c.on());
            if (!parties.contains(c.by()) || t.proposer().isEmpty()) {
                continue;
            }
            any = true;
            if (t.proposerMustHaveConsulted() && !r.consulted.getOrDefault(i.id(), Set.of()).contains(c.by())) {
                r.add(n, what, Finding.Effect.NOT_ENTITLED, List.of(c.by()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        "only a party that took part in consultations under " + i.id() + " may propose the conference; "
                                + c.by() + " has not", r.unconfirmed(p, "proposer"), r.explain(p, c.on(), List.of()));
                continue;
            }
            List<String> support = new ArrayList<>();
            support.add(c.by());
            c.supportedBy().stream().filter(parties::contains).filter(s -> !support.contains(s)).forEach(support::add);
            int base = parties.size() + (t.organisationsCount() ? r.organisationParties(i, c.on()) : 0);
            Optional<Quorum> needed = t.support().flatMap(q -> Quorum.of(q, base));
            Optional<Quorum> quorum = t.quorum().flatMap(q -> Quorum.of(q, base));
            String decision = t.decisionText();
            List<String> unconf = r.unconfirmed(p, "support", "quorum", "decision", "convene_within");
            if (needed.isPresent() && !needed.get().met(support.size())) {
                r.add(n, what, Finding.Effect.NOT_ENTITLED, support, p, Optional.of(decision), Optional.empty(),
                        OptionalInt.of(needed.get().required()), "the proposal has " + support.size() + " supporting part"
                                + (support.size() == 1 ? "y" : "ies") + "; convening needs " + needed.get().text() + ": not convened", unconf,
                        r.explain(p, c.on(), List.of()));
                continue;
            }
            Optional<Period> within = t.conveneWithin().flatMap(ProvisionTerms.Deadline::period);
            r.add(n, what, Finding.Effect.TRIGGERS, support, p, Optional.of(decision), within.map(x -> Deadlines.after(c.on(), x)),
                    quorum.map(q -> OptionalInt.of(q.required())).orElse(OptionalInt.empty()),
                    "the conference is convened" + needed.map(q -> " (support: " + support.size() + ", " + q.text() + ")").orElse("")
                            + "; it can decide with " + quorum.map(Quorum::text).orElse("no quorum stated") + "; decisions by " + decision
                            + (t.binding() ? ", binding on the parties" : ""),
                    unconf, r.explain(p, c.on(), List.of()));
            r.add(n, what, Finding.Effect.DECIDES, List.copyOf(parties), p, Optional.of(decision), Optional.empty(),
                    quorum.map(q -> OptionalInt.of(q.required())).orElse(OptionalInt.empty()),
                    parties.size() + " parties decide by " + decision, unconf, r.explain(p, c.on(), List.of()));
        }
        if (!any) {
            r.addPlain(n, what, Finding.Effect.NOT_ENTITLED, List.of(c.by()), "no conference mechanism in force (in the data or the regime) lets " + c.by()
                    + " propose a conference", Explanation.of("no conference provision with a proposer rule applies", List.of()));
        }
    }
}
