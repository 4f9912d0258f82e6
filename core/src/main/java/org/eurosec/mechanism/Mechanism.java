package org.eurosec.mechanism;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.engine.Deadlines;
import org.eurosec.engine.Quorum;
import org.eurosec.mechanism.Action.Ballot;
import org.eurosec.mechanism.Procedure.Conference;
import org.eurosec.mechanism.Procedure.Consultations;
import org.eurosec.mechanism.Procedure.InformationRequest;
import org.eurosec.mechanism.Procedure.Status;

/**
 * The rules of the mechanisms as one pure function: an exercise's state, an actor, an action and
 * the exercise time give either the next state or a refusal naming the field and the reason. The
 * same function replays a journal. A deadline that passes is an action of the clock: the service
 * asks {@link #due} which deadlines have passed and journals each before anything later.
 */
public final class Mechanism {

    private Mechanism() {
    }

    /** The outcome of one action. */
    public sealed interface Result permits Accepted, Refused {
    }

    /** Accepted: the next state, the procedure concerned, and what happened in words. */
    public record Accepted(ExerciseState state, int procedure, String summary) implements Result {
    }

    /**
     * Refused, and nothing changed. {@code status} follows HTTP: 403 the actor may not do this, 404
     * no such procedure, 409 not now (closed, deadline passed, already done), 422 a bad value.
     */
    public record Refused(int status, String field, String message) implements Result {
    }

    /** A day count after an instant, by the project's one date rule, at the same time of day (UTC). */
    public static Instant after(Instant from, Period p) {
        LocalDateTime t = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
        return Deadlines.after(t.toLocalDate(), p).atTime(t.toLocalTime()).toInstant(ZoneOffset.UTC);
    }

    public static Result apply(ExerciseState s, Actor actor, Action action, Instant now) {
        if (now.isBefore(s.lastAt())) {
            return new Refused(409, "at", "the exercise clock reads " + now + ", before the last accepted action (" + s.lastAt() + ")");
        }
        if (action instanceof Action.DeadlinePassed d) {
            return actor instanceof Actor.Clock ? deadline(s, d, now) : new Refused(403, "kind", "only the exercise clock records a passed deadline");
        }
        if (actor instanceof Actor.Observer) {
            return new Refused(403, "actor", "an observer sees everything and can change nothing");
        }
        if (actor instanceof Actor.Clock) {
            return new Refused(403, "actor", "the clock only records deadlines");
        }
        if (actor instanceof Actor.Depositary) {
            if (action instanceof Action.ScheduleConsultations sc) {
                return schedule(s, actor, sc, now);
            }
            if (action instanceof Action.SubmitAnnualInformation a) {
                return annual(s, Optional.empty(), a, now);
            }
            return new Refused(403, "actor", "the depositary's powers are limited to what the text gives it; '" + action.kind()
                    + "' is a party's act");
        }
        String me = ((Actor.Delegation) actor).state();
        if (!s.isParty(me)) {
            return new Refused(403, "actor", me + " is not a party to " + s.rules().instrument() + " in this exercise");
        }
        if (action instanceof Action.RequestInformation r) {
            return requestInformation(s, me, r, now);
        } else if (action instanceof Action.Reply r) {
            return reply(s, me, r, now);
        } else if (action instanceof Action.RequestConsultations r) {
            return requestConsultations(s, me, r, now);
        } else if (action instanceof Action.ScheduleConsultations r) {
            return schedule(s, actor, r, now);
        } else if (action instanceof Action.JoinConsultations r) {
            return join(s, me, r, now);
        } else if (action instanceof Action.ProposeConference r) {
            return propose(s, me, r, now);
        } else if (action instanceof Action.SupportConference r) {
            return support(s, me, r, now);
        } else if (action instanceof Action.NotifyAttack r) {
            return notifyAttack(s, me, r, now);
        } else if (action instanceof Action.Attend r) {
            return attend(s, me, r, now);
        } else if (action instanceof Action.Vote r) {
            return vote(s, me, r, now);
        } else if (action instanceof Action.NotifyActivity r) {
            return notifyActivity(s, me, r, now);
        } else if (action instanceof Action.AcceptObservation r) {
            return acceptObservation(s, me, r, now);
        } else if (action instanceof Action.SubmitAnnualInformation r) {
            return annual(s, Optional.of(me), r, now);
        }
        return new Refused(422, "kind", "unknown action");
    }

    // ------------------------------------------------------------------ information

