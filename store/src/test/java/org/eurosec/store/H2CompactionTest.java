package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ProcedureRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An H2 file's dead chunks are rewritten as the journal writer goes, which H2 does not do itself
 * when every commit is written at once (WRITE_DELAY=0): without it the file grew for good, about
 * 4.3 KB per journal entry under load.
 */
class H2CompactionTest {

    @TempDir
    Path dir;

    /** Commits one journal entry at a time, as the writer does under a light load, each made durable. */
    private static void commitOneByOne(Database db, String exercise, int from, int n) throws SQLException {
        try (Connection c = db.connection()) {
            for (int seq = from; seq < from + n; seq++) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement(Journal.INSERT)) {
                    Journal.bind(ps, new Journal.Entry(exercise, seq, "2009-12-01T00:00:00Z", "2026-12-07T00:00:00Z", "delegation:RUS",
                            "request-information", "{\"n\":" + seq + "}", String.format("%064x", seq - 1), String.format("%064x", seq), "", ""));
                    ps.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
                db.sync(c);
            }
        }
    }

    private int seq;

    @Test
    void compactionRaisesTheShareOfLiveDataInTheFilesChunks() throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("eurosec"))) {
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("INSERT INTO exercise (id, regime, created_at) VALUES ('ex-a', 'est-2009', '2026-12-07T00:00:00Z')")) {
                ps.executeUpdate();
            }
            db.stopCompactingForTests(); // this test compacts when it chooses
            db.dropUnusedChunksAtOnceForTests(); // so that what compaction frees leaves the count within the test
            commitOneByOne(db, "ex-a", 1, 2_000);
            int before = db.chunksFillRate();
            // Each commit rewrote the pages on the way to its entry, so most of each older chunk is dead.
            assertThat(before).as("the chunks' fill rate after 2,000 one-entry commits").isLessThan(50);
            // Commits alone do not change that (H2 rewrites nothing itself when each commit is written at once)...
            commitOneByOne(db, "ex-a", 2_001, 3);
            assertThat(db.chunksFillRate()).as("three more commits, without compaction").isLessThan(50);
            // ... compactions between commits do: H2 rewrites the live pages of mostly dead chunks, which are dropped.
            seq = 2_004;
            for (int round = 0; round < 5 && db.chunksFillRate() < Database.COMPACT_FILL_RATE - 10; round++) {
                db.compactNow();
                commitOneByOne(db, "ex-a", seq++, 1);
            }
            assertThat(db.chunksFillRate()).as("after compactions, from " + before).isGreaterThanOrEqualTo(Database.COMPACT_FILL_RATE - 10);
            // compact() runs at most once a second.
            long n = db.compactions();
            Thread.sleep(1_100);
            db.compact();
            db.compact();
            assertThat(db.compactions()).isEqualTo(n + 1);
        }
        // Everything written is still there after a reopen.
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("eurosec")); Connection c = db.connection()) {
            List<Journal.Entry> all = Journal.read(c, "ex-a");
            assertThat(all).extracting(Journal.Entry::seq).startsWith(1L, 2L).endsWith((long) seq - 1).hasSize(seq - 1);
            assertThat(all.get(1_999).body()).isEqualTo("{\"n\":2000}");
        }
    }

    @Test
    void theFileIsCompactedEverySecondWhileActionsAreJournaled() throws Exception {
        try (Database db = Database.open("jdbc:h2:file:" + dir.resolve("eurosec"))) {
            Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, java.time.Clock.systemUTC());
            try {
                String id = ex.create("est-2009", java.time.LocalDate.parse("2009-12-01"), "real", 1, ProcedureRules.Settings.defaults()).id();
                long until = System.nanoTime() + 2_500_000_000L;
                int acted = 0;
                while (System.nanoTime() < until) {
                    ex.act(id, new Actor.Delegation("POL"), new Action.RequestInformation("BLR", "subject " + acted));
                    acted++;
                }
                assertThat(acted).isGreaterThan(0);
                assertThat(db.compactions()).as("compactions in 2.5 s of actions").isGreaterThanOrEqualTo(1);
                assertThat(Thread.getAllStackTraces().keySet()).extracting(Thread::getName).contains("eurosec-h2-compaction");
            } finally {
                ex.close();
            }
        }
    }
}
