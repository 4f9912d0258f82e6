package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.eurosec.store.Journal;
import org.eurosec.store.JournalKey;
import org.eurosec.store.Receipt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the API promises about the store: a signed receipt with every 201 that the served public key
 * verifies; a signed head; a retried action with the same Idempotency-Key answered as the first
 * time (a refusal too), even after a restart, and journaled once; a lone surrogate refused; and a database that
 * blocks or goes away answered with 503 within the timeout (reads too), with the service back by
 * itself when the database is.
 */
class StoreApiTest {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final Architecture BASE = EmbeddedData.load();

    @TempDir
    Path dir;

    record Reply(int status, JsonNode json, String body, Map<String, java.util.List<String>> headers) {
    }

    static Reply call(int port, String method, String path, String token, String body, String... headers) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? null : ActionCodec.JSON.readTree(r.body()), r.body(), r.headers().map());
    }

    Database.Settings settings(Duration timeout) {
        return new Database.Settings(Optional.empty(), timeout, Optional.of(dir.resolve("journal.key")));
    }

    Exercises exercises(Database db) {
        return new Exercises(db, BASE, EmbeddedData.regimes(BASE), Clock.systemUTC());
    }

    static String ask(String to, String subject) {
        return "{\"kind\":\"request-information\",\"to\":\"" + to + "\",\"subject\":\"" + subject + "\"}";
    }

    @Test
    void receiptsVerifyWithTheServedKeyAndRetriesWithAKeyActOnce() throws Exception {
        String url = Database.defaultUrl(dir.resolve("db"));
        Exercises.Created ex;
        String first;
        try (Database db = Database.open(url, settings(Duration.ofSeconds(5)))) {
            Exercises store = exercises(db);
            ex = store.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                int port = server.port();
                String geo = ex.tokens().get("delegation:GEO");
                String path = "/api/exercises/" + ex.id();
                Reply key = call(port, "GET", path + "/journal/key", geo, null);
                assertThat(key.status()).isEqualTo(200);
                JournalKey served = JournalKey.ofPublic(key.json().get("public_key").asText());
                assertThat(served.id()).isEqualTo(key.json().get("key_id").asText());

                Reply a = call(port, "POST", path + "/actions", geo, ask("RUS", "troops"), "Idempotency-Key", "k-1");
                assertThat(a.status()).isEqualTo(201);
                Receipt r = Receipt.fromJson(a.json().get("receipt"));
                assertThat(r.exercise()).isEqualTo(ex.id());
                assertThat(r.seq()).isEqualTo(a.json().get("journal_entry").asLong()).isEqualTo(2);
                assertThat(r.keyId()).isEqualTo(served.id());
                assertThat(served.verify(r.exercise(), r.seq(), r.hash(), r.signature())).isTrue();
                first = a.body();

                Reply again = call(port, "POST", path + "/actions", geo, ask("RUS", "troops"), "Idempotency-Key", "k-1");
                assertThat(again.status()).isEqualTo(201);
                assertThat(again.body()).isEqualTo(first);
                assertThat(again.headers()).containsKey("idempotent-replayed");
                Reply otherAction = call(port, "POST", path + "/actions", geo, ask("RUS", "tanks"), "Idempotency-Key", "k-1");
                assertThat(otherAction.status()).isEqualTo(422);
                assertThat(otherAction.json().at("/error/field").asText()).isEqualTo("Idempotency-Key");
                // The same key from another delegation is its own.
                Reply ukr = call(port, "POST", path + "/actions", ex.tokens().get("delegation:UKR"), ask("RUS", "troops"), "Idempotency-Key", "k-1");
                assertThat(ukr.status()).isEqualTo(201);
                assertThat(ukr.json().get("journal_entry").asInt()).isEqualTo(3);
                assertThat(call(port, "POST", path + "/actions", geo, ask("RUS", "troops"), "Idempotency-Key", "bad key").status()).isEqualTo(400);
                // A refusal is the first answer too: GEO cannot vote in a procedure that does not exist, and a retry is told the same.
                String vote = "{\"kind\":\"vote\",\"procedure\":99,\"ballot\":\"yes\"}";
                Reply refused = call(port, "POST", path + "/actions", geo, vote, "Idempotency-Key", "v-1");
                assertThat(refused.status()).isBetween(400, 499);
                Reply refusedAgain = call(port, "POST", path + "/actions", geo, vote, "Idempotency-Key", "v-1");
                assertThat(refusedAgain.status()).isEqualTo(refused.status());
                assertThat(refusedAgain.body()).isEqualTo(refused.body());
                assertThat(refusedAgain.headers()).containsKey("idempotent-replayed");

                Reply head = call(port, "GET", path + "/journal/head", ex.tokens().get("observer"), null);
                assertThat(head.status()).isEqualTo(200);
                Receipt h = Receipt.fromJson(head.json());
                assertThat(h.seq()).isEqualTo(3);
                assertThat(served.verify(h.exercise(), h.seq(), h.hash(), h.signature())).isTrue();

                // A lone surrogate would be stored as '?': refused, naming the field; nothing journaled.
                Reply lone = call(port, "POST", path + "/actions", geo, "{\"kind\":\"request-information\",\"to\":\"RUS\",\"subject\":\"a\\ud800b\"}");
                assertThat(lone.status()).isEqualTo(422);
                assertThat(lone.json().at("/error/field").asText()).isEqualTo("subject");
                Reply pair = call(port, "POST", path + "/actions", geo, "{\"kind\":\"request-information\",\"to\":\"RUS\",\"subject\":\"a\\ud83d\\ude00b\"}");
                assertThat(pair.status()).as("a proper pair is fine").isEqualTo(201);
                assertThat(store.journal(ex.id())).hasSize(4);
                assertThat(ActionCodec.JSON.readTree(store.journal(ex.id()).get(3).body()).get("subject").asText()).isEqualTo("a\ud83d\ude00b");

                Reply health = call(port, "GET", "/api/health", null, null);
                assertThat(health.status()).isEqualTo(200);
                assertThat(health.json().get("store").asText()).isEqualTo("ok");
                // The writer's counts since the start: every entry but the creation's was its write, one commit or more per entry.
                assertThat(health.json().at("/journal_writer/entries").asLong()).isEqualTo(store.journal(ex.id()).size() - 1);
                assertThat(health.json().at("/journal_writer/commits").asLong()).isBetween(3L, health.json().at("/journal_writer/jobs").asLong());
                // What memory holds: the one exercise, all its entries, under the default budget; nothing let go yet.
                assertThat(health.json().at("/in_memory/exercises").asInt()).isEqualTo(1);
                assertThat(health.json().at("/in_memory/entries").asLong()).isEqualTo(store.journal(ex.id()).size());
                assertThat(health.json().at("/in_memory/budget_entries").asLong()).isEqualTo(Exercises.defaultMemoryBudget());
                assertThat(health.json().at("/in_memory/let_go").asLong()).isZero();
                assertThat(health.json().at("/in_memory/limit_entries").asLong()).isEqualTo(Exercises.defaultMemoryLimit());
                assertThat(health.json().at("/in_memory/full").isBoolean()).isTrue();
                assertThat(health.json().at("/in_memory/full").asBoolean()).isFalse();
            } finally {
                server.close();
                store.close();
            }
        }
        // After a restart the key table is still there: the retry gets the first answer, nothing new is journaled.
        try (Database db = Database.open(url, settings(Duration.ofSeconds(5)))) {
            Exercises store = exercises(db);
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                Reply again = call(server.port(), "POST", "/api/exercises/" + ex.id() + "/actions", ex.tokens().get("delegation:GEO"), ask("RUS", "troops"),
                        "Idempotency-Key", "k-1");
                assertThat(again.status()).isEqualTo(201);
                assertThat(again.body()).isEqualTo(first);
                assertThat(store.journal(ex.id())).hasSize(4);
            } finally {
                server.close();
                store.close();
            }
        }
    }

    @Test
    void aBlockedWriteIsA503WithinTheTimeoutAndTheServiceGoesOnOnceItClears() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")), settings(Duration.ofSeconds(1)))) {
            Exercises store = exercises(db);
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                int port = server.port();
                String geo = ex.tokens().get("delegation:GEO");
                String path = "/api/exercises/" + ex.id();
                assertThat(call(port, "POST", path + "/actions", geo, ask("RUS", "one")).status()).isEqualTo(201);
                // Another connection holds, uncommitted, the row the next entry must take: the journal write waits on its lock.
                try (Connection blocker = db.connection()) {
                    blocker.setAutoCommit(false);
                    try (PreparedStatement ps = blocker.prepareStatement("INSERT INTO journal (exercise_id, seq, at_exercise, at_real, actor, kind, body, prev_hash, hash)"
                            + " VALUES (?, 3, 'x', 'x', 'x', 'x', 'x', ?, ?)")) {
                        ps.setString(1, ex.id());
                        ps.setString(2, Journal.GENESIS);
                        ps.setString(3, Journal.GENESIS);
                        ps.executeUpdate();
                    }
                    Reply blocked = call(port, "POST", path + "/actions", geo, ask("RUS", "two"), "Idempotency-Key", "two");
                    assertThat(blocked.status()).as(blocked.body()).isEqualTo(503);
                    assertThat(blocked.headers()).containsKey("retry-after");
                    assertThat(call(port, "GET", path + "/procedures", geo, null).status()).as("reads go on").isEqualTo(200);
                    blocker.rollback();
                }
                Reply retried = call(port, "POST", path + "/actions", geo, ask("RUS", "two"), "Idempotency-Key", "two");
                assertThat(retried.status()).as(retried.body()).isEqualTo(201);
                assertThat(retried.json().get("journal_entry").asInt()).isEqualTo(3);
                assertThat(call(port, "POST", path + "/actions", geo, ask("RUS", "three")).status()).isEqualTo(201);
                var journal = store.journal(ex.id());
                assertThat(journal).hasSize(4);
                assertThat(Journal.verify(journal)).isEmpty();
                assertThat(journal.stream().filter(e -> e.body().contains("\"two\"")).count()).isEqualTo(1);
                assertThat(store.state(ex.id())).isEqualTo(store.replay(ex.id()).state());
            } finally {
                server.close();
                store.close();
            }
        }
    }

    @Test
    void postgresqlGoneOrHangingIsA503ForEveryRequestAndTheServiceRecoversByItself() throws Exception {
        String pg = DurabilityTest.postgresql();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/(.*)$").matcher(pg);
        org.junit.jupiter.api.Assumptions.assumeTrue(m.matches(), "EUROSEC_PG_URL names host and port");
        try (TcpProxy proxy = new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
                Database db = Database.open("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3), settings(Duration.ofSeconds(2)))) {
            Exercises store = exercises(db);
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                int port = server.port();
                String geo = ex.tokens().get("delegation:GEO");
                String observer = ex.tokens().get("observer");
                String path = "/api/exercises/" + ex.id();
                assertThat(call(port, "POST", path + "/actions", geo, ask("RUS", "before")).status()).isEqualTo(201);
                assertThat(call(port, "GET", path + "/journal", observer, null).status()).isEqualTo(200);
                int n = 0;
                for (Runnable fault : new Runnable[] {proxy::down, proxy::hang}) {
                    fault.run();
                    String subject = "during-" + n++;
                    // Within the timeout (2 s here; each request may wait for the connection and then for one statement),
                    // not after the tens of seconds a driver or pool would wait by default: the bound is loose for a busy
                    // machine and still far below them.
                    long t0 = System.nanoTime();
                    Reply act = call(port, "POST", path + "/actions", geo, ask("RUS", subject), "Idempotency-Key", subject);
                    assertThat(act.status()).as(act.body()).isEqualTo(503);
                    long t1 = System.nanoTime();
                    Reply read = call(port, "GET", path + "/journal", observer, null);
                    assertThat(read.status()).as(read.body()).isEqualTo(503);
                    long t2 = System.nanoTime();
                    assertThat(Duration.ofNanos(t1 - t0)).as("the action's 503 came within the timeout").isLessThan(Duration.ofSeconds(12));
                    assertThat(Duration.ofNanos(t2 - t1)).as("the read's 503 came within the timeout").isLessThan(Duration.ofSeconds(12));
                    Reply health = call(port, "GET", "/api/health", null, null);
                    assertThat(health.status()).isEqualTo(503);
                    assertThat(health.json().get("status").asText()).isEqualTo("unavailable");

                    proxy.pass(); // the database is back: no restart
                    Reply ok = health;
                    for (int i = 0; i < 60 && ok.status() != 200; i++) {
                        Thread.sleep(500);
                        ok = call(port, "GET", "/api/health", null, null);
                    }
                    assertThat(ok.status()).as(ok.body()).isEqualTo(200);
                    Reply retried = call(port, "POST", path + "/actions", geo, ask("RUS", subject), "Idempotency-Key", subject);
                    assertThat(retried.status()).as(retried.body()).isEqualTo(201);
                    assertThat(call(port, "GET", path + "/journal", observer, null).status()).isEqualTo(200);
                }
                var journal = store.journal(ex.id());
                assertThat(Journal.verify(journal)).isEmpty();
                for (String s : new String[] {"before", "during-0", "during-1"}) {
                    assertThat(journal.stream().filter(e -> e.body().contains("\"" + s + "\"")).count()).as(s).isEqualTo(1);
                }
                assertThat(store.state(ex.id())).isEqualTo(store.replay(ex.id()).state());
            } finally {
                server.close();
                store.close();
            }
        }
    }

    /**
     * With PostgreSQL gone, many requests at once on one exercise are each answered 503 within a
     * few timeouts, not one after another. Before, the exercise (dropped from memory by the failed
     * write) was read again under a lock each waiter took in turn, and so was the count of revoked
     * credentials: with a timeout of 3 s, a read under bench/load's traffic waited 27 s, and actions
     * queued behind one failing write after another waited up to 12 s. Now the waiters share the
     * failure of the attempt under way, and the actions that queued while a write failed fail with it.
     */
    @Test
    void postgresqlGoneAnswersManyRequestsAtOnceWithinAFewTimeouts() throws Exception {
        String pg = DurabilityTest.postgresql();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^jdbc:postgresql://([^:/]+):(\\d+)/(.*)$").matcher(pg);
        org.junit.jupiter.api.Assumptions.assumeTrue(m.matches(), "EUROSEC_PG_URL names host and port");
        Duration timeout = Duration.ofSeconds(2);
        try (TcpProxy proxy = new TcpProxy(m.group(1), Integer.parseInt(m.group(2)));
                Database db = Database.open("jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + m.group(3), settings(timeout))) {
            Exercises store = exercises(db);
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(24);
            try {
                int port = server.port();
                String path = "/api/exercises/" + ex.id();
                List<String> states = new ArrayList<>(ex.tokens().keySet().stream().filter(k -> k.startsWith("delegation:")).sorted().toList());
                for (String k : states) { // every credential known in memory, as in a running exercise
                    assertThat(call(port, "GET", path, ex.tokens().get(k), null).status()).isEqualTo(200);
                }
                proxy.down();
                // A first action fails: its exercise is dropped from memory, to be read again from the database.
                assertThat(call(port, "POST", path + "/actions", ex.tokens().get("delegation:GEO"), ask("RUS", "while-down")).status()).isEqualTo(503);
                List<java.util.concurrent.Future<long[]>> answers = new ArrayList<>();
                for (int i = 0; i < 24; i++) {
                    String token = ex.tokens().get(states.get(i % states.size()));
                    String to = states.get((i + 1) % states.size()).substring("delegation:".length());
                    boolean act = i % 2 == 0;
                    answers.add(pool.submit(() -> {
                        long t0 = System.nanoTime();
                        Reply r = act ? call(port, "POST", path + "/actions", token, ask(to, "while-down")) : call(port, "GET", path, token, null);
                        return new long[] {r.status(), System.nanoTime() - t0};
                    }));
                }
                long slowest = 0;
                for (var f : answers) {
                    long[] a = f.get(120, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(a[0]).isEqualTo(503);
                    slowest = Math.max(slowest, a[1]);
                }
                // Each request waits for one attempt under way, then at most for a connection and one statement of its own.
                assertThat(Duration.ofNanos(slowest)).as("the slowest of 24 requests at once").isLessThan(timeout.multipliedBy(4));
                proxy.pass();
                Reply ok = call(port, "GET", "/api/health", null, null);
                for (int i = 0; i < 60 && ok.status() != 200; i++) {
                    Thread.sleep(500);
                    ok = call(port, "GET", "/api/health", null, null);
                }
                assertThat(ok.status()).as(ok.body()).isEqualTo(200);
                String geo = ex.tokens().get("delegation:GEO");
                assertThat(call(port, "POST", path + "/actions", geo, ask("RUS", "after")).status()).isEqualTo(201);
                var journal = store.journal(ex.id());
                assertThat(Journal.verify(journal)).isEmpty();
                assertThat(journal.stream().filter(e -> e.body().contains("while-down")).count()).as("nothing answered 503 was journaled").isZero();
            } finally {
                pool.shutdownNow();
                server.close();
                store.close();
            }
        }
    }
}
