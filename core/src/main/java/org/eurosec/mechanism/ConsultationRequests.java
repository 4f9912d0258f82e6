package org.eurosec.mechanism;

import static org.eurosec.mechanism.RefusalReason.CONFLICT;
import static org.eurosec.mechanism.RefusalReason.FORBIDDEN;
import static org.eurosec.mechanism.RefusalReason.INVALID_VALUE;
import static org.eurosec.mechanism.RefusalReason.NO_SUCH_MECHANISM;
import static org.eurosec.mechanism.RefusalReason.UNKNOWN_PROCEDURE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.eurosec.mechanism.Mechanism.Refused;
import org.eurosec.mechanism.Mechanism.Result;
import org.eurosec.mechanism.Procedure.Consultations;
import org.eurosec.mechanism.Procedure.Status;

/** Consultations on request: requested with named parties, scheduled within the deadline, joined where the text lets others join. */
final class ConsultationRequests {

    private ConsultationRequests() {
    }

    static Result request(ExerciseState s, String me, Action.RequestConsultations r, Instant now) {
        if (s.rules().consultation().isEmpty()) {
            return new Refused(NO_SUCH_MECHANISM, "kind", s.rules().instrument() + " has no consultation mechanism on request");
        }
        if (r.with().isEmpty()) {
            return new Refused(INVALID_VALUE, "with", "name at least one other party");
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String w : r.with()) {
            if (!s.isParty(w)) {
                return new Refused(INVALID_VALUE, "with", "'" + w + "' is not a party in this exercise");
            }
            if (w.equals(me) || !seen.add(w)) {
                return new Refused(INVALID_VALUE, "with", "'" + w + "' is named twice or is the requester");
            }
        }
        ProcedureRules.Consultation rule = s.rules().consultation().get();
        List<String> participants = new ArrayList<>();
        participants.add(me);
        participants.addAll(seen);
        int id = s.nextId();
        Instant by = Mechanism.after(now, rule.holdWithin().period());
        Consultations c = new Consultations(id, rule.provision(), me, List.copyOf(participants), r.subject(), now, by, Optional.empty(), Status.OPEN);
        return new Accepted(s.with(c, now), id, me + " requests consultations with " + String.join(", ", seen) + " under " + rule.provision()
                + "; to be held by " + by);
    }

    /** The requester or the depositary fixes the meeting. */
    static Result schedule(ExerciseState s, Actor actor, Action.ScheduleConsultations r, Instant now) {
        Optional<Consultations> p = Mechanism.procedure(s, r.procedure(), Consultations.class);
        if (p.isEmpty()) {
            return new Refused(UNKNOWN_PROCEDURE, "procedure", "no consultations " + r.procedure());
        }
        Consultations c = p.get();
        boolean requester = actor instanceof Actor.Delegation d && d.state().equals(c.requester());
        if (!requester && !(actor instanceof Actor.Depositary)) {
            return new Refused(FORBIDDEN, "procedure", "only " + c.requester() + ", who requested them, or the depositary schedules consultations " + c.id());
        }
        if (c.status() != Status.OPEN && c.status() != Status.SCHEDULED) {
            return new Refused(CONFLICT, "procedure", "consultations " + c.id() + " are closed: " + c.status().id());
        }
        if (r.at() == null || r.at().isBefore(now) || r.at().isAfter(c.holdBy())) {
            return new Refused(INVALID_VALUE, "at", "the meeting must fall between now (" + now + ") and the deadline " + c.holdBy());
        }
        return new Accepted(s.with(c.withMeeting(r.at()), now), c.id(), actor.id() + " schedules consultations " + c.id() + " for " + r.at());
    }

    static Result join(ExerciseState s, String me, Action.JoinConsultations r, Instant now) {
        Optional<Consultations> p = Mechanism.procedure(s, r.procedure(), Consultations.class);
        if (p.isEmpty()) {
            return new Refused(UNKNOWN_PROCEDURE, "procedure", "no consultations " + r.procedure());
        }
        Consultations c = p.get();
        if (!s.rules().consultation().map(ProcedureRules.Consultation::othersMayJoin).orElse(false)) {
            return new Refused(NO_SUCH_MECHANISM, "procedure", c.provision() + " does not let other parties join consultations");
        }
        if (c.participants().contains(me)) {
            return new Refused(CONFLICT, "procedure", me + " already takes part in consultations " + c.id());
        }
        if (c.status().closed()) {
            return new Refused(CONFLICT, "procedure", "consultations " + c.id() + " are closed: " + c.status().id());
        }
        List<String> parts = new ArrayList<>(c.participants());
        parts.add(me);
        return new Accepted(s.with(c.withParticipants(List.copyOf(parts)), now), c.id(), me + " joins consultations " + c.id());
    }

    /** The deadline to hold them passed before they were scheduled. */
    static Accepted expire(ExerciseState s, Consultations c, Instant now) {
        return new Accepted(s.with(c.withStatus(Status.NO_RESPONSE), now), c.id(),
                "consultations " + c.id() + " were not scheduled by " + c.holdBy() + ": no response");
    }
}
