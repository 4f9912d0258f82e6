package org.eurosec.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Event;
import org.eurosec.model.Organisation;
import org.eurosec.model.ParticipationStatus;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;

/** Joining and leaving organisations and instruments: what a state gains or loses in coverage, and when a withdrawal takes effect. */
final class MembershipEvents {

    private MembershipEvents() {
    }

    static void accede(EngineRun r, int n, Event.Accession a) {
        Snapshot before = r.builder().snapshot(a.on());
        if (a.target().organisation()) {
            Organisation o = r.world.organisations().get(a.target().id());
            // A member as coverage counts one: a spell whose status makes no party under the reading
            // (not-renewed under non-renewal=ends-with-term, frozen under active-only) is no membership.
            java.util.Set<org.eurosec.model.MembershipStatus> party = r.reading.partyStatuses();
            boolean already = o.members().stream()
                    .anyMatch(m -> m.actor().equals(a.state()) && m.span().contains(a.on()) && party.contains(m.status()));
            if (already) {
                r.addPlain(n, a.state() + " accedes to " + o.id(), Finding.Effect.NOT_REQUIRED, List.of(a.state()),
                        a.state() + " is already a member of " + o.id() + " on " + a.on(), Explanation.of("membership in the data", List.of()));
                return;
            }
            r.setWorld(RegimeApplication.join(r.world, o.id(), a.state(), a.on(), a.at()));
        } else {
            r.setWorld(RegimeApplication.participate(r.world, a.target().id(), a.state(), a.on(), ParticipationStatus.RATIFIED, a.at()));
        }
        coverageChange(r, n, a.state(), a.target().id(), a.on(), before, "joins");
    }

    static void coverageChange(EngineRun r, int n, String state, String target, LocalDate day, Snapshot before, String verb) {
        Snapshot after = r.builder().snapshot(day);
        List<String> gained = new ArrayList<>();
        List<Explanation> why = new ArrayList<>();
        for (GuaranteeGroup g : after.guaranteesOf(state)) {
            if (before.guaranteesOf(state).stream().noneMatch(b -> b.provision().id().equals(g.provision().id()))) {
                gained.add(g.provision().id());
                why.add(Explanation.fact(g.provision().id() + ": " + g.guarantors().size() + " guarantor(s)", g.provision().provenance()));
            }
        }
        String question = state + " " + verb + " " + target;
        if (!gained.isEmpty()) {
            Provision first = r.world.provision(gained.get(0)).orElseThrow();
            r.add(n, question, Finding.Effect.COVERED, List.of(state), first, Optional.empty(), Optional.of(day), OptionalInt.empty(),
                    state + " is covered from " + day + " under " + String.join(", ", gained), List.of(),
                    Explanation.of(state + " gains binding guarantees", why));
        } else {
            r.addPlain(n, question, Finding.Effect.NOT_REQUIRED, List.of(state), state + " gains no binding guarantee by this step"
                    + (after.covered(state) ? " (it was covered already)" : ""), Explanation.of("coverage before and after " + day, List.of()));
        }
    }

    static void withdraw(EngineRun r, int n, Event.Withdrawal w) {
        String instrumentId = w.target().organisation()
                ? r.world.organisations().get(w.target().id()).foundedBy().orElse("")
                : w.target().id();
        Optional<Provision> rule = r.world.instrument(instrumentId).stream().flatMap(i -> i.provisions().stream())
                .filter(p -> p.kind() == ProvisionKind.WITHDRAWAL).findFirst();
        LocalDate effective = w.on();
        String question = w.state() + " withdraws from " + w.target().id();
        if (rule.isPresent()) {
            Provision p = rule.get();
            ProvisionTerms.Withdrawal t = r.terms(p, ProvisionTerms.Withdrawal.class);
            Optional<java.time.Period> notice = t.notice().flatMap(ProvisionTerms.Deadline::period);
            Optional<LocalDate> availableFrom = t.availableFrom();
            if (availableFrom.isPresent() && w.on().isBefore(availableFrom.get())) {
                r.add(n, question, Finding.Effect.NOT_ENTITLED, List.of(w.state()), p, Optional.empty(), Optional.of(availableFrom.get()),
                        OptionalInt.empty(), "withdrawal is open only from " + availableFrom.get(), r.unconfirmed(p, "available_from"),
                        r.explain(p, w.on(), List.of()));
                return;
            }
            if (notice.isEmpty() && t.notice().isPresent()) {
                r.add(n, question, Finding.Effect.NOT_REQUIRED, List.of(w.state()), p, Optional.empty(), Optional.empty(),
                        OptionalInt.empty(), "notice given " + w.on() + "; the notice period is not known (" + t.notice().get().written()
                                + "), so the day the withdrawal takes effect cannot be computed; " + w.state() + " is treated as a party until then",
                        r.unconfirmed(p, "notice"), r.explain(p, w.on(), List.of()));
                return;
            }
            if (notice.isPresent()) {
                effective = Deadlines.after(w.on(), notice.get());
            }
            r.add(n, question, Finding.Effect.TRIGGERS, List.of(w.state()), p, Optional.empty(), Optional.of(effective), OptionalInt.empty(),
                    notice.map(x -> "notice given " + w.on() + "; " + w.state() + " ceases to be a party on " + Deadlines.after(w.on(), x)
                            + " (" + Deadlines.words(x) + " after notice; see the date rule in Deadlines)")
                            .orElse("the text sets no notice period: the withdrawal takes effect on notice, " + w.on()),
                    r.unconfirmed(p, "notice"), r.explain(p, w.on(), List.of()));
        } else {
            r.addPlain(n, question, Finding.Effect.TRIGGERS, List.of(w.state()), "no withdrawal provision in the data for "
                    + w.target().id() + "; the withdrawal is taken to take effect on " + w.on(), Explanation.of("no withdrawal provision", List.of()));
        }
        Snapshot before = r.builder().snapshot(effective);
        if (w.target().organisation()) {
            r.setWorld(RegimeApplication.leave(r.world, w.target().id(), w.state(), effective));
        } else {
            r.setWorld(RegimeApplication.participate(r.world, w.target().id(), w.state(), effective, ParticipationStatus.WITHDRAWN, w.at()));
        }
        Snapshot after = r.builder().snapshot(effective);
        if (before.covered(w.state()) && !after.covered(w.state())) {
            r.addPlain(n, question, Finding.Effect.NOT_REQUIRED, List.of(w.state()), w.state() + " is no longer covered from " + effective,
                    Explanation.of("coverage before and after " + effective, List.of()));
        }
    }
}
