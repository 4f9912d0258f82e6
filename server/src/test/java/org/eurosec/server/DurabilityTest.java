package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The server process is killed with SIGKILL in the middle of a load from parallel delegations,
 * then started again on the same database: every action that was acknowledged (201) must be in the
 * journal, and the journal must verify and replay. Run against an H2 file and, when
 * EUROSEC_PG_URL names one (.ci/run starts it), a real PostgreSQL server.
 */
class DurabilityTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path dir;

    @Test
    void h2KeepsEveryAcknowledgedActionThroughAKill() throws Exception {
        killDuringLoad(Database.defaultUrl(dir.resolve("db")));
    }

    @Test
    void postgresqlKeepsEveryAcknowledgedActionThroughAKill() throws Exception {
        killDuringLoad(postgresql());
    }

    /** The PostgreSQL URL from EUROSEC_PG_URL; skipped without it, unless EUROSEC_REQUIRE_PG says it must be there (CI). */
    static String postgresql() {
        return org.eurosec.store.TestPostgres.url("the server's PostgreSQL tests");
    }

    /** One journal key for the test's processes, as one server's key file is shared by every process of a deployment. */
    Path key() {
        return dir.resolve("journal-signing.key");
    }

    Process start(String url, Path portFile) throws Exception {
        Files.deleteIfExists(portFile);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ServerProcessMain.class.getName(), url, portFile.toString(),
                key().toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("server-" + System.nanoTime() + ".log").toFile());
        Process p = pb.start();
        long until = System.currentTimeMillis() + 60_000;
        while (!Files.exists(portFile)) {
            if (!p.isAlive() || System.currentTimeMillis() > until) {
                throw new IllegalStateException("the server process did not start");
            }
            Thread.sleep(50);
        }
        return p;
    }

    void killDuringLoad(String url) throws Exception {
        Exercises.Created ex;
        try (Database db = Database.open(url, Database.Settings.defaults().withKeyFile(key()))) {
            Architecture base = EmbeddedData.load();
            ex = new Exercises(db, base, EmbeddedData.regimes(base), Clock.systemUTC()).create("est-2009", LocalDate.of(2010, 6, 1), "real", 1,
                    ProcedureRules.Settings.defaults());
        }
        Path portFile = dir.resolve("port");
        Process server = start(url, portFile);
        int port = Integer.parseInt(Files.readString(portFile).trim());
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        List<String> parties = ex.state().rules().parties();
        ExecutorService pool = Executors.newFixedThreadPool(12);
        for (int w = 0; w < 12; w++) {
            int worker = w;
            pool.submit(() -> {
                int i = 0;
                while (!stop.get()) {
                    String from = parties.get((worker * 7 + i) % parties.size());
                    String to = parties.get((worker * 7 + i + 1) % parties.size());
                    String subject = "w" + worker + "-" + i++;
                    try {
                        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/exercises/" + ex.id() + "/actions"))
                                .header("Authorization", "Bearer " + ex.tokens().get("delegation:" + from)).header("Content-Type", "application/json").timeout(Duration.ofSeconds(5))
                                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"request-information\",\"to\":\"" + to + "\",\"subject\":\"" + subject + "\"}"))
                                .build(), HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acknowledged.add(subject);
                        }
                    } catch (Exception e) {
                        // The server is gone: whatever was not acknowledged may or may not be there.
                    }
                }
                return null;
            });
        }
        long until = System.currentTimeMillis() + 20_000;
        while (acknowledged.size() < 150 && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        server.destroyForcibly(); // SIGKILL on Unix: no shutdown hook, no close
        server.waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        pool.shutdown();
        pool.awaitTermination(20, TimeUnit.SECONDS);
        assertThat(acknowledged).as("the load got going before the kill").hasSizeGreaterThanOrEqualTo(50);

        Process again = start(url, portFile);
        try {
            int port2 = Integer.parseInt(Files.readString(portFile).trim());
            Set<String> journaled = ConcurrentHashMap.newKeySet();
            long after = 0;
            while (true) { // the journal a page at a time, as a client reads it
                HttpResponse<String> j = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port2 + "/api/exercises/" + ex.id()
                        + "/journal?limit=1000&after=" + after)).header("Authorization", "Bearer " + ex.tokens().get("depositary")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(j.statusCode()).isEqualTo(200);
                for (JsonNode e : ActionCodec.JSON.readTree(j.body())) {
                    if (e.get("kind").asText().equals("request-information")) {
                        journaled.add(e.get("body").get("subject").asText());
                    }
                }
                after = Long.parseLong(j.headers().firstValue("X-Next-After").orElseThrow());
                if (!Boolean.parseBoolean(j.headers().firstValue("X-More").orElseThrow())) {
                    break;
                }
            }
            assertThat(journaled).containsAll(acknowledged);
            HttpResponse<String> v = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port2 + "/api/exercises/" + ex.id() + "/journal/verify"))
                    .header("Authorization", "Bearer " + ex.tokens().get("observer")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(ActionCodec.JSON.readTree(v.body()).get("intact").asBoolean()).as(v.body()).isTrue();
            // And the exercise answers on the restarted server: it replayed from its journal.
            HttpResponse<String> p = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port2 + "/api/exercises/" + ex.id() + "/procedures?limit=1000"))
                    .header("Authorization", "Bearer " + ex.tokens().get("depositary")).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode page = ActionCodec.JSON.readTree(p.body());
            assertThat(page.get("more").asBoolean()).as("one page holds them all").isFalse();
            assertThat(page.get("procedures").size()).isEqualTo(journaled.size());
        } finally {
            again.destroyForcibly();
            again.waitFor(10, TimeUnit.SECONDS);
        }
    }
}
