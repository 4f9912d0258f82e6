package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Action.Ballot;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.RefusalReason;
import org.eurosec.mechanism.SealedKinds;
import org.junit.jupiter.api.Test;

/**
 * The server's side of the mechanism: one JSON writer per procedure kind, a delegation seeing only
 * its own vote, and one HTTP status per refusal reason, as the API has always answered.
 */
class ProcedureJsonTest {

    @Test
    void everyKindOfProcedureHasAWriter() {
        assertThat(ProcedureJson.WRITERS.keySet()).containsExactlyInAnyOrderElementsOf(SealedKinds.of(Procedure.class));
    }

    @Test
    void aDelegationSeesItsOwnVoteAndTheDepositaryEveryVote() {
        Instant t0 = MechanismTraceTest.T0;
        ExerciseState s = ExerciseState.start("x", "est-2009", MechanismTraceTest.RULES, t0);
        s = ((Mechanism.Accepted) Mechanism.apply(s, new Actor.Delegation("GEO"), new Action.NotifyAttack("RUS", "GEO", true), t0)).state();
        s = ((Mechanism.Accepted) Mechanism.apply(s, new Actor.Delegation("USA"), new Action.Vote(1, Ballot.YES), t0.plus(Duration.ofHours(1)))).state();
        Map<String, Object> usa = ProcedureJson.view(s, new Actor.Delegation("USA")).get(0);
        assertThat(usa).containsEntry("my_vote", "yes").containsEntry("votes_cast", 1).doesNotContainKey("votes");
        Map<String, Object> fra = ProcedureJson.view(s, new Actor.Delegation("FRA")).get(0);
        assertThat(fra).containsEntry("my_vote", null).containsEntry("votes_cast", 1);
        Map<String, Object> dep = ProcedureJson.view(s, new Actor.Depositary()).get(0);
        assertThat(dep).containsEntry("votes", Map.of("USA", "yes")).doesNotContainKey("my_vote");
        assertThat(dep.keySet()).startsWith("id", "kind", "provision", "status", "opened", "deadline");
    }

    @Test
    void everyRefusalReasonHasItsStatus() {
        assertThat(Arrays.stream(RefusalReason.values()).map(RefusalStatus::of).toList()).allSatisfy(code -> assertThat(code).isBetween(400, 499));
        assertThat(List.of(RefusalStatus.of(RefusalReason.FORBIDDEN), RefusalStatus.of(RefusalReason.UNKNOWN_PROCEDURE),
                RefusalStatus.of(RefusalReason.NO_SUCH_MECHANISM), RefusalStatus.of(RefusalReason.CONFLICT), RefusalStatus.of(RefusalReason.INVALID_VALUE)))
                .as("403 the actor may not, 404 no such procedure, 409 not now or not in these rules, 422 a bad value")
                .containsExactly(403, 404, 409, 409, 422);
        assertThat(RefusalReason.values()).hasSize(5);
    }
}
