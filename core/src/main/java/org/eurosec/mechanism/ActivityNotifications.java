package org.eurosec.mechanism;

import static org.eurosec.mechanism.RefusalReason.CONFLICT;
import static org.eurosec.mechanism.RefusalReason.INVALID_VALUE;
import static org.eurosec.mechanism.RefusalReason.NO_SUCH_MECHANISM;
import static org.eurosec.mechanism.RefusalReason.UNKNOWN_PROCEDURE;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.engine.Deadlines;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.eurosec.mechanism.Mechanism.Refused;
import org.eurosec.mechanism.Mechanism.Result;
import org.eurosec.mechanism.Procedure.ActivityNotification;
import org.eurosec.mechanism.Procedure.Status;

/**
 * Prior notification of military activities under the Vienna Document in force: checked against
 * the thresholds, late notice recorded (not refused), observers invited where the observation
 * thresholds are reached, acceptances open until the start.
 */
final class ActivityNotifications {

    private ActivityNotifications() {
    }

    static Result notifyActivity(ExerciseState s, String me, Action.NotifyActivity r, Instant now) {
        if (s.rules().notification().isEmpty()) {
            return new Refused(NO_SUCH_MECHANISM, "kind", "no prior-notification provision with thresholds is in force on " + s.rules().day());
        }
        if (r.start() == null) {
            return new Refused(INVALID_VALUE, "start", "give the activity's first day");
        }
        LocalDate today = LocalDateTime.ofInstant(now, ZoneOffset.UTC).toLocalDate();
        if (r.start().isBefore(today)) {
            return new Refused(INVALID_VALUE, "start", "the activity starts on " + r.start() + ", before today (" + today + ") on the exercise clock");
        }
        for (int v : new int[] {r.troops(), r.battleTanks(), r.acv(), r.artillery()}) {
            if (v < 0 || v > 5_000_000) {
                return new Refused(INVALID_VALUE, "troops", "force numbers must lie between 0 and 5,000,000");
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
        LocalDate due = Deadlines.before(r.start(), Period.ofDays(rule.noticeDays()));
        Status status = notifiable.isEmpty() ? Status.VOLUNTARY : today.isAfter(due) ? Status.LATE : Status.NOTIFIED;
        int id = s.nextId();
        ActivityNotification p = new ActivityNotification(id, rule.provision(), me, r.name(), r.start(), forces, now, due,
                notifiable, observable, observable.isEmpty() ? Optional.empty() : s.rules().observation().map(ProcedureRules.Observation::provision),
                Set.of(), status, !observable.isEmpty());
        String what = me + " notifies '" + r.name() + "' starting " + r.start() + ": ";
        String verdict = notifiable.isEmpty() ? "below every notification threshold (a voluntary notification)"
                : status == Status.LATE ? "LATE: notice was due by " + due + " (" + rule.noticeDays() + " days before the start, " + rule.provision() + ")"
                : "on time (due by " + due + ", " + rule.provision() + ")";
        return new Accepted(s.with(p, now), id, what + verdict + (observable.isEmpty() ? "" : "; observers are invited (" + p.observationProvision().orElse("")
                + "): every party may accept until the start"));
    }

    static Result acceptObservation(ExerciseState s, String me, Action.AcceptObservation r, Instant now) {
        Optional<ActivityNotification> p = Mechanism.procedure(s, r.procedure(), ActivityNotification.class);
        if (p.isEmpty()) {
            return new Refused(UNKNOWN_PROCEDURE, "procedure", "no notified activity " + r.procedure());
        }
        ActivityNotification n = p.get();
        if (!n.observationOpen()) {
            return new Refused(CONFLICT, "procedure", n.observable().isEmpty() ? "activity " + n.id() + " is below the observation thresholds: no observers are invited"
                    : "the invitation to observe activity " + n.id() + " closed at its start");
        }
        if (n.by().equals(me)) {
            return new Refused(INVALID_VALUE, "procedure", me + " holds the activity and does not observe it");
        }
        if (n.observers().contains(me)) {
            return new Refused(CONFLICT, "procedure", me + " already accepted the invitation to activity " + n.id());
        }
        Set<String> obs = new TreeSet<>(n.observers());
        obs.add(me);
        return new Accepted(s.with(n.withObservers(Set.copyOf(obs)), now), n.id(), me + " will observe activity " + n.id() + " (" + obs.size() + " observers)");
    }

    /** The activity starts: the invitation to observe closes. */
    static Accepted expire(ExerciseState s, ActivityNotification n, Instant now) {
        return new Accepted(s.with(n.withObservationOpen(false), now), n.id(),
                "activity " + n.id() + " starts: " + n.observers().size() + " part" + (n.observers().size() == 1 ? "y observes" : "ies observe"));
    }
}
