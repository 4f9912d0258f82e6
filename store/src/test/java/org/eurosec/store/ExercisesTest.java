package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exercises in a real H2 file database: credentials, the journal's chain, deadlines on an injected clock, replay, parallel votes. */
class ExercisesTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Map<String, Regime> REGIMES = EmbeddedData.regimes(BASE);
    static final LocalDate DAY = LocalDate.of(2010, 6, 1);

    /** A clock the test moves by hand. */
    static final class HandClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-28T12:00:00Z"));

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        void advance(Duration d) {
            now.updateAndGet(t -> t.plus(d));
        }
    }

    @TempDir
    Path dir;

    Database db() {
        return Database.open(Database.defaultUrl(dir));
    }

    @Test
    void credentialsAreStoredAsHashesAndNameTheirActor() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, BASE, REGIMES, new HandClock());
            Exercises.Created c = ex.create("est-2009", DAY, "real", 1, ProcedureRules.Settings.defaults());
            assertThat(c.tokens()).hasSize(c.state().rules().parties().size() + 2).containsKeys("delegation:GEO", "depositary", "observer");
            assertThat(ex.authenticate(c.tokens().get("delegation:GEO"))).contains(new Exercises.Who(c.id(), new Actor.Delegation("GEO")));
            assertThat(ex.authenticate("es_wrong")).isEmpty();
            try (Connection conn = db.connection(); Statement st = conn.createStatement();
                    var rs = st.executeQuery("SELECT COUNT(*) FROM credential WHERE token_hash = '" + c.tokens().get("depositary") + "'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the token itself is not stored").isZero();
            }
        }
    }

    /**
     * An action the journal could not read back (a subject over the codec's 2,000 characters) is
     * refused before anything is written, even when it comes straight to the store and not through
     * the HTTP layer's reading: the exercise keeps its journal and still loads after a restart.
     */
    @Test
    void anActionTheJournalCouldNotReplayIsRefusedAndNothingIsWritten() throws Exception {
        String id;
        int entries;
        try (Database db = db()) {
            Exercises ex = new Exercises(db, BASE, REGIMES, new HandClock());
            id = ex.create("est-2009", DAY, "real", 1, ProcedureRules.Settings.defaults()).id();
            entries = ex.journal(id).size();
            assertThatThrownBy(() -> ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "x".repeat(2_001))))
                    .isInstanceOfSatisfying(BadInput.class, e -> {
                        assertThat(e.status()).isEqualTo(422);
                        assertThat(e.field()).isEqualTo("subject");
                    });
            assertThat(ex.journal(id)).hasSize(entries);
            assertThat(ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "x".repeat(2_000))).result())
                    .isInstanceOf(Mechanism.Accepted.class);
            ex.close();
        }
        try (Database db = db()) {
            Exercises again = new Exercises(db, BASE, REGIMES, new HandClock());
            assertThat(again.replay(id).problems()).isEmpty();
            assertThat(again.journal(id)).hasSize(entries + 1);
            again.close();
        }
    }

    /**
     * An action given straight to the store is taken as its journal entry will be read back, so the
     * state decided now is the state replay rebuilds: a state id in lower case is taken as the
     * upper-case id the codec reads. Before, the store decided on the action as given (here refused:
     * "blr" is no party) while its entry would have replayed as BLR's.
     */
    @Test
    void aDirectActionIsDecidedAsItsEntryReplays() throws Exception {
        String id;
        ExerciseState live;
        try (Database db = db()) {
            Exercises ex = new Exercises(db, BASE, REGIMES, new HandClock());
            id = ex.create("est-2009", DAY, "real", 1, ProcedureRules.Settings.defaults()).id();
            Exercises.Outcome o = ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("blr", "exercises"));
            assertThat(o.result()).isInstanceOf(Mechanism.Accepted.class);
            assertThat(o.entry().orElseThrow().body()).contains("\"to\":\"blr\"");
            live = ex.state(id);
            ex.close();
        }
        try (Database db = db()) {
            Exercises again = new Exercises(db, BASE, REGIMES, new HandClock());
            Exercises.Replay r = again.replay(id);
            assertThat(r.problems()).isEmpty();
            assertThat(r.state()).isEqualTo(live);
            again.close();
        }
    }

    @Test
    void anExerciseTheRulesRefuseIsNotCreated() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, BASE, REGIMES, new HandClock());
            ProcedureRules.Settings d = ProcedureRules.Settings.defaults();
            ProcedureRules.Settings forever = new ProcedureRules.Settings(java.time.Period.ofYears(999_999_999), d.holdWithin(), d.supportWindow(),
                    d.votingWindow());
            assertThatThrownBy(() -> ex.create("est-2009", DAY, "real", 1, forever)).isInstanceOfSatisfying(BadInput.class, e -> {
                assertThat(e.status()).isEqualTo(422);
                assertThat(e.field()).isEqualTo("reply_within");
            });
            assertThatThrownBy(() -> ex.create("est-2009", LocalDate.of(1949, 1, 1), "real", 1, d)).isInstanceOfSatisfying(BadInput.class, e -> {
                assertThat(e.field()).isEqualTo("day");
                assertThat(e.getMessage()).contains("no state parties");
            });
            assertThat(ex.ids()).isEmpty();
        }
    }

    @Test
    void theJournalNamesAnEditedRemovedOrReorderedEntry() throws Exception {
        try (Database db = db()) {
            HandClock clock = new HandClock();
            Exercises ex = new Exercises(db, BASE, REGIMES, clock);
            Exercises.Created c = ex.create("est-2009", DAY, "accelerated", 60, ProcedureRules.Settings.defaults());
            for (String s : List.of("GEO", "UKR", "MDA")) {
                clock.advance(Duration.ofSeconds(30));
                assertThat(ex.act(c.id(), new Actor.Delegation("RUS"), new Action.RequestInformation(s, "exercise")).result())
                        .isInstanceOf(Mechanism.Accepted.class);
            }
            assertThat(Journal.verify(ex.journal(c.id()))).isEmpty();
            try (Connection conn = db.connection(); Statement st = conn.createStatement()) {
                st.executeUpdate("UPDATE journal SET body = REPLACE(body, 'UKR', 'BLR') WHERE exercise_id = '" + c.id() + "' AND seq = 3");
            }
            assertThat(Journal.verify(ex.journal(c.id()))).singleElement().asString().startsWith("entry 3").contains("edited");
            try (Connection conn = db.connection(); Statement st = conn.createStatement()) {
                st.executeUpdate("UPDATE journal SET body = REPLACE(body, 'BLR', 'UKR') WHERE exercise_id = '" + c.id() + "' AND seq = 3");
                st.executeUpdate("DELETE FROM journal WHERE exercise_id = '" + c.id() + "' AND seq = 2");
            }
            assertThat(Journal.verify(ex.journal(c.id()))).anySatisfy(p -> assertThat(p).startsWith("entry 3").contains("entries 2 are missing"));
            List<Journal.Entry> all = new ArrayList<>(ex.journal(c.id()));
            java.util.Collections.swap(all, 1, 2);
            assertThat(Journal.verify(all)).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("entry"));
        }
    }

    @Test
    void aMissedDeadlineIsJournaledByTheClockAndTheExerciseReplaysAfterARestart() throws Exception {
        HandClock clock = new HandClock();
        String id;
        ExerciseState before;
        try (Database db = db()) {
            Exercises ex = new Exercises(db, BASE, REGIMES, clock);
            Exercises.Created c = ex.create("est-2009", DAY, "accelerated", 1440, ProcedureRules.Settings.defaults());
            id = c.id();
            ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "exercise"));
            ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "exercise"));
            clock.advance(Duration.ofMinutes(5)); // five exercise days at 1,440x
            assertThat(ex.act(id, new Actor.Delegation("BLR"), new Action.Reply(2, "routine training")).result()).isInstanceOf(Mechanism.Accepted.class);
            clock.advance(Duration.ofMinutes(6)); // eleven days: GEO's reply (due after ten) never came
            before = ex.state(id);
            assertThat(before.procedure(1).orElseThrow().status()).isEqualTo(Procedure.Status.NO_RESPONSE);
            assertThat(before.procedure(2).orElseThrow().status()).isEqualTo(Procedure.Status.ANSWERED);
            assertThat(ex.journal(id)).extracting(Journal.Entry::actor).contains("clock");
        }
        try (Database db = db()) {
            Exercises again = new Exercises(db, BASE, REGIMES, clock);
            Exercises.Replay r = again.replay(id);
            assertThat(r.problems()).isEmpty();
            assertThat(r.state()).isEqualTo(before);
            assertThat(again.state(id)).isEqualTo(before);
        }
    }

    @Test
    void manyDelegationsVotingAtOnceGiveOneVoteEachAndOneDecision() throws Exception {
        try (Database db = db()) {
            parallelVotes(db);
        }
    }

    @Test
    void theSameOnPostgresql() throws Exception {
        String url = AdministrationTest.pgUrl();
        try (Database db = Database.open(url)) {
            parallelVotes(db);
        }
    }

    /**
     * The connection is lost while the batch's commit is on its way (PostgreSQL; the writer's
     * session is ended from another connection just before the commit is sent): the server cannot
     * tell whether it took, so the action is not said to be unrecorded (before, the 503 said "the
     * action was not recorded", and in a trial where PostgreSQL was frozen at that moment the
     * action was in the journal). A retry with the same Idempotency-Key then acts once.
     */
    @Test
    void aCommitTheDatabaseDidNotConfirmIsNotSaidToBeLostAndARetryWithItsKeyActsOnce() throws Exception {
        String url = AdministrationTest.pgUrl();
        try (Database db = Database.open(url)) {
            Exercises ex = new Exercises(db, BASE, REGIMES, new HandClock());
            String id = ex.create("est-2009", DAY, "real", 1, ProcedureRules.Settings.defaults()).id();
            java.util.concurrent.atomic.AtomicBoolean once = new java.util.concurrent.atomic.AtomicBoolean(true);
            ex.beforeCommit(() -> {
                if (once.getAndSet(false)) {
                    try (Connection other = db.connection(); Statement st = other.createStatement()) {
                        // The writer's session is the one of this database idle inside its transaction, about to commit.
                        st.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database()"
                                + " AND pid <> pg_backend_pid() AND state = 'idle in transaction'");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
            });
            Action ask = new Action.RequestInformation("UKR", "in doubt");
            Optional<String> key = Optional.of("retry-after-doubt");
            java.util.function.Function<Exercises.Outcome, Exercises.Answer> render = o -> new Exercises.Answer(201, "seq " + o.entry().map(Journal.Entry::seq).orElse(0L), false);
            assertThatThrownBy(() -> ex.act(id, new Actor.Delegation("RUS"), ask, key, render)).isInstanceOf(Exercises.JournalUnavailable.class)
                    .hasMessageContaining("did not confirm the commit").hasMessageContaining("may or may not be recorded")
                    .hasMessageContaining("Idempotency-Key").hasMessageNotContaining("was not recorded");
            Exercises.Answer again = ex.act(id, new Actor.Delegation("RUS"), ask, key, render);
            assertThat(again.status()).isEqualTo(201);
            List<Journal.Entry> journal = ex.journal(id);
            assertThat(journal.stream().filter(e -> e.body().contains("in doubt")).count()).as("journaled once").isEqualTo(1);
            assertThat(Journal.verify(journal)).isEmpty();
            ex.close();
        }
    }

    /**
     * The journal writer's catch-up read on PostgreSQL, planned once for any values (as the writer
     * asks for it) and with parallel plans made as cheap as they can be, starts no parallel workers
     * and is not compiled (JIT) on the store's connections. The read before this one,
     * "(exercise_id = ? AND seq > ?) OR ...", started two workers for each batch of two or more
     * exercises on a journal of 2.4 million entries (about 10 ms of PostgreSQL's time each).
     */
    @Test
    void theCatchUpReadGoesByTheIndexForAnyValuesOnPostgresql() throws Exception {
        String url = AdministrationTest.pgUrl();
        try (Database db = Database.open(url); Connection c = db.connection(); Statement st = c.createStatement()) {
            for (String cheap : List.of("parallel_setup_cost = 0", "parallel_tuple_cost = 0", "min_parallel_table_scan_size = 0",
                    "min_parallel_index_scan_size = 0", "plan_cache_mode = force_generic_plan", "jit_above_cost = 0")) {
                st.execute("SET " + cheap);
            }
            String sql = Journal.READ_AFTER_ARRAYS;
            for (int i = 1; sql.contains("?"); i++) {
                sql = sql.replaceFirst("\\?", "\\$" + i);
            }
            st.execute("PREPARE catch_up (varchar[], bigint[]) AS " + sql);
            StringBuilder plan = new StringBuilder();
            try (var rs = st.executeQuery("EXPLAIN EXECUTE catch_up ('{ex-a,ex-b}', '{0,0}')")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("journal").doesNotContain("Gather").doesNotContain("Parallel").doesNotContain("JIT");
            assertThat(Exercises.LOCK_AND_READ).startsWith("SET LOCAL plan_cache_mode = force_generic_plan;").endsWith(Journal.READ_AFTER_ARRAYS);
        }
    }

    /**
     * PostgreSQL keeps a snapshot's state uncompressed (migration V6): its default compression spent
     * some 15 ms of CPU on each state of bench/load's size and did not shrink it.
     */
    @Test
    void snapshotStatesAreStoredUncompressedOnPostgresql() throws Exception {
        String url = AdministrationTest.pgUrl();
        try (Database db = Database.open(url); Connection c = db.connection(); Statement st = c.createStatement();
                var rs = st.executeQuery("SELECT attstorage FROM pg_attribute WHERE attrelid = 'snapshot'::regclass AND attname = 'state'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("e");
        }
    }

    /**
     * Every party but Russia votes yes on conference 1 of the exercise, twice each, all at once (16
     * threads): checks that one vote each is accepted and the other refused, that the conference is
     * adopted with one vote per delegation, and that the journal (creation, notification, votes) is
     * one chain. Returns the voters.
     */
    static List<String> voteTwiceEachAtOnce(Exercises ex, Exercises.Created c) throws Exception {
        List<String> voters = c.state().rules().parties().stream().filter(p -> !p.equals("RUS")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Mechanism.Result>> results = new ArrayList<>();
        for (String v : voters) {
            for (int twice = 0; twice < 2; twice++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return ex.act(c.id(), new Actor.Delegation(v), new Action.Vote(1, Action.Ballot.YES)).result();
                }));
            }
        }
        go.countDown();
        int accepted = 0;
        int refused = 0;
        for (Future<Mechanism.Result> f : results) {
            if (f.get() instanceof Mechanism.Accepted) {
                accepted++;
            } else {
                refused++;
            }
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(voters.size());
        assertThat(refused).isEqualTo(voters.size());
        Procedure.Conference conf = (Procedure.Conference) ex.state(c.id()).procedure(1).orElseThrow();
        assertThat(conf.votes()).hasSize(voters.size());
        assertThat(conf.status()).isEqualTo(Procedure.Status.ADOPTED);
        List<Journal.Entry> j = ex.journal(c.id());
        assertThat(j).hasSize(2 + voters.size());
        assertThat(Journal.verify(j)).isEmpty();
        return voters;
    }

    void parallelVotes(Database db) throws Exception {
        {
            Exercises ex = new Exercises(db, BASE, REGIMES, new HandClock());
            Exercises.Created c = ex.create("est-2009", DAY, "real", 1, ProcedureRules.Settings.defaults());
            ex.act(c.id(), new Actor.Delegation("GEO"), new Action.NotifyAttack("RUS", "GEO", false));
            List<String> voters = voteTwiceEachAtOnce(ex, c);
            // The writer's counts: every action was a job of a committed batch, every entry but the creation's its write.
            Exercises.WriterCounts n = ex.writerCounts();
            assertThat(n.jobs()).isEqualTo(1 + 2L * voters.size());
            assertThat(n.entries()).isEqualTo(ex.journal(c.id()).size() - 1);
            assertThat(n.commits()).isBetween(2L, n.jobs());
        }
    }

    /** An exercise under a reading other than the default keeps it: its quorums are counted so, and a fresh store replays it so. */
    @Test
    void anExerciseUnderAReadingIsReplayedUnderTheSameReading() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, BASE, REGIMES, new HandClock());
            Exercises.Created c = ex.create("est-2009", Optional.empty(), DAY, "real", 1, ProcedureRules.Settings.defaults(),
                    Map.of("est-2009/organisations-in-quorum", "with-organisations"));
            // 56 participating States and the five organisations that may sign: at least 4/5 of 61 is 48.8, so 49.
            assertThat(c.state().rules().extraordinary().orElseThrow().quorum().orElseThrow().required()).isEqualTo(49);
            assertThat(ex.create("est-2009", DAY, "real", 1, ProcedureRules.Settings.defaults()).state().rules().extraordinary().orElseThrow()
                    .quorum().orElseThrow().required()).isEqualTo(45);
            Exercises.Replay r = new Exercises(db, BASE, REGIMES, new HandClock()).replay(c.id());
            assertThat(r.problems()).isEmpty();
            assertThat(r.state().rules().extraordinary().orElseThrow().quorum().orElseThrow().required()).isEqualTo(49);
            assertThatThrownBy(() -> ex.create("est-2009", Optional.empty(), DAY, "real", 1, ProcedureRules.Settings.defaults(),
                    Map.of("no-such", "thing"))).isInstanceOf(BadInput.class).hasMessageContaining("unknown interpretation 'no-such'");
            assertThat(ex.ids()).hasSize(2);
        }
    }

    @Test
    void badRequestsToTheStoreChangeNothing() throws Exception {
        try (Database db = db()) {
            Exercises ex = new Exercises(db, BASE, REGIMES, new HandClock());
            assertThatThrownBy(() -> ex.create("no-such", DAY, "real", 1, ProcedureRules.Settings.defaults())).isInstanceOf(BadInput.class)
                    .hasMessageContaining("est-2009");
            assertThatThrownBy(() -> ex.create("status-quo", DAY, "real", 1, ProcedureRules.Settings.defaults())).isInstanceOf(BadInput.class)
                    .hasMessageContaining("no instrument of its own").hasMessageContaining("cfe-1990");
            assertThat(ex.create("status-quo", Optional.of("cfe-1990"), DAY, "real", 1, ProcedureRules.Settings.defaults())
                    .state().rules().instrument()).isEqualTo("cfe-1990");
            assertThat(ex.ids()).hasSize(1);
            assertThatThrownBy(() -> ex.journal("ex-none")).isInstanceOf(BadInput.class);
        }
    }

    @Test
    void anActionTheDatabaseWillNotTakeIsNotAcknowledgedAndLeavesNoTrace() throws Exception {
        HandClock clock = new HandClock();
        String id;
        Database db = db();
        Exercises ex = new Exercises(db, BASE, REGIMES, clock);
        id = ex.create("est-2009", DAY, "real", 1, ProcedureRules.Settings.defaults()).id();
        ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "before"));
        db.close();
        assertThatThrownBy(() -> ex.act(id, new Actor.Delegation("RUS"), new Action.RequestInformation("UKR", "lost")))
                .isInstanceOf(Exercises.JournalUnavailable.class).hasMessageContaining("not recorded");
        ex.close();
        try (Database again = db()) {
            Exercises.Replay r = new Exercises(again, BASE, REGIMES, clock).replay(id);
            assertThat(r.problems()).isEmpty();
            assertThat(r.entries()).isEqualTo(2);
            assertThat(r.state().procedures()).hasSize(1);
        }
    }
}
