package org.eurosec.mechanism;

import static org.eurosec.mechanism.RefusalReason.CONFLICT;
import static org.eurosec.mechanism.RefusalReason.FORBIDDEN;
import static org.eurosec.mechanism.RefusalReason.INVALID_VALUE;
import static org.eurosec.mechanism.RefusalReason.NO_SUCH_MECHANISM;
import static org.eurosec.mechanism.RefusalReason.UNKNOWN_PROCEDURE;

import java.time.Instant;
import java.util.Optional;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.eurosec.mechanism.Mechanism.Refused;
import org.eurosec.mechanism.Mechanism.Result;
import org.eurosec.mechanism.Procedure.InformationRequest;
import org.eurosec.mechanism.Procedure.Status;

/** A party asks another for information and the party asked replies by the deadline, or is recorded as not responding. */
final class InformationRequests {

    private InformationRequests() {
    }

    static Result request(ExerciseState s, String me, Action.RequestInformation r, Instant now) {
        if (s.rules().information().isEmpty()) {
            return new Refused(NO_SUCH_MECHANISM, "kind", s.rules().instrument() + " has no information-request mechanism");
        }
        if (!s.isParty(r.to())) {
            return new Refused(INVALID_VALUE, "to", "'" + r.to() + "' is not a party in this exercise");
        }
        if (r.to().equals(me)) {
            return new Refused(INVALID_VALUE, "to", "a party does not ask itself for information");
        }
        ProcedureRules.Information rule = s.rules().information().get();
        int id = s.nextId();
        Instant by = Mechanism.after(now, rule.replyWithin().period());
        InformationRequest p = new InformationRequest(id, rule.provision(), me, s.party(r.to()), r.subject(), now, by, Status.OPEN, Optional.empty(),
                Optional.empty());
        return new Accepted(s.with(p, now), id, me + " asks " + r.to() + " for information under " + rule.provision() + "; reply due by " + by);
    }

    static Result reply(ExerciseState s, String me, Action.Reply r, Instant now) {
        Optional<InformationRequest> p = Mechanism.procedure(s, r.procedure(), InformationRequest.class);
        if (p.isEmpty()) {
            return new Refused(UNKNOWN_PROCEDURE, "procedure", "no information request " + r.procedure());
        }
        InformationRequest q = p.get();
        if (!q.to().equals(me)) {
            return new Refused(FORBIDDEN, "procedure", "only " + q.to() + ", the party asked, may reply to request " + q.id());
        }
        if (q.status() != Status.OPEN) {
            return new Refused(CONFLICT, "procedure", "request " + q.id() + " is closed: " + q.status().id());
        }
        if (now.isAfter(q.replyBy())) {
            return new Refused(CONFLICT, "procedure", "the reply was due by " + q.replyBy() + "; it is recorded as no response");
        }
        return new Accepted(s.with(q.withReply(r.text(), now), now), q.id(), me + " replies to " + q.from() + " (request " + q.id() + ")");
    }

    /** The reply deadline passed without a reply. */
    static Accepted expire(ExerciseState s, InformationRequest r, Instant now) {
        return new Accepted(s.with(r.withStatus(Status.NO_RESPONSE), now), r.id(),
                r.to() + " did not reply to request " + r.id() + " by " + r.replyBy() + ": no response");
    }
}
