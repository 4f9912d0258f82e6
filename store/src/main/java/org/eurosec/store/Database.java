package org.eurosec.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A JDBC database with the project's schema, migrated by Flyway on open: an H2 file by default,
 * PostgreSQL for a shared deployment ({@code jdbc:postgresql://host/db?user=...}).
 *
 * <p>Whatever URL it is given, a commit is on disk before it returns: an H2 URL gets
 * {@code WRITE_DELAY=0} (one that asks for a delay is refused) and every journal commit is followed
 * by {@code CHECKPOINT SYNC}; H2 runs embedded in one process (no {@code AUTO_SERVER} listener), its
 * folder made 0700 and its files 0600. Connections and statements time out after
 * {@link Settings#timeout()}, so a database that is down makes requests fail fast. A URL is only
 * ever shown with its password masked.
 */
public final class Database implements AutoCloseable {

    /**
     * How to open: the password (else none, or the URL's own), the connect/statement timeout, and the
     * journal key's file (default: beside an H2 file database; for any other database a key held in
     * memory only, whose signatures cannot be checked after the process ends: a deployment names a file).
     */
    public record Settings(Optional<String> password, Duration timeout, Optional<Path> keyFile) {

        public Settings {
            if (timeout.isNegative() || timeout.compareTo(Duration.ofMillis(500)) < 0 || timeout.compareTo(Duration.ofMinutes(10)) > 0) {
                throw new BadInput(400, "db-timeout", "the database timeout must lie between 0.5 and 600 seconds, not " + timeout.toMillis() / 1000.0);
            }
        }

        public static Settings defaults() {
            return new Settings(Optional.empty(), Duration.ofSeconds(5), Optional.empty());
        }

        public Settings withKeyFile(Path file) {
            return new Settings(password, timeout, Optional.of(file));
        }
    }

    /** The name of the key file beside an H2 database (in the folder that holds its .mv.db). */
    public static final String KEY_FILE = "journal-signing.key";

    private final HikariDataSource pool;
    private final String url;
    private final boolean h2;
    private final Settings settings;
    private final Optional<Path> h2File;
    private final JournalKey key;

    private Database(String url, Settings settings, Optional<Path> h2File) {
        this.url = url;
        this.settings = settings;
        this.h2 = url.startsWith("jdbc:h2:");
        this.h2File = h2File;
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        settings.password().ifPresent(c::setPassword);
        c.setMaximumPoolSize(h2 ? 4 : 16);
        c.setPoolName("eurosec");
        c.setAutoCommit(true);
        long ms = settings.timeout().toMillis();
        c.setConnectionTimeout(Math.max(250, ms));
        c.setValidationTimeout(Math.max(250, Math.min(ms, ms - 100)));
        c.setInitializationFailTimeout(Math.max(1, ms));
        if (h2) {
            c.setConnectionInitSql("SET QUERY_TIMEOUT " + ms);
        } else if (url.startsWith("jdbc:postgresql:")) {
            long s = Math.max(1, (ms + 999) / 1000);
            c.addDataSourceProperty("connectTimeout", s);
            c.addDataSourceProperty("loginTimeout", s);
            c.addDataSourceProperty("socketTimeout", s + 1);
            // No parallel query: the store's statements are short. The journal writer's former catch-up read of a
            // batch of two or more exercises, "(exercise_id = ? AND seq > ?) OR ...", was planned once for
            // any values (a prepared statement's generic plan), which guessed a third of each exercise's
            // entries; on a journal of some size that guess made PostgreSQL start two parallel workers for
            // every such batch (about 10 ms of its CPU each, to find the usual nothing). No JIT compilation
            // either: a plan made for any values may be costed high enough for it (PostgreSQL 15 compiles
            // above a cost of 100,000; the writer's catch-up read was costed at 216,000 on a journal of
            // 570,000 entries), and compiling takes milliseconds where the statement takes microseconds.
            c.setConnectionInitSql("SET statement_timeout = " + ms + "; SET max_parallel_workers_per_gather = 0; SET jit = off");
        }
        this.pool = new HikariDataSource(c);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            if (h2) {
                try (Connection conn = pool.getConnection()) {
                    sync(conn); // once now: a user without the right to sync is told at once, not at every action
                } catch (SQLException e) {
                    throw new BadInput(400, "db", "cannot sync " + mask(url) + " (" + StoreUnavailable.reason(e)
                            + "): eurosec needs an H2 user with admin rights, to make each commit durable");
                }
            }
            h2File.ifPresent(Database::restrict);
            Optional<Path> kf = settings.keyFile().or(() -> h2File.map(f -> f.resolveSibling(KEY_FILE)));
            this.key = kf.map(JournalKey::loadOrCreate).orElseGet(JournalKey::generate);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        if (h2) {
            compacting = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "eurosec-h2-compaction");
                t.setDaemon(true);
                return t;
            });
            compacting.scheduleWithFixedDelay(this::compact, 1, 1, java.util.concurrent.TimeUnit.SECONDS);
        } else {
            compacting = null;
        }
    }

    /** H2: the thread that compacts the file every second ({@link #compact()}); null for PostgreSQL. */
    private final java.util.concurrent.ScheduledExecutorService compacting;

    /** The default: an H2 database in files under {@code dir}, used by one process at a time. */
    public static String defaultUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("eurosec");
    }

    public static Database open(String url) {
        return open(url, Settings.defaults());
    }

    public static Database open(String url, Settings settings) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new BadInput(400, "db", "--db takes a JDBC URL (jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB?user=U), not '" + mask(url) + "'");
        }
        String effective = url;
        Optional<Path> file = Optional.empty();
        if (url.startsWith("jdbc:h2:")) {
            effective = durableH2(url);
            file = h2File(effective);
            if (file.isPresent()) {
                Path dir = file.get().getParent();
                try {
                    if (!Files.exists(dir)) {
                        createPrivateDirectory(dir);
                    }
                    // The trace file too: H2 creates it only when it first has an error to write (a full disk, say),
                    // with the process's umask, so a server running for days would leave its errors readable by
                    // anyone; H2 appends to one that is already there and keeps its mode.
                    for (String suffix : List.of(".mv.db", ".trace.db")) {
                        Path f = file.get().resolveSibling(file.get().getFileName() + suffix);
                        if (!Files.exists(f)) {
                            try {
                                createPrivateFile(f);
                            } catch (java.nio.file.FileAlreadyExistsException made) {
                                // Another process made it at the same moment: it is as it was made, and H2 checks the rest.
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new BadInput(400, "db", "cannot create the database folder " + dir + ": " + e.getMessage());
                }
            }
        }
        try {
            return new Database(effective, settings, file);
        } catch (BadInput e) {
            throw e;
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
            if (inUse(e)) {
                why = "the database is in use by another process (a running `eurosec serve`?). An H2 database is opened by one process at a time: "
                        + "stop that process first, or use PostgreSQL for a database shared by several";
            }
            throw new BadInput(400, "db", "cannot open " + mask(url) + ": " + mask(why.lines().findFirst().orElse(why)));
        }
    }

    private static boolean inUse(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getErrorCode() == 90020) {
                return true;
            }
            if (t.getMessage() != null && t.getMessage().contains("Database may be already in use")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The H2 URL with durable commits: WRITE_DELAY=0 added unless already there; a URL that asks for
     * delayed writes, AUTO_SERVER (a listener on every interface) or a non-file lock is refused.
     */
    static String durableH2(String url) {
        String[] parts = url.split(";");
        List<String> out = new ArrayList<>();
        out.add(parts[0]);
        boolean writeDelay = false;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            String k = (eq < 0 ? p : p.substring(0, eq)).trim().toUpperCase(Locale.ROOT);
            String v = eq < 0 ? "" : p.substring(eq + 1).trim();
            switch (k) {
                case "WRITE_DELAY" -> {
                    if (!v.equals("0")) {
                        throw new BadInput(400, "db", "WRITE_DELAY=" + v + " would acknowledge actions before they are on disk; leave it out (eurosec sets WRITE_DELAY=0)");
                    }
                    writeDelay = true;
                }
                case "AUTO_SERVER" -> {
                    if (!v.equalsIgnoreCase("FALSE")) {
                        throw new BadInput(400, "db", "AUTO_SERVER opens a network listener on every interface; eurosec opens H2 in one process only: leave it out");
                    }
                }
                case "FILE_LOCK" -> {
                    if (v.equalsIgnoreCase("NO")) {
                        throw new BadInput(400, "db", "FILE_LOCK=NO would let two processes write the same database at once; leave it out");
                    }
                }
                default -> {
                }
            }
            out.add(p);
        }
        if (!writeDelay) {
            out.add("WRITE_DELAY=0");
        }
        return String.join(";", out);
    }

    /** The local database file (without .mv.db) an H2 URL names, if it names one on this file system. */
    static Optional<Path> h2File(String url) {
        String rest = url.substring("jdbc:h2:".length()).split(";")[0];
        if (rest.startsWith("file:")) {
            rest = rest.substring(5);
        } else if (rest.matches("^[A-Za-z][A-Za-z0-9+.-]+:.*") && !rest.matches("^[A-Za-z]:[\\\\/].*")) {
            return Optional.empty(); // mem:, tcp:, ssl:, or another H2 file system
        }
        if (rest.startsWith("~")) {
            rest = System.getProperty("user.home") + rest.substring(1);
        }
        return rest.isEmpty() ? Optional.empty() : Optional.of(Path.of(rest).toAbsolutePath());
    }

    static final Set<PosixFilePermission> OWNER_RW = PosixFilePermissions.fromString("rw-------");
    static final Set<PosixFilePermission> OWNER_RWX = PosixFilePermissions.fromString("rwx------");

    static void createPrivateDirectory(Path dir) throws IOException {
        if (posix(dir.getParent() == null ? dir : existing(dir))) {
            Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(OWNER_RWX));
            Files.setPosixFilePermissions(dir, OWNER_RWX);
        } else {
            Files.createDirectories(dir);
        }
    }

    static void createPrivateFile(Path file) throws IOException {
        if (posix(file.toAbsolutePath().getParent())) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_RW));
            Files.setPosixFilePermissions(file, OWNER_RW);
        } else {
            Files.createFile(file);
        }
    }

    private static Path existing(Path p) {
        Path q = p.toAbsolutePath();
        while (q != null && !Files.exists(q)) {
            q = q.getParent();
        }
        return q == null ? p.toAbsolutePath().getRoot() : q;
    }

    private static boolean posix(Path p) {
        return p != null && Files.getFileAttributeView(existing(p), java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    /** The H2 files (database, trace, lock) readable and writable by their owner only. */
    private static void restrict(Path base) {
        for (String suffix : List.of(".mv.db", ".trace.db", ".lock.db")) {
            Path f = base.resolveSibling(base.getFileName() + suffix);
            try {
                if (Files.exists(f) && posix(f)) {
                    Files.setPosixFilePermissions(f, OWNER_RW);
                }
            } catch (IOException e) {
                // A file H2 has just removed (the lock) has nothing left to protect.
            }
        }
    }

    /** {@code url} with any password replaced by ***, fit to print. */
    public static String mask(String url) {
        return url == null ? "null" : url.replaceAll("(?i)(password=)[^&;]*", "$1***");
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /** The URL in use (durability settings included), with its password masked: fit to print. */
    public String url() {
        return mask(url);
    }

    public boolean isH2() {
        return h2;
    }

    /** Whether this is a PostgreSQL database (the journal writer then sends fewer, larger statements). */
    public boolean isPostgresql() {
        return url.startsWith("jdbc:postgresql:");
    }

    public Settings settings() {
        return settings;
    }

    /** The key that signs this database's journal entries. */
    public JournalKey key() {
        return key;
    }

    /** Where an H2 database keeps its files (the path without .mv.db), if it is a local file. */
    public Optional<Path> file() {
        return h2File;
    }

    /**
     * Makes the committed transactions on {@code c} durable: H2 writes on commit (WRITE_DELAY=0)
     * but leaves the flush to the operating system, so it is asked to sync; PostgreSQL syncs its
     * log on commit by itself.
     */
    void sync(Connection c) throws SQLException {
        if (h2) {
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
        }
    }

    /** How often at most {@link #compact()} rewrites chunks (nanoseconds). */
    private static final long COMPACT_EVERY_NS = 1_000_000_000L;
    /** The chunk fill rate (live share, in %) below which H2 rewrites chunks: H2's own default for its background compaction. */
    static final int COMPACT_FILL_RATE = 90;
    /**
     * At most this much is rewritten per compaction. H2 builds the new chunk in memory, in a buffer that
     * grows by doubling: with 16 MiB, under a load of some 5,000 actions a second with the heap nearly
     * full, one compaction asked for 52 MB and failed with OutOfMemoryError, and H2 closed the database
     * (the service answered 503 until it was reopened). A few MiB a second keeps up with any
     * exercise's pace but the heaviest loads, whose file still grows, more slowly.
     */
    private static final int COMPACT_WRITE_BYTES = 4 << 20;
    private final java.util.concurrent.atomic.AtomicLong lastCompaction = new java.util.concurrent.atomic.AtomicLong(System.nanoTime());
    private final java.util.concurrent.atomic.AtomicLong compactions = new java.util.concurrent.atomic.AtomicLong();
    private volatile long compactionWarned = System.nanoTime() - 60_000_000_000L;

    /**
     * H2, at most once a second: rewrites what is still live of the file's mostly dead chunks into new
     * ones, so that their space is used again once H2's retention time (45 s) has passed. H2 does this
     * in its background writer, which runs only when commits are written late; eurosec writes each
     * commit at once (WRITE_DELAY=0), so H2 never compacted, and its file grew by about 4.3 KB a
     * journal entry for good (3.1 GB at 718,000 entries of some 300 live bytes each, measured under
     * load). Run every second by a thread of its own (see {@link #compacting}), beside the journal
     * writer as H2's own background writer runs beside its sessions; never fails anything (a failure
     * is logged, once a minute at most). What it writes is made durable by the next commit's sync;
     * until then the chunks it replaces are kept (the retention time), so a crash loses nothing.
     */
    public void compact() {
        if (!h2) {
            return;
        }
        long now = System.nanoTime();
        long last = lastCompaction.get();
        if (now - last < COMPACT_EVERY_NS || !lastCompaction.compareAndSet(last, now)) {
            return;
        }
        try {
            compactNow();
        } catch (SQLException | RuntimeException e) {
            if (now - compactionWarned > 60_000_000_000L) {
                compactionWarned = now;
                org.slf4j.LoggerFactory.getLogger(Database.class).warn("H2's file could not be compacted ({}); tried again later", StoreUnavailable.reason(e));
            }
        }
    }

    /** One compaction of an H2 database's file, whenever it is asked for (see {@link #compact()}). */
    void compactNow() throws SQLException {
        try (Connection c = pool.getConnection()) {
            store(c).compact(COMPACT_FILL_RATE, COMPACT_WRITE_BYTES);
            compactions.incrementAndGet();
        }
    }

    /** For tests: the compacting thread stopped, so that a test alone decides when the file is compacted. */
    void stopCompactingForTests() throws InterruptedException {
        compacting.shutdown();
        compacting.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    /** For tests: how many compactions ran. */
    long compactions() {
        return compactions.get();
    }

    /** For tests: an H2 database's chunk fill rate (the live share of its chunks, in %). */
    int chunksFillRate() throws SQLException {
        try (Connection c = pool.getConnection()) {
            return store(c).getFileStore().getChunksFillRate();
        }
    }

    /**
     * For tests: H2 keeps a chunk no longer used for its retention time (45 s) before it drops it; a
     * test that cannot wait that long has it dropped at once (never in a served database: the time
     * covers writes the file system has not flushed yet).
     */
    void dropUnusedChunksAtOnceForTests() throws SQLException {
        try (Connection c = pool.getConnection()) {
            store(c).setRetentionTime(0);
        }
    }

    /** The H2 store behind a connection of this database's pool. */
    private static org.h2.mvstore.MVStore store(Connection c) throws SQLException {
        org.h2.engine.Session session = c.unwrap(org.h2.jdbc.JdbcConnection.class).getSession();
        return ((org.h2.engine.SessionLocal) session).getDatabase().getStore().getMvStore();
    }

    /**
     * After a failed write: the pool's connections are closed as they come back, so the next ones
     * open the database afresh (an H2 database that hit a full disk closes itself; it reopens from
     * its last good state once the disk has room again).
     */
    public void reset() {
        var mx = pool.getHikariPoolMXBean();
        if (mx != null) {
            mx.softEvictConnections();
        }
    }

    @Override
    public void close() {
        if (compacting != null) {
            // Not interrupted: an interrupt during H2's file I/O closes its file channel (ClosedByInterruptException).
            compacting.shutdown();
            try {
                compacting.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        pool.close();
    }
}
