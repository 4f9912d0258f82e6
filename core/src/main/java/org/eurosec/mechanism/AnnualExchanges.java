package org.eurosec.mechanism;

import static org.eurosec.mechanism.RefusalReason.CONFLICT;
import static org.eurosec.mechanism.RefusalReason.INVALID_VALUE;
import static org.eurosec.mechanism.RefusalReason.NO_SUCH_MECHANISM;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.eurosec.mechanism.Mechanism.Refused;
import org.eurosec.mechanism.Mechanism.Result;
import org.eurosec.mechanism.Procedure.AnnualExchange;
import org.eurosec.mechanism.Procedure.Status;

/**
 * The annual exchange of military information: the depositary may open a year's exchange, each
 * party submits once by the due date, and those that did not are recorded as no response.
 */
final class AnnualExchanges {

    private AnnualExchanges() {
    }

    /** A party submits its information, or the depositary opens the year's exchange. */
    static Result submit(ExerciseState s, Actor actor, Action.SubmitAnnualInformation r, Instant now) {
        Optional<String> me = actor instanceof Actor.Delegation d ? Optional.of(d.state()) : Optional.empty();
        if (s.rules().annualExchange().isEmpty()) {
            return new Refused(NO_SUCH_MECHANISM, "kind", "no annual exchange of military information is in force on " + s.rules().day());
        }
        ProcedureRules.AnnualExchange rule = s.rules().annualExchange().get();
        int year = LocalDateTime.ofInstant(now, ZoneOffset.UTC).getYear();
        if (r.year() != year && r.year() != year + 1) {
            return new Refused(INVALID_VALUE, "year", "the exchange open now is that of " + year + " (information valid from 1 January " + (year + 1) + ")");
        }
        Instant dueBy = rule.due().atYear(r.year()).atTime(23, 59, 59).toInstant(ZoneOffset.UTC);
        AnnualExchange x = s.procedures().values().stream().filter(q -> q instanceof AnnualExchange a && a.year() == r.year())
                .map(q -> (AnnualExchange) q).findFirst().orElse(null);
        if (x == null) {
            x = new AnnualExchange(s.nextId(), rule.provision(), r.year(), now, dueBy, Map.of(), Status.OPEN, List.of());
        }
        if (x.status() != Status.OPEN || now.isAfter(x.dueBy())) {
            return new Refused(CONFLICT, "year", "the " + r.year() + " exchange was due by " + x.dueBy() + "; it is closed");
        }
        if (me.isEmpty()) {
            if (s.procedure(x.id()).isPresent()) {
                return new Refused(CONFLICT, "year", "the " + r.year() + " exchange is already open (procedure " + x.id() + ")");
            }
            return new Accepted(s.with(x, now), x.id(), "the depositary opens the " + r.year() + " annual exchange (" + rule.provision() + "), due by " + dueBy);
        }
        if (x.submitted().containsKey(me.get())) {
            return new Refused(CONFLICT, "year", me.get() + " has already submitted its " + r.year() + " information");
        }
        Map<String, Instant> sub = new TreeMap<>(x.submitted());
        sub.put(me.get(), now);
        return new Accepted(s.with(x.withSubmitted(java.util.Collections.unmodifiableMap(sub)), now), x.id(), me.get()
                + " submits its annual military information for " + r.year() + " (" + sub.size() + " of " + s.rules().parties().size() + " parties)");
    }

    /** The due date passed: the exchange closes and every party that did not submit is recorded as no response. */
    static Accepted expire(ExerciseState s, AnnualExchange x, Instant now) {
        List<String> missing = s.rules().parties().stream().filter(p -> !x.submitted().containsKey(p)).toList();
        return new Accepted(s.with(x.withStatus(Status.CLOSED).withNoResponse(missing), now), x.id(),
                "the " + x.year() + " annual exchange is due: " + x.submitted().size() + " submitted, " + missing.size() + " no response");
    }
}
