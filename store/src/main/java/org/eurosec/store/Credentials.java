package org.eurosec.store;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eurosec.mechanism.Actor;

/**
 * The credentials of a database: the administrator's one, and each exercise's (a delegation's, the
 * depositary's, an observer's). Only SHA-256 hashes are stored; a token is shown once, when it is
 * made, and never kept or logged.
 *
 * <p>A known exercise credential is kept in memory by its hash, so most requests need no query; a
 * credential revoked here leaves memory at once, and one revoked by another process (the command
 * line, a second server) is refused within {@link #FRESH_MILLIS}: once that long has passed since
 * the last look, the next request counts the revoked credentials in the database (one query for all
 * the credentials in memory, not one per credential), and if the count has changed, memory forgets
 * them all, so each is checked again on its next use. The count is taken again from half that time
 * on by one request while the others carry on, so requests do not queue behind it every second. A
 * credential is never un-revoked nor deleted, so the count grows with every revocation.
 */
public final class Credentials {

    /** How long a checked credential is trusted without asking the database again. */
    public static final long FRESH_MILLIS = 1_000;

    /** One credential as the administrator sees it: never the token, only the first characters of its hash. */
    public record Issued(String actor, String id, String issuedAt, String revokedAt) {
    }

    /** The revoked credentials counted at the last look, and when (System.nanoTime); -1: not looked yet. */
    private record Revocations(long count, long at) {
    }

    private volatile Revocations revocations = new Revocations(-1, 0);

    private final Database db;
    private final Clock real;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Exercises.Who> known = new ConcurrentHashMap<>();

    /**
     * The hashes of the credentials that authenticated lately, by credential, so that the requests of
     * a delegation already seen skip the SHA-256 (a map look-up instead). Only a hash is cached, never
     * an answer: acceptance still goes through {@link #known} and the database by hash, so a revoked
     * credential is refused exactly as before. Only credentials that authenticated are kept (random
     * tokens cannot fill it), at most {@link #MAX_HASHED}: beyond, it starts again empty.
     */
    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    static final int MAX_HASHED = 10_000;

    Credentials(Database db, Clock real) {
        this.db = db;
        this.real = real;
    }

