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

    private static String snapshotOf(String json) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(json.getBytes(StandardCharsets.UTF_8));
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    @Test
    void aBusyExerciseAndAClosedOneReadBackAsTheyWere() throws Exception {
        ExercisesTest.HandClock clock = new ExercisesTest.HandClock();
        try (Database db = Database.open(Database.defaultUrl(dir))) {
            Exercises ex = SnapshotTest.exercises(db, clock);
            String id = SnapshotTest.busy(ex, clock);
            ExerciseState s = ex.state(id);
            ex.close();
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
