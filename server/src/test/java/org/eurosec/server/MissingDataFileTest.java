package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.query.Eurosec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server whose data directory lacks positions.yaml or recognitions.yaml: the questions that need
 * them answer 503 naming the missing file (the server's own data is at fault, not the request),
 * while the questions that do not need them still answer.
 */
class MissingDataFileTest {

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
    void aMissingPositionsOrRecognitionsFileIsThe503OfTheServersData() throws Exception {
        Path data = dataWithout("positions.yaml", "recognitions.yaml");
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")))) {
            Architecture base = EmbeddedData.load();
            Exercises exercises = new Exercises(db, base, EmbeddedData.regimes(base), Clock.systemUTC());
            ApiServer server = new ApiServer(exercises, new Eurosec(new Eurosec.Sources(Optional.of(data), Optional.empty(), List.of())))
                    .start("127.0.0.1", 0);
            try {
                HttpClient http = HttpClient.newHttpClient();
                java.util.function.Function<String, HttpResponse<String>> get = path -> {
                    try {
                        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                                HttpResponse.BodyHandlers.ofString());
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException(e);
                    }
                };
                HttpResponse<String> positions = get.apply("/api/positions?date=2009-12-01");
                assertThat(positions.statusCode()).as(positions.body()).isEqualTo(503);
                assertThat(positions.body()).contains(data + "/positions.yaml").contains("file is missing").contains("\"data\"");
                HttpResponse<String> uniformity = get.apply("/api/uniformity?date=2009-12-01&set_aside=XKX");
                assertThat(uniformity.statusCode()).as(uniformity.body()).isEqualTo(503);
                assertThat(uniformity.body()).contains(data + "/recognitions.yaml").contains("file is missing");
                // The rest of the data serves as before.
                assertThat(get.apply("/api/levels?date=2009-12-01").statusCode()).isEqualTo(200);
            } finally {
                server.close();
            }
        }
    }
}
