package org.eurosec.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.eurosec.analysis.ObligationKind;
import org.eurosec.analysis.PanelInput;
import org.eurosec.analysis.Panels;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.engine.Reading;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;

/**
 * The full dyad-year panel (all states, every year the data covers), computed two ways from the
 * same tables (state existence spells, COW code spells, directed obligation spells): by
 * {@link Panels#dyadYear} and by DuckDB in SQL over an in-memory database. Each round is end to end:
 * DuckDB's includes loading the tables, the query and reading every row into the same CSV text.
 * The two outputs must be identical, or the run fails. Prints each time, the medians and the ratio.
 *
 * <p>Usage: {@code bench/dyad-year [rounds] [--directed]}.
 */
public final class DyadYearVsDuckDb {

    private DyadYearVsDuckDb() {
    }

    public static void main(String[] args) throws Exception {
        long begun = System.nanoTime();
        boolean directed = Arrays.asList(args).contains("--directed");
        int cold = Arrays.asList(args).indexOf("--cold");
        if (cold >= 0) {
            cold(args[cold + 1], directed, begun);
            return;
        }
        int rounds = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 7;
        Architecture a = EmbeddedData.load();
        int from = a.coversFrom().getYear();
        int to = a.factsCheckedThrough().getYear();
        PanelInput shape = derive(a, from, to);
        System.out.printf(java.util.Locale.ROOT, "dyad-year panel %d-%d, %s; tables: %d state spells, %d code spells, %d obligation spells%n",
                from, to, directed ? "directed" : "undirected", shape.states().size(), shape.codes().size(), shape.obligations().size());
        String expected = null;
        List<Long> derive = new ArrayList<>();
        List<Long> ours = new ArrayList<>();
        List<Long> duck = new ArrayList<>();
        List<Long> oursEnd = new ArrayList<>();
        List<Long> duckEnd = new ArrayList<>();
        // Warm-up rounds (the same work as a measured round, both sides) until each side's end-to-end time
        // is stable: two successive rounds within 10 % of each other, at least 3 rounds, at most 30.
        int warmUp = 0;
        boolean stable = false;
        long[] last = null;
        for (int r = 0;; r++) {
            boolean measuring = stable || warmUp >= 30;
            // Rounds alternate which side goes first, so that neither always runs after the other's garbage.
            long[] t = r % 2 == 0 ? eurosecThenDuckDb(a, from, to, directed) : duckDbThenEurosec(a, from, to, directed);
            String mine = lastEurosec;
            String theirs = lastDuckDb;
            if (!mine.equals(theirs)) {
                report(mine, theirs);
                System.exit(1);
            }
            if (expected == null) {
                expected = mine;
            }
            if (measuring) {
                derive.add(t[0]);
                ours.add(t[1]);
                duck.add(t[3]);
                oursEnd.add(t[0] + t[1]);
                duckEnd.add(t[2] + t[3]);
                if (oursEnd.size() == rounds) {
                    break;
                }
            } else {
                warmUp++;
                stable = warmUp >= 3 && last != null && within10(last[0] + last[1], t[0] + t[1]) && within10(last[2] + last[3], t[2] + t[3]);
                last = t;
            }
        }
        long rows = expected.chars().filter(c -> c == '\n').count() - 1;
        System.out.printf(java.util.Locale.ROOT, "outputs identical: %d rows, %d bytes, sha-256 %s%n", rows, expected.length(), sha256(expected));
        System.out.printf(java.util.Locale.ROOT, "warm (%d rounds, alternating which side goes first, after %d warm-up rounds%s; medians):%n", rounds, warmUp,
                stable ? ", the last two within 10 % on each side" : ", NOT STABLE: the machine is too busy for steady figures");
        System.out.printf(java.util.Locale.ROOT, "  derivation of the tables from the data  %8.1f ms  (rounds: %s)%n", median(derive) / 1000.0, ms(derive));
        System.out.printf(java.util.Locale.ROOT, "  eurosec panel from the tables           %8.1f ms%n", median(ours) / 1000.0);
        System.out.printf(java.util.Locale.ROOT, "  DuckDB %s load + query + read    %8.1f ms%n", duckVersion(), median(duck) / 1000.0);
        double e1 = median(oursEnd) / 1000.0;
        double e2 = median(duckEnd) / 1000.0;
        System.out.printf(java.util.Locale.ROOT, "  end to end, derivation included: eurosec %.1f ms, DuckDB %.1f ms, ratio %.2fx  (rounds: %s vs %s)%n",
                e1, e2, e2 / e1, ms(oursEnd), ms(duckEnd));
        System.out.printf(java.util.Locale.ROOT, "  from the tables only: ratio %.1fx%n", (median(duck) / 1000.0) / (median(ours) / 1000.0));
    }

    /** The buffer either side writes the panel's text into, sized for the full directed panel (6.1 million characters) so that neither copies it while growing. */
    private static final int CAPACITY = 1 << 23;

