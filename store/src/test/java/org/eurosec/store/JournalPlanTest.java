package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal writer's read of what was committed after the entries it knows goes by the primary
 * key's range on H2: it reads the tail, not the exercise's whole journal. It read all of it before
 * (H2 kept {@code exercise_id = ?} alone as the index condition), once per batch, so that an H2
 * exercise's actions slowed down as its journal grew.
 */
class JournalPlanTest {

    private static final int ENTRIES = 400;

    @TempDir
    Path dir;

    private Database db;

    @BeforeEach
    void fill() throws SQLException {
        db = Database.open("jdbc:h2:file:" + dir.resolve("eurosec"));
        try (Connection c = db.connection()) {
            for (String ex : List.of("ex-a", "ex-b", "ex-c")) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO exercise (id, regime, created_at) VALUES (?, 'est-2009', '2026-12-07T00:00:00Z')")) {
                    ps.setString(1, ex);
                    ps.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement(Journal.INSERT)) {
                    for (int seq = 1; seq <= ENTRIES; seq++) {
                        String h = String.format("%064x", seq);
                        Journal.bind(ps, new Journal.Entry(ex, seq, "2009-12-01T00:00:00Z", "2026-12-07T00:00:00Z", "delegation:RUS", "request-information",
                                "{\"n\":" + seq + "}", String.format("%064x", seq - 1), h, "", ""));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            }
        }
    }

    @org.junit.jupiter.api.AfterEach
    void close() {
        db.close();
    }

    @Test
    void theTailIsReadByTheKeysRangeNotTheExercisesWholeJournal() throws SQLException {
        String plan = explainAnalyze(Journal.TAIL);
        // The index condition names both columns of the key.
        assertThat(plan.replaceAll("\\s+", " ")).containsPattern("EXERCISE_ID = \\?1 AND SEQ > \\?2 \\*/");
        // H2 counts the rows it went through: the three entries after ENTRIES - 3 and the range's ends, not 400.
        assertThat(scanCount(plan)).as(plan).isLessThan(10);
        // The contrast, which shows what the count measures: the same read ordered by both columns of the key,
        // as the writer's read was, goes through every entry of the exercise.
        assertThat(scanCount(explainAnalyze(Journal.TAIL.replace("ORDER BY seq", "ORDER BY exercise_id, seq")))).isGreaterThanOrEqualTo(ENTRIES);
    }

    private String explainAnalyze(String sql) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            ps.setString(1, "ex-b");
            ps.setLong(2, ENTRIES - 3);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static int scanCount(String plan) {
        Matcher m = Pattern.compile("scanCount: (\\d+)").matcher(plan);
        assertThat(m.find()).as(plan).isTrue();
        return Integer.parseInt(m.group(1));
    }

    @Test
    void theWritersReadGivesEachExercisesTailInOrderAndNothingForAnExerciseUpToDate() throws SQLException {
        try (Connection c = db.connection()) {
            Map<String, List<Journal.Entry>> tails = Journal.readAfter(c, Map.of("ex-a", (long) ENTRIES - 2, "ex-b", (long) ENTRIES, "ex-c", 0L));
            assertThat(tails).containsOnlyKeys("ex-a", "ex-c");
            assertThat(tails.get("ex-a")).extracting(Journal.Entry::seq).containsExactly((long) ENTRIES - 1, (long) ENTRIES);
            assertThat(tails.get("ex-a")).extracting(Journal.Entry::exercise).containsOnly("ex-a");
            assertThat(tails.get("ex-c")).hasSize(ENTRIES);
            assertThat(tails.get("ex-c").get(0).seq()).isEqualTo(1);
            assertThat(tails.get("ex-c").get(ENTRIES - 1).body()).isEqualTo("{\"n\":" + ENTRIES + "}");
            assertThat(Journal.readAfter(c, Map.of())).isEmpty();
        }
    }

