package org.eurosec.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * A PostgreSQL database of each test class's own, on the server that {@code EUROSEC_PG_URL} names
 * (.ci/run starts one): tests own their world, so no test reads another's exercises, and the clock's
 * look for passed deadlines across all exercises of a database (or a count of any table) sees only
 * the test's own. The database is made on a test class's first call, kept for the class's other
 * calls (a test that reopens the store finds what it wrote) and dropped when the test JVM ends. The
 * test is skipped without {@code EUROSEC_PG_URL}, and fails without it under {@code EUROSEC_REQUIRE_PG}.
 * Shared by the store's, the server's and the command line's tests (the store's test jar).
 */
public final class TestPostgres {

    private static final Pattern URL = Pattern.compile("(jdbc:postgresql://[^/?]+/)([^?]*)(.*)");
    private static final Map<String, String> BY_CLASS = new ConcurrentHashMap<>();
    private static final AtomicInteger MADE = new AtomicInteger();
    private static final String RUN = Long.toString(ProcessHandle.current().pid()) + "_" + Long.toString(System.currentTimeMillis() % 100_000_000L, 36);

    private TestPostgres() {
    }

    /** The URL EUROSEC_PG_URL gives (the test skipped without it, failed without it under EUROSEC_REQUIRE_PG). */
    public static String server(String what) {
        String url = System.getenv("EUROSEC_PG_URL");
        if ((url == null || url.isBlank()) && System.getenv("EUROSEC_REQUIRE_PG") != null) {
            throw new IllegalStateException("EUROSEC_REQUIRE_PG is set but EUROSEC_PG_URL is not: " + what + " cannot run");
        }
        Assumptions.assumeTrue(url != null && !url.isBlank(), "EUROSEC_PG_URL is not set (.ci/run sets it to the PostgreSQL it starts)");
        return url;
    }

    /** The URL of the calling test class's own database on that server, made on its first call. */
    public static String url(String what) {
        String server = server(what);
        return BY_CLASS.computeIfAbsent(caller(), c -> make(server));
    }

    /** The test class running: the outermost frame of the project's own classes (below it are JUnit's), nested classes counted to their top. */
    private static String caller() {
        return StackWalker.getInstance().walk(frames -> frames.map(StackWalker.StackFrame::getClassName)
                .filter(n -> n.startsWith("org.eurosec.") && !n.equals(TestPostgres.class.getName()))
                .reduce((inner, outer) -> outer)
                .map(n -> n.contains("$") ? n.substring(0, n.indexOf('$')) : n)
                .orElse("unknown"));
    }

    private static String make(String server) {
        Matcher m = URL.matcher(server);
        if (!m.matches()) {
            throw new IllegalStateException("EUROSEC_PG_URL is not a jdbc:postgresql://HOST:PORT/DATABASE URL: " + server);
        }
        String name = "eurosec_t_" + RUN + "_" + MADE.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot make a test database on " + server + ": " + e.getMessage(), e);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(server, name), "drop " + name));
        return m.group(1) + name + m.group(3);
    }

    private static void drop(String server, String name) {
        try (Connection c = DriverManager.getConnection(server); Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            System.err.println("test database " + name + " was not dropped: " + e.getMessage());
        }
    }
}
