package org.eurosec.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.junit.jupiter.api.Test;

/**
 * Procedures read a page at a time in the order of their last change: following the cursor gives
 * every visible procedure once; asking again from the cursor gives only what changed since (a
 * procedure that changed again comes again, at its new place); a delegation's pages hold, and are
 * cut by, only what it may see; filters by state and by the states involved.
 */
class ProcedurePagingTest {

    static final Instant T0 = MechanismTest.T0;

    static ExerciseState act(ExerciseState s, String state, Action a, Instant at) {
        Mechanism.Result r = Mechanism.apply(s, new Actor.Delegation(state), a, at);
        assertThat(r).as(a.toString()).isInstanceOf(Accepted.class);
        return ((Accepted) r).state();
    }

    static List<Integer> ids(Mechanism.Page p) {
        return p.procedures().stream().map(Procedure::id).toList();
    }

    /** Every page from {@code after} on, {@code limit} at a time: the ids in order, and the last cursor. */
    static List<Integer> all(ExerciseState s, Actor who, int after, int limit) {
        List<Integer> out = new ArrayList<>();
        int cursor = after;
        for (int guard = 0; guard < 100; guard++) {
            Mechanism.Page p = Mechanism.changedAfter(s, who, cursor, limit, x -> true);
            out.addAll(ids(p));
            assertThat(p.procedures().size()).isLessThanOrEqualTo(limit);
            cursor = p.next();
            if (!p.more()) {
                return out;
            }
        }
        throw new AssertionError("the cursor never reached the end");
    }

    @Test
    void pagesFollowTheLastChangeAndTheCursorGivesOnlyWhatChangedSince() {
        ExerciseState s = ExerciseState.start("x", "est-2009", MechanismTest.RULES, T0);
        s = act(s, "RUS", new Action.RequestInformation("GEO", "one"), T0.plusSeconds(1)); // procedure 1
        s = act(s, "POL", new Action.RequestInformation("BLR", "two"), T0.plusSeconds(2)); // 2
        s = act(s, "USA", new Action.RequestInformation("RUS", "three"), T0.plusSeconds(3)); // 3
        Actor depositary = new Actor.Depositary();
        assertThat(all(s, depositary, 0, 2)).containsExactly(1, 2, 3);
        assertThat(all(s, depositary, 0, 1000)).containsExactly(1, 2, 3);
        Mechanism.Page first = Mechanism.changedAfter(s, depositary, 0, 2, p -> true);
        assertThat(ids(first)).containsExactly(1, 2);
        assertThat(first.more()).isTrue();
        int seen = Mechanism.changedAfter(s, depositary, first.next(), 2, p -> true).next();
        assertThat(Mechanism.changedAfter(s, depositary, seen, 10, p -> true).procedures()).as("nothing changed since").isEmpty();

        s = act(s, "GEO", new Action.Reply(1, "routine"), T0.plusSeconds(4)); // procedure 1 changes again
        Mechanism.Page since = Mechanism.changedAfter(s, depositary, seen, 10, p -> true);
        assertThat(ids(since)).containsExactly(1);
        assertThat(since.procedures().get(0).status()).isEqualTo(Procedure.Status.ANSWERED);
        assertThat(all(s, depositary, 0, 2)).as("each procedure once, at its last change").containsExactly(2, 3, 1);
        assertThat(s.changeOf(1)).isGreaterThan(s.changeOf(3)).isGreaterThan(s.changeOf(2));
    }

    @Test
    void aDelegationsPagesHoldOnlyWhatItMaySeeAndFiltersNarrowThem() {
        // Under the draft, consultations reach only their participants (others may not join): BLR sees none of USA's and GBR's.
        assertThat(MechanismTest.RULES.consultation().orElseThrow().othersMayJoin()).isFalse();
        ExerciseState s = ExerciseState.start("x", "est-2009", MechanismTest.RULES, T0);
        s = act(s, "USA", new Action.RequestConsultations(List.of("GBR"), "a"), T0.plusSeconds(1)); // 1
        s = act(s, "POL", new Action.RequestConsultations(List.of("BLR"), "b"), T0.plusSeconds(2)); // 2
        s = act(s, "USA", new Action.RequestConsultations(List.of("FRA"), "c"), T0.plusSeconds(3)); // 3
        s = act(s, "RUS", new Action.RequestConsultations(List.of("BLR"), "d"), T0.plusSeconds(4)); // 4
        s = act(s, "RUS", new Action.RequestInformation("GEO", "e"), T0.plusSeconds(5)); // 5
        Actor blr = new Actor.Delegation("BLR");
        List<Integer> visible = Mechanism.visible(s, blr).stream().map(Procedure::id).toList();
        assertThat(visible).doesNotContain(1, 3).contains(2, 4);
        assertThat(all(s, blr, 0, 1)).containsExactlyElementsOf(visible);
        Mechanism.Page one = Mechanism.changedAfter(s, blr, 0, 1, p -> true);
        assertThat(ids(one)).containsExactly(2);

        assertThat(ids(Mechanism.changedAfter(s, new Actor.Observer(), 0, 100, p -> p.involves("RUS")))).containsExactly(4, 5);
        assertThat(ids(Mechanism.changedAfter(s, blr, 0, 100, p -> p.involves("USA")))).as("USA's consultations are not BLR's to see").isEmpty();
        assertThat(ids(Mechanism.changedAfter(s, new Actor.Depositary(), 0, 100, p -> p.kind().equals("information-request")))).containsExactly(5);
        assertThat(ids(Mechanism.changedAfter(s, new Actor.Depositary(), 0, 100, p -> p.status() == Procedure.Status.OPEN))).containsExactly(1, 2, 3, 4, 5);
        s = act(s, "GEO", new Action.Reply(5, "none"), T0.plusSeconds(6));
        assertThat(ids(Mechanism.changedAfter(s, new Actor.Depositary(), 0, 100, p -> p.status() == Procedure.Status.OPEN))).containsExactly(1, 2, 3, 4);
    }
}
