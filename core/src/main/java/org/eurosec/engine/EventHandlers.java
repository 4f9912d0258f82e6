package org.eurosec.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Event;
import org.eurosec.model.ParticipationStatus;

/**
 * One handler per event type, looked up by the event's class. {@link Event} is sealed; a test
 * checks that every permitted type has a handler, and {@link #handle} refuses an event it has no
 * handler for instead of passing over it.
 */
final class EventHandlers {

    private EventHandlers() {
    }

    /** What one event type does to a run. */
    @FunctionalInterface
    interface Handler<E extends Event> {
        void handle(EngineRun run, int n, E event);
    }

    private static final Map<Class<? extends Event>, Handler<? extends Event>> HANDLERS = new LinkedHashMap<>();

    private static <E extends Event> void on(Class<E> type, Handler<E> handler) {
        if (HANDLERS.put(type, handler) != null) {
            throw new IllegalStateException("two handlers for " + type.getSimpleName());
        }
    }

    static {
        on(Event.AccessionRequest.class, (r, n, e) -> r.accession(n, e.applicant(), e.organisation(), e.on()));
        on(Event.Accession.class, MembershipEvents::accede);
        on(Event.Withdrawal.class, MembershipEvents::withdraw);
        on(Event.Signature.class, (r, n, e) -> TreatyEvents.sign(r, n, e.state(), e.instrument(), e.on(), ParticipationStatus.SIGNED, e));
        on(Event.Ratification.class, (r, n, e) -> TreatyEvents.sign(r, n, e.state(), e.instrument(), e.on(), ParticipationStatus.RATIFIED, e));
        on(Event.ArmedAttack.class, (r, n, e) -> ForceEvents.attack(r, n, e.attacker(), e.victim(), e.on(), true));
        on(Event.Threat.class, (r, n, e) -> ForceEvents.attack(r, n, e.by(), e.against(), e.on(), false));
        on(Event.MilitaryActivity.class, MilitaryEvents::activity);
        on(Event.Deployment.class, MilitaryEvents::deployment);
        on(Event.InformationRequest.class, MechanismEvents::information);
        on(Event.ConsultationRequest.class, MechanismEvents::consultation);
        on(Event.ConferenceProposal.class, MechanismEvents::conference);
    }

    /** The event types that have a handler. */
    static Set<Class<? extends Event>> handled() {
        return Collections.unmodifiableSet(HANDLERS.keySet());
    }

    /**
     * Runs one event: an event naming an instrument the world does not have is a finding of its
     * own; every other event goes to the handler of its type.
     */
    @SuppressWarnings("unchecked")
    static void handle(EngineRun run, int n, Event e) {
        Optional<String> instrument = e.actsOn();
        if (instrument.isPresent() && !run.world.instruments().containsKey(instrument.get())) {
            run.addPlain(n, e.kind() + " of " + instrument.get(), Finding.Effect.NOT_ENTITLED, List.of(), instrument.get()
                    + " is not part of regime " + run.regime.id() + ": the event has no effect here", Explanation.of("regime "
                    + run.regime.id() + " has no instrument " + instrument.get(), List.of()));
            return;
        }
        Handler<Event> h = (Handler<Event>) HANDLERS.get(e.getClass());
        if (h == null) {
            throw new IllegalStateException("no handler for " + e.kind() + " events (" + e.getClass().getName() + ")");
        }
        h.handle(run, n, e);
    }
}
