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
 * the chain at a place {@link #verify} names.
 */
public final class Journal {

    public static final String GENESIS = "0".repeat(64);

    private Journal() {
    }

    /** One entry as stored. */
    public record Entry(String exercise, long seq, String atExercise, String atReal, String actor, String kind, String body, String prevHash,
            String hash) {

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

    /** Appends an entry after {@code prev} (seq and hash of the last entry, or 0 and {@link #GENESIS}) within the caller's transaction. */
    public static Entry append(Connection c, String exercise, long prevSeq, String prevHash, String atExercise, String atReal, String actor,
            String kind, String body) throws SQLException {
        long seq = prevSeq + 1;
        String h = hash(exercise, seq, atExercise, atReal, actor, kind, body, prevHash);
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO journal (exercise_id, seq, at_exercise, at_real, actor, kind, body, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?)")) {
            ps.setString(1, exercise);
            ps.setLong(2, seq);
            ps.setString(3, atExercise);
            ps.setString(4, atReal);
            ps.setString(5, actor);
            ps.setString(6, kind);
            ps.setString(7, body);
            ps.setString(8, prevHash);
            ps.setString(9, h);
            ps.executeUpdate();
        }
        return new Entry(exercise, seq, atExercise, atReal, actor, kind, body, prevHash, h);
    }

    public static List<Entry> read(Connection c, String exercise) throws SQLException {
        List<Entry> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT seq, at_exercise, at_real, actor, kind, body, prev_hash, hash FROM journal WHERE exercise_id = ? ORDER BY seq")) {
            ps.setString(1, exercise);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(exercise, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getString(8)));
                }
            }
        }
        return out;
    }

    /**
     * The chain's problems, each naming the entry: content that no longer matches its hash (edited),
     * a link to a previous hash that is not the previous entry's (an entry removed, inserted or
     * moved), a gap in the numbering. Empty when the journal is intact.
     */
    public static List<String> verify(List<Entry> entries) {
        List<String> problems = new ArrayList<>();
        String prev = GENESIS;
        long expectSeq = 1;
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