    @Test
    void aWholeJournalIsReadAPageAtATimeEachStatementHeldToTheTimeout() throws SQLException {
        int n = Exercises.JOURNAL_PAGE + 500;
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exercise (id, regime, created_at) VALUES ('ex-long', 'est-2009', '2026-12-07T00:00:00Z')")) {
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(Journal.INSERT)) {
                for (int seq = 1; seq <= n; seq++) {
                    Journal.bind(ps, new Journal.Entry("ex-long", seq, "2009-12-01T00:00:00Z", "2026-12-07T00:00:00Z", "delegation:RUS", "request-information",
                            "{\"n\":" + seq + "}", String.format("%064x", seq - 1), String.format("%064x", seq), "", ""));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET QUERY_STATISTICS TRUE");
            }
        }
        Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, java.time.Clock.systemUTC());
        try {
            List<Journal.Entry> all = ex.journal("ex-long");
            assertThat(all).hasSize(n);
            for (int i = 0; i < n; i++) {
                assertThat(all.get(i).seq()).isEqualTo(i + 1);
            }
            assertTheTailWasReadInTwoPages();
        } finally {
            ex.close();
        }
    }

    @Test
    void theWritersReadIsTheTailWhosePlanIsCheckedOncePerExercise() throws SQLException {
        try (Connection c = db.connection()) {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET QUERY_STATISTICS TRUE");
            }
            Journal.readAfter(c, Map.of("ex-a", 5L, "ex-b", 7L, "ex-c", (long) ENTRIES));
            java.util.Map<String, Integer> executed = new java.util.HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    executed.put(rs.getString(1), rs.getInt(2));
                }
            }
            assertThat(executed).containsEntry(Journal.TAIL, 3);
            assertThat(executed.keySet()).allMatch(sql -> sql.equals(Journal.TAIL) || sql.startsWith("SET ") || sql.contains("QUERY_STATISTICS"), "only the tail read");
        }
    }

    /**
     * The administrator's listing reads each exercise's entries from its latest snapshot on, not its
     * whole journal, and still gives each one's last entry and closing; an exercise whose journal ends
     * before its latest snapshot is counted in its whole journal.
     */
    @Test
    void theListingReadsEachExerciseFromItsLatestSnapshotOn() throws SQLException {
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE journal SET kind = ?, at_exercise = '2009-12-09T00:00:00Z' WHERE exercise_id = 'ex-b' AND seq = ?")) {
                ps.setString(1, Exercises.CLOSED);
                ps.setLong(2, ENTRIES);
                ps.executeUpdate();
            }
            // Snapshots: ex-a's is past its journal's end (a journal cut short), ex-b's at its closing, ex-c's at 100 and ENTRIES - 5.
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshot (exercise_id, seq, hash, state, key_id, signature) VALUES (?, ?, ?, '{}', 'k', 's')")) {
                for (Object[] snap : new Object[][] {{"ex-a", ENTRIES + 50L}, {"ex-b", (long) ENTRIES}, {"ex-c", 100L}, {"ex-c", ENTRIES - 5L}}) {
                    ps.setString(1, (String) snap[0]);
                    ps.setLong(2, (Long) snap[1]);
                    ps.setString(3, String.format("%064x", (Long) snap[1]));
                    ps.executeUpdate();
                }
            }
        }
        Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, java.time.Clock.systemUTC());
        try {
            assertThat(ex.summaries()).extracting(Exercises.Summary::id, Exercises.Summary::entries, Exercises.Summary::closedAt).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("ex-a", (long) ENTRIES, java.util.Optional.empty()),
                    org.assertj.core.groups.Tuple.tuple("ex-b", (long) ENTRIES, java.util.Optional.of("2009-12-09T00:00:00Z")),
                    org.assertj.core.groups.Tuple.tuple("ex-c", (long) ENTRIES, java.util.Optional.empty()));
        } finally {
            ex.close();
        }
        // H2's EXPLAIN ANALYZE gives a correlated sub-query's rows for its last run: ex-c's, the exercise table's last row. Its two sub-queries go
        // through the 6 entries from its latest snapshot on (and the range's end), where the statement before went through all 400.
        assertThat(journalScans(explain(Exercises.SUMMARIES))).hasSize(2).allSatisfy(n -> assertThat(n).isLessThan(10));
        String before = "SELECT e.id, e.regime, e.created_at, (SELECT MAX(j.seq) FROM journal j WHERE j.exercise_id = e.id),"
                + " (SELECT MIN(j.at_exercise) FROM journal j WHERE j.exercise_id = e.id AND j.kind = ?) FROM exercise e ORDER BY e.created_at, e.id";
        assertThat(journalScans(explain(before))).as("the statement before").hasSize(2).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(ENTRIES));
    }

    private String explain(String sql) throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("EXPLAIN ANALYZE " + sql)) {
            ps.setString(1, Exercises.CLOSED);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    /** The rows each sub-query on the journal went through (for its last run), in the plan's order. */
    private static List<Integer> journalScans(String plan) {
        Matcher m = Pattern.compile("/\\* PUBLIC\\.[A-Z_0-9]+: EXERCISE_ID = E\\.ID.*?\\*/\\s*/\\* scanCount: (\\d+)", Pattern.DOTALL).matcher(plan);
        List<Integer> out = new java.util.ArrayList<>();
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1)));
        }
        return out;
    }

    /**
     * A whole journal is verified a page at a time, holding one page at most, with the findings that
     * checking it whole gives: an intact signed journal across two pages, then one edited in its
     * second page, cut at the pages' boundary and with a signature taken off in the first.
     */
    @Test
    void aJournalIsVerifiedAPageAtATimeWithTheFindingsOfTheWholeJournal() throws SQLException {
        int n = Exercises.JOURNAL_PAGE + 500;
        JournalKey key = db.key();
        Journal.Entry last;
        try (Connection c = db.connection()) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO exercise (id, regime, created_at) VALUES ('ex-v', 'est-2009', '2026-12-07T00:00:00Z')")) {
                ps.executeUpdate();
            }
            String prev = Journal.GENESIS;
            last = null;
            try (PreparedStatement ps = c.prepareStatement(Journal.INSERT)) {
                for (int seq = 1; seq <= n; seq++) {
                    String body = "{\"n\":" + seq + "}";
                    String h = Journal.hash("ex-v", seq, "2009-12-01T00:00:00Z", "2026-12-07T00:00:00Z", "delegation:RUS", "request-information", body, prev);
                    last = new Journal.Entry("ex-v", seq, "2009-12-01T00:00:00Z", "2026-12-07T00:00:00Z", "delegation:RUS", "request-information", body, prev, h)
                            .signedBy(key);
                    Journal.bind(ps, last);
                    ps.addBatch();
                    prev = h;
                }
                ps.executeBatch();
            }
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("SET QUERY_STATISTICS TRUE");
            }
        }
        Exercises ex = new Exercises(db, ExercisesTest.BASE, ExercisesTest.REGIMES, java.time.Clock.systemUTC());
        try {
            Exercises.JournalCheck intact = ex.verifyJournal("ex-v", key);
            assertThat(intact.problems()).isEmpty();
            assertThat(intact.entries()).isEqualTo(n);
            assertThat(intact.lastHash()).isEqualTo(last.hash());
            assertThat(intact.lastSigned()).isTrue();
            assertTheTailWasReadInTwoPages();

            try (Connection c = db.connection(); java.sql.Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE journal SET body = '{\"n\":0}' WHERE exercise_id = 'ex-v' AND seq = " + (Exercises.JOURNAL_PAGE + 10));
                st.executeUpdate("DELETE FROM journal WHERE exercise_id = 'ex-v' AND seq = " + (Exercises.JOURNAL_PAGE + 1));
                st.executeUpdate("UPDATE journal SET key_id = NULL, signature = NULL WHERE exercise_id = 'ex-v' AND seq = 5");
            }
            List<Journal.Entry> whole = ex.journal("ex-v");
            List<String> expected = new java.util.ArrayList<>(Journal.verify(whole));
            expected.addAll(Journal.verifySignatures(whole, key));
            Exercises.JournalCheck tampered = ex.verifyJournal("ex-v", key);
            assertThat(tampered.entries()).isEqualTo(n - 1);
            assertThat(tampered.problems()).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(String.join("\n", tampered.problems())).contains("entry 5:").contains("entry " + (Exercises.JOURNAL_PAGE + 2) + ":")
                    .contains("entry " + (Exercises.JOURNAL_PAGE + 10));
        } finally {
            ex.close();
        }
    }

    /** H2's query statistics (turned on by the test) say the tail read ran twice, at most a page of rows each time. */
    private void assertTheTailWasReadInTwoPages() throws SQLException {
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT EXECUTION_COUNT, MAX_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT = ?")) {
            ps.setString(1, Journal.TAIL);
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("the tail read ran").isTrue();
                assertThat(rs.getInt(1)).as("statements").isEqualTo(2);
                assertThat(rs.getInt(2)).as("rows at most a statement").isEqualTo(Exercises.JOURNAL_PAGE);
            }
        }
    }
}
