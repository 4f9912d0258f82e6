package org.eurosec.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * The journal of an exercise: every accepted action, in order, each entry carrying the SHA-256 of
 * its own content and of the entry before it, so that an edited, removed or reordered entry breaks
 * the chain at a place {@link #verify} names. Since schema version 2 each entry also carries the
 * server's Ed25519 signature over exercise, sequence and hash ({@link JournalKey}); the hash itself is
 * computed as before, so journals written earlier still verify (their entries are simply unsigned).
 * The chain alone cannot show an entry rewritten together with every hash after it, or a journal cut
 * short: the signatures ({@link #verifySignatures}) and the receipts a delegation keeps
 * ({@link Receipt#check}) can.
 */
public final class Journal {

    public static final String GENESIS = "0".repeat(64);

    private Journal() {
    }

    /** One entry as stored. */
    public record Entry(String exercise, long seq, String atExercise, String atReal, String actor, String kind, String body, String prevHash,
            String hash, String keyId, String signature) {

        /** An entry as written before signatures: no key, no signature. */
        public Entry(String exercise, long seq, String atExercise, String atReal, String actor, String kind, String body, String prevHash,
                String hash) {
            this(exercise, seq, atExercise, atReal, actor, kind, body, prevHash, hash, "", "");
        }

        /** The same entry signed by {@code key}. */
        public Entry signedBy(JournalKey key) {
            return new Entry(exercise, seq, atExercise, atReal, actor, kind, body, prevHash, hash, key.id(), key.sign(exercise, seq, hash));
        }

        public boolean signed() {
            return signature != null && !signature.isEmpty();
        }

        /** The hash this entry's content and link should have. */
        public String expectedHash() {
            return Journal.hash(exercise, seq, atExercise, atReal, actor, kind, body, prevHash);
        }
    }

    public static String hash(String exercise, long seq, String atExercise, String atReal, String actor, String kind, String body, String prev) {
        String canonical = exercise + "\n" + seq + "\n" + atExercise + "\n" + atReal + "\n" + actor + "\n" + kind + "\n" + body + "\n" + prev;
        return sha256(canonical);
    }

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    });

    public static String sha256(String s) {
        MessageDigest md = SHA256.get();
        md.reset();
        return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * The same as {@code sha256(head + body)}, without building that text or its whole UTF-8 copy:
     * the body (a snapshot, megabytes for a large exercise) is encoded a slice at a time, never
     * between the two halves of a surrogate pair, so the bytes digested are exactly the whole text's.
     */
    static String sha256(String head, String body) {
        MessageDigest md = SHA256.get();
        md.reset();
        md.update(head.getBytes(StandardCharsets.UTF_8));
        int slice = 1 << 16;
        for (int at = 0; at < body.length();) {
            int to = Math.min(body.length(), at + slice);
            if (to < body.length() && Character.isHighSurrogate(body.charAt(to - 1))) {
                to++;
            }
            md.update(body.substring(at, to).getBytes(StandardCharsets.UTF_8));
            at = to;
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** Appends an entry after {@code prev} (seq and hash of the last entry, or 0 and {@link #GENESIS}) within the caller's transaction. */
    public static Entry append(Connection c, String exercise, long prevSeq, String prevHash, String atExercise, String atReal, String actor,
            String kind, String body, JournalKey key) throws SQLException {
        long seq = prevSeq + 1;
        String h = hash(exercise, seq, atExercise, atReal, actor, kind, body, prevHash);
        Entry e = new Entry(exercise, seq, atExercise, atReal, actor, kind, body, prevHash, h).signedBy(key);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            bind(ps, e);
            ps.executeUpdate();
        }
        return e;
    }

    static final String INSERT = "INSERT INTO journal (exercise_id, seq, at_exercise, at_real, actor, kind, body, prev_hash, hash, key_id, signature) "
            + "VALUES (?,?,?,?,?,?,?,?,?,?,?)";

    static void bind(PreparedStatement ps, Entry e) throws SQLException {
        ps.setString(1, e.exercise());
        ps.setLong(2, e.seq());
        ps.setString(3, e.atExercise());
        ps.setString(4, e.atReal());
        ps.setString(5, e.actor());
        ps.setString(6, e.kind());
        ps.setString(7, e.body());
        ps.setString(8, e.prevHash());
        ps.setString(9, e.hash());
        ps.setString(10, e.signed() ? e.keyId() : null);
        ps.setString(11, e.signed() ? e.signature() : null);
    }

    public static List<Entry> read(Connection c, String exercise) throws SQLException {
        return read(c, exercise, 0, Integer.MAX_VALUE);
    }

    /**
     * An exercise's entries after a number, in order: a range of the primary key (exercise_id, seq) on
     * H2 and PostgreSQL alike (JournalPlanTest checks H2's plan). Ordered by {@code seq} alone: ordered
     * by {@code exercise_id, seq}, H2 scans all the exercise's entries.
     */
    static final String TAIL = "SELECT seq, at_exercise, at_real, actor, kind, body, prev_hash, hash, key_id, signature"
            + " FROM journal WHERE exercise_id = ? AND seq > ? ORDER BY seq";

    /** At most {@code limit} entries after number {@code after}, in order. */
    public static List<Entry> read(Connection c, String exercise, long after, int limit) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(TAIL)) {
            ps.setString(1, exercise);
            ps.setLong(2, after);
            ps.setMaxRows(limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(exercise, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8), nz(rs.getString(9)), nz(rs.getString(10))));
                }
            }
        }
        return out;
    }

    /**
     * The entries after each exercise's number in {@code after}, in order, per exercise (H2; PostgreSQL
     * reads them with the writer's lock, {@link #READ_AFTER_ARRAYS}): one statement per exercise, each
     * a range of the primary key from that number on ({@link #TAIL}). H2 planned the read of several
     * exercises at once, {@code (exercise_id = ? AND seq > ?) OR ...}, as a scan of the whole journal,
     * and even one exercise's, ordered by {@code exercise_id, seq}, as a scan of all that exercise's
     * entries (its plan kept {@code exercise_id = ?} alone as the index condition): the writer made
     * that read for each batch, so under load an H2 exercise's actions slowed down as its journal grew.
     */
    static java.util.Map<String, List<Entry>> readAfter(Connection c, java.util.Map<String, Long> after) throws SQLException {
        java.util.Map<String, List<Entry>> out = new java.util.HashMap<>();
        for (java.util.Map.Entry<String, Long> a : after.entrySet()) {
            List<Entry> tail = read(c, a.getKey(), a.getValue(), Integer.MAX_VALUE);
            if (!tail.isEmpty()) {
                out.put(a.getKey(), tail);
            }
        }
        return out;
    }

    /**
     * The entries after each exercise's number, as {@link #readAfter} gives them but in one statement with one text for any
     * number of exercises (PostgreSQL): two arrays, the exercises (text[]) and their numbers
     * (bigint[]). Each exercise is read by its own scan of the primary key ({@code LATERAL}), so a
     * plan made for any values still goes by the index; rows as {@link #readAfterRows} reads them.
     */
    static final String READ_AFTER_ARRAYS = "SELECT a.id, j.seq, j.at_exercise, j.at_real, j.actor, j.kind, j.body, j.prev_hash, j.hash, j.key_id, j.signature"
            + " FROM unnest(?::varchar[], ?::bigint[]) AS a(id, after) CROSS JOIN LATERAL (SELECT seq, at_exercise, at_real, actor, kind, body,"
            + " prev_hash, hash, key_id, signature FROM journal WHERE exercise_id = a.id AND seq > a.after ORDER BY seq) AS j ORDER BY a.id, j.seq";

    /** The rows of {@link #READ_AFTER_ARRAYS}, per exercise in order. */
    static java.util.Map<String, List<Entry>> readAfterRows(ResultSet rs) throws SQLException {
        java.util.Map<String, List<Entry>> out = new java.util.HashMap<>();
        while (rs.next()) {
            String ex = rs.getString(1);
            out.computeIfAbsent(ex, k -> new ArrayList<>()).add(new Entry(ex, rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                    rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), nz(rs.getString(10)), nz(rs.getString(11))));
        }
        return out;
    }

    /** Whether the exercise's first entry says it was created with a journal key (every entry is then signed). */
    static boolean createdWithKey(Entry first) {
        try {
            return first.kind().equals("exercise-created") && ActionCodec.JSON.readTree(first.body()).hasNonNull("journal_key");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s.trim();
    }

    /**
     * The signatures' problems, each naming the entry: an entry signed by another key than
     * {@code key}, a signature that does not match the entry (its hash or place was changed, or it
     * was forged without the key), an unsigned entry in an exercise created with a journal key or
     * after a signed entry (only entries written before signatures existed may lack one). Empty when
     * every signed entry is the key's.
     */
    public static List<String> verifySignatures(List<Entry> entries, JournalKey key) {
        return verifySignatures(entries, key, !entries.isEmpty() && createdWithKey(entries.get(0)));
    }

    /** As {@link #verifySignatures(List, JournalKey)} for entries that continue a journal; {@code signedBefore}: whether it was signed so far. */
    public static List<String> verifySignatures(List<Entry> entries, JournalKey key, boolean signedBefore) {
        List<String> problems = new ArrayList<>();
        boolean signedSeen = signedBefore;
        for (Entry e : entries) {
            if (!e.signed()) {
                if (signedSeen) {
                    problems.add("entry " + e.seq() + ": it has no signature, though this journal is signed: it was added or rewritten without the journal key");
                }
                continue;
            }
            signedSeen = true;
            if (!e.keyId().equals(key.id())) {
                problems.add("entry " + e.seq() + ": signed by key " + e.keyId() + ", not this server's key " + key.id());
            } else if (!key.verify(e.exercise(), e.seq(), e.hash(), e.signature())) {
                problems.add("entry " + e.seq() + ": its signature does not match: it was written or rewritten without the journal key");
            }
        }
        return problems;
    }

    /**
     * The chain's problems, each naming the entry: content that no longer matches its hash (edited),
     * a link to a previous hash that is not the previous entry's (an entry removed, inserted or
     * moved), a gap in the numbering. Empty when the journal is intact.
     */
    public static List<String> verify(List<Entry> entries) {
        return verify(entries, 0, GENESIS);
    }

    /** As {@link #verify(List)} for entries that continue a journal whose entry {@code prevSeq} has hash {@code prevHash}. */
    public static List<String> verify(List<Entry> entries, long prevSeq, String prevHash) {
        List<String> problems = new ArrayList<>();
        String prev = prevHash;
        long expectSeq = prevSeq + 1;
        for (Entry e : entries) {
            if (e.seq() != expectSeq) {
                problems.add("entry " + e.seq() + ": expected entry " + expectSeq + " here; entries " + expectSeq
                        + (e.seq() - 1 > expectSeq ? " to " + (e.seq() - 1) : "") + " are missing or out of order");
            }
            if (!e.hash().equals(e.expectedHash())) {
                problems.add("entry " + e.seq() + " (" + e.kind() + " by " + e.actor() + " at " + e.atExercise()
                        + "): its content does not match its hash: edited after it was written");
            }
            if (!e.prevHash().equals(prev)) {
                problems.add("entry " + e.seq() + ": its link to the entry before does not match: an entry before it was removed, edited, inserted or reordered");
            }
            prev = e.hash();
            expectSeq = e.seq() + 1;
        }
        return problems;
    }
}