    private static Result requestInformation(ExerciseState s, String me, Action.RequestInformation r, Instant now) {
        if (s.rules().information().isEmpty()) {
            return new Refused(409, "kind", s.rules().instrument() + " has no information-request mechanism");
        }
        if (!s.isParty(r.to())) {
            return new Refused(422, "to", "'" + r.to() + "' is not a party in this exercise");
        }
        if (r.to().equals(me)) {
            return new Refused(422, "to", "a party does not ask itself for information");
        }
        ProcedureRules.Information rule = s.rules().information().get();
        int id = s.nextId();
        Instant by = after(now, rule.replyWithin().period());
        InformationRequest p = new InformationRequest(id, rule.provision(), me, r.to(), r.subject(), now, by, Status.OPEN, Optional.empty(),
                Optional.empty());
        return new Accepted(s.with(p, now), id, me + " asks " + r.to() + " for information under " + rule.provision() + "; reply due by " + by);
    }

    private static Result reply(ExerciseState s, String me, Action.Reply r, Instant now) {
        Optional<Procedure> p = s.procedure(r.procedure());
        if (p.isEmpty() || !(p.get() instanceof InformationRequest q)) {
            return new Refused(404, "procedure", "no information request " + r.procedure());
        }
        if (!q.to().equals(me)) {
            return new Refused(403, "procedure", "only " + q.to() + ", the party asked, may reply to request " + q.id());
        }
        if (q.status() != Status.OPEN) {
            return new Refused(409, "procedure", "request " + q.id() + " is closed: " + q.status().id());
        }
        if (now.isAfter(q.replyBy())) {
            return new Refused(409, "procedure", "the reply was due by " + q.replyBy() + "; it is recorded as no response");
        }
        InformationRequest next = new InformationRequest(q.id(), q.provision(), q.from(), q.to(), q.subject(), q.opened(), q.replyBy(),
                Status.ANSWERED, Optional.of(r.text()), Optional.of(now));
        return new Accepted(s.with(next, now), q.id(), me + " replies to " + q.from() + " (request " + q.id() + ")");
    }

    // ------------------------------------------------------------------ consultations

    private static Result requestConsultations(ExerciseState s, String me, Action.RequestConsultations r, Instant now) {
        if (s.rules().consultation().isEmpty()) {
            return new Refused(409, "kind", s.rules().instrument() + " has no consultation mechanism on request");
        }
        if (r.with().isEmpty()) {
            return new Refused(422, "with", "name at least one other party");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String w : r.with()) {
            if (!s.isParty(w)) {
                return new Refused(422, "with", "'" + w + "' is not a party in this exercise");
            }
            if (w.equals(me) || !seen.add(w)) {
                return new Refused(422, "with", "'" + w + "' is named twice or is the requester");
            }
        }
        ProcedureRules.Consultation rule = s.rules().consultation().get();
        List<String> participants = new ArrayList<>();
        participants.add(me);
        participants.addAll(seen);
        int id = s.nextId();
        Instant by = after(now, rule.holdWithin().period());
        Consultations c = new Consultations(id, rule.provision(), me, List.copyOf(participants), r.subject(), now, by, Optional.empty(), Status.OPEN);
        return new Accepted(s.with(c, now), id, me + " requests consultations with " + String.join(", ", seen) + " under " + rule.provision()
                + "; to be held by " + by);
    }

    private static Result schedule(ExerciseState s, Actor actor, Action.ScheduleConsultations r, Instant now) {
        Optional<Procedure> p = s.procedure(r.procedure());
        if (p.isEmpty() || !(p.get() instanceof Consultations c)) {
            return new Refused(404, "procedure", "no consultations " + r.procedure());
        }
        boolean requester = actor instanceof Actor.Delegation d && d.state().equals(c.requester());
        if (!requester && !(actor instanceof Actor.Depositary)) {
            return new Refused(403, "procedure", "only " + c.requester() + ", who requested them, or the depositary schedules consultations " + c.id());
        }
        if (c.status() != Status.OPEN && c.status() != Status.SCHEDULED) {
            return new Refused(409, "procedure", "consultations " + c.id() + " are closed: " + c.status().id());
        }
        if (r.at() == null || r.at().isBefore(now) || r.at().isAfter(c.holdBy())) {
            return new Refused(422, "at", "the meeting must fall between now (" + now + ") and the deadline " + c.holdBy());
        }
        Consultations next = new Consultations(c.id(), c.provision(), c.requester(), c.participants(), c.subject(), c.opened(), c.holdBy(),
                Optional.of(r.at()), Status.SCHEDULED);
        return new Accepted(s.with(next, now), c.id(), actor.id() + " schedules consultations " + c.id() + " for " + r.at());
    }

