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
            try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                    "SELECT EXECUTION_COUNT, MAX_ROW_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS WHERE SQL_STATEMENT = ?")) {
                ps.setString(1, Journal.TAIL);
                try (ResultSet rs = ps.executeQuery()) {
                    assertThat(rs.next()).as("the tail read ran").isTrue();
                    assertThat(rs.getInt(1)).as("statements").isEqualTo(2);
                    assertThat(rs.getInt(2)).as("rows at most a statement").isEqualTo(Exercises.JOURNAL_PAGE);
                }
            }
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
}
