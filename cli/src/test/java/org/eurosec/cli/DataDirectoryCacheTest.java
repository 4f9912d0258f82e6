package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's data directory is read once and again when a file in it changes, never served stale. */
class DataDirectoryCacheTest {

    static boolean polandCovered(Path data) throws Exception {
        CliTest.Run r = CliTest.run("coverage", "--date", "2005-06-01", "--state", "POL", "--data", data.toString(), "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        return r.json().at("/states/0/covered").asBoolean();
    }

    @Test
    void anEditedFileIsReadAgainAndABrokenOneReported(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data");
        Path source = Path.of("..", "data");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path to = data.resolve(source.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(f, to);
                }
            }
        }
        // In 2005 Poland's only guarantee was NATO's (it joined in 1999; the EU's Art. 42(7) came in 2009).
        assertThat(polandCovered(data)).isTrue();
        assertThat(polandCovered(data)).isTrue();
        Path nato = data.resolve("organisations/nato.yaml");
        String text = Files.readString(nato);
        assertThat(text).contains("{state: POL, from: 1999-03-12");
        Files.writeString(nato, text.replace("{state: POL, from: 1999-03-12", "{state: POL, from: 2010-03-12") + "# Poland moved to 2010 by a test\n");
        assertThat(polandCovered(data)).isFalse();
        Files.writeString(nato, text + "broken: [\n");
        CliTest.Run broken = CliTest.run("coverage", "--date", "2005-06-01", "--data", data.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains("nato.yaml");
        // Served, the broken file is the server's fault, not the request's: a 503 naming the file and line.
        org.eurosec.query.QueryException.DataProblems served = org.assertj.core.api.Assertions.catchThrowableOfType(
                org.eurosec.query.QueryException.DataProblems.class,
                () -> new org.eurosec.query.Eurosec(new org.eurosec.query.Eurosec.Sources(java.util.Optional.of(data), java.util.Optional.empty(),
                        java.util.List.of())).coverage(org.eurosec.query.Coverage.Query.of(org.eurosec.query.Params.of(java.util.Map.of("date",
                        java.util.List.of("2005-06-01"))))));
        assertThat(served.servers()).as("the server's own data: a 503").isTrue();
        assertThat(served.field()).isEqualTo("data");
        assertThat(served.getMessage()).containsPattern("nato\\.yaml:\\d+");
        Files.writeString(nato, text);
        assertThat(polandCovered(data)).isTrue();
    }
}