    private static Result join(ExerciseState s, String me, Action.JoinConsultations r, Instant now) {
        Optional<Procedure> p = s.procedure(r.procedure());
        if (p.isEmpty() || !(p.get() instanceof Consultations c)) {
            return new Refused(404, "procedure", "no consultations " + r.procedure());
        }
        if (!s.rules().consultation().map(ProcedureRules.Consultation::othersMayJoin).orElse(false)) {
            return new Refused(409, "procedure", c.provision() + " does not let other parties join consultations");
        }
        if (c.participants().contains(me)) {
            return new Refused(409, "procedure", me + " already takes part in consultations " + c.id());
        }
        if (c.status().closed()) {
            return new Refused(409, "procedure", "consultations " + c.id() + " are closed: " + c.status().id());
        }
        List<String> parts = new ArrayList<>(c.participants());
        parts.add(me);
        Consultations next = new Consultations(c.id(), c.provision(), c.requester(), List.copyOf(parts), c.subject(), c.opened(), c.holdBy(),
                c.meetingAt(), c.status());
        return new Accepted(s.with(next, now), c.id(), me + " joins consultations " + c.id());
    }

    // ------------------------------------------------------------------ conferences

    private static Result propose(ExerciseState s, String me, Action.ProposeConference r, Instant now) {
        if (s.rules().conference().isEmpty()) {
            return new Refused(409, "kind", s.rules().instrument() + " has no conference a party may propose");
        }
        ProcedureRules.Conference rule = s.rules().conference().get();
        Optional<Integer> consultation = Optional.empty();
        if (rule.proposerMustHaveConsulted()) {
            Optional<Procedure> p = s.procedure(r.consultation());
            if (p.isEmpty() || !(p.get() instanceof Consultations c)) {
                return new Refused(422, "consultation", rule.provision() + ": only a party that took part in consultations may propose;"
                        + " name the consultations (no consultations " + r.consultation() + ")");
            }
            if (!c.participants().contains(me)) {
                return new Refused(403, "consultation", me + " did not take part in consultations " + c.id() + " and may not propose the conference");
            }
            consultation = Optional.of(c.id());
        }
        int id = s.nextId();
        Conference c = new Conference(id, rule.provision(), false, me, r.subject(), now, consultation, Set.of(me), after(now, rule.supportWindow().period()),
                Optional.empty(), Optional.empty(), Set.of(), Map.of(), Optional.empty(), Status.GATHERING_SUPPORT, List.of(), Optional.empty());
        Conference next = convenedIfSupported(c, rule, now);
        return new Accepted(s.with(next, now), id, me + " proposes to convene the Conference (" + rule.provision() + "); "
                + (next.status() == Status.CONVENED ? "convened at once" : "support needed: " + rule.support().map(Quorum::text).orElse("none") + " by " + c.supportBy()));
    }

    private static Conference convenedIfSupported(Conference c, ProcedureRules.Conference rule, Instant now) {
        boolean enough = rule.support().map(q -> q.met(c.supporters().size())).orElse(true);
        if (!enough) {
            return c;
        }
        return new Conference(c.id(), c.provision(), false, c.proposer(), c.subject(), c.opened(), c.consultation(), c.supporters(), c.supportBy(),
                Optional.of(now), Optional.of(after(now, rule.votingWindow().period())), c.attending(), c.votes(), c.excluded(), Status.CONVENED,
                c.noResponse(), c.outcome());
    }

