package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.eurosec.mechanism.ExerciseState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The snapshot read as a stream gives back what was written, a closed exercise included, and a
 * snapshot that is not one (fields missing, not JSON, not Base64, a character outside ASCII) is
 * refused with a message, never a partial state; the snapshot's digest, taken a slice at a time,
 * is the digest of the whole text.
 */
class StateCodecTest {

    @TempDir
    Path dir;

    private static String snapshotOf(String json) {
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        return Base64.getEncoder().encodeToString(gzip(text, 0, text.length));
    }

    /** The state of SnapshotTest's busy exercise, made in this test's own database. */
    private ExerciseState busyState() {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        try (Database db = Database.open(Database.defaultUrl(dir))) {
            Exercises ex = SnapshotTest.exercises(db, clock);
            ExerciseState s = ex.state(SnapshotTest.busy(ex, clock));
            ex.close();
            return s;
        }
    }

    @Test
    void aBusyExerciseAndAClosedOneReadBackAsTheyWere() throws Exception {
        ExerciseState s = busyState();
        String id = s.exercise();
        assertThat(s.procedures()).hasSizeGreaterThan(5);
        assertThat(s.pending()).isNotEmpty();
        ExerciseState read = StateCodec.read(StateCodec.write(s), id, s.regime(), s.rules());
        assertThat(read).isEqualTo(s);
        ExerciseState closed = new ExerciseState(s.exercise(), s.regime(), s.rules(), s.procedures(), s.accepted(), s.lastAt(), s.pending(),
                s.nextId(), Optional.of(Instant.parse("2010-07-01T00:00:00Z")), s.changes(), s.lastChange());
        assertThat(StateCodec.read(StateCodec.write(closed), id, s.regime(), s.rules())).isEqualTo(closed).isNotEqualTo(s);
        // Fields in another order, and one the reader does not know, read the same.
        ExerciseState empty = ExerciseState.start(id, s.regime(), s.rules(), Instant.parse("2010-06-01T09:00:00Z"));
        String reordered = "{\"next_id\":" + empty.nextId() + ",\"later\":{\"x\":[1,2]},\"last_at\":\"" + empty.lastAt()
                + "\",\"accepted\":0,\"procedures\":[]}";
        assertThat(StateCodec.read(snapshotOf(reordered), id, s.regime(), s.rules())).isEqualTo(empty);
    }

    /**
     * A snapshot is a run of gzip members (one per part of 256 procedures, reused from snapshot to
     * snapshot), and every member is read, wherever its boundaries fall: here a real state's document
     * cut into members of 1 to 40 bytes, one of them ending where the reader must ask for more. (Read through a stream that said no bytes were available,
     * the document ended at the first boundary near the end of a read, and the snapshot was refused.)
     */
    @Test
    void aSnapshotOfManyGzipMembersIsReadToItsEnd() throws Exception {
        ExerciseState s = busyState();
        String id = s.exercise();
        String doc;
        try (java.util.zip.GZIPInputStream in = new java.util.zip.GZIPInputStream(
                new java.io.ByteArrayInputStream(Base64.getDecoder().decode(StateCodec.write(s))))) {
            doc = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        // A field the reader skips, long and random enough for the members to run past the reader's first 64 KiB.
        java.util.Random r = new java.util.Random(11);
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < 90_000; i++) {
            padding.append((char) ('a' + r.nextInt(26)));
        }
        byte[] text = ("{\"padding\":\"" + padding + "\"," + doc.substring(1)).getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream members = new ByteArrayOutputStream();
        int count = 0;
        boolean atTheEdge = false;
        for (int at = 0; at < text.length; count++) {
            int n = Math.min(text.length - at, 1 + r.nextInt(40));
            byte[] m = gzip(text, at, n);
            // One member made to end within 18 bytes of the end of the reader's first 64 KiB: there the reader
            // has fewer than 27 bytes left in hand and must ask its source whether more members follow.
            int edge = 1 << 16;
            if (!atTheEdge && members.size() + m.length > edge - 18) {
                for (int k = 1; k <= 40 && at + k <= text.length; k++) {
                    byte[] c = gzip(text, at, k);
                    if (members.size() + c.length >= edge - 18 && members.size() + c.length <= edge) {
                        n = k;
                        m = c;
                        atTheEdge = true;
                        break;
                    }
                }
            }
            members.writeBytes(m);
            at += n;
        }
        assertThat(atTheEdge).as("a member ends at the edge of the first read").isTrue();
        assertThat(count).isGreaterThan(1000);
        assertThat(StateCodec.read(Base64.getEncoder().encodeToString(members.toByteArray()), id, s.regime(), s.rules())).isEqualTo(s);
    }

    private static byte[] gzip(byte[] text, int at, int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(text, at, n);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    @Test
    void whatIsNotASnapshotIsRefusedWithAMessage() throws Exception {
        ExerciseState empty = ExerciseState.start("x", "est-2009", null, Instant.parse("2010-06-01T09:00:00Z"));
        String good = StateCodec.write(empty);
        assertThat(StateCodec.read(good, "x", "est-2009", null)).isEqualTo(empty);
        for (String bad : new String[] {
            snapshotOf("{\"procedures\":[],\"accepted\":0,\"last_at\":\"2010-06-01T09:00:00Z\"}"), // no next_id
            snapshotOf("{\"accepted\":0,\"last_at\":\"2010-06-01T09:00:00Z\",\"next_id\":1}"), // no procedures
            snapshotOf("{\"procedures\":[1],\"accepted\":0,\"last_at\":\"2010-06-01T09:00:00Z\",\"next_id\":1}"), // not a procedure
            snapshotOf("{\"procedures\":[{\"type\":\"Nothing\",\"fields\":{},\"change\":1}],\"accepted\":0,\"last_at\":\"x\",\"next_id\":1}"),
            snapshotOf("{\"procedures\":[],\"accepted\":0,\"last_at\":\"yesterday\",\"next_id\":1}"),
            snapshotOf("{\"procedures\":[],\"accepted\":0"), // cut short
            snapshotOf("[]"),
            "not base64 at all!",
            good.substring(0, good.length() / 2), // the gzip stream cut short
            good.substring(0, 8) + "\u0141" + good.substring(9), // 'Ł': its low byte would pass for 'A'
        }) {
            assertThatThrownBy(() -> StateCodec.read(bad, "x", "est-2009", null)).as(bad)
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("the snapshot");
        }
    }

    @Test
    void theDigestTakenASliceAtATimeIsTheWholeTextsDigest() {
        StringBuilder body = new StringBuilder();
        while (body.length() < (1 << 16) - 1) {
            body.append('a');
        }
        body.append("\uD83C\uDDEA"); // a surrogate pair across the first slice's end
        body.append("é and more ".repeat(20_000));
        for (String b : new String[] {"", "short", body.toString()}) {
            assertThat(Journal.sha256("head\n", b)).isEqualTo(Journal.sha256("head\n" + b));
        }
    }
}