    String token(String prefix) {
        byte[] b = new byte[32];
        random.nextBytes(b);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    /** The exercise and actor a credential is for, when it is one of this database's and not revoked. */
    public Optional<Exercises.Who> authenticate(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return Optional.empty();
        }
        String t = token.trim();
        String cached = hashes.get(t);
        String hash = cached != null ? cached : Journal.sha256(t);
        fresh();
        Exercises.Who k = known.get(hash);
        if (k != null) {
            if (cached == null) {
                remember(t, hash);
            }
            return Optional.of(k);
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT exercise_id, actor FROM credential WHERE token_hash = ? AND revoked_at IS NULL")) {
            ps.setString(1, hash);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    known.remove(hash);
                    hashes.remove(t);
                    return Optional.empty();
                }
                Exercises.Who w = new Exercises.Who(rs.getString(1), Actor.parse(rs.getString(2)));
                known.put(hash, w);
                remember(t, hash);
                return Optional.of(w);
            }
        } catch (SQLException e) {
            throw StoreUnavailable.of("the database does not answer", e);
        }
    }

    private void remember(String token, String hash) {
        if (hashes.size() >= MAX_HASHED) {
            hashes.clear();
        }
        hashes.put(token, hash);
    }

    /** For tests: the clock of the revocation checks (nanoseconds, as {@link System#nanoTime}). */
    volatile java.util.function.LongSupplier nanos = System::nanoTime;
    /** For tests: run as a count of the revoked credentials begins (a slow database, say). */
    volatile Runnable beforeCount = () -> {
    };
    /** The count of revoked credentials: one at a time, the others waiting at most the store's timeout and sharing its failure. */
    private final SharedAttempt counting = new SharedAttempt();

    private static final long FRESH_NANOS = FRESH_MILLIS * 1_000_000L;

    /**
     * Makes sure memory holds no credential revoked more than {@link #FRESH_MILLIS} ago. Once half
     * that time has passed since the last count, the first caller to see it counts again while the
     * others go on with what memory holds (it is still fresh enough), so in steady use nobody waits
     * for the count; only when the whole time has passed (no request came meanwhile, or the count
     * is slow) do callers wait for it, as the guarantee needs. A count that fails half-way is left
     * to the next caller: memory is still within its time, and the caller's request is served.
     */
    private void fresh() {
        Revocations seen = revocations;
        long age = nanos.getAsLong() - seen.at();
        if (seen.count() >= 0 && age < FRESH_NANOS / 2) {
            return;
        }
        if (seen.count() >= 0 && age < FRESH_NANOS) {
            try {
                counting.tryRun(() -> count(FRESH_NANOS / 2));
            } catch (StoreUnavailable e) {
                // Memory is still fresh: this request is served; a count is tried again on the next one, and waited for once the time is up.
            }
            return;
        }
        counting.run(db.settings().timeout().toMillis(), "the check for revoked credentials", () -> {
            count(FRESH_NANOS);
            return null;
        });
    }

    /**
     * Counts the revoked credentials unless another caller counted less than {@code within} ago
     * (while this one waited for the lock), and forgets every credential in memory if the count
     * changed; the caller holds {@link #counting}.
     */
    private void count(long within) {
        Revocations last = revocations;
        long started = nanos.getAsLong();
        if (last.count() >= 0 && started - last.at() < within) {
            return; // another thread looked meanwhile
        }
        beforeCount.run();
        long count;
        try (Connection c = db.connection();
                PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM credential WHERE revoked_at IS NOT NULL");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            count = rs.getLong(1);
        } catch (SQLException e) {
            throw StoreUnavailable.of("the database does not answer", e);
        }
        if (count != last.count()) {
            known.clear();
        }
        revocations = new Revocations(count, started); // as of when the count was asked for
    }

    // ------------------------------------------------------------------ the administrator

    /**
     * Makes the administrator's credential when there is none, or a new one in place of the old when
     * {@code replace}: the token (to be shown once), or empty when one exists and is kept.
     */
    public Optional<String> adminToken(boolean replace) {
        try (Connection c = db.connection()) {
            c.setAutoCommit(false);
            try {
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM admin_credential WHERE id = 1"); ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    exists = rs.getInt(1) > 0;
                }
                if (exists && !replace) {
                    c.rollback();
                    return Optional.empty();
                }
                String token = token("esa_");
                try (PreparedStatement ps = c.prepareStatement(exists ? "UPDATE admin_credential SET token_hash = ?, created_at = ? WHERE id = 1"
                        : "INSERT INTO admin_credential (token_hash, created_at, id) VALUES (?,?,1)")) {
                    ps.setString(1, Journal.sha256(token));
                    ps.setString(2, real.instant().toString());
                    ps.executeUpdate();
                }
                c.commit();
                c.setAutoCommit(true);
                db.sync(c);
                return Optional.of(token);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            db.reset();
            throw StoreUnavailable.of("the database did not take the admin credential", e);
        }
    }

    /** Whether {@code token} is the administrator's credential (compared by hash, in constant time). */
    public boolean isAdmin(String token) {
        if (token == null || token.isBlank() || token.length() > 200) {
            return false;
        }
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM admin_credential WHERE id = 1");
                ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return false;
            }
            byte[] stored = rs.getString(1).trim().getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] given = Journal.sha256(token.trim()).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            return MessageDigest.isEqual(stored, given);
        } catch (SQLException e) {
            throw StoreUnavailable.of("the database does not answer", e);
        }
    }

    // ------------------------------------------------------------------ an exercise's credentials

    /** Stores a new credential for {@code actor} within the caller's transaction; returns the token. */
    String issue(Connection c, String exercise, String actor) throws SQLException {
        String token = token("es_");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential (token_hash, exercise_id, actor, issued_at) VALUES (?,?,?,?)")) {
            ps.setString(1, Journal.sha256(token));
            ps.setString(2, exercise);
            ps.setString(3, actor);
            ps.setString(4, real.instant().toString());
            ps.executeUpdate();
        }
        return token;
    }

    /**
     * Revokes every credential {@code actor} holds in {@code exercise} within the caller's
     * transaction; returns their hashes (to be forgotten once the transaction commits).
     */
    List<String> revoke(Connection c, String exercise, String actor) throws SQLException {
        List<String> hashes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT token_hash FROM credential WHERE exercise_id = ? AND actor = ? AND revoked_at IS NULL")) {
            ps.setString(1, exercise);
            ps.setString(2, actor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    hashes.add(rs.getString(1).trim());
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE credential SET revoked_at = ? WHERE exercise_id = ? AND actor = ? AND revoked_at IS NULL")) {
            ps.setString(1, real.instant().toString());
            ps.setString(2, exercise);
            ps.setString(3, actor);
            ps.executeUpdate();
        }
        return hashes;
    }

    /** Forgets credentials held in memory (after their revocation is committed). */
    void forget(List<String> hashes) {
        hashes.forEach(known::remove);
    }

    /** Every credential of an exercise, in the order issued (the token never; the first 12 characters of its hash as its id). */
    public List<Issued> list(String exercise) {
        List<Issued> out = new ArrayList<>();
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT actor, token_hash, issued_at, revoked_at FROM credential WHERE exercise_id = ? ORDER BY issued_at, actor, token_hash")) {
            ps.setString(1, exercise);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Issued(rs.getString(1), rs.getString(2).trim().substring(0, 12), nz(rs.getString(3)), nz(rs.getString(4))));
                }
            }
        } catch (SQLException e) {
            throw StoreUnavailable.of("the database does not answer", e);
        }
        return out;
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }
}