    private static Result support(ExerciseState s, String me, Action.SupportConference r, Instant now) {
        Optional<Procedure> p = s.procedure(r.procedure());
        if (p.isEmpty() || !(p.get() instanceof Conference c) || c.extraordinary()) {
            return new Refused(404, "procedure", "no conference proposal " + r.procedure());
        }
        if (c.status() != Status.GATHERING_SUPPORT) {
            return new Refused(409, "procedure", "proposal " + c.id() + " is no longer gathering support: " + c.status().id());
        }
        if (now.isAfter(c.supportBy())) {
            return new Refused(409, "procedure", "support was due by " + c.supportBy());
        }
        if (c.supporters().contains(me)) {
            return new Refused(409, "procedure", me + " already supports proposal " + c.id());
        }
        Set<String> sup = new TreeSet<>(c.supporters());
        sup.add(me);
        ProcedureRules.Conference rule = s.rules().conference().orElseThrow();
        Conference next = convenedIfSupported(new Conference(c.id(), c.provision(), false, c.proposer(), c.subject(), c.opened(), c.consultation(),
                Set.copyOf(sup), c.supportBy(), c.convenedAt(), c.votingBy(), c.attending(), c.votes(), c.excluded(), c.status(), c.noResponse(),
                c.outcome()), rule, now);
        return new Accepted(s.with(next, now), c.id(), me + " supports proposal " + c.id() + " (" + sup.size() + " supporters)"
                + (next.status() == Status.CONVENED ? "; the Conference is convened" : ""));
    }

    private static Result notifyAttack(ExerciseState s, String me, Action.NotifyAttack r, Instant now) {
        if (s.rules().extraordinary().isEmpty()) {
            return new Refused(409, "kind", s.rules().instrument() + " has no extraordinary conference");
        }
        if (!s.isParty(r.victim())) {
            return new Refused(422, "victim", "'" + r.victim() + "' is not a party in this exercise");
        }
        if (r.attacker() == null || r.attacker().isBlank() || r.attacker().equals(r.victim())) {
            return new Refused(422, "attacker", "name the attacking state, other than the victim");
        }
        ProcedureRules.Extraordinary rule = s.rules().extraordinary().get();
        Optional<String> excluded = "not-counted".equals(rule.attackerVote()) && s.isParty(r.attacker()) ? Optional.of(r.attacker()) : Optional.empty();
        int id = s.nextId();
        Conference c = new Conference(id, rule.provision(), true, me, (r.threatOnly() ? "threat of armed attack" : "armed attack") + " by " + r.attacker()
                + " against " + r.victim(), now, Optional.empty(), Set.of(me), now, Optional.of(now), Optional.of(after(now, rule.votingWindow().period())),
                Set.of(), Map.of(), excluded, Status.CONVENED, List.of(), Optional.empty());
        return new Accepted(s.with(c, now), id, me + " notifies " + c.subject() + "; the depositary convenes the Extraordinary Conference at once ("
                + rule.provision() + "); quorum " + rule.quorum().map(Quorum::text).orElse("none stated") + ", decision by " + rule.decision()
                + excluded.map(x -> "; " + x + "'s vote is not counted").orElse(""));
    }

    private static Result attend(ExerciseState s, String me, Action.Attend r, Instant now) {
        Optional<Procedure> p = s.procedure(r.procedure());
        if (p.isEmpty() || !(p.get() instanceof Conference c)) {
            return new Refused(404, "procedure", "no conference " + r.procedure());
        }
        if (c.status() != Status.CONVENED) {
            return new Refused(409, "procedure", "conference " + c.id() + " is not sitting: " + c.status().id());
        }
        if (c.votingBy().map(now::isAfter).orElse(false)) {
            return new Refused(409, "procedure", "the conference closed at " + c.votingBy().get());
        }
        if (c.attending().contains(me)) {
            return new Refused(409, "procedure", me + " already attends conference " + c.id());
        }
        Set<String> att = new TreeSet<>(c.attending());
        att.add(me);
        Conference next = new Conference(c.id(), c.provision(), c.extraordinary(), c.proposer(), c.subject(), c.opened(), c.consultation(),
                c.supporters(), c.supportBy(), c.convenedAt(), c.votingBy(), Set.copyOf(att), c.votes(), c.excluded(), c.status(), c.noResponse(), c.outcome());
        return new Accepted(s.with(next, now), c.id(), me + " attends conference " + c.id() + " (" + att.size() + " present)");
    }

