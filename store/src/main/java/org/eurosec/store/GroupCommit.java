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
 */
final class GroupCommit implements AutoCloseable {

    private static final int MAX_BATCH = 512;

    private record Item(Journal.Entry entry, CompletableFuture<Journal.Entry> done) {
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

    CompletableFuture<Journal.Entry> submit(Journal.Entry e) {
        CompletableFuture<Journal.Entry> f = new CompletableFuture<>();
        if (closing) {
            f.completeExceptionally(new IllegalStateException("the journal writer is closed"));
            return f;
        }
        queue.add(new Item(e, f));
        return f;
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
                for (Item i : chained) {
                    committed.put(i.entry().exercise(), i.entry().seq());
                    i.done().complete(i.entry());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (SQLException | RuntimeException e) {
                for (Item i : batch) {
                    committed.remove(i.entry().exercise());
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
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO journal (exercise_id, seq, at_exercise, at_real, actor, kind, body, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
                for (Item i : batch) {
                    Journal.Entry e = i.entry();
                    ps.setString(1, e.exercise());
                    ps.setLong(2, e.seq());
                    ps.setString(3, e.atExercise());
                    ps.setString(4, e.atReal());
                    ps.setString(5, e.actor());
                    ps.setString(6, e.kind());
                    ps.setString(7, e.body());
                    ps.setString(8, e.prevHash());
                    ps.setString(9, e.hash());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
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
