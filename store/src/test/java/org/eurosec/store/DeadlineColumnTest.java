package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.ProcedureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each exercise's next deadline is kept in its row, in real time, by the batch that changes it; a
 * server started after the deadline passed records it at its clock's next tick without anyone
 * asking for the exercise (before, it waited until someone did), dated when it passed; an exercise
 * with nothing pending is not read in. On H2 and on PostgreSQL. And the clock's inverse, which
 * turns an exercise deadline into real time, never gives an instant before the deadline is reached.
 */
class DeadlineColumnTest {

    @TempDir
    Path dir;

    @Test
    void aDeadlinePassedWhileNoServerRanIsRecordedAtTheNextServersFirstTickOnH2() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir))) {
            passedWhileDown(db);
        }
    }

    @Test
    void theSameOnPostgresql() throws Exception {
        String url = AdministrationTest.pgUrl();
        try (Database db = Database.open(url, Database.Settings.defaults().withKeyFile(dir.resolve("journal.key")))) {
            passedWhileDown(db);
        }
    }

    static Long column(Database db, String id) throws Exception {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT next_deadline FROM exercise WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                long v = rs.getLong(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    void passedWhileDown(Database db) throws Exception {
        // A real-time start of its own, long past: in a database shared with other tests, only this test's
        // exercises have deadlines that pass by this clock (the others' lie years later).
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        clock.now.set(Instant.parse("2001-01-01T00:00:00Z"));
        Exercises first = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
        String id = first.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults()).id();
        String idle = first.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults()).id();
        assertThat(column(db, id)).as("nothing pending yet").isNull();
        assertThat(first.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "exercise")).result())
                .isInstanceOf(Mechanism.Accepted.class);
        assertThat(first.act(idle, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "answered")).result())
                .isInstanceOf(Mechanism.Accepted.class);
        assertThat(first.act(idle, new Actor.Delegation("BLR"), new Action.Reply(1, "routine")).result()).isInstanceOf(Mechanism.Accepted.class);
        Instant due = first.state(id).procedure(1).orElseThrow().deadline().orElseThrow();
        ExerciseClock exerciseClock = first.clock(id);
        Instant dueReal = exerciseClock.realWhen(due);
        assertThat(column(db, id)).as("GEO's reply is due ten exercise days on, ten real minutes at 1,440x")
                .isEqualTo(dueReal.toEpochMilli()).isEqualTo(Instant.parse("2001-01-01T00:10:00Z").toEpochMilli());
        assertThat(column(db, idle)).as("answered: nothing pending").isNull();
        first.close(); // the server stops

        clock.advance(Duration.ofMinutes(11)); // and is down while the deadline passes
        Exercises second = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
        assertThat(second.memory().exercises()).isZero();
        assertThat(second.tick()).as("recorded at the first tick, nobody having asked for the exercise").isEqualTo(1);
        List<Journal.Entry> j = second.journal(id);
        Journal.Entry last = j.get(j.size() - 1);
        assertThat(last.actor()).isEqualTo("clock");
        assertThat(last.kind()).isEqualTo(new Action.DeadlinePassed(1, due.toString()).kind());
        assertThat(last.atExercise()).as("dated when the deadline passed").isEqualTo(due.toString());
        assertThat(Journal.verify(j)).isEmpty();
        assertThat(second.state(id).procedure(1).orElseThrow().status()).isEqualTo(Procedure.Status.NO_RESPONSE);
        assertThat(second.memory().exercises()).as("the exercise with nothing pending was not read").isEqualTo(1);
        assertThat(column(db, id)).isEqualTo(Exercises.nextDeadlineMillis(second.state(id), exerciseClock) == Exercises.NO_DEADLINE ? null
                : Exercises.nextDeadlineMillis(second.state(id), exerciseClock));
        int entries = j.size();
        second.close();

        Exercises third = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
        third.tick();
        assertThat(third.memory().exercises()).as("nothing left due: nothing read").isZero();
        assertThat(third.journal(id)).hasSize(entries);
        third.close();
    }

    /**
     * An exercise the tick cannot read (its journal edited) is passed over, said in the log and tried
     * again later; the other exercise's deadline is recorded at the same tick, and the tick does not fail.
     */
    @Test
    void anExerciseThatCannotBeReadDoesNotStopTheOthersDeadlines() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir))) {
            ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
            Exercises first = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
            String edited = first.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults()).id();
            String fine = first.create("est-2009", ExercisesTest.DAY, "accelerated", 1440, ProcedureRules.Settings.defaults()).id();
            for (String id : List.of(edited, fine)) {
                assertThat(first.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "exercise")).result())
                        .isInstanceOf(Mechanism.Accepted.class);
            }
            first.close();
            try (Connection conn = db.connection(); PreparedStatement ps = conn.prepareStatement(
                    "UPDATE journal SET body = REPLACE(body, 'exercise', 'edited') WHERE exercise_id = ? AND seq = 2")) {
                ps.setString(1, edited);
                assertThat(ps.executeUpdate()).isEqualTo(1);
            }
            clock.advance(Duration.ofMinutes(11));
            Exercises second = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, clock);
            assertThat(second.tick()).as("the one exercise that can be read").isEqualTo(1);
            assertThat(second.journal(fine).get(second.journal(fine).size() - 1).actor()).isEqualTo("clock");
            assertThat(second.tick()).as("the edited one waits a minute before it is tried again").isZero();
            clock.advance(Duration.ofMinutes(1));
            assertThat(second.tick()).as("the fine one has nothing left due").isZero();
            second.close();
        }
    }

    @Test
    void theClocksInverseGivesTheFirstRealInstantAtWhichTheDeadlineIsReached() {
        Random r = new Random(7);
        Instant originReal = Instant.parse("2026-12-07T10:00:00.123456789Z");
        Instant originExercise = Instant.parse("2010-06-01T09:00:00Z");
        for (long factor : new long[] {1, 7, 60, 1440, 100_000}) {
            ExerciseClock clock = new ExerciseClock(factor == 1 ? "real" : "accelerated", factor, originReal, originExercise);
            assertThat(clock.realWhen(originExercise.minusSeconds(5))).isEqualTo(originReal);
            for (int i = 0; i < 2000; i++) {
                Instant deadline = originExercise.plusSeconds(r.nextInt(1_000_000_000)).plusNanos(r.nextInt(1_000_000_000));
                Instant real = clock.realWhen(deadline);
                assertThat(clock.now(real)).as("reached at its instant").isAfterOrEqualTo(deadline);
                assertThat(clock.now(real.minusNanos(1))).as("not a nanosecond earlier").isBefore(deadline);
            }
        }
    }
}