    private static Result vote(ExerciseState s, String me, Action.Vote r, Instant now) {
        Optional<Procedure> p = s.procedure(r.procedure());
        if (p.isEmpty() || !(p.get() instanceof Conference c)) {
            return new Refused(404, "procedure", "no conference " + r.procedure());
        }
        if (r.ballot() == null) {
            return new Refused(422, "ballot", "vote yes, no or abstain");
        }
        if (c.status() != Status.CONVENED) {
            return new Refused(409, "procedure", "conference " + c.id() + " is not voting: " + c.status().id());
        }
        if (c.votingBy().map(now::isAfter).orElse(false)) {
            return new Refused(409, "procedure", "voting closed at " + c.votingBy().get());
        }
        if (c.excluded().map(me::equals).orElse(false)) {
            return new Refused(409, "procedure", c.provision() + ": the vote of " + me + ", the state named as attacker, is not counted");
        }
        if (c.votes().containsKey(me)) {
            return new Refused(409, "procedure", me + " has already voted in conference " + c.id());
        }
        Map<String, Ballot> votes = new TreeMap<>(c.votes());
        votes.put(me, r.ballot());
        Set<String> att = new TreeSet<>(c.attending());
        att.add(me);
        Conference next = new Conference(c.id(), c.provision(), c.extraordinary(), c.proposer(), c.subject(), c.opened(), c.consultation(),
                c.supporters(), c.supportBy(), c.convenedAt(), c.votingBy(), Set.copyOf(att), java.util.Collections.unmodifiableMap(votes), c.excluded(),
                c.status(), c.noResponse(), c.outcome());
        // Everyone whose vote counts has voted: decide now rather than at the deadline.
        long counted = s.rules().parties().stream().filter(x -> !c.excluded().map(x::equals).orElse(false)).count();
        if (votes.size() == counted) {
            next = tally(s, next);
        }
        return new Accepted(s.with(next, now), c.id(), me + " votes in conference " + c.id()
                + (next.status() != Status.CONVENED ? "; all votes are in: " + next.outcome().orElse("") : ""));
    }

    /** Closes a conference's vote: quorum on attendance, then the decision rule; silent attendees are "no response". */
    private static Conference tally(ExerciseState s, Conference c) {
        Optional<Quorum> quorum;
        String rule;
        if (c.extraordinary()) {
            quorum = s.rules().extraordinary().flatMap(ProcedureRules.Extraordinary::quorum);
            rule = s.rules().extraordinary().map(ProcedureRules.Extraordinary::decision).orElse("unanimity");
        } else {
            quorum = s.rules().conference().flatMap(ProcedureRules.Conference::quorum);
            rule = s.rules().conference().map(ProcedureRules.Conference::decision).orElse("consensus");
        }
        Set<String> present = new TreeSet<>(c.attending());
        present.addAll(c.votes().keySet());
        List<String> silent = present.stream().filter(x -> !c.votes().containsKey(x) && !c.excluded().map(x::equals).orElse(false)).toList();
        long yes = c.votes().values().stream().filter(b -> b == Ballot.YES).count();
        long no = c.votes().values().stream().filter(b -> b == Ballot.NO).count();
        long abstain = c.votes().values().stream().filter(b -> b == Ballot.ABSTAIN).count();
        String counts = yes + " yes, " + no + " no, " + abstain + " abstaining, " + silent.size() + " present without response; " + present.size()
                + " present" + quorum.map(q -> ", quorum " + q.text()).orElse("");
        Status status;
        if (quorum.isPresent() && !quorum.get().met(present.size())) {
            status = Status.NO_QUORUM;
        } else if ("unanimity".equals(rule)) {
            status = no == 0 && abstain == 0 && silent.isEmpty() && yes > 0 ? Status.ADOPTED : Status.NOT_ADOPTED;
        } else {
            status = no == 0 && yes > 0 ? Status.ADOPTED : Status.NOT_ADOPTED;
        }
        String outcome = status.id() + " by " + rule + " (" + counts + ")";
        return new Conference(c.id(), c.provision(), c.extraordinary(), c.proposer(), c.subject(), c.opened(), c.consultation(), c.supporters(),
                c.supportBy(), c.convenedAt(), c.votingBy(), c.attending(), c.votes(), c.excluded(), status, List.copyOf(silent), Optional.of(outcome));
    }

    // ------------------------------------------------------------------ confidence- and security-building measures

