package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.ProcedureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A reader sees an action only once it is committed: while its batch is decided and signed but not
 * yet committed, the exercise's state (and a state read from the journal) does not show it; when the
 * commit fails, the state stays what the journal holds, and the next action continues from there.
 */
class VisibilityTest {

    @TempDir
    Path dir;

    @Test
    void anActionIsShownOnlyOnceCommittedAndAFailedCommitLeavesTheStateAsTheJournal() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        try (Database db = Database.open(Database.defaultUrl(dir))) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
            String id = ex.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults()).id();
            assertThat(ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "troops")).result())
                    .isInstanceOf(Mechanism.Accepted.class);
            ExerciseState before = ex.state(id);
            assertThat(before.procedures()).hasSize(1);

            // The writer stops after deciding the next action, before its commit.
            CountDownLatch decided = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ex.beforeCommit(() -> {
                decided.countDown();
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            CompletableFuture<Exercises.Outcome> second = CompletableFuture.supplyAsync(
                    () -> ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "Zapad")));
            assertThat(decided.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(ex.state(id).procedures()).as("a reader while the action is not committed").hasSize(1);
            assertThat(ex.state(id)).isEqualTo(before);
            release.countDown();
            assertThat(second.get(30, TimeUnit.SECONDS).result()).isInstanceOf(Mechanism.Accepted.class);
            ExerciseState afterSecond = ex.state(id);
            assertThat(afterSecond.procedures()).as("once committed").hasSize(2);

            // A commit that fails: the action is refused with a 503 and the state stays as the journal has it.
            ex.beforeCommit(() -> {
                throw new IllegalStateException("the disk is full (test)");
            });
            assertThatThrownBy(() -> ex.act(id, new Actor.Delegation("GEO"), new Action.RequestInformation("RUS", "lost")))
                    .isInstanceOf(Exercises.JournalUnavailable.class);
            assertThat(ex.state(id)).isEqualTo(afterSecond);
            ex.beforeCommit(() -> {
            });
            assertThat(ex.act(id, new Actor.Delegation("GEO"), new Action.RequestInformation("RUS", "again")).result())
                    .isInstanceOf(Mechanism.Accepted.class);
            ExerciseState third = ex.state(id);
            assertThat(third.procedures()).hasSize(3);

            // An Error while a batch is decided (the heap exhausted, say) fails that batch alone: the writer
            // goes on, and the next action is accepted.
            ex.beforeCommit(() -> {
                throw new OutOfMemoryError("the heap is full (test)");
            });
            assertThatThrownBy(() -> ex.act(id, new Actor.Delegation("GEO"), new Action.RequestInformation("RUS", "lost too")))
                    .isInstanceOf(Exercises.JournalUnavailable.class).hasMessageContaining("not recorded");
            assertThat(ex.state(id)).isEqualTo(third);
            ex.beforeCommit(() -> {
            });
            // (Were the writer's thread gone, this would wait out the timeout and be refused as not confirmed.)
            assertThat(ex.act(id, new Actor.Delegation("GEO"), new Action.RequestInformation("RUS", "after the error")).result())
                    .isInstanceOf(Mechanism.Accepted.class);
            ExerciseState last = ex.state(id);
            assertThat(last.procedures()).hasSize(4);
            assertThat(ex.replay(id).problems()).isEmpty();
            assertThat(ex.replay(id).state()).isEqualTo(last);
            assertThat(ex.replay(id).entries()).isEqualTo(5);
            ex.close();
        }
    }
}
