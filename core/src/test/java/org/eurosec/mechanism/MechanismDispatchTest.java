package org.eurosec.mechanism;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The mechanism's dispatch tables cover every kind: each action kind has a route, each procedure
 * kind a handler for its deadline, and a table that misses one fails when it is built.
 */
class MechanismDispatchTest {

    @Test
    void everyKindOfActionHasExactlyOneRoute() {
        List<Class<? extends Action>> kinds = SealedKinds.of(Action.class);
        assertThat(kinds).hasSize(14).contains(Action.Vote.class, Action.DeadlinePassed.class);
        assertThat(Mechanism.ROUTES.keySet()).containsExactlyInAnyOrderElementsOf(kinds);
        Mechanism.ROUTES.forEach((type, route) -> assertThat(route.type()).isEqualTo(type));
    }

    @Test
    void onlyTheClockRecordsDeadlinesAndTheDepositaryOnlySchedulesAndOpensExchanges() {
        Map<Mechanism.Performer, List<String>> by = new java.util.TreeMap<>();
        Mechanism.ROUTES.values().forEach(r -> by.computeIfAbsent(r.by(), k -> new java.util.ArrayList<>()).add(r.type().getSimpleName()));
        assertThat(by.get(Mechanism.Performer.CLOCK)).containsExactly("DeadlinePassed");
        assertThat(by.get(Mechanism.Performer.PARTY_OR_DEPOSITARY)).containsExactlyInAnyOrder("ScheduleConsultations", "SubmitAnnualInformation");
        assertThat(by.get(Mechanism.Performer.PARTY)).hasSize(11);
    }

    @Test
    void everyKindOfProcedureHasAHandlerForItsDeadline() {
        List<Class<? extends Procedure>> kinds = SealedKinds.of(Procedure.class);
        assertThat(kinds).hasSize(5);
        assertThat(PassedDeadlines.EXPIRIES.keySet()).containsExactlyInAnyOrderElementsOf(kinds);
    }

    @Test
    void aTableThatMissesAKindFailsNamingIt() {
        assertThatThrownBy(() -> SealedKinds.requireAll(Procedure.class, Set.of(Procedure.Conference.class, Procedure.Consultations.class,
                Procedure.InformationRequest.class, Procedure.AnnualExchange.class), "a test table"))
                .isInstanceOf(IllegalStateException.class).hasMessage("a test table has no handler for ActivityNotification");
        assertThatThrownBy(() -> SealedKinds.table(Actor.class, "a test table", (Class<? extends Actor> c) -> c, Actor.Clock.class, Actor.Clock.class))
                .isInstanceOf(IllegalStateException.class).hasMessage("a test table has two handlers for Clock");
        assertThat(SealedKinds.table(Actor.class, "a test table", (Class<? extends Actor> c) -> c, Actor.Clock.class, Actor.Observer.class,
                Actor.Depositary.class, Actor.Delegation.class)).hasSize(4);
        assertThat(SealedKinds.of(Actor.class)).containsExactlyInAnyOrder(Actor.Delegation.class, Actor.Depositary.class, Actor.Observer.class,
                Actor.Clock.class);
    }

    @Test
    void aWithMethodChangesItsFieldAndKeepsEveryOther() {
        Instant t = Instant.parse("2010-06-01T09:00:00Z");
        Procedure.Conference c = new Procedure.Conference(7, "est-2009/art-8", true, "GEO", "armed attack", t, Optional.of(3), Set.of("GEO"), t,
                Optional.of(t), Optional.of(t.plusSeconds(60)), Set.of("USA"), Map.of(), Optional.of("RUS"), Procedure.Status.CONVENED, List.of(),
                Optional.empty());
        Procedure.Conference voted = c.withVotes(Map.of("USA", Action.Ballot.YES));
        assertThat(voted.votes()).containsEntry("USA", Action.Ballot.YES);
        assertThat(voted.withVotes(c.votes())).isEqualTo(c);
        Procedure.Conference closed = c.withStatus(Procedure.Status.ADOPTED).withNoResponse(List.of("USA")).withOutcome("adopted");
        assertThat(closed).isEqualTo(new Procedure.Conference(7, "est-2009/art-8", true, "GEO", "armed attack", t, Optional.of(3), Set.of("GEO"), t,
                Optional.of(t), Optional.of(t.plusSeconds(60)), Set.of("USA"), Map.of(), Optional.of("RUS"), Procedure.Status.ADOPTED, List.of("USA"),
                Optional.of("adopted")));
        Procedure.InformationRequest r = new Procedure.InformationRequest(1, "est-2009/art-3", "RUS", "GEO", "x", t, t.plusSeconds(10),
                Procedure.Status.OPEN, Optional.empty(), Optional.empty());
        assertThat(r.withReply("none", t.plusSeconds(5))).isEqualTo(new Procedure.InformationRequest(1, "est-2009/art-3", "RUS", "GEO", "x", t,
                t.plusSeconds(10), Procedure.Status.ANSWERED, Optional.of("none"), Optional.of(t.plusSeconds(5))));
    }
}