    private static Result notifyActivity(ExerciseState s, String me, Action.NotifyActivity r, Instant now) {
        if (s.rules().notification().isEmpty()) {
            return new Refused(409, "kind", "no prior-notification provision with thresholds is in force on " + s.rules().day());
        }
        if (r.start() == null) {
            return new Refused(422, "start", "give the activity's first day");
        }
        java.time.LocalDate today = LocalDateTime.ofInstant(now, ZoneOffset.UTC).toLocalDate();
        if (r.start().isBefore(today)) {
            return new Refused(422, "start", "the activity starts on " + r.start() + ", before today (" + today + ") on the exercise clock");
        }
        for (int v : new int[] {r.troops(), r.battleTanks(), r.acv(), r.artillery()}) {
            if (v < 0 || v > 5_000_000) {
                return new Refused(422, "troops", "force numbers must lie between 0 and 5,000,000");
            }
        }
        ProcedureRules.Notification rule = s.rules().notification().get();
        Map<String, Integer> forces = new LinkedHashMap<>();
        forces.put("troops", r.troops());
        forces.put("battle_tanks", r.battleTanks());
        forces.put("acv", r.acv());
        forces.put("artillery", r.artillery());
        List<String> notifiable = ProcedureRules.reached(rule.thresholds(), forces);
        List<String> observable = s.rules().observation().map(o -> ProcedureRules.reached(o.thresholds(), forces)).orElse(List.of());
        java.time.LocalDate due = Deadlines.before(r.start(), Period.ofDays(rule.noticeDays()));
        Status status = notifiable.isEmpty() ? Status.VOLUNTARY : today.isAfter(due) ? Status.LATE : Status.NOTIFIED;
        int id = s.nextId();
        Procedure.ActivityNotification p = new Procedure.ActivityNotification(id, rule.provision(), me, r.name(), r.start(), forces, now, due,
                notifiable, observable, observable.isEmpty() ? Optional.empty() : s.rules().observation().map(ProcedureRules.Observation::provision),
                Set.of(), status, !observable.isEmpty());
        String what = me + " notifies '" + r.name() + "' starting " + r.start() + ": ";
        String verdict = notifiable.isEmpty() ? "below every notification threshold (a voluntary notification)"
                : status == Status.LATE ? "LATE: notice was due by " + due + " (" + rule.noticeDays() + " days before the start, " + rule.provision() + ")"
                : "on time (due by " + due + ", " + rule.provision() + ")";
        return new Accepted(s.with(p, now), id, what + verdict + (observable.isEmpty() ? "" : "; observers are invited (" + p.observationProvision().orElse("")
                + "): every party may accept until the start"));
    }

    private static Result acceptObservation(ExerciseState s, String me, Action.AcceptObservation r, Instant now) {
        Optional<Procedure> p = s.procedure(r.procedure());
        if (p.isEmpty() || !(p.get() instanceof Procedure.ActivityNotification n)) {
            return new Refused(404, "procedure", "no notified activity " + r.procedure());
        }
        if (!n.observationOpen()) {
            return new Refused(409, "procedure", n.observable().isEmpty() ? "activity " + n.id() + " is below the observation thresholds: no observers are invited"
                    : "the invitation to observe activity " + n.id() + " closed at its start");
        }
        if (n.by().equals(me)) {
            return new Refused(422, "procedure", me + " holds the activity and does not observe it");
        }
        if (n.observers().contains(me)) {
            return new Refused(409, "procedure", me + " already accepted the invitation to activity " + n.id());
        }
        Set<String> obs = new TreeSet<>(n.observers());
        obs.add(me);
        Procedure.ActivityNotification next = new Procedure.ActivityNotification(n.id(), n.provision(), n.by(), n.name(), n.start(), n.forces(), n.opened(),
                n.noticeDue(), n.notifiable(), n.observable(), n.observationProvision(), Set.copyOf(obs), n.status(), true);
        return new Accepted(s.with(next, now), n.id(), me + " will observe activity " + n.id() + " (" + obs.size() + " observers)");
    }

