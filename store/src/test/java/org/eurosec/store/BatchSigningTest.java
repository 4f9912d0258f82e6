package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.ProcedureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal writer's batches, made deterministic by holding the writer while the actions queue
 * up, so that they all go in one batch: a batch signed on several threads gives every action a
 * receipt of its own entry, in sequence order, that checks against the journal; a batch whose
 * commit fails fails every action waiting on it, acknowledges none and leaves no gap. On H2 and,
 * when EUROSEC_PG_URL is set, on PostgreSQL (where the batch and its commit go in one round trip).
 */
class BatchSigningTest {

    @TempDir
    Path dir;

    private static final int ACTIONS = 40;

    private Database h2() {
        return Database.open(Database.defaultUrl(dir));
    }

    private static java.util.Optional<Database> postgresql() {
        String url = AdministrationTest.pgUrl();
        return java.util.Optional.of(Database.open(url));
    }

    @Test
    void aBatchSignedInParallelGivesEachActionTheReceiptOfItsEntryInOrderOnH2() throws Exception {
        try (Database db = h2()) {
            parallelSignedBatch(db);
        }
    }

    @Test
    void aBatchSignedInParallelGivesEachActionTheReceiptOfItsEntryInOrderOnPostgresql() throws Exception {
        try (Database db = postgresql().orElseThrow()) {
            parallelSignedBatch(db);
        }
    }

    @Test
    void aFailedCommitFailsEveryWaitingActionAndAcknowledgesNoneOnH2() throws Exception {
        try (Database db = h2()) {
            failedBatch(db);
        }
    }

    @Test
    void aFailedCommitFailsEveryWaitingActionAndAcknowledgesNoneOnPostgresql() throws Exception {
        try (Database db = postgresql().orElseThrow()) {
            failedBatch(db);
        }
    }

