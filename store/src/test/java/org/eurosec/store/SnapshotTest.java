package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
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
 * An exercise rebuilt after a restart from its latest snapshot and the journal after it is the very
 * state the whole journal replays to (every kind of procedure in it, votes, a passed deadline, the
 * change index); a snapshot that does not check out (its state edited, so its signature fails; its
 * entry gone from the journal) is ignored and the whole journal replayed; and one exercise's
 * rebuild does not hold up another's.
 */
class SnapshotTest {

    @TempDir
    Path dir;

    Database h2() {
        return Database.open(Database.defaultUrl(dir));
    }

    static Exercises exercises(Database db, ExercisesTest.HandClock clock) {
        return new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock).snapshotEvery(5);
    }

    static void ok(Exercises ex, String id, String state, Action a) {
        assertThat(ex.act(id, new Actor.Delegation(state), a).result()).as(a.toString()).isInstanceOf(Mechanism.Accepted.class);
    }

    /** An exercise with every kind of procedure, a conference voted on and a deadline passed by the clock. */
    static String busy(Exercises ex, ExercisesTest.HandClock clock) {
        Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults());
        String id = c.id();
        ok(ex, id, "RUS", new Action.RequestInformation("GEO", "troops")); // 1
        ok(ex, id, "POL", new Action.RequestInformation("BLR", "Zapad")); // 2
        ok(ex, id, "BLR", new Action.Reply(2, "routine"));
        ok(ex, id, "POL", new Action.RequestConsultations(List.of("RUS", "BLR"), "exercise Zapad")); // 3
        ok(ex, id, "POL", new Action.ProposeConference(3, "Zapad")); // 4
        ok(ex, id, "GEO", new Action.NotifyAttack("RUS", "GEO", false)); // 5
        for (String v : List.of("USA", "FRA", "DEU")) {
            ok(ex, id, v, new Action.Vote(5, Action.Ballot.YES));
        }
        ok(ex, id, "POL", new Action.NotifyActivity("Anakonda", LocalDate.of(2010, 7, 31), 20000, 300, 500, 250)); // 6
        ok(ex, id, "LVA", new Action.AcceptObservation(6));
        ok(ex, id, "GEO", new Action.SubmitAnnualInformation(2010)); // 7
        clock.advance(Duration.ofMinutes(11)); // eleven exercise days: RUS's request to GEO goes unanswered, among others
        ok(ex, id, "UKR", new Action.RequestInformation("MDA", "after the deadline"));
        ok(ex, id, "MDA", new Action.Reply(8, "none"));
        ok(ex, id, "ITA", new Action.RequestInformation("TUR", "one more"));
        return id;
    }

    @Test
    void aRestartRebuildsFromTheSnapshotToTheStateTheWholeJournalGives() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        String id;
        ExerciseState before;
        try (Database db = h2()) {
            Exercises ex = exercises(db, clock);
            id = busy(ex, clock);
            before = ex.state(id);
            ex.snapshotsWritten();
            ex.close();
        }
        try (Database db = h2()) {
            Exercises again = exercises(db, clock);
            long from = again.latestSnapshot(id).orElseThrow().seq();
            assertThat(from).as("snapshots every 5 entries").isGreaterThanOrEqualTo(10);
            assertThat(again.journal(id).size()).isGreaterThan((int) from);
            assertThat(again.state(id)).isEqualTo(before);
            assertThat(again.rebuiltFrom(id)).isEqualTo(from);
            Exercises.Replay whole = again.replay(id);
            assertThat(whole.problems()).isEmpty();
            assertThat(whole.state()).isEqualTo(before);
            // The rebuilt state acts as the original would: GEO's reply is too late, a new request is taken.
            assertThat(again.act(id, new Actor.Delegation("GEO"), new Action.Reply(1, "late")).result()).isInstanceOf(Mechanism.Refused.class);
            ok(again, id, "DEU", new Action.RequestInformation("RUS", "after the restart"));
            assertThat(Journal.verify(again.journal(id))).isEmpty();
            again.close();
        }
        try (Database db = h2()) {
            Exercises third = exercises(db, clock);
            assertThat(third.state(id)).isEqualTo(third.replay(id).state());
            third.close();
        }
    }

    /**
     * Past ten intervals a snapshot waits for a tenth of the journal, so a growing exercise writes ever
     * fewer snapshots (at a fixed interval of 5, 400 entries took 80) while a restart still has at most
     * a tenth of the journal to replay after the latest one, and rebuilds the same state.
     */
    @Test
    void snapshotsThinOutAsTheJournalGrowsAndTheTailStaysATenth() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        String[][] pairs = {{"POL", "BLR"}, {"RUS", "GEO"}, {"DEU", "FRA"}, {"ITA", "TUR"}};
        String id;
        ExerciseState before;
        long due;
        try (Database db = h2()) {
            Exercises ex = exercises(db, clock);
            id = ex.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults()).id();
            for (int i = 0; i < 400; i++) {
                String[] p = pairs[i % pairs.length];
                ok(ex, id, p[0], new Action.RequestInformation(p[1], "request " + i));
            }
            ex.snapshotsWritten();
            due = ex.snapshotsDue.get();
            before = ex.state(id);
            ex.close();
        }
        try (Database db = h2()) {
            Exercises again = exercises(db, clock);
            int entries = again.journal(id).size();
            long from = again.latestSnapshot(id).orElseThrow().seq();
            assertThat(entries).isGreaterThanOrEqualTo(400);
            // Every 5 entries to entry 50, then each a tenth later than the last: 10 + about 22 to 400.
            assertThat(due).as("snapshots taken for %s entries", entries).isBetween(25L, 40L);
            assertThat(entries - from).as("entries after the latest snapshot").isLessThanOrEqualTo(Math.max(5, entries / Exercises.SNAPSHOT_TAIL_SHARE));
            assertThat(again.state(id)).isEqualTo(before);
            assertThat(again.rebuiltFrom(id)).isEqualTo(from);
            again.close();
        }
    }

    /**
     * A state of more than 1,000,000 characters (the old column's room; subjects of random letters at
     * the longest a journal entry may hold, which gzip cannot shrink much, stand in for tens of
     * thousands of procedures) is kept and a restart rebuilds from it.
     */
    @Test
    void aSnapshotLongerThanAMillionCharactersIsKeptAndUsed() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        java.util.Random random = new java.util.Random(42);
        String letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";
        String[][] pairs = {{"POL", "BLR"}, {"RUS", "GEO"}, {"DEU", "FRA"}};
        String id;
        ExerciseState before;
        try (Database db = h2()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock).snapshotEvery(100);
            id = ex.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults()).id();
            for (int i = 0; i < 800; i++) {
                StringBuilder subject = new StringBuilder(2_000);
                for (int k = 0; k < 2_000; k++) {
                    subject.append(letters.charAt(random.nextInt(letters.length())));
                }
                String[] p = pairs[i % pairs.length];
                ok(ex, id, p[0], new Action.RequestInformation(p[1], subject.toString()));
            }
            before = ex.state(id);
            ex.snapshotsWritten();
            ex.close();
        }
        try (Database db = h2()) {
            Exercises again = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock).snapshotEvery(100);
            Exercises.Snapshot latest = again.latestSnapshot(id).orElseThrow();
            assertThat(latest.state().length()).as("the latest snapshot's state").isGreaterThan(1_000_000);
            assertThat(latest.seq()).as("snapshots every 100 entries, the last at the 800th action").isGreaterThanOrEqualTo(800);
            assertThat(again.state(id)).isEqualTo(before);
            assertThat(again.rebuiltFrom(id)).isEqualTo(latest.seq());
            again.close();
        }
    }

    @Test
    void aSnapshotReusesThePartsTheLastLeftUnchangedAndRebuildsTheSameState() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        String id;
        ExerciseState middle;
        ExerciseState before;
        try (Database db = h2()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock).snapshotEvery(200);
            Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults());
            id = c.id();
            List<String> parties = c.state().rules().parties();
            int n = parties.size();
            for (int i = 0; i < 700; i++) { // procedures 1 to 700: parts 0 to 2 of 256 ids
                ok(ex, id, parties.get(i % n), new Action.RequestInformation(parties.get((i + 1) % n), "question " + i));
            }
            middle = ex.state(id);
            ok(ex, id, parties.get(1), new Action.Reply(1, "the first answered")); // procedure 1 changes: part 0 is written anew
            for (int i = 0; i < 250; i++) {
                ok(ex, id, parties.get(i % n), new Action.RequestInformation(parties.get((i + 1) % n), "more " + i));
            }
            before = ex.state(id);
            long[] parts = ex.snapshotParts(id);
            assertThat(parts[1]).as("parts reused from the last snapshot").isGreaterThan(0);
            assertThat(parts[0] + parts[1]).as("parts over the snapshots at 200, 400, ... 800 entries").isGreaterThanOrEqualTo(1 + 1 + 2 + 3);
            ex.close();
        }
        try (Database db = h2()) {
            Exercises again = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock).snapshotEvery(200);
            long from = again.latestSnapshot(id).orElseThrow().seq();
            assertThat(from).isGreaterThanOrEqualTo(800);
            assertThat(again.state(id)).isEqualTo(before);
            assertThat(again.rebuiltFrom(id)).isEqualTo(from);
            assertThat(again.replay(id).state()).isEqualTo(before);
            again.close();
        }
        // Written after an earlier state, it reads back as the state itself, and as the whole-state write does.
        StateCodec.Incremental w = new StateCodec.Incremental();
        w.write(middle);
        String later = w.write(before);
        assertThat(w.reused).isGreaterThan(0);
        ExerciseState read = StateCodec.read(later, id, before.regime(), before.rules());
        assertThat(read).isEqualTo(before);
        assertThat(read).isEqualTo(StateCodec.read(StateCodec.write(before), id, before.regime(), before.rules()));
        assertThat(read).isNotEqualTo(middle);
    }

    /**
     * The whole journal replayed a page at a time gives the state and the problems one read of the
     * whole journal gives: unchanged, and with an entry cut at a page's edge or inside a page.
     */
    @Test
    void aReplayPageByPageIsTheReplayOfTheWholeJournal() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        try (Database db = h2()) {
            Exercises ex = exercises(db, clock);
            String id = busy(ex, clock);
            ExerciseState state = ex.state(id);
            long n = ex.journal(id).size();
            assertThat(n).isGreaterThan(14);
            for (int page : new int[] {1, 2, 7, (int) n - 1, (int) n, 5_000}) {
                Exercises.Replay r = ex.replayPage(page).replay(id);
                assertThat(r.problems()).as("page " + page).isEmpty();
                assertThat(r.state()).as("page " + page).isEqualTo(state);
                assertThat(r.entries()).isEqualTo(n);
                assertThat(r.lastHash()).isEqualTo(ex.journal(id).get((int) n - 1).hash());
            }
            ex.close();
            for (long cut : new long[] {8, 11}) { // the edge of a page of 7 (entry 8 opens the second page), and inside one
                String other = busy(exercises(db, clock), clock);
                try (Connection c = db.connection(); Statement st = c.createStatement()) {
                    st.executeUpdate("DELETE FROM journal WHERE exercise_id = '" + other + "' AND seq = " + cut);
                }
                Exercises again = exercises(db, clock);
                List<String> whole = again.replayPage(5_000).replay(other).problems();
                assertThat(whole).as("cut " + cut).isNotEmpty();
                assertThat(again.replayPage(7).replay(other).problems()).as("cut " + cut).isEqualTo(whole);
                again.close();
            }
        }
    }

    @Test
    void aSnapshotThatDoesNotCheckOutIsIgnored() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        String id;
        ExerciseState before;
        try (Database db = h2()) {
            Exercises ex = exercises(db, clock);
            id = busy(ex, clock);
            before = ex.state(id);
            ex.snapshotsWritten();
            ex.close();
            // The state edited (written as a valid snapshot of another state, but not signed by the key): refused, the journal decides.
            Exercises.Snapshot snap = ex.latestSnapshot(id).orElseThrow();
            ExerciseState other = ExerciseState.start(id, "est-2009", before.rules(), Instant.parse("2010-06-01T09:00:00Z"));
            try (Connection c = db.connection(); var ps = c.prepareStatement("UPDATE snapshot SET state = ? WHERE exercise_id = ?")) {
                ps.setString(1, StateCodec.write(other));
                ps.setString(2, id);
                ps.executeUpdate();
            }
            assertThat(ex.latestSnapshot(id).orElseThrow().state()).isNotEqualTo(snap.state());
        }
        try (Database db = h2()) {
            Exercises again = exercises(db, clock);
            assertThat(again.state(id)).isEqualTo(before);
            assertThat(again.rebuiltFrom(id)).as("from the whole journal").isZero();
            again.close();
        }
        // Its entry cut from the journal (and everything after): the snapshot names an entry the chain no longer has.
        String fresh;
        try (Database db = h2()) {
            Exercises ex = exercises(db, clock);
            fresh = busy(ex, clock);
            ex.snapshotsWritten();
            ex.close();
            long at = ex.latestSnapshot(fresh).orElseThrow().seq();
            try (Connection c = db.connection(); Statement st = c.createStatement()) {
                st.executeUpdate("DELETE FROM journal WHERE exercise_id = '" + fresh + "' AND seq >= " + at);
            }
        }
        try (Database db = h2()) {
            Exercises again = exercises(db, clock);
            ExerciseState s = again.state(fresh);
            assertThat(again.rebuiltFrom(fresh)).isZero();
            assertThat(s).isEqualTo(again.replay(fresh).state());
            again.close();
        }
    }

    @Test
    void oneExercisesRebuildDoesNotHoldUpAnothers() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        String slow;
        String quick;
        try (Database db = h2()) {
            Exercises ex = exercises(db, clock);
            slow = busy(ex, clock);
            quick = busy(ex, clock);
            ex.snapshotsWritten();
            ex.close();
        }
        try (Database db = h2()) {
            Exercises again = exercises(db, clock);
            CountDownLatch inside = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            again.beforeRebuild = id -> {
                if (id.equals(slow)) {
                    inside.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
            CompletableFuture<ExerciseState> held = CompletableFuture.supplyAsync(() -> again.state(slow));
            assertThat(inside.await(30, TimeUnit.SECONDS)).isTrue();
            // The slow exercise's rebuild is under way and stopped; the other one is rebuilt and answers meanwhile.
            ExerciseState other = CompletableFuture.supplyAsync(() -> again.state(quick)).get(60, TimeUnit.SECONDS);
            assertThat(other.exercise()).isEqualTo(quick);
            assertThat(held).isNotDone();
            release.countDown();
            assertThat(held.get(60, TimeUnit.SECONDS).exercise()).isEqualTo(slow);
            again.close();
        }
    }
}
