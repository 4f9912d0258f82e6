package org.eurosec.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One writer for the journal: entries queue up while a commit is under way and the next commit
 * takes all of them in one transaction (group commit), so many delegations acting at once cost one
 * disk flush, not one each. An entry's future completes only after its transaction commits; if the
 * commit fails, every entry of the batch fails and nothing of it is in the journal.
 *
 * <p>A commit counts only once it is on stable storage ({@link Database#sync}). An action's
 * Idempotency-Key and answer are written in the same transaction as its entry. After a failed
 * write the pool is reset, so the next batch reopens the database (an H2 file that hit a full disk
 * closes itself), and {@link #failure()} says what went wrong until a write succeeds again.
 */
final class GroupCommit implements AutoCloseable {

    private static final int MAX_BATCH = 512;

    /** An action's Idempotency-Key, by whom, the hash of its request, and the answer given. */
    record Idem(String actor, String key, String requestHash, int status, String response) {
    }

    private record Item(Journal.Entry entry, java.util.Optional<Idem> idem, CompletableFuture<Journal.Entry> done) {
    }

    private final Database db;
    private final BlockingQueue<Item> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closing;
    /** The last committed seq per exercise, as far as this writer knows (read from the database when not). */
    private final java.util.Map<String, Long> committed = new java.util.HashMap<>();

    GroupCommit(Database db) {
        this.db = db;
        this.thread = new Thread(this::run, "eurosec-journal-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Why the last write failed, while no write has succeeded since; empty when the last write went through. */
    private volatile java.util.Optional<String> failure = java.util.Optional.empty();

    CompletableFuture<Journal.Entry> submit(Journal.Entry e, java.util.Optional<Idem> idem) {
        CompletableFuture<Journal.Entry> f = new CompletableFuture<>();
        if (closing) {
            f.completeExceptionally(new IllegalStateException("the journal writer is closed"));
            return f;
        }
        queue.add(new Item(e, idem, f));
        return f;
    }

    java.util.Optional<String> failure() {
        return failure;
    }

    /** A write elsewhere (the health check's) went through: the store takes writes again. */
    void recovered() {
        failure = java.util.Optional.empty();
    }

    private void run() {
        List<Item> batch = new ArrayList<>();
        while (!closing || !queue.isEmpty()) {
            try {
                Item first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                List<Item> chained = chained(batch);
                write(chained);
                failure = java.util.Optional.empty();
                for (Item i : chained) {
                    committed.put(i.entry().exercise(), i.entry().seq());
                    i.done().complete(i.entry());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                failure = java.util.Optional.of(StoreUnavailable.reason(e));
                committed.clear();
                db.reset();
                for (Item i : batch) {
                    i.done().completeExceptionally(e);
                }
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * The entries that continue their exercise's committed chain; an entry whose predecessor failed
     * is failed too, so a failed commit can never leave a gap in the journal.
     */
    private List<Item> chained(List<Item> batch) throws SQLException {
        List<Item> ok = new ArrayList<>();
        java.util.Map<String, Long> last = new java.util.HashMap<>();
        for (Item i : batch) {
            String ex = i.entry().exercise();
            Long prev = last.containsKey(ex) ? last.get(ex) : committed.containsKey(ex) ? committed.get(ex) : lastInDatabase(ex);
            if (i.entry().seq() == prev + 1) {
                ok.add(i);
                last.put(ex, i.entry().seq());
            } else {
                i.done().completeExceptionally(new IllegalStateException("journal entry " + i.entry().seq() + " of " + ex
                        + " does not follow the last committed entry " + prev + " (an earlier write failed)"));
                last.put(ex, prev);
            }
        }
        return ok;
    }

    private long lastInDatabase(String exercise) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT MAX(seq) FROM journal WHERE exercise_id = ?")) {
            ps.setString(1, exercise);
            try (var rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? 0 : v;
            }
        }
    }

    private void write(List<Item> batch) throws SQLException {
        if (batch.isEmpty()) {
            return;
        }
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(Journal.INSERT);
                    PreparedStatement keys = c.prepareStatement(
                            "INSERT INTO idempotency (exercise_id, actor, idem_key, request_hash, seq, status, response) VALUES (?,?,?,?,?,?,?)")) {
                boolean anyKey = false;
                for (Item i : batch) {
                    Journal.bind(ps, i.entry());
                    ps.addBatch();
                    if (i.idem().isPresent()) {
                        Idem k = i.idem().get();
                        keys.setString(1, i.entry().exercise());
                        keys.setString(2, k.actor());
                        keys.setString(3, k.key());
                        keys.setString(4, k.requestHash());
                        keys.setLong(5, i.entry().seq());
                        keys.setInt(6, k.status());
                        keys.setString(7, k.response());
                        keys.addBatch();
                        anyKey = true;
                    }
                }
                ps.executeBatch();
                if (anyKey) {
                    keys.executeBatch();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                try {
                    c.rollback();
                } catch (SQLException ignored) {
                    // The connection is gone with the transaction; the pool is reset by the caller.
                }
                throw e;
            }
            c.setAutoCommit(true);
            db.sync(c);
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
