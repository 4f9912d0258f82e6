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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.eurosec.store.Journal;
import org.eurosec.store.JournalKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two server processes (two JVMs, sharing nothing but the database and the journal key's file) on
 * one PostgreSQL database take the same exercise's votes at once: every delegation sends its vote to
 * both. Each delegation must have exactly one vote accepted and the other refused, the conference
 * must be decided once, both servers must show the same procedure, and the journal must be one
 * linear, intact chain. Runs when EUROSEC_PG_URL names a PostgreSQL database (CI requires it).
 */
class SharedDatabaseTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    Process start(String url, Path portFile) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"), ServerProcessMain.class.getName(), url,
                portFile.toString(), dir.resolve("journal-signing.key").toString());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve(portFile.getFileName() + ".log").toFile());
        return pb.start();
    }

    static int port(Process p, Path portFile) throws Exception {
        long until = System.currentTimeMillis() + 90_000;
        while (!Files.exists(portFile)) {
            if (!p.isAlive() || System.currentTimeMillis() > until) {
                throw new IllegalStateException("a server process did not start");
            }
            Thread.sleep(50);
        }
        return Integer.parseInt(Files.readString(portFile).trim());
    }

    static HttpResponse<String> call(int port, String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void twoServersOnOnePostgresqlTakeEachVoteOnceAndKeepOneChain() throws Exception {
        String url = DurabilityTest.postgresql();
        Path key = dir.resolve("journal-signing.key");
        Exercises.Created ex;
        try (Database db = Database.open(url, Database.Settings.defaults().withKeyFile(key))) {
            Architecture base = EmbeddedData.load();
            ex = new Exercises(db, base, EmbeddedData.regimes(base), Clock.systemUTC()).create("est-2009", LocalDate.of(2010, 6, 1), "real", 1,
                    ProcedureRules.Settings.defaults());
        }
        Process a = start(url, dir.resolve("port-a"));
        Process b = start(url, dir.resolve("port-b"));
        try {
            int[] ports = {port(a, dir.resolve("port-a")), port(b, dir.resolve("port-b"))};
            String actions = "/api/exercises/" + ex.id() + "/actions";
            // Server B reads the exercise before A changes it, so B holds a state that A's actions make stale.
            assertThat(call(ports[1], "GET", "/api/exercises/" + ex.id() + "/procedures", ex.tokens().get("depositary"), null).statusCode()).isEqualTo(200);
            HttpResponse<String> n = call(ports[0], "POST", actions, ex.tokens().get("delegation:GEO"),
                    "{\"kind\":\"notify-attack\",\"attacker\":\"RUS\",\"victim\":\"GEO\"}");
            assertThat(n.statusCode()).as(n.body()).isEqualTo(201);
            int conference = ActionCodec.JSON.readTree(n.body()).get("procedure").asInt();
            List<String> voters = ex.state().rules().parties().stream().filter(p -> !p.equals("RUS")).toList();

            // Every delegation votes through both servers at the same moment.
            ExecutorService pool = Executors.newFixedThreadPool(32);
            CountDownLatch go = new CountDownLatch(1);
            Map<String, List<Future<HttpResponse<String>>>> sent = new HashMap<>();
            for (String v : voters) {
                for (int port : ports) {
                    sent.computeIfAbsent(v, k -> new ArrayList<>()).add(pool.submit(() -> {
                        go.await();
                        return call(port, "POST", actions, ex.tokens().get("delegation:" + v),
                                "{\"kind\":\"vote\",\"procedure\":" + conference + ",\"ballot\":\"yes\"}");
                    }));
                }
            }
            go.countDown();
            int accepted = 0;
            for (String v : voters) {
                List<Integer> codes = new ArrayList<>();
                for (Future<HttpResponse<String>> f : sent.get(v)) {
                    codes.add(f.get(120, TimeUnit.SECONDS).statusCode());
                }
                assertThat(codes).as("the two votes of " + v).containsExactlyInAnyOrder(201, 409);
                accepted++;
            }
            pool.shutdown();
            assertThat(accepted).isEqualTo(voters.size());

            // Both servers show the one decision with every vote, each once.
            for (int port : ports) {
                HttpResponse<String> view = call(port, "GET", "/api/exercises/" + ex.id() + "/procedures", ex.tokens().get("depositary"), null);
                JsonNode conf = ActionCodec.JSON.readTree(view.body()).get("procedures").get(0);
                assertThat(conf.get("status").asText()).as("server on port " + port).isEqualTo("adopted");
                assertThat(conf.get("votes").size()).as("server on port " + port).isEqualTo(voters.size());
                HttpResponse<String> verify = call(port, "GET", "/api/exercises/" + ex.id() + "/journal/verify", ex.tokens().get("observer"), null);
                assertThat(ActionCodec.JSON.readTree(verify.body()).get("intact").asBoolean()).as(verify.body()).isTrue();
            }
        } finally {
            a.destroy();
            b.destroy();
            a.waitFor(10, TimeUnit.SECONDS);
            b.waitFor(10, TimeUnit.SECONDS);
        }

        // The journal as stored: creation, the attack, one vote per delegation; numbered 1..n, one chain, every entry signed by the key.
        try (Database db = Database.open(url, Database.Settings.defaults().withKeyFile(key)); var c = db.connection()) {
            List<Journal.Entry> entries = Journal.read(c, ex.id());
            List<String> voted = entries.stream().filter(e -> e.kind().equals("vote")).map(Journal.Entry::actor).toList();
            assertThat(voted).hasSize(ex.state().rules().parties().size() - 1).doesNotHaveDuplicates();
            assertThat(entries).hasSize(2 + voted.size());
            for (int i = 0; i < entries.size(); i++) {
                assertThat(entries.get(i).seq()).isEqualTo(i + 1);
            }
            assertThat(Journal.verify(entries)).isEmpty();
            assertThat(Journal.verifySignatures(entries, JournalKey.loadOrCreate(key))).isEmpty();
        }
    }
}
