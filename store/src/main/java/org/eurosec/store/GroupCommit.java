package org.eurosec.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The journal's writers: work on exercises (an action to decide, deadlines to record, a closing)
 * queues up while a commit is under way, and the next commit takes all of it in one transaction
 * (group commit), so many delegations acting at once cost one disk flush, not one each.
 *
 * <p>Each exercise has one writer (its id's hash picks it), so the work on one exercise is decided
 * in the order it came, one batch at a time, as with a single writer. On PostgreSQL there are
 * several writers, each with its own queue, thread and connection: exercises of different writers
 * are committed at the same time, in transactions of their own, rather than all waiting for one
 * commit after another (the database serves several clients at once; one writer would leave it
 * idle while it decides and signs, and itself idle while the database commits). An H2 database has
 * one writer, as it syncs its whole file at each commit.
 *
 * <p>Inside that transaction each exercise of the batch, in id order (so two servers never wait on
 * each other in a cycle), is first locked in the database (a row lock on its {@code exercise} row,
 * held to the commit) and brought up to date from the journal entries other processes committed
 * since (see {@link Host#decide}); only then are its actions decided and chained. So several server
 * processes on one PostgreSQL database decide each exercise's actions one at a time, each on the
 * state the journal gives, and the chain stays linear. A job is answered only after its transaction
 * commits and is on stable storage ({@link Database#sync}); if anything fails, nothing of the batch
 * is in the journal, every job of it fails, and its exercises are dropped from memory to be read
 * again from what was committed.
 *
 * <p>After a failed write the pool is reset, so the next batch reopens the database (an H2 file that
 * hit a full disk closes itself), and {@link #failure()} says what went wrong until a write succeeds.
 */
final class GroupCommit implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GroupCommit.class);
    private static final int MAX_BATCH = 512;

    /** Work on one exercise, decided by the writer inside the transaction that commits it. */
    interface Job {
        String exercise();

        /** Its transaction committed: answer. */
        void committed();

        /** Its transaction failed (or never began): nothing of it is in the journal. */
        void failed(Throwable t);
    }

    /** What the writer asks of the exercises. */
    interface Host {
        /**
         * Locks the exercises (keys of {@code jobs}, in id order) for the transaction on {@code c},
         * brings them up to date from the journal and decides each one's jobs in order, adding their
         * entries and key rows to {@code out}; a few statements for the whole batch, not per exercise.
         */
        void decide(Connection c, Map<String, List<Job>> jobs, Out out) throws SQLException;

        /**
         * The batch holding work on {@code exercise} committed: what the writer decided for it may now
         * be shown to readers. Called before any of the batch's jobs is answered.
         */
        void committed(String exercise);

        /** The batch holding work on {@code exercise} failed: what memory holds of it may not be in the journal. */
        void failed(String exercise);
    }

    /** For tests: run after a batch is decided and signed, before its commit; what it throws fails the batch. */
    volatile Runnable beforeCommit = () -> {
    };

    /** An action's Idempotency-Key, by whom, the hash of its request, its entry (0 for a refusal) and the answer given. */
    record Idem(String exercise, String actor, String key, String requestHash, long seq, int status, String response) {
    }

    /**
     * What a batch writes: entries in order, and the Idempotency-Keys with their answers. The
     * entries are chained as the jobs are decided and signed all together after that (see
     * {@link EntrySigner}); what needs an entry's signature (an answer with its receipt) is done in
     * {@link #afterSigning}, in the order the jobs were decided.
     */
    static final class Out {
        final List<Journal.Entry> entries = new ArrayList<>();
        final List<Idem> keys = new ArrayList<>();
        /** Keys given in this batch (exercise, actor, key) to the job that gave each first, for a retry that comes in the same batch. */
        final Map<String, Object> batchKeys = new HashMap<>();
        /** Steps run once {@link #entries} are signed (in place), in the order added. */
        final List<Runnable> afterSigning = new ArrayList<>();

        /** Replaces the entries by their signed selves (the same entries, in the same order) and runs the steps that waited for them. */
        void signed(List<Journal.Entry> signed) {
            if (signed.size() != entries.size()) {
                throw new IllegalStateException("signed " + signed.size() + " entries of " + entries.size());
            }
            for (int i = 0; i < signed.size(); i++) {
                Journal.Entry e = signed.get(i);
                Journal.Entry was = entries.get(i);
                if (!e.signed() || e.seq() != was.seq() || !e.hash().equals(was.hash()) || !e.exercise().equals(was.exercise())) {
                    throw new IllegalStateException("the signed entry " + i + " is not the entry chained there");
                }
                entries.set(i, e);
            }
            for (Runnable r : afterSigning) {
                r.run();
            }
            afterSigning.clear();
        }
    }

    private final Database db;
    private final Host host;
    private final List<BlockingQueue<Job>> queues = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean closing;
    /** Since the start: the writer's transactions that committed, the journal entries they wrote and the jobs they answered. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong entries = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong jobs = new java.util.concurrent.atomic.AtomicLong();

    /** What the writer has committed since the start: its transactions (one per batch), their journal entries and the jobs they answered. */
    record Counts(long commits, long entries, long jobs) {
    }

    /** Writers for a database: several on PostgreSQL, one on H2. */
    static int writersFor(Database db) {
        return db.isPostgresql() ? POSTGRESQL_WRITERS : 1;
    }

    /** The writers on PostgreSQL: enough for its commits to overlap, few beside the connection pool's 16. */
    static final int POSTGRESQL_WRITERS = 4;

    GroupCommit(Database db, Host host, int writers) {
        if (writers < 1) {
            throw new IllegalArgumentException("at least one writer, not " + writers);
        }
        this.db = db;
        this.host = host;
        for (int i = 0; i < writers; i++) {
            BlockingQueue<Job> q = new LinkedBlockingQueue<>();
            queues.add(q);
            Thread t = new Thread(() -> run(q), writers == 1 ? "eurosec-journal-writer" : "eurosec-journal-writer-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
        }
        threads.forEach(Thread::start);
    }

    /** How many writers there are (exercises are spread over them by id). */
    int writers() {
        return queues.size();
    }

    /** How many jobs wait in the writers' queues (not those of a batch under way). */
    int queued() {
        return queues.stream().mapToInt(BlockingQueue::size).sum();
    }

    /** Why the last write failed, while no write has succeeded since; empty when the last write went through. */
    private volatile java.util.Optional<String> failure = java.util.Optional.empty();

    void submit(Job j) {
        if (closing) {
            j.failed(new IllegalStateException("the journal writer is closed"));
            return;
        }
        queues.get(Math.floorMod(j.exercise().hashCode(), queues.size())).add(j);
    }

    Counts counts() {
        return new Counts(commits.get(), entries.get(), jobs.get());
    }

    java.util.Optional<String> failure() {
        return failure;
    }

    /** A write elsewhere (the health check's) went through: the store takes writes again. */
    void recovered() {
        failure = java.util.Optional.empty();
    }

    private void run(BlockingQueue<Job> queue) {
        List<Job> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Job first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                int written = write(batch);
                for (Job j : batch) {
                    host.committed(j.exercise());
                }
                commits.incrementAndGet();
                entries.addAndGet(written);
                jobs.addAndGet(batch.size());
                failure = java.util.Optional.empty();
                for (Job j : batch) {
                    j.committed();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException | Error e) {
                // An Error too (the heap exhausted while a batch was decided, say): the batch fails like any other
                // and the writer goes on with the next one; a writer thread that died would leave every later
                // action on its exercises waiting out its timeout, for as long as the server runs.
                if (e instanceof Error) {
                    LOG.error("the journal writer's batch of {} job(s) failed with {}; its actions are refused and the writer goes on", batch.size(), e.toString());
                }
                failure = java.util.Optional.of(StoreUnavailable.reason(e));
                db.reset();
                for (Job j : batch) {
                    host.failed(j.exercise());
                }
                for (Job j : batch) {
                    j.failed(e);
                }
                if (storeDown(e)) {
                    // The jobs that queued while this batch waited for the database would each wait for it once more:
                    // they fail now, untried (nothing of them is in the journal), and a retry finds the store as it is then.
                    List<Job> waiting = new ArrayList<>();
                    queue.drainTo(waiting);
                    Throwable untried = e instanceof OutcomeUnknown u ? u.getCause() : e;
                    for (Job j : waiting) {
                        j.failed(untried);
                    }
                }
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * The database stopped answering while the batch's commit was on its way (or its sync failed
     * after it): the batch may or may not be in the journal. A job failed with this was perhaps
     * recorded; a retry with its Idempotency-Key returns the first answer if it was.
     */
    static final class OutcomeUnknown extends SQLException {
        OutcomeUnknown(Throwable cause) {
            super("the database did not confirm the commit (" + StoreUnavailable.reason(cause) + ")", cause);
        }
    }

    /**
     * Whether {@code e} says the database cannot be reached or will not write at all (no connection
     * within the timeout, a connection lost or refused, the server shutting down, a full disk), as
     * against a failure of this batch alone.
     */
    static boolean storeDown(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof java.net.ConnectException || t instanceof java.net.SocketTimeoutException) {
                return true;
            }
            if (t instanceof SQLException s && s.getSQLState() != null) {
                String state = s.getSQLState();
                // 08: connection exception; 57P: operator intervention (shutdown); 53: insufficient resources (disk full);
                // H2's 90098 (the database was closed) and 90028 (an I/O error).
                if (state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.equals("90098") || state.equals("90028")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static final String INSERT_KEY = "INSERT INTO idempotency (exercise_id, actor, idem_key, request_hash, seq, status, response) VALUES (?,?,?,?,?,?,?)";

    /**
     * On PostgreSQL the batch's entries and keys go in one statement each (arrays unnested into rows)
     * and the commit with them, in one round trip to the database: the statement's last part is the
     * COMMIT, so when it returns without error the batch is committed (and on the log's disk, as
     * PostgreSQL syncs it before it answers a commit). If any part fails, the parts after it are not
     * run: nothing is committed and the transaction is rolled back.
     */
    private static final String INSERT_ALL_AND_COMMIT = "INSERT INTO journal (exercise_id, seq, at_exercise, at_real, actor, kind, body, prev_hash, hash,"
            + " key_id, signature) SELECT * FROM unnest(?::varchar[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],"
            + " ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[]);"
            + " INSERT INTO idempotency (exercise_id, actor, idem_key, request_hash, seq, status, response)"
            + " SELECT * FROM unnest(?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::bigint[], ?::int[], ?::varchar[]);"
            + " COMMIT";

    /** Decides and commits the batch; returns how many journal entries it wrote. */
    private int write(List<Job> batch) throws SQLException {
        Map<String, List<Job>> byExercise = new TreeMap<>();
        for (Job j : batch) {
            byExercise.computeIfAbsent(j.exercise(), k -> new ArrayList<>()).add(j);
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            boolean committing = false;
            try {
                Out out = new Out();
                host.decide(c, byExercise, out);
                if (!out.afterSigning.isEmpty() || out.entries.stream().anyMatch(e -> !e.signed())) {
                    throw new IllegalStateException("the batch's entries were not all signed before the commit");
                }
                beforeCommit.run();
                if (db.isPostgresql() && (!out.entries.isEmpty() || !out.keys.isEmpty())) {
                    committing = true;
                    insertAndCommit(c, out);
                    c.setAutoCommit(true);
                    return out.entries.size();
                }
                if (!out.entries.isEmpty() || !out.keys.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(Journal.INSERT); PreparedStatement keys = c.prepareStatement(INSERT_KEY)) {
                        for (Journal.Entry e : out.entries) {
                            Journal.bind(ps, e);
                            ps.addBatch();
                        }
                        for (Idem k : out.keys) {
                            keys.setString(1, k.exercise());
                            keys.setString(2, k.actor());
                            keys.setString(3, k.key());
                            keys.setString(4, k.requestHash());
                            keys.setLong(5, k.seq());
                            keys.setInt(6, k.status());
                            keys.setString(7, k.response());
                            keys.addBatch();
                        }
                        if (!out.entries.isEmpty()) {
                            ps.executeBatch();
                        }
                        if (!out.keys.isEmpty()) {
                            keys.executeBatch();
                        }
                    }
                }
                committing = !out.entries.isEmpty() || !out.keys.isEmpty();
                c.commit();
                if (committing) {
                    c.setAutoCommit(true);
                    db.sync(c);
                }
                return out.entries.size();
            } catch (SQLException | RuntimeException | Error e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // The connection is gone with the transaction; the pool is reset by the caller.
                }
                if (committing && (storeDown(e) || !(e instanceof SQLException))) {
                    // The commit was on its way (or done, and its sync failed): whether it took, nobody here can tell.
                    throw new OutcomeUnknown(e);
                }
                throw e;
            }
        }
    }

    /** The batch's rows and its commit in one round trip (PostgreSQL): see {@link #INSERT_ALL_AND_COMMIT}. */
    private static void insertAndCommit(Connection c, Out out) throws SQLException {
        List<Journal.Entry> es = out.entries;
        int n = es.size();
        String[][] text = new String[10][n];
        Long[] seqs = new Long[n];
        for (int i = 0; i < n; i++) {
            Journal.Entry e = es.get(i);
            text[0][i] = e.exercise();
            seqs[i] = e.seq();
            text[1][i] = e.atExercise();
            text[2][i] = e.atReal();
            text[3][i] = e.actor();
            text[4][i] = e.kind();
            text[5][i] = e.body();
            text[6][i] = e.prevHash();
            text[7][i] = e.hash();
            text[8][i] = e.signed() ? e.keyId() : null;
            text[9][i] = e.signed() ? e.signature() : null;
        }
        List<Idem> ks = out.keys;
        int m = ks.size();
        String[][] keyText = new String[5][m];
        Long[] keySeqs = new Long[m];
        Integer[] statuses = new Integer[m];
        for (int i = 0; i < m; i++) {
            Idem k = ks.get(i);
            keyText[0][i] = k.exercise();
            keyText[1][i] = k.actor();
            keyText[2][i] = k.key();
            keyText[3][i] = k.requestHash();
            keySeqs[i] = k.seq();
            statuses[i] = k.status();
            keyText[4][i] = k.response();
        }
        try (PreparedStatement ps = c.prepareStatement(INSERT_ALL_AND_COMMIT)) {
            int p = 1;
            ps.setArray(p++, c.createArrayOf("varchar", text[0]));
            ps.setArray(p++, c.createArrayOf("bigint", seqs));
            for (int col = 1; col < 10; col++) {
                ps.setArray(p++, c.createArrayOf("varchar", text[col]));
            }
            for (int col = 0; col < 4; col++) {
                ps.setArray(p++, c.createArrayOf("varchar", keyText[col]));
            }
            ps.setArray(p++, c.createArrayOf("bigint", keySeqs));
            ps.setArray(p++, c.createArrayOf("int4", statuses));
            ps.setArray(p, c.createArrayOf("varchar", keyText[4]));
            ps.execute();
        }
    }

    @Override
    public void close() {
        closing = true;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try {
            for (Thread t : threads) {
                t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - System.nanoTime())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