    /** Each of {@code n} delegations asks the next one for information, all at once, while the writer is held; the outcomes or failures. */
    private static List<Future<Exercises.Outcome>> queueActions(Exercises ex, String id, List<String> parties, int n, String subject) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        List<Future<Exercises.Outcome>> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String from = parties.get(i);
            String to = parties.get(i + 1);
            String s = subject.replace("#", String.valueOf(i));
            out.add(pool.submit(() -> ex.act(id, new Actor.Delegation(from), new Action.RequestInformation(to, s))));
        }
        pool.shutdown();
        long until = System.nanoTime() + 30_000_000_000L;
        while (ex.queued() < n) {
            assertThat(System.nanoTime()).as("the actions reach the writer's queue").isLessThan(until);
            Thread.sleep(5);
        }
        return out;
    }

    private static void parallelSignedBatch(Database db) throws Exception {
        Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, java.time.Clock.systemUTC());
        try {
            Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "real", 1, ProcedureRules.Settings.defaults());
            String id = c.id();
            List<String> parties = c.state().rules().parties();
            Runnable release = ex.holdWriter(id);
            List<Future<Exercises.Outcome>> waiting = queueActions(ex, id, parties, ACTIONS, "question #");
            Exercises.WriterCounts before = ex.writerCounts();
            long helpedBefore = ex.signedByHelpers();
            release.run();
            List<Journal.Entry> acknowledged = new ArrayList<>();
            for (Future<Exercises.Outcome> f : waiting) {
                Exercises.Outcome o = f.get();
                assertThat(o.result()).isInstanceOf(Mechanism.Accepted.class);
                acknowledged.add(o.entry().orElseThrow());
            }
            Exercises.WriterCounts after = ex.writerCounts();
            assertThat(after.commits() - before.commits()).as("the holding batch and one batch of all the actions").isEqualTo(2);
            assertThat(after.jobs() - before.jobs()).isEqualTo(ACTIONS + 1);
            assertThat(ex.signedByHelpers() - helpedBefore).as("entries of the batch signed by a helper thread").isPositive();

            // Every action's receipt is its own entry's: signed by the key over its exercise, place and hash.
            List<Receipt> receipts = acknowledged.stream().map(Receipt::of).sorted(Comparator.comparingLong(Receipt::seq)).toList();
            assertThat(receipts.stream().mapToLong(Receipt::seq).toArray()).as("one entry each, in sequence, after the creation")
                    .containsExactly(LongStream.rangeClosed(2, ACTIONS + 1).toArray());
            for (Receipt r : receipts) {
                assertThat(r.keyId()).isEqualTo(db.key().id());
                assertThat(db.key().verify(id, r.seq(), r.hash(), r.signature())).isTrue();
            }
            List<Journal.Entry> journal = ex.journal(id);
            assertThat(journal).hasSize(ACTIONS + 1);
            assertThat(Journal.verify(journal)).isEmpty();
            assertThat(Journal.verifySignatures(journal, db.key())).isEmpty();
            assertThat(Receipt.check(id, journal, receipts, db.key())).isEmpty();
            // The journal holds what was acknowledged, entry for entry: the action of each subject where its receipt says.
            for (Journal.Entry e : acknowledged) {
                Journal.Entry stored = journal.get((int) e.seq() - 1);
                assertThat(stored.seq()).isEqualTo(e.seq());
                assertThat(stored.body()).isEqualTo(e.body());
                assertThat(stored.hash()).isEqualTo(e.hash());
                assertThat(stored.signature()).isEqualTo(e.signature());
            }
        } finally {
            ex.close();
        }
    }

    private static void failedBatch(Database db) throws Exception {
        String marker = "refused-by-the-test-" + Long.toHexString(System.nanoTime());
        String constraint = "batch_test_" + Long.toHexString(System.nanoTime());
        Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, java.time.Clock.systemUTC());
        try {
            Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "real", 1, ProcedureRules.Settings.defaults());
            String id = c.id();
            List<String> parties = c.state().rules().parties();
            Exercises.Outcome first = ex.act(id, new Actor.Delegation(parties.get(0)), new Action.RequestInformation(parties.get(1), "before"));
            assertThat(first.entry().orElseThrow().seq()).isEqualTo(2);
            // The database refuses one entry of the coming batch: the commit of the whole batch fails.
            try (Connection conn = db.connection(); Statement st = conn.createStatement()) {
                st.execute("ALTER TABLE journal ADD CONSTRAINT " + constraint + " CHECK (body NOT LIKE '%" + marker + "%')");
            }
            List<Future<Exercises.Outcome>> waiting;
            Exercises.WriterCounts before;
            try {
                Runnable release = ex.holdWriter(id);
                waiting = queueActions(ex, id, parties, 20, "question #");
                List<Future<Exercises.Outcome>> bad = queueActionsFrom(ex, id, parties.get(30), parties.get(31), marker, waiting.size());
                waiting = new ArrayList<>(waiting);
                waiting.addAll(bad);
                before = ex.writerCounts();
                release.run();
                for (Future<Exercises.Outcome> f : waiting) {
                    try {
                        Exercises.Outcome o = f.get();
                        throw new AssertionError("an action of the failed batch was answered: " + o.result() + " " + o.entry());
                    } catch (java.util.concurrent.ExecutionException e) {
                        assertThat(e.getCause()).as("not acknowledged: the API answers 503").isInstanceOf(StoreUnavailable.class)
                                .hasMessageContaining("not recorded");
                    }
                }
            } finally {
                try (Connection conn = db.connection(); Statement st = conn.createStatement()) {
                    st.execute("ALTER TABLE journal DROP CONSTRAINT " + constraint);
                }
            }
            Exercises.WriterCounts after = ex.writerCounts();
            assertThat(after.jobs() - before.jobs()).as("only the holding job was answered").isEqualTo(1);
            List<Journal.Entry> journal = ex.journal(id);
            assertThat(journal).as("nothing of the failed batch").hasSize(2);
            assertThat(Journal.verify(journal)).isEmpty();
            assertThat(Journal.verifySignatures(journal, db.key())).isEmpty();
            // The store answers again by itself, and the next entry follows the last committed one: no gap, no signature given for the lost ones.
            assertThat(ex.health()).isEmpty();
            Exercises.Outcome next = ex.act(id, new Actor.Delegation(parties.get(0)), new Action.RequestInformation(parties.get(1), "after"));
            Journal.Entry e = next.entry().orElseThrow();
            assertThat(e.seq()).isEqualTo(3);
            assertThat(Receipt.check(id, ex.journal(id), List.of(Receipt.of(first.entry().orElseThrow()), Receipt.of(e)), db.key())).isEmpty();
            assertThat(ex.state(id)).isEqualTo(ex.replay(id).state());
        } finally {
            ex.close();
        }
    }

    @Test
    void aRetryInTheSameBatchGetsTheFirstAnswerWithItsReceipt() throws Exception {
        try (Database db = h2()) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, java.time.Clock.systemUTC());
            try {
                Exercises.Created c = ex.create("est-2009", ExercisesTest.DAY, "real", 1, ProcedureRules.Settings.defaults());
                String id = c.id();
                Actor geo = new Actor.Delegation("GEO");
                Action ask = new Action.RequestInformation("RUS", "once");
                // The answer names the entry and carries its signature, as the API's does.
                java.util.function.Function<Exercises.Outcome, Exercises.Answer> render = o -> new Exercises.Answer(
                        o.entry().isPresent() ? 201 : 409, o.entry().map(e -> e.seq() + " " + e.signature()).orElse(""), false);
                Runnable release = ex.holdWriter(id);
                ExecutorService pool = Executors.newFixedThreadPool(3);
                // Into the writer's queue in this order, all three in the batch after the holding one.
                Future<Exercises.Answer> first = queued(ex, 1, pool.submit(() -> ex.act(id, geo, ask, java.util.Optional.of("key-1"), render)));
                Future<Exercises.Answer> retry = queued(ex, 2, pool.submit(() -> ex.act(id, geo, ask, java.util.Optional.of("key-1"), render)));
                Future<Exercises.Answer> misused = queued(ex, 3, pool.submit(() -> ex.act(id, geo, new Action.RequestInformation("RUS", "another"),
                        java.util.Optional.of("key-1"), render)));
                Exercises.WriterCounts before = ex.writerCounts();
                release.run();
                Exercises.Answer a = first.get();
                assertThat(a.status()).isEqualTo(201);
                assertThat(a.repeated()).isFalse();
                Exercises.Answer b = retry.get();
                assertThat(b.repeated()).isTrue();
                assertThat(b.status()).isEqualTo(201);
                assertThat(b.body()).as("the first answer, with the first entry's signature").isEqualTo(a.body());
                try {
                    misused.get();
                    throw new AssertionError("the same key with another action was accepted");
                } catch (java.util.concurrent.ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(BadInput.class).hasMessageContaining("Idempotency-Key");
                }
                pool.shutdown();
                assertThat(ex.writerCounts().commits() - before.commits()).as("the holding batch and the batch of the three").isEqualTo(2);
                List<Journal.Entry> journal = ex.journal(id);
                assertThat(journal).as("one entry for the action and its retry").hasSize(2);
                assertThat(a.body()).isEqualTo("2 " + journal.get(1).signature());
            } finally {
                ex.close();
            }
        }
    }

    /** {@code f} once the writer's queue holds {@code n} jobs (its own the last). */
    private static <T> Future<T> queued(Exercises ex, int n, Future<T> f) throws InterruptedException {
        long until = System.nanoTime() + 30_000_000_000L;
        while (ex.queued() < n) {
            assertThat(System.nanoTime()).as("the action reaches the writer's queue").isLessThan(until);
            Thread.sleep(5);
        }
        return f;
    }

    /** One more action queued behind {@code already} others, from {@code from} to {@code to}. */
    private static List<Future<Exercises.Outcome>> queueActionsFrom(Exercises ex, String id, String from, String to, String subject, int already)
            throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        Future<Exercises.Outcome> f = pool.submit(() -> ex.act(id, new Actor.Delegation(from), new Action.RequestInformation(to, subject)));
        pool.shutdown();
        long until = System.nanoTime() + 30_000_000_000L;
        while (ex.queued() < already + 1) {
            assertThat(System.nanoTime()).as("the action reaches the writer's queue").isLessThan(until);
            Thread.sleep(5);
        }
        return List.of(f);
    }
}
