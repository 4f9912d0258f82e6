package org.eurosec.mechanism;

import static org.eurosec.mechanism.RefusalReason.CONFLICT;
import static org.eurosec.mechanism.RefusalReason.FORBIDDEN;
import static org.eurosec.mechanism.RefusalReason.INVALID_VALUE;
import static org.eurosec.mechanism.RefusalReason.NO_SUCH_MECHANISM;
import static org.eurosec.mechanism.RefusalReason.UNKNOWN_PROCEDURE;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.engine.Quorum;
import org.eurosec.mechanism.Action.Ballot;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.eurosec.mechanism.Mechanism.Refused;
import org.eurosec.mechanism.Mechanism.Result;
import org.eurosec.mechanism.Procedure.Conference;
import org.eurosec.mechanism.Procedure.Consultations;
import org.eurosec.mechanism.Procedure.Status;

/**
 * The Conference of the Parties: proposed by a party (one that consulted, where the text says
 * so), convened once it has the support it needs, then attended and voted on. Attending, voting
 * and the tally serve the Extraordinary Conference too ({@link ExtraordinaryConferences} convenes it).
 */
final class Conferences {

    private Conferences() {
    }

    static Result propose(ExerciseState s, String me, Action.ProposeConference r, Instant now) {
        if (s.rules().conference().isEmpty()) {
            return new Refused(NO_SUCH_MECHANISM, "kind", s.rules().instrument() + " has no conference a party may propose");
        }
        ProcedureRules.Conference rule = s.rules().conference().get();
        Optional<Integer> consultation = Optional.empty();
        if (rule.proposerMustHaveConsulted()) {
            Optional<Consultations> p = Mechanism.procedure(s, r.consultation(), Consultations.class);
            if (p.isEmpty()) {
                return new Refused(INVALID_VALUE, "consultation", rule.provision() + ": only a party that took part in consultations may propose;"
                        + " name the consultations (no consultations " + r.consultation() + ")");
            }
            Consultations c = p.get();
            if (!c.participants().contains(me)) {
                return new Refused(FORBIDDEN, "consultation", me + " did not take part in consultations " + c.id() + " and may not propose the conference");
            }
            consultation = Optional.of(c.id());
        }
        int id = s.nextId();
        Conference c = new Conference(id, rule.provision(), false, me, r.subject(), now, consultation, Set.of(me),
                Mechanism.after(now, rule.supportWindow().period()), Optional.empty(), Optional.empty(), Set.of(), Map.of(), Optional.empty(),
                Status.GATHERING_SUPPORT, List.of(), Optional.empty());
        Conference next = convenedIfSupported(c, rule, now);
        return new Accepted(s.with(next, now), id, me + " proposes to convene the Conference (" + rule.provision() + "); "
                + (next.status() == Status.CONVENED ? "convened at once" : "support needed: " + rule.support().map(Quorum::text).orElse("none") + " by " + c.supportBy()));
    }

    private static Conference convenedIfSupported(Conference c, ProcedureRules.Conference rule, Instant now) {
        boolean enough = rule.support().map(q -> q.met(c.supporters().size())).orElse(true);
        return enough ? c.withConvened(now, Mechanism.after(now, rule.votingWindow().period())) : c;
    }

    static Result support(ExerciseState s, String me, Action.SupportConference r, Instant now) {
        Optional<Conference> p = Mechanism.procedure(s, r.procedure(), Conference.class).filter(c -> !c.extraordinary());
        if (p.isEmpty()) {
            return new Refused(UNKNOWN_PROCEDURE, "procedure", "no conference proposal " + r.procedure());
        }
        Conference c = p.get();
        if (c.status() != Status.GATHERING_SUPPORT) {
            return new Refused(CONFLICT, "procedure", "proposal " + c.id() + " is no longer gathering support: " + c.status().id());
        }
        if (now.isAfter(c.supportBy())) {
            return new Refused(CONFLICT, "procedure", "support was due by " + c.supportBy());
        }
        if (c.supporters().contains(me)) {
            return new Refused(CONFLICT, "procedure", me + " already supports proposal " + c.id());
        }
        Set<String> sup = new TreeSet<>(c.supporters());
        sup.add(me);
        ProcedureRules.Conference rule = s.rules().conference().orElseThrow();
        Conference next = convenedIfSupported(c.withSupporters(Set.copyOf(sup)), rule, now);
        return new Accepted(s.with(next, now), c.id(), me + " supports proposal " + c.id() + " (" + sup.size() + " supporters)"
                + (next.status() == Status.CONVENED ? "; the Conference is convened" : ""));
    }

