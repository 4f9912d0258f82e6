package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.eurosec.load.EmbeddedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A --data directory without positions.yaml or recognitions.yaml: the commands that need the file name it and exit 2; the report says so in its section. */
class MissingDataFileCliTest {

    @TempDir
    Path dir;

    private Path dataWithout(String... files) throws IOException {
        Path from = EmbeddedData.directory();
        Path to = dir.resolve("data");
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
        for (String f : files) {
            Files.delete(to.resolve(f));
        }
        return to;
    }

    @Test
    void theCommandsNameTheMissingFileAndExit2() throws IOException {
        Path data = dataWithout("positions.yaml", "recognitions.yaml");
        CliTest.Run positions = CliTest.run("positions", "--date", "2009-12-01", "--data", data.toString());
        assertThat(positions.code()).as(positions.err()).isEqualTo(2);
        assertThat(positions.err()).contains(data + "/positions.yaml:0: file is missing");
        CliTest.Run uniformity = CliTest.run("uniformity", "--date", "2009-12-01", "--data", data.toString());
        assertThat(uniformity.code()).as(uniformity.err()).isEqualTo(2);
        assertThat(uniformity.err()).contains(data + "/recognitions.yaml:0: file is missing");
        CliTest.Run levels = CliTest.run("levels", "--date", "2009-12-01", "--data", data.toString());
        assertThat(levels.code()).as(levels.err()).isZero();
        CliTest.Run report = CliTest.run("report", "--date", "2009-12-01", "--format", "md", "--data", data.toString());
        assertThat(report.code()).as(report.err()).isZero();
        assertThat(report.out()).contains(data + "/positions.yaml:0: file is missing").contains(data + "/recognitions.yaml:0: file is missing");
    }
}
