package org.eurosec.mechanism;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.engine.Deadlines;

/**
 * The rules of the mechanisms as one pure function: an exercise's state, an actor, an action and
 * the exercise time give either the next state or a refusal naming the reason and the field. The
 * same function replays a journal. A deadline that passes is an action of the clock: the service
 * asks {@link #due} which deadlines have passed and journals each before anything later.
 *
 * <p>This class checks who acts and hands the action to its procedure family
 * ({@link InformationRequests}, {@link ConsultationRequests}, {@link Conferences},
 * {@link ExtraordinaryConferences}, {@link ActivityNotifications}, {@link AnnualExchanges},
 * {@link PassedDeadlines}) through one table with a route for every kind of {@link Action}; the
 * table checks itself when it is built.
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

    /** Refused, and nothing changed: why, the field of the action at fault, and what to do in words. */
    public record Refused(RefusalReason reason, String field, String message) implements Result {
    }

    /** Who may take a kind of action (an observer never may). */
    enum Performer {
        /** Only a party's delegation. */
        PARTY,
        /** A party's delegation or the depositary (the handler tells them apart). */
        PARTY_OR_DEPOSITARY,
        /** Only the exercise clock. */
        CLOCK
    }

    /** The rule for one kind of action, given an actor already known to be allowed to try it. */
    @FunctionalInterface
    interface Handler<A extends Action> {
        Result apply(ExerciseState s, Actor actor, A action, Instant now);
    }

    /** The rule for an action only a party takes, given the party. */
    @FunctionalInterface
    interface PartyHandler<A extends Action> {
        Result apply(ExerciseState s, String party, A action, Instant now);
    }

    record Route<A extends Action>(Class<A> type, Performer by, Handler<A> handler) {
        Result apply(ExerciseState s, Actor actor, Action action, Instant now) {
            return handler.apply(s, actor, type.cast(action), now);
        }
    }

    /** One route per kind of action. */
    static final Map<Class<? extends Action>, Route<?>> ROUTES = SealedKinds.table(Action.class, "the mechanism's action table", Route::type,
            party(Action.RequestInformation.class, InformationRequests::request),
            party(Action.Reply.class, InformationRequests::reply),
            party(Action.RequestConsultations.class, ConsultationRequests::request),
            new Route<>(Action.ScheduleConsultations.class, Performer.PARTY_OR_DEPOSITARY, ConsultationRequests::schedule),
            party(Action.JoinConsultations.class, ConsultationRequests::join),
            party(Action.ProposeConference.class, Conferences::propose),
            party(Action.SupportConference.class, Conferences::support),
            party(Action.Attend.class, Conferences::attend),
            party(Action.Vote.class, Conferences::vote),
            party(Action.NotifyAttack.class, ExtraordinaryConferences::notifyAttack),
            party(Action.NotifyActivity.class, ActivityNotifications::notifyActivity),
            party(Action.AcceptObservation.class, ActivityNotifications::acceptObservation),
            new Route<>(Action.SubmitAnnualInformation.class, Performer.PARTY_OR_DEPOSITARY, AnnualExchanges::submit),
            new Route<>(Action.DeadlinePassed.class, Performer.CLOCK, (s, actor, d, now) -> PassedDeadlines.record(s, d, now)));

    private static <A extends Action> Route<A> party(Class<A> type, PartyHandler<A> h) {
        return new Route<>(type, Performer.PARTY, (s, actor, a, now) -> h.apply(s, s.party(((Actor.Delegation) actor).state()), a, now));
    }

    /** A day count after an instant, by the project's one date rule, at the same time of day (UTC). */
    public static Instant after(Instant from, Period p) {
        LocalDateTime t = LocalDateTime.ofInstant(from, ZoneOffset.UTC);
        return Deadlines.after(t.toLocalDate(), p).atTime(t.toLocalTime()).toInstant(ZoneOffset.UTC);
    }

    public static Result apply(ExerciseState s, Actor actor, Action action, Instant now) {
        if (s.closed().isPresent()) {
            return new Refused(RefusalReason.CONFLICT, "exercise", "the exercise was closed at " + s.closed().get() + ": it is read-only");
        }
        if (now.isBefore(s.lastAt())) {
            return new Refused(RefusalReason.CONFLICT, "at", "the exercise clock reads " + now + ", before the last accepted action (" + s.lastAt() + ")");
        }
        Route<?> route = ROUTES.get(action.getClass());
        if (route.by() == Performer.CLOCK) {
            return actor instanceof Actor.Clock ? route.apply(s, actor, action, now)
                    : new Refused(RefusalReason.FORBIDDEN, "kind", "only the exercise clock records a passed deadline");
        }
        if (actor instanceof Actor.Observer) {
            return new Refused(RefusalReason.FORBIDDEN, "actor", "an observer sees everything and can change nothing");
        }
        if (actor instanceof Actor.Clock) {
            return new Refused(RefusalReason.FORBIDDEN, "actor", "the clock only records deadlines");
        }
        if (actor instanceof Actor.Depositary) {
            return route.by() == Performer.PARTY_OR_DEPOSITARY ? route.apply(s, actor, action, now)
                    : new Refused(RefusalReason.FORBIDDEN, "actor", "the depositary's powers are limited to what the text gives it; '" + action.kind()
                            + "' is a party's act");
        }
        String me = ((Actor.Delegation) actor).state();
        if (!s.isParty(me)) {
            return new Refused(RefusalReason.FORBIDDEN, "actor", me + " is not a party to " + s.rules().instrument() + " in this exercise");
        }
        return route.apply(s, actor, action, now);
    }

    /** The deadlines that have passed by {@code now} and are not yet recorded, earliest first; none once the exercise is closed. */
    public static List<Action.DeadlinePassed> due(ExerciseState s, Instant now) {
        return s.closed().isPresent() ? List.of() : PassedDeadlines.due(s, now);
    }

    /**
     * The earliest deadline not yet recorded, if any; none once the exercise is closed. A service that
     * lets an exercise out of memory keeps this instant, so that the deadline is still recorded when
     * it passes (see {@link #due}).
     */
    public static Optional<Instant> nextDeadline(ExerciseState s) {
        return s.closed().isPresent() || s.pending().isEmpty() ? Optional.empty() : Optional.of(s.pending().first().at());
    }

    /**
     * Closes the exercise at {@code now} (the administrator's act, not a party's): from then on every
     * action is refused and no deadline passes; what happened stays readable. Closing twice, or at a
     * time before the last action, is refused. Deadlines that passed before {@code now} are the
     * caller's to record first, as for any action.
     */
    public static Result close(ExerciseState s, Instant now) {
        if (s.closed().isPresent()) {
            return new Refused(RefusalReason.CONFLICT, "exercise", "the exercise was already closed at " + s.closed().get());
        }
        if (now.isBefore(s.lastAt())) {
            return new Refused(RefusalReason.CONFLICT, "at", "the exercise clock reads " + now + ", before the last accepted action (" + s.lastAt() + ")");
        }
        return new Accepted(s.closedAt(now), 0, "the exercise is closed: read-only from now on");
    }

    /**
     * The procedures {@code actor} may see, in order. A delegation sees what concerns it (requests
     * it made or received, consultations it takes part in, every conference, activity and exchange);
     * information requests reach every party when the text makes the depositary pass them on, and
     * consultations every party when the text lets others join. The depositary and an observer see
     * everything. Within a procedure a delegation sees its own vote and submission and the counts,
     * not the others' (the adapters show the fields accordingly).
     */
    public static List<Procedure> visible(ExerciseState s, Actor actor) {
        if (!(actor instanceof Actor.Delegation)) {
            return List.copyOf(s.procedures().values());
        }
        return s.procedures().values().stream().filter(p -> sees(s, actor, p)).toList();
    }

    /** Whether {@code actor} may see procedure {@code p} (as {@link #visible} says). */
    public static boolean sees(ExerciseState s, Actor actor, Procedure p) {
        if (!(actor instanceof Actor.Delegation d)) {
            return true;
        }
        String me = d.state();
        if (p instanceof Procedure.InformationRequest r && !me.equals(r.from()) && !me.equals(r.to())) {
            return s.rules().information().map(ProcedureRules.Information::passedToAll).orElse(false);
        }
        if (p instanceof Procedure.Consultations c && !c.participants().contains(me)) {
            return s.rules().consultation().map(ProcedureRules.Consultation::othersMayJoin).orElse(false);
        }
        return true;
    }

    /** One page of procedures: those changed after the cursor, by change; {@code next} is the cursor for the next page, {@code more} whether there is one. */
    public record Page(List<Procedure> procedures, int next, boolean more) {
    }

    /**
     * The procedures {@code actor} may see that match {@code filter} and changed after change number
     * {@code after}, in the order of their last change, at most {@code limit}. A client that keeps
     * {@code next} and asks again with it gets only what changed since (a procedure that changed
     * again comes again, once, at its new place). Visibility is checked first: a page never holds,
     * nor counts, what the actor may not see.
     */
    public static Page changedAfter(ExerciseState s, Actor actor, int after, int limit, java.util.function.Predicate<Procedure> filter) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit must be at least 1");
        }
        List<Procedure> out = new ArrayList<>();
        int next = after;
        for (Map.Entry<Integer, Integer> e : s.changes().tailMap(after, false).entrySet()) {
            Procedure p = s.procedures().get(e.getValue());
            if (!sees(s, actor, p) || !filter.test(p)) {
                next = e.getKey(); // passed over: the next page starts after it
                continue;
            }
            if (out.size() == limit) {
                return new Page(out, next, true);
            }
            out.add(p);
            next = e.getKey();
        }
        return new Page(out, Math.max(next, after), false);
    }

    /** The procedure {@code id} when it is of {@code type}. */
    static <P extends Procedure> Optional<P> procedure(ExerciseState s, int id, Class<P> type) {
        return s.procedure(id).filter(type::isInstance).map(type::cast);
    }
}
