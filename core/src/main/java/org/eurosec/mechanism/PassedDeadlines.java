package org.eurosec.mechanism;

import static org.eurosec.mechanism.RefusalReason.CONFLICT;
import static org.eurosec.mechanism.RefusalReason.UNKNOWN_PROCEDURE;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.eurosec.mechanism.Mechanism.Refused;
import org.eurosec.mechanism.Mechanism.Result;

/**
 * The clock: which deadlines have passed, and what each procedure kind becomes when its deadline
 * passes (one handler per kind, in a table that checks itself when it is built).
 */
final class PassedDeadlines {

    private PassedDeadlines() {
    }

    /** What a procedure of one kind becomes when its deadline passes. */
    @FunctionalInterface
    interface Expiry<P extends Procedure> {
        Accepted expire(ExerciseState s, P procedure, Instant now);
    }

    record Handler<P extends Procedure>(Class<P> type, Expiry<P> expiry) {
        Accepted expire(ExerciseState s, Procedure p, Instant now) {
            return expiry.expire(s, type.cast(p), now);
        }
    }

    /** One handler per kind of procedure. */
    static final Map<Class<? extends Procedure>, Handler<?>> EXPIRIES = SealedKinds.table(Procedure.class, "the clock's table of deadlines",
            Handler::type,
            new Handler<>(Procedure.InformationRequest.class, InformationRequests::expire),
            new Handler<>(Procedure.Consultations.class, ConsultationRequests::expire),
            new Handler<>(Procedure.Conference.class, Conferences::expire),
            new Handler<>(Procedure.ActivityNotification.class, ActivityNotifications::expire),
            new Handler<>(Procedure.AnnualExchange.class, AnnualExchanges::expire));

    /** The deadlines that have passed by {@code now} and are not yet recorded, earliest first. */
    static List<Action.DeadlinePassed> due(ExerciseState s, Instant now) {
        List<Action.DeadlinePassed> out = new ArrayList<>();
        for (ExerciseState.Due d : s.pending()) {
            if (d.at().isAfter(now)) {
                break;
            }
            out.add(new Action.DeadlinePassed(d.procedure(), d.at().toString()));
        }
        return out;
    }

    /** Records that the deadline named passed: only a deadline the procedure has, and only once it has passed. */
    static Result record(ExerciseState s, Action.DeadlinePassed d, Instant now) {
        Optional<Procedure> p = s.procedure(d.procedure());
        if (p.isEmpty()) {
            return new Refused(UNKNOWN_PROCEDURE, "procedure", "no procedure " + d.procedure());
        }
        Procedure q = p.get();
        if (q.deadline().isEmpty() || q.deadline().get().isAfter(now) || !q.deadline().get().toString().equals(d.deadline())) {
            return new Refused(CONFLICT, "procedure", "procedure " + q.id() + " has no deadline " + d.deadline() + " passed by " + now);
        }
        return EXPIRIES.get(q.getClass()).expire(s, q, now);
    }
}