    private static String lastEurosec;
    private static String lastDuckDb;

    /**
     * One round, eurosec first: microseconds of eurosec's derivation, eurosec's panel, DuckDB's
     * derivation and DuckDB's load + query + read; the texts in {@link #lastEurosec} and {@link #lastDuckDb}.
     */
    private static long[] eurosecThenDuckDb(Architecture a, int from, int to, boolean directed) throws SQLException {
        long[] e = eurosec(a, from, to, directed);
        long[] d = duckDb(a, from, to, directed);
        return new long[] {e[0], e[1], d[0], d[1]};
    }

    private static long[] duckDbThenEurosec(Architecture a, int from, int to, boolean directed) throws SQLException {
        long[] d = duckDb(a, from, to, directed);
        long[] e = eurosec(a, from, to, directed);
        return new long[] {e[0], e[1], d[0], d[1]};
    }

    /** eurosec end to end: derive the tables from the data, then the panel. */
    private static long[] eurosec(Architecture a, int from, int to, boolean directed) {
        long s = System.nanoTime();
        PanelInput in = derive(a, from, to);
        long derived = System.nanoTime();
        StringBuilder sb = new StringBuilder(CAPACITY);
        Panels.dyadYear(in, from, to, directed, sb);
        lastEurosec = sb.toString();
        return new long[] {(derived - s) / 1000, (System.nanoTime() - derived) / 1000};
    }

    /** DuckDB end to end: the same derivation (it needs the same tables), then load, query and read. */
    private static long[] duckDb(Architecture a, int from, int to, boolean directed) throws SQLException {
        long s = System.nanoTime();
        PanelInput in = derive(a, from, to);
        long derived = System.nanoTime();
        lastDuckDb = duckDb(in, from, to, directed);
        return new long[] {(derived - s) / 1000, (System.nanoTime() - derived) / 1000};
    }

    private static boolean within10(long x, long y) {
        return Math.abs(x - y) <= 0.1 * Math.max(x, y);
    }

    /**
     * One cold run in a fresh JVM (bench/dyad-year starts several, alternating): from the start of
     * main, reading the embedded data, deriving the tables, then eurosec's panel or DuckDB's load,
     * query and read. Prints the time and the output's digest, which the script compares.
     */
    private static void cold(String who, boolean directed, long begun) throws Exception {
        Architecture a = EmbeddedData.load();
        int from = a.coversFrom().getYear();
        int to = a.factsCheckedThrough().getYear();
        PanelInput in = derive(a, from, to);
        String out;
        if (who.equals("eurosec")) {
            StringBuilder sb = new StringBuilder(CAPACITY);
            Panels.dyadYear(in, from, to, directed, sb);
            out = sb.toString();
        } else {
            out = duckDb(in, from, to, directed);
        }
        long ms = (System.nanoTime() - begun) / 1_000_000;
        System.out.printf(java.util.Locale.ROOT, "cold %s %d ms sha-256 %s%n", who, ms, sha256(out));
    }

    /** The tables the panel is drawn from, derived from the data for the panel's years, as {@code eurosec export dyad-year} derives them. */
    private static PanelInput derive(Architecture a, int from, int to) {
        return Panels.input(CoverageTimeline.of(a, Reading.defaults(a)), java.util.Set.of(), java.time.LocalDate.of(from, 1, 1),
                java.time.LocalDate.of(to + 1, 1, 1));
    }

    private static String sha256(String s) throws java.security.NoSuchAlgorithmException {
        byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(d).substring(0, 16);
    }

    private static String ms(List<Long> micros) {
        return micros.stream().map(x -> String.format(java.util.Locale.ROOT, "%.1f", x / 1000.0)).toList().toString();
    }

    private static double median(List<Long> xs) {
        long[] a = xs.stream().mapToLong(Long::longValue).sorted().toArray();
        return a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2.0;
    }

