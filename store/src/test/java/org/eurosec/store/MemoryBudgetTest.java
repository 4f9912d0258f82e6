package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.ProcedureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The memory budget: idle exercises leave memory, least recently used first, once those held have
 * more journal entries than the budget; one that left comes back unchanged when next used, and one
 * with a deadline still to pass has it recorded when it passes without anyone asking for it.
 */
class MemoryBudgetTest {

    @TempDir
    Path dir;

    Database db() {
        return Database.open(Database.defaultUrl(dir));
    }

    static Exercises.Created create(Exercises ex) {
        return ex.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults());
    }

    /**
     * Over the limit the heap allows, with nothing idle to let go, actions are refused with a 503
     * (StoreUnavailable) and nothing is journaled, until the exercises in memory are within it again:
     * the heap is never let run out (an OutOfMemoryError inside an H2 commit left the file corrupt).
     */
    @Test
    void overTheLimitTheHeapAllowsActionsAreRefusedAndNothingIsJournaledUntilMemoryIsWithinIt() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, new ExercisesTest.HandClock());
            String id = create(ex).id();
            assertThat(ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "one")).result()).isInstanceOf(Mechanism.Accepted.class);
            long held = ex.memory().entries();
            assertThat(held).isEqualTo(ex.journal(id).size());

            ex.memoryLimit(held); // exactly full is not over
            ex.tick();
            assertThat(ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "two")).result()).isInstanceOf(Mechanism.Accepted.class);
            held++;

            ex.memoryLimit(held - 1);
            ex.tick(); // the pass (each second in a server) finds the exercises over the limit; the one in use stays
            assertThat(ex.memory().exercises()).isEqualTo(1);
            assertThat(ex.memory().full()).isTrue();
            assertThatThrownBy(() -> ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "three")))
                    .isInstanceOf(StoreUnavailable.class).hasMessageContaining("memory is full").hasMessageContaining("not recorded");
            assertThat(ex.journal(id)).hasSize((int) held);
            assertThat(ex.state(id).procedures()).hasSize(2); // reads still answer

            ex.memoryLimit(held + 10);
            ex.tick();
            assertThat(ex.memory().full()).isFalse();
            assertThat(ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "three")).result()).isInstanceOf(Mechanism.Accepted.class);
            assertThat(ex.journal(id)).hasSize((int) held + 1);
            ex.close();
        }
    }

    /** Past the hard limit an idle exercise leaves memory however large, so that actions on the others are taken again. */
    @Test
    void pastTheLimitALargeIdleExerciseIsLetGoToo() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, new ExercisesTest.HandClock());
            String large = create(ex).id();
            String other = create(ex).id();
            for (int i = 0; i < 3; i++) {
                ex.act(large, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "large " + i));
            }
            ex.act(other, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "other"));
            long largeEntries = ex.journal(large).size();
            ex.largestLetGo(largeEntries - 1); // the large one stays under the budget's rule alone
            ex.memoryBudget(largeEntries - 1, Duration.ZERO);
            ex.tick();
            assertThat(ex.memory().entries()).as("over the budget, within the limit: the other goes, the large exercise stays").isEqualTo(largeEntries);

            ex.memoryLimit(largeEntries - 1);
            ex.tick();
            assertThat(ex.memory().exercises()).as("past the limit: it is let go too").isZero();
            assertThat(ex.memory().full()).isFalse();
            assertThat(ex.act(other, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "again")).result()).isInstanceOf(Mechanism.Accepted.class);
            assertThat(ex.journal(large)).hasSize((int) largeEntries);
            assertThatThrownBy(() -> ex.state(large)).as("larger than the limit alone: not read back into memory")
                    .isInstanceOf(Exercises.MemoryFull.class).hasMessageContaining("it alone is larger");
            ex.memoryLimit(ex.memory().entries() + largeEntries);
            assertThat(ex.state(large).procedures()).as("with room for it, it comes back whole").hasSize(3);
            ex.close();
        }
    }

    @Test
    void theLeastRecentlyUsedIdleExercisesLeaveMemoryAndComeBackUnchanged() throws Exception {
        try (Database db = db()) {
            ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
            List<String> ids = new ArrayList<>();
            for (String[] pair : new String[][] {{"POL", "BLR"}, {"RUS", "GEO"}, {"DEU", "FRA"}}) {
                String id = create(ex).id();
                assertThat(ex.act(id, new Actor.Delegation(pair[0]), new Action.RequestInformation(pair[1], "exercise")).result())
                        .isInstanceOf(Mechanism.Accepted.class);
                ids.add(id);
            }
            ExerciseState first = ex.state(ids.get(0));
            ExerciseState second = ex.state(ids.get(1));
            ExerciseState third = ex.state(ids.get(2)); // the last asked for
            long each = ex.journal(ids.get(2)).size();
            assertThat(ex.memory().exercises()).isEqualTo(3);
            assertThat(ex.memory().entries()).isEqualTo(3 * each);

            // Room for one exercise: the two asked for least recently go, the third stays.
            ex.memoryBudget(each, Duration.ZERO);
            assertThat(ex.tick()).isZero();
            Exercises.Memory m = ex.memory();
            assertThat(m.exercises()).isEqualTo(1);
            assertThat(m.entries()).isEqualTo(each);
            assertThat(m.evicted()).isEqualTo(2);
            // Each left with a reply still due (ten exercise days), so each waits for it out of memory.
            assertThat(m.dormant()).isEqualTo(2);

            // Read again, each is what it was, and goes on from where its journal ends.
            assertThat(ex.state(ids.get(0))).isEqualTo(first);
            assertThat(ex.state(ids.get(1))).isEqualTo(second);
            assertThat(ex.state(ids.get(2))).isEqualTo(third);
            assertThat(ex.memory().dormant()).isZero();
            assertThat(ex.act(ids.get(0), new Actor.Delegation("BLR"), new Action.Reply(1, "routine training")).result())
                    .isInstanceOf(Mechanism.Accepted.class);
            List<Journal.Entry> j = ex.journal(ids.get(0));
            assertThat(j).hasSize((int) each + 1);
            assertThat(Journal.verify(j)).isEmpty();
            assertThat(ex.state(ids.get(0)).procedure(1).orElseThrow().status()).isEqualTo(Procedure.Status.ANSWERED);
            ex.close();
        }
    }

    @Test
    void anExerciseOutOfMemoryHasItsDeadlineRecordedWhenItPasses() throws Exception {
        try (Database db = db()) {
            ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
            String id = create(ex).id();
            ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "exercise"));
            Instant due = ex.state(id).procedure(1).orElseThrow().deadline().orElseThrow();
            ex.memoryBudget(0, Duration.ZERO);
            assertThat(ex.tick()).isZero();
            assertThat(ex.memory().exercises()).isZero();
            assertThat(ex.memory().dormant()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(9)); // nine exercise days at 1,440x: not yet
            assertThat(ex.tick()).isZero();
            assertThat(ex.memory().dormant()).isEqualTo(1);

            clock.advance(Duration.ofMinutes(2)); // eleven: GEO's reply (due after ten) never came
            assertThat(ex.tick()).as("recorded though nobody asked for the exercise").isEqualTo(1);
            List<Journal.Entry> j = ex.journal(id);
            Journal.Entry last = j.get(j.size() - 1);
            assertThat(last.actor()).isEqualTo("clock");
            assertThat(last.kind()).isEqualTo(new Action.DeadlinePassed(1, due.toString()).kind());
            assertThat(last.atExercise()).as("dated when the deadline passed, not when it was recorded").isEqualTo(due.toString());
            assertThat(Journal.verify(j)).isEmpty();
            // Read in for the deadline and let go again at the end of the tick, now with nothing left to wait for.
            assertThat(ex.memory().exercises()).isZero();
            assertThat(ex.memory().dormant()).isZero();
            assertThat(ex.state(id).procedure(1).orElseThrow().status()).isEqualTo(Procedure.Status.NO_RESPONSE);
            ex.close();
        }
    }

    @Test
    void anExerciseInUseStaysOverTheBudget() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, new ExercisesTest.HandClock());
            String id = create(ex).id();
            ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "exercise"));
            ex.memoryBudget(0, Duration.ofHours(1));
            ex.tick();
            assertThat(ex.memory().exercises()).isEqualTo(1);
            assertThat(ex.memory().evicted()).isZero();
            assertThatThrownBy(() -> ex.memoryBudget(-1, Duration.ZERO)).isInstanceOf(BadInput.class).hasMessageContaining("-1");
            ex.close();
        }
    }

    /**
     * Exercises let go as fast as they are read while 55 delegations vote twice each at once: one vote
     * each is accepted, one decision, and the journal is one chain.
     */
    @Test
    void lettingGoWhileDelegationsVoteLosesNothing() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, new ExercisesTest.HandClock());
            Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "real", 1, ProcedureRules.Settings.defaults());
            ex.act(c.id(), new Actor.Delegation("GEO"), new Action.NotifyAttack("RUS", "GEO", false));
            ex.memoryBudget(0, Duration.ZERO);
            AtomicBoolean voting = new AtomicBoolean(true);
            AtomicLong passes = new AtomicLong();
            Thread evictor = new Thread(() -> {
                while (voting.get()) {
                    ex.evictIdle();
                    passes.incrementAndGet();
                }
            });
            evictor.start();
            try {
                ExercisesTest.voteTwiceEachAtOnce(ex, c);
            } finally {
                voting.set(false);
                evictor.join();
            }
            assertThat(ex.memory().evicted()).as("the exercise was let go meanwhile (%d passes)", passes.get()).isPositive();
            ex.close();
        }
    }

    /**
     * The snapshot thread's writer of an exercise keeps the procedures of its last snapshot: it goes
     * when the exercise leaves memory, or the exercise would stay in memory through it.
     */
    @Test
    void anExerciseLetGoTakesItsSnapshotWriterWithIt() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, new ExercisesTest.HandClock()).snapshotEvery(1);
            String id = create(ex).id();
            for (String to : new String[] {"GEO", "UKR", "MDA"}) {
                ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation(to, "exercise"));
            }
            assertThat(ex.hasSnapshotWriter(id)).as("snapshots were written").isTrue();
            ex.memoryBudget(0, Duration.ZERO);
            ex.tick();
            assertThat(ex.memory().exercises()).isZero();
            assertThat(ex.hasSnapshotWriter(id)).isFalse();
            // Read again from the last snapshot, unchanged, and snapshotted again as it grows.
            assertThat(ex.rebuiltFrom(id)).isPositive();
            ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("BLR", "exercise"));
            assertThat(ex.hasSnapshotWriter(id)).isTrue();
            assertThat(Journal.verify(ex.journal(id))).isEmpty();
            ex.close();
        }
    }

    /**
     * An exercise larger than the largest that may be let go stays in memory however long it is idle:
     * reading a large one back needs several times what it holds, and might not fit in the heap.
     */
    @Test
    void anExerciseLargerThanTheLargestLetGoStays() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, new ExercisesTest.HandClock());
            String large = create(ex).id();
            for (String to : new String[] {"GEO", "UKR", "MDA", "BLR"}) {
                ex.act(large, new Actor.Delegation("RUS"), new Action.RequestInformation(to, "exercise"));
            }
            String small = create(ex).id();
            ex.act(small, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "exercise"));
            ex.state(small);
            ex.state(large); // the large one is used last, so it would go after the small one by age alone
            ex.largestLetGo(ex.journal(large).size() - 1).memoryBudget(0, Duration.ZERO);
            ex.tick();
            Exercises.Memory m = ex.memory();
            assertThat(m.evicted()).as("the small one went").isEqualTo(1);
            assertThat(m.exercises()).isEqualTo(1);
            assertThat(m.entries()).as("the large one stayed, over the budget").isEqualTo(ex.journal(large).size());
            ex.close();
        }
    }

    /**
     * With memory full, an exercise out of memory is not read back into it, for a read as for an action
     * (503, MemoryFull), and its record is untouched; once there is room it is read back whole. Reading
     * an exercise back holds its whole state, so a read could run the heap out as an action could, and an
     * OutOfMemoryError inside an H2 commit corrupted the database file. One whose size (its latest
     * snapshot's entry and the most that may follow it) would pass the limit is not read either, memory
     * not being full yet.
     */
    @Test
    void anExerciseOutOfMemoryIsReadBackOnlyWhenThereIsRoomForIt() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, new ExercisesTest.HandClock()).snapshotEvery(5);
            String away = create(ex).id();
            String busy = create(ex).id();
            for (int i = 0; i < 12; i++) {
                ex.act(away, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "away " + i));
            }
            ex.act(busy, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "busy"));
            ex.snapshotsWritten();
            int awayEntries = ex.journal(away).size();
            long estimate = ex.estimatedEntries(away);
            assertThat(estimate).as("its latest snapshot and the entries after it").isEqualTo(awayEntries);
            long busyEntries = ex.journal(busy).size();
            List<String> rebuilt = new ArrayList<>();
            ex.beforeRebuild = rebuilt::add;

            ex.largestLetGo(awayEntries).memoryBudget(busyEntries, Duration.ZERO);
            ex.state(busy); // used last: the other goes first
            ex.tick();
            assertThat(ex.memory().entries()).as("the away exercise left memory").isEqualTo(busyEntries);

            ex.memoryLimit(busyEntries + estimate - 1); // room for what is held, not for the away exercise as estimated
            ex.tick();
            assertThat(ex.memory().full()).isFalse();
            assertThatThrownBy(() -> ex.state(away)).isInstanceOf(Exercises.MemoryFull.class).hasMessageContaining("not read into memory");
            assertThatThrownBy(() -> ex.act(away, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "refused")))
                    .isInstanceOf(Exercises.MemoryFull.class);
            assertThat(rebuilt).as("not even begun").isEmpty();
            assertThat(ex.journal(away)).hasSize(awayEntries);
            assertThat(ex.act(busy, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "within")).result())
                    .as("the exercise held still takes actions").isInstanceOf(Mechanism.Accepted.class);

            ex.memoryLimit(ex.memory().entries() - 1); // over the limit: full, and nothing idle to let go
            ex.memoryBudget(1_000_000, Duration.ZERO);
            ex.tick();
            assertThat(ex.memory().full()).isTrue();
            ex.memoryLimit(1_000_000); // room again, but full until the next pass finds it so
            assertThatThrownBy(() -> ex.state(away)).isInstanceOf(Exercises.MemoryFull.class);
            assertThat(rebuilt).isEmpty();

            ex.tick();
            assertThat(ex.memory().full()).isFalse();
            assertThat(ex.state(away).procedures()).hasSize(12);
            assertThat(rebuilt).containsExactly(away);
            assertThat(ex.act(away, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "back")).result()).isInstanceOf(Mechanism.Accepted.class);
            assertThat(ex.journal(away)).hasSize(awayEntries + 1);
            ex.close();
        }
    }
}