    static Result attend(ExerciseState s, String me, Action.Attend r, Instant now) {
        Optional<Conference> p = Mechanism.procedure(s, r.procedure(), Conference.class);
        if (p.isEmpty()) {
            return new Refused(UNKNOWN_PROCEDURE, "procedure", "no conference " + r.procedure());
        }
        Conference c = p.get();
        if (c.status() != Status.CONVENED) {
            return new Refused(CONFLICT, "procedure", "conference " + c.id() + " is not sitting: " + c.status().id());
        }
        if (c.votingBy().map(now::isAfter).orElse(false)) {
            return new Refused(CONFLICT, "procedure", "the conference closed at " + c.votingBy().get());
        }
        if (c.attending().contains(me)) {
            return new Refused(CONFLICT, "procedure", me + " already attends conference " + c.id());
        }
        Set<String> att = new TreeSet<>(c.attending());
        att.add(me);
        return new Accepted(s.with(c.withAttending(Set.copyOf(att)), now), c.id(), me + " attends conference " + c.id() + " (" + att.size() + " present)");
    }

    static Result vote(ExerciseState s, String me, Action.Vote r, Instant now) {
        Optional<Conference> p = Mechanism.procedure(s, r.procedure(), Conference.class);
        if (p.isEmpty()) {
            return new Refused(UNKNOWN_PROCEDURE, "procedure", "no conference " + r.procedure());
        }
        Conference c = p.get();
        if (r.ballot() == null) {
            return new Refused(INVALID_VALUE, "ballot", "vote yes, no or abstain");
        }
        if (c.status() != Status.CONVENED) {
            return new Refused(CONFLICT, "procedure", "conference " + c.id() + " is not voting: " + c.status().id());
        }
        if (c.votingBy().map(now::isAfter).orElse(false)) {
            return new Refused(CONFLICT, "procedure", "voting closed at " + c.votingBy().get());
        }
        if (c.excluded().map(me::equals).orElse(false)) {
            return new Refused(CONFLICT, "procedure", c.provision() + ": the vote of " + me + ", the state named as attacker, is not counted");
        }
        if (c.votes().containsKey(me)) {
            return new Refused(CONFLICT, "procedure", me + " has already voted in conference " + c.id());
        }
        Map<String, Ballot> votes = new TreeMap<>(c.votes());
        votes.put(me, r.ballot());
        Set<String> att = new TreeSet<>(c.attending());
        att.add(me);
        Conference next = c.withAttending(Set.copyOf(att)).withVotes(java.util.Collections.unmodifiableMap(votes));
        // Everyone whose vote counts has voted: decide now rather than at the deadline.
        long counted = s.rules().parties().stream().filter(x -> !c.excluded().map(x::equals).orElse(false)).count();
        if (votes.size() == counted) {
            next = tally(s, next);
        }
        return new Accepted(s.with(next, now), c.id(), me + " votes in conference " + c.id()
                + (next.status() != Status.CONVENED ? "; all votes are in: " + next.outcome().orElse("") : ""));
    }

    /** The support window closed without enough support, or the voting window closed. */
    static Accepted expire(ExerciseState s, Conference c, Instant now) {
        if (c.status() == Status.GATHERING_SUPPORT) {
            Conference next = c.withStatus(Status.LAPSED).withOutcome("lapsed with " + c.supporters().size() + " supporters");
            return new Accepted(s.with(next, now), c.id(), "proposal " + c.id() + " lapsed: " + c.supporters().size() + " supporters by " + c.supportBy());
        }
        Conference next = tally(s, c);
        return new Accepted(s.with(next, now), c.id(), "voting in conference " + c.id() + " closed: " + next.outcome().orElse(""));
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
        return c.withStatus(status).withNoResponse(List.copyOf(silent)).withOutcome(outcome);
    }
}