    private static Result annual(ExerciseState s, Optional<String> me, Action.SubmitAnnualInformation r, Instant now) {
        if (s.rules().annualExchange().isEmpty()) {
            return new Refused(409, "kind", "no annual exchange of military information is in force on " + s.rules().day());
        }
        ProcedureRules.AnnualExchange rule = s.rules().annualExchange().get();
        int year = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        if (r.year() != year && r.year() != year + 1) {
            return new Refused(422, "year", "the exchange open now is that of " + year + " (information valid from 1 January " + (year + 1) + ")");
        }
        Instant dueBy = rule.due().atYear(r.year()).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        Procedure.AnnualExchange x = s.procedures().values().stream().filter(q -> q instanceof Procedure.AnnualExchange a && a.year() == r.year())
                .map(q -> (Procedure.AnnualExchange) q).findFirst().orElse(null);
        if (x == null) {
            x = new Procedure.AnnualExchange(s.nextId(), rule.provision(), r.year(), now, dueBy, Map.of(), Status.OPEN, List.of());
        }
        if (x.status() != Status.OPEN || now.isAfter(x.dueBy())) {
            return new Refused(409, "year", "the " + r.year() + " exchange was due by " + x.dueBy() + "; it is closed");
        }
        if (me.isEmpty()) {
            if (s.procedure(x.id()).isPresent()) {
                return new Refused(409, "year", "the " + r.year() + " exchange is already open (procedure " + x.id() + ")");
            }
            return new Accepted(s.with(x, now), x.id(), "the depositary opens the " + r.year() + " annual exchange (" + rule.provision() + "), due by " + dueBy);
        }
        if (x.submitted().containsKey(me.get())) {
            return new Refused(409, "year", me.get() + " has already submitted its " + r.year() + " information");
        }
        Map<String, Instant> sub = new TreeMap<>(x.submitted());
        sub.put(me.get(), now);
        Procedure.AnnualExchange next = new Procedure.AnnualExchange(x.id(), x.provision(), x.year(), x.opened(), x.dueBy(),
                java.util.Collections.unmodifiableMap(sub), Status.OPEN, List.of());
        return new Accepted(s.with(next, now), x.id(), me.get() + " submits its annual military information for " + r.year() + " ("
                + sub.size() + " of " + s.rules().parties().size() + " parties)");
    }

    // ------------------------------------------------------------------ the clock

    /** The deadlines that have passed by {@code now} and are not yet recorded, earliest first. */
    public static List<Action.DeadlinePassed> due(ExerciseState s, Instant now) {
        List<Action.DeadlinePassed> out = new ArrayList<>();
        for (ExerciseState.Due d : s.pending()) {
            if (d.at().isAfter(now)) {
                break;
            }
            out.add(new Action.DeadlinePassed(d.procedure(), d.at().toString()));
        }
        return out;
    }

    private static Result deadline(ExerciseState s, Action.DeadlinePassed d, Instant now) {
        Optional<Procedure> p = s.procedure(d.procedure());
        if (p.isEmpty()) {
            return new Refused(404, "procedure", "no procedure " + d.procedure());
        }
        Procedure q = p.get();
        if (q.deadline().isEmpty() || q.deadline().get().isAfter(now) || !q.deadline().get().toString().equals(d.deadline())) {
            return new Refused(409, "procedure", "procedure " + q.id() + " has no deadline " + d.deadline() + " passed by " + now);
        }
        Procedure next;
        String summary;
        if (q instanceof InformationRequest r) {
            next = new InformationRequest(r.id(), r.provision(), r.from(), r.to(), r.subject(), r.opened(), r.replyBy(), Status.NO_RESPONSE,
                    Optional.empty(), Optional.empty());
            summary = r.to() + " did not reply to request " + r.id() + " by " + r.replyBy() + ": no response";
        } else if (q instanceof Consultations c) {
            next = new Consultations(c.id(), c.provision(), c.requester(), c.participants(), c.subject(), c.opened(), c.holdBy(), c.meetingAt(),
                    Status.NO_RESPONSE);
            summary = "consultations " + c.id() + " were not scheduled by " + c.holdBy() + ": no response";
        } else if (q instanceof Procedure.ActivityNotification n) {
            next = new Procedure.ActivityNotification(n.id(), n.provision(), n.by(), n.name(), n.start(), n.forces(), n.opened(), n.noticeDue(),
                    n.notifiable(), n.observable(), n.observationProvision(), n.observers(), n.status(), false);
            summary = "activity " + n.id() + " starts: " + n.observers().size() + " part" + (n.observers().size() == 1 ? "y observes" : "ies observe");
        } else if (q instanceof Procedure.AnnualExchange x) {
            List<String> missing = s.rules().parties().stream().filter(p2 -> !x.submitted().containsKey(p2)).toList();
            next = new Procedure.AnnualExchange(x.id(), x.provision(), x.year(), x.opened(), x.dueBy(), x.submitted(), Status.CLOSED, missing);
            summary = "the " + x.year() + " annual exchange is due: " + x.submitted().size() + " submitted, " + missing.size() + " no response";
        } else {
            Conference c = (Conference) q;
            if (c.status() == Status.GATHERING_SUPPORT) {
                next = new Conference(c.id(), c.provision(), false, c.proposer(), c.subject(), c.opened(), c.consultation(), c.supporters(), c.supportBy(),
                        c.convenedAt(), c.votingBy(), c.attending(), c.votes(), c.excluded(), Status.LAPSED, c.noResponse(),
                        Optional.of("lapsed with " + c.supporters().size() + " supporters"));
                summary = "proposal " + c.id() + " lapsed: " + c.supporters().size() + " supporters by " + c.supportBy();
            } else {
                next = tally(s, c);
                summary = "voting in conference " + c.id() + " closed: " + ((Conference) next).outcome().orElse("");
            }
        }
        return new Accepted(s.with(next, now), q.id(), summary);
    }