    private static void report(String mine, String theirs) {
        String[] x = mine.split("\n");
        String[] y = theirs.split("\n");
        System.out.println("OUTPUTS DIFFER: eurosec " + x.length + " lines, DuckDB " + y.length + " lines");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            if (!x[i].equals(y[i])) {
                System.out.println("first difference at line " + (i + 1) + ":\n  eurosec: " + x[i] + "\n  duckdb:  " + y[i]);
                return;
            }
        }
    }

    private static String duckVersion() {
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT version()")) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            return "?";
        }
    }

    /** The same panel in SQL: DuckDB gets the tables and does the expansion, the joins and the three-valued cells. */
    static String duckDb(PanelInput in, int from, int to, boolean directed) throws SQLException {
        try (DuckDBConnection c = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE state_spells(id VARCHAR, iso3 VARCHAR, s BIGINT, e BIGINT)");
            st.execute("CREATE TABLE code_spells(id VARCHAR, ccode INTEGER, s BIGINT, e BIGINT)");
            st.execute("CREATE TABLE obligations(kind VARCHAR, a VARCHAR, b VARCHAR, s BIGINT, e BIGINT)");
            try (DuckDBAppender ap = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "state_spells")) {
                for (PanelInput.StateRow r : in.states()) {
                    ap.beginRow();
                    ap.append(r.id());
                    ap.append(r.iso3());
                    ap.append(r.start());
                    ap.append(r.end());
                    ap.endRow();
                }
            }
            try (DuckDBAppender ap = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "code_spells")) {
                for (PanelInput.CodeRow r : in.codes()) {
                    ap.beginRow();
                    ap.append(r.id());
                    ap.append(r.ccode());
                    ap.append(r.start());
                    ap.append(r.end());
                    ap.endRow();
                }
            }
            try (DuckDBAppender ap = c.createAppender(DuckDBConnection.DEFAULT_SCHEMA, "obligations")) {
                for (PanelInput.ObligationRow r : in.obligations()) {
                    ap.beginRow();
                    ap.append(r.kind().column());
                    ap.append(r.from());
                    ap.append(r.to());
                    ap.append(r.start());
                    ap.append(r.end());
                    ap.endRow();
                }
            }
            StringBuilder kinds = new StringBuilder();
            StringBuilder cells = new StringBuilder();
            for (ObligationKind k : ObligationKind.values()) {
                kinds.append(", bool_or(o.kind = '").append(k.column()).append("') AS ").append(k.column());
                cells.append(" || ',' || CASE WHEN coalesce(ob.").append(k.column()).append(", false) THEN '1' WHEN w.complete THEN '0' ELSE '' END");
            }
            String pair = directed ? "a.id <> b.id" : "a.id < b.id";
            String obPair = directed ? "o.a AS id1, o.b AS id2" : "least(o.a, o.b) AS id1, greatest(o.a, o.b) AS id2";
            String sql = "WITH years AS (SELECT y::INTEGER AS y, (make_date(y::INTEGER, 1, 1) - DATE '1970-01-01')::BIGINT AS ys, "
                    + "(make_date(y::INTEGER + 1, 1, 1) - DATE '1970-01-01')::BIGINT AS ye FROM range(" + from + ", " + (to + 1) + ") t(y)), "
                    + "w AS (SELECT y, greatest(ys, " + in.coversFrom() + ") AS ks, least(ye, " + in.endExclusive() + ") AS ke, "
                    + "(greatest(ys, " + in.coversFrom() + ") = ys AND least(ye, " + in.endExclusive() + ") = ye) AS complete FROM years), "
                    + "alive AS (SELECT w.y, s.id, greatest(s.s, w.ks) AS a0, least(s.e, w.ke) AS a1 FROM w JOIN state_spells s ON s.s < w.ke AND s.e > w.ks), "
                    + "iso AS (SELECT id, min(iso3) AS iso3 FROM state_spells GROUP BY id), "
                    + "cc AS (SELECT w.y, c.id, coalesce(arg_max(c.ccode, c.s) FILTER (WHERE c.s <= w.ke - 1), arg_min(c.ccode, c.s))::VARCHAR AS ccode "
                    + "FROM w CROSS JOIN code_spells c GROUP BY w.y, c.id), "
                    + "dy AS (SELECT DISTINCT a.y, a.id AS id1, b.id AS id2 FROM alive a JOIN alive b ON a.y = b.y AND " + pair
                    + " AND greatest(a.a0, b.a0) < least(a.a1, b.a1)), "
                    + "ob AS (SELECT w.y, " + obPair + kinds + " FROM w JOIN obligations o ON o.s < w.ke AND o.e > w.ks GROUP BY ALL) "
                    + "SELECT dy.y || ',' || coalesce(c1.ccode, '') || ',' || i1.iso3 || ',' || coalesce(c2.ccode, '') || ',' || i2.iso3" + cells
                    + " AS line FROM dy JOIN w ON w.y = dy.y JOIN iso i1 ON i1.id = dy.id1 JOIN iso i2 ON i2.id = dy.id2 "
                    + "LEFT JOIN cc c1 ON c1.y = dy.y AND c1.id = dy.id1 LEFT JOIN cc c2 ON c2.y = dy.y AND c2.id = dy.id2 "
                    + "LEFT JOIN ob ON ob.y = dy.y AND ob.id1 = dy.id1 AND ob.id2 = dy.id2 ORDER BY dy.y, dy.id1, dy.id2";
            StringBuilder out = new StringBuilder(CAPACITY);
            out.append(Panels.dyadYearHeader()).append('\n');
            try (ResultSet rs = st.executeQuery(sql)) {
                while (rs.next()) {
                    out.append(rs.getString(1)).append('\n');
                }
            }
            return out.toString();
        }
    }
}
