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
 * One writer for the journal: work on exercises (an action to decide, deadlines to record, a
 * closing) queues up while a commit is under way, and the next commit takes all of it in one
 * transaction (group commit), so many delegations acting at once cost one disk flush, not one each.
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

        /** The batch holding work on {@code exercise} failed: what memory holds of it may not be in the journal. */
        void failed(String exercise);
    }

    /** An action's Idempotency-Key, by whom, the hash of its request, its entry (0 for a refusal) and the answer given. */
    record Idem(String exercise, String actor, String key, String requestHash, long seq, int status, String response) {
    }

    /** What a batch writes: entries in order, and the Idempotency-Keys with their answers. */
    static final class Out {
        final List<Journal.Entry> entries = new ArrayList<>();
        final List<Idem> keys = new ArrayList<>();
        /** Keys given in this batch (exercise, actor, key) to their first answer, for a retry that comes in the same batch. */
        final Map<String, Object> batchKeys = new HashMap<>();
    }

    private final Database db;
    private final Host host;
    private final BlockingQueue<Job> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    /** Since the start: the writer's transactions that committed, the journal entries they wrote and the jobs they answered. */
    private final java.util.concurrent.atomic.AtomicLong commits = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong entries = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong jobs = new java.util.concurrent.atomic.AtomicLong();

    /** What the writer has committed since the start: its transactions (one per batch), their journal entries and the jobs they answered. */
    record Counts(long commits, long entries, long jobs) {
    }

    GroupCommit(Database db, Host host) {
        this.db = db;
        this.host = host;
        this.thread = new Thread(this::run, "eurosec-journal-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Why the last write failed, while no write has succeeded since; empty when the last write went through. */
    private volatile java.util.Optional<String> failure = java.util.Optional.empty();

    void submit(Job j) {
        if (closing) {
            j.failed(new IllegalStateException("the journal writer is closed"));
            return;
        }
        queue.add(j);
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

    private void run() {
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
            } catch (SQLException | RuntimeException e) {
                failure = java.util.Optional.of(StoreUnavailable.reason(e));
                db.reset();
                for (Job j : batch) {
                    host.failed(j.exercise());
                }
                for (Job j : batch) {
                    j.failed(e);
                }
            } finally {
                batch.clear();
            }
        }
    }

    /** Decides and commits the batch; returns how many journal entries it wrote. */
    private int write(List<Job> batch) throws SQLException {
        Map<String, List<Job>> byExercise = new TreeMap<>();
        for (Job j : batch) {
            byExercise.computeIfAbsent(j.exercise(), k -> new ArrayList<>()).add(j);
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                Out out = new Out();
                host.decide(c, byExercise, out);
                if (!out.entries.isEmpty() || !out.keys.isEmpty()) {
                    try (PreparedStatement ps = c.prepareStatement(Journal.INSERT);
                            PreparedStatement keys = c.prepareStatement(
                                    "INSERT INTO idempotency (exercise_id, actor, idem_key, request_hash, seq, status, response) VALUES (?,?,?,?,?,?,?)")) {
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
                c.commit();
                if (!out.entries.isEmpty() || !out.keys.isEmpty()) {
                    c.setAutoCommit(true);
                    db.sync(c);
                }
                return out.entries.size();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // The connection is gone with the transaction; the pool is reset by the caller.
                }
                throw e;
            }
        }
    }

    @Override
    public void close() {
        closing = true;
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