    // ------------------------------------------------------------------ what each actor sees

    /**
     * The procedures as {@code actor} may see them. A delegation sees what concerns it (requests it
     * made or received, consultations it takes part in, every conference) and, in conferences, its own
     * vote and the counts; the depositary and an observer see everything, the observer read-only.
     * Information requests reach every party when the text makes the depositary pass them on.
     */
    public static List<Map<String, Object>> view(ExerciseState s, Actor actor, Instant now) {
        List<Map<String, Object>> out = new ArrayList<>();
        Optional<String> me = actor instanceof Actor.Delegation d ? Optional.of(d.state()) : Optional.empty();
        boolean passedOn = s.rules().information().map(ProcedureRules.Information::passedToAll).orElse(false);
        for (Procedure p : s.procedures().values()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", p.id());
            m.put("kind", p.kind());
            m.put("provision", p.provision());
            m.put("status", p.status().id());
            m.put("opened", p.opened().toString());
            p.deadline().ifPresent(x -> m.put("deadline", x.toString()));
            if (p instanceof InformationRequest r) {
                if (me.isPresent() && !me.get().equals(r.from()) && !me.get().equals(r.to()) && !passedOn) {
                    continue;
                }
                m.put("from", r.from());
                m.put("to", r.to());
                m.put("subject", r.subject());
                m.put("reply_by", r.replyBy().toString());
                r.reply().ifPresent(x -> m.put("reply", x));
                r.repliedAt().ifPresent(x -> m.put("replied_at", x.toString()));
            } else if (p instanceof Consultations c) {
                if (me.isPresent() && !c.participants().contains(me.get())
                        && !s.rules().consultation().map(ProcedureRules.Consultation::othersMayJoin).orElse(false)) {
                    continue;
                }
                m.put("requester", c.requester());
                m.put("participants", c.participants());
                m.put("subject", c.subject());
                m.put("hold_by", c.holdBy().toString());
                c.meetingAt().ifPresent(x -> m.put("meeting_at", x.toString()));
            } else if (p instanceof Procedure.ActivityNotification n) {
                m.put("by", n.by());
                m.put("name", n.name());
                m.put("start", n.start().toString());
                m.put("forces", n.forces());
                m.put("notice_due", n.noticeDue().toString());
                m.put("thresholds_reached", n.notifiable());
                m.put("observation_thresholds_reached", n.observable());
                n.observationProvision().ifPresent(x -> m.put("observation_provision", x));
                m.put("observers", n.observers());
            } else if (p instanceof Procedure.AnnualExchange x) {
                m.put("year", x.year());
                m.put("due_by", x.dueBy().toString());
                if (me.isPresent()) {
                    m.put("submitted_by_me", x.submitted().containsKey(me.get()));
                    m.put("submitted", x.submitted().size());
                } else {
                    m.put("submitted", x.submitted().keySet());
                }
                if (x.status().closed()) {
                    m.put("no_response", x.noResponse());
                }
            } else {
                Conference c = (Conference) p;
                m.put("proposer", c.proposer());
                m.put("subject", c.subject());
                c.consultation().ifPresent(x -> m.put("consultation", x));
                m.put("supporters", c.supporters());
                m.put("support_by", c.supportBy().toString());
                c.convenedAt().ifPresent(x -> m.put("convened_at", x.toString()));
                c.votingBy().ifPresent(x -> m.put("voting_by", x.toString()));
                m.put("attending", c.attending());
                c.excluded().ifPresent(x -> m.put("vote_not_counted", x));
                m.put("votes_cast", c.votes().size());
                if (me.isPresent()) {
                    Ballot mine = c.votes().get(me.get());
                    m.put("my_vote", mine == null ? null : mine.id());
                } else {
                    Map<String, String> all = new TreeMap<>();
                    c.votes().forEach((k, v) -> all.put(k, v.id()));
                    m.put("votes", all);
                }
                if (c.status().closed()) {
                    m.put("no_response", c.noResponse());
                    c.outcome().ifPresent(x -> m.put("outcome", x));
                }
            }
            out.add(m);
        }
        return out;
    }
}
