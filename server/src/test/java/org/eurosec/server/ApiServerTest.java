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
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;

/**
 * The API over real HTTP: credentials (401, 403), the flow of a request and its reply, thousands of
 * malformed requests that must each get a 4xx and change nothing, parallel delegations voting, and
 * the OpenAPI description in step with the routes.
 */
class ApiServerTest {

    static Path dir;
    static Database db;
    static Exercises exercises;
    static ApiServer server;
    static Exercises.Created ex;
    static Exercises.Created other;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeContainer
    static void start() throws Exception {
        dir = Files.createTempDirectory("eurosec-api");
        db = Database.open(Database.defaultUrl(dir));
        Architecture base = EmbeddedData.load();
        exercises = new Exercises(db, base, EmbeddedData.regimes(base), Clock.systemUTC());
        ex = exercises.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
        other = exercises.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
        server = new ApiServer(exercises).start("127.0.0.1", 0);
    }

    @AfterContainer
    static void stop() throws java.io.IOException {
        server.close();
        db.close();
        // The folder is this class's own: nothing of it is left in the system's temporary folder.
        try (java.util.stream.Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    record Reply(int status, JsonNode json) {
    }

    static Reply call(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        JsonNode j = r.body().isEmpty() ? null : ActionCodec.JSON.readTree(r.body());
        return new Reply(r.statusCode(), j);
    }

    static String token(String actor) {
        return ex.tokens().get(actor);
    }

    static String api(String rest) {
        return "/api/exercises/" + ex.id() + rest;
    }

    static int journalLength() {
        return exercises.journal(ex.id()).size();
    }

    @net.jqwik.api.Example
    void credentialsDecideWhoMayDoWhat() throws Exception {
        assertThat(call("GET", api(""), null, null).status()).isEqualTo(401);
        assertThat(call("GET", api(""), "es_not-a-token", null).status()).isEqualTo(401);
        assertThat(call("GET", api(""), other.tokens().get("delegation:GEO"), null).status()).isEqualTo(403);
        Reply me = call("GET", api(""), token("delegation:GEO"), null);
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("you").asText()).isEqualTo("delegation:GEO");
        Reply as = call("POST", api("/actions"), token("delegation:GEO"), "{\"kind\":\"request-information\",\"to\":\"RUS\",\"as\":\"UKR\"}");
        assertThat(as.status()).isEqualTo(403);
        assertThat(as.json().get("error").get("field").asText()).isEqualTo("as");
        assertThat(call("GET", api("/journal"), token("delegation:GEO"), null).status()).isEqualTo(403);
        assertThat(call("POST", api("/actions"), token("observer"), "{\"kind\":\"request-information\",\"to\":\"RUS\"}").status()).isEqualTo(403);
    }

    @net.jqwik.api.Example
    void aRequestIsAnsweredOnlyByTheStateAskedAndEverythingIsJournaled() throws Exception {
        Reply asked = call("POST", api("/actions"), token("delegation:POL"), "{\"kind\":\"request-information\",\"to\":\"BLR\",\"subject\":\"Zapad\"}");
        assertThat(asked.status()).isEqualTo(201);
        int id = asked.json().get("procedure").asInt();
        Reply inbox = call("GET", api("/procedures?limit=1000"), token("delegation:BLR"), null);
        assertThat(inbox.json().get("procedures").findValuesAsText("subject")).contains("Zapad");
        Reply wrong = call("POST", api("/actions"), token("delegation:USA"), "{\"kind\":\"reply\",\"procedure\":" + id + ",\"text\":\"x\"}");
        assertThat(wrong.status()).isEqualTo(403);
        Reply ok = call("POST", api("/actions"), token("delegation:BLR"), "{\"kind\":\"reply\",\"procedure\":" + id + ",\"text\":\"routine\"}");
        assertThat(ok.status()).isEqualTo(201);
        assertThat(call("POST", api("/actions"), token("delegation:BLR"), "{\"kind\":\"reply\",\"procedure\":" + id + ",\"text\":\"again\"}").status())
                .isEqualTo(409);
        Reply journal = call("GET", api("/journal?limit=1000"), token("depositary"), null);
        assertThat(journal.json().findValuesAsText("kind")).contains("exercise-created", "request-information", "reply");
        assertThat(call("GET", api("/journal/verify"), token("observer"), null).json().get("intact").asBoolean()).isTrue();
    }

    @Provide
    Arbitrary<String> malformed() {
        Arbitrary<String> junk = Arbitraries.strings().ofMaxLength(60);
        Arbitrary<String> kinds = Arbitraries.of("vote", "reply", "attend", "request-information", "notify-attack", "propose-conference",
                "request-consultations", "schedule-consultations", "deadline-passed", "nonsense", "");
        Arbitrary<String> values = Arbitraries.of("null", "true", "-1", "0", "1.5", "99999999999", "\"\"", "\"XYZ\"", "\"2010-13-45T99:00:00Z\"",
                "[]", "{}", "[\"ZZZ\"]", "\"yes\"", "\"maybe\"", "\"GEO\"", "\"" + "A".repeat(30000) + "\"");
        Arbitrary<String> fields = Arbitraries.of("procedure", "to", "ballot", "text", "with", "at", "attacker", "victim", "threat_only",
                "consultation", "subject", "as", "kind", "extra");
        Arbitrary<String> objects = net.jqwik.api.Combinators.combine(kinds, fields, values, fields, values)
                .as((k, f1, v1, f2, v2) -> "{\"kind\":\"" + k + "\",\"" + f1 + "\":" + v1 + ",\"" + f2 + "\":" + v2 + "}");
        return Arbitraries.oneOf(junk, objects, objects, Arbitraries.of("", "[]", "null", "{", "{\"kind\":", "\"vote\"", "{\"kind\":\"vote\"}"));
    }

    @Property(tries = 2000)
    void malformedRequestsGetA4xxNamingTheFieldAndChangeNothing(@ForAll("malformed") String body) throws Exception {
        int before = journalLength();
        Reply r = call("POST", api("/actions"), token("delegation:GEO"), body);
        // A well-formed vote or attendance on a procedure that exists could be accepted; everything else must be refused.
        if (r.status() == 201) {
            return;
        }
        assertThat(r.status()).as(body).isBetween(400, 499);
        assertThat(r.json().get("error").get("field").asText()).isNotEmpty();
        assertThat(journalLength()).isEqualTo(before);
    }

    @net.jqwik.api.Example
    void anOversizedBodyIs413AndNothingChanges() throws Exception {
        int before = journalLength();
        Reply r = call("POST", api("/actions"), token("delegation:GEO"), "{\"kind\":\"reply\",\"procedure\":1,\"text\":\"" + "x".repeat(100_000) + "\"}");
        assertThat(r.status()).isEqualTo(413);
        assertThat(journalLength()).isEqualTo(before);
        assertThat(call("DELETE", api("/actions"), token("delegation:GEO"), null).status()).isBetween(400, 499);
        assertThat(call("GET", "/api/nothing", null, null).status()).isEqualTo(404);
    }

    @net.jqwik.api.Example
    void aClientStillSendingAnOversizedBodyReadsThe413() throws Exception {
        // The client sends the headers and part of a body declared over the limit, pauses, then sends the rest
        // and only then reads. A server that answered at once and closed with the body unread would have its
        // system reset the connection when the rest arrives, and the client would lose the 413 it had not read.
        int before = journalLength();
        String body = "{\"kind\":\"reply\",\"procedure\":1,\"text\":\"" + "x".repeat(100_000) + "\"}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("POST " + api("/actions") + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nAuthorization: Bearer " + token("delegation:GEO")
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            out.write(bytes, 0, 10_000);
            out.flush();
            Thread.sleep(300);
            out.write(bytes, 10_000, bytes.length - 10_000);
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 413").contains("\"field\":\"body\"");
        }
        assertThat(journalLength()).isEqualTo(before);
    }

    @net.jqwik.api.Example
    void parallelDelegationsProduceOneDecisionAndOneVoteEach() throws Exception {
        Reply n = call("POST", "/api/exercises/" + other.id() + "/actions", other.tokens().get("delegation:GEO"),
                "{\"kind\":\"notify-attack\",\"attacker\":\"RUS\",\"victim\":\"GEO\"}");
        assertThat(n.status()).isEqualTo(201);
        int conf = n.json().get("procedure").asInt();
        List<String> voters = other.state().rules().parties().stream().filter(p -> !p.equals("RUS")).toList();
        ExecutorService pool = Executors.newFixedThreadPool(24);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> codes = new ArrayList<>();
        for (String v : voters) {
            for (int i = 0; i < 2; i++) {
                codes.add(pool.submit(() -> {
                    go.await();
                    return call("POST", "/api/exercises/" + other.id() + "/actions", other.tokens().get("delegation:" + v),
                            "{\"kind\":\"vote\",\"procedure\":" + conf + ",\"ballot\":\"yes\"}").status();
                }));
            }
        }
        go.countDown();
        List<Integer> got = new ArrayList<>();
        for (Future<Integer> f : codes) {
            got.add(f.get());
        }
        pool.shutdown();
        assertThat(got.stream().filter(c -> c == 201).count()).as("statuses %s", got).isEqualTo(voters.size());
        assertThat(got.stream().filter(c -> c == 409).count()).isEqualTo(voters.size());
        Reply view = call("GET", "/api/exercises/" + other.id() + "/procedures", other.tokens().get("depositary"), null);
        JsonNode c = view.json().get("procedures").get(0);
        assertThat(c.get("status").asText()).isEqualTo("adopted");
        assertThat(c.get("votes").size()).isEqualTo(voters.size());
        assertThat(exercises.journal(other.id())).hasSize(2 + voters.size());
    }

    @net.jqwik.api.Example
    void theOpenApiDescriptionListsExactlyTheRoutesAndActionKinds() throws Exception {
        Reply spec = call("GET", "/api/openapi.json", null, null);
        assertThat(spec.status()).isEqualTo(200);
        Set<String> described = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = spec.json().get("paths").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> p = it.next();
            p.getValue().fieldNames().forEachRemaining(m -> described.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey()));
        }
        assertThat(described).containsExactlyInAnyOrderElementsOf(ApiServer.ROUTES);
        // Each analysis route documents exactly the query parameters it accepts.
        for (org.eurosec.query.Questions.Question q : org.eurosec.query.Questions.ALL_QUESTIONS) {
            Set<String> documented = new TreeSet<>();
            spec.json().get("paths").get(q.path()).get("get").path("parameters").forEach(p -> documented.add(p.get("name").asText()));
            Set<String> accepted = new TreeSet<>();
            q.params().forEach(p -> accepted.add(p.name()));
            assertThat(documented).as(q.path()).isEqualTo(accepted);
        }
        for (String route : ApiServer.ROUTES) {
            String[] mp = route.split(" ");
            if (mp[1].endsWith("/events")) { // a stream: asked for one second, it ends with its 'end' event
                HttpResponse<String> events = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                        + mp[1].replace("{id}", ex.id()) + "?for=1")).header("Authorization", "Bearer " + token("depositary")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(events.statusCode()).as(route).isEqualTo(200);
                assertThat(events.body()).as(route).contains("event: end");
                continue;
            }
            Reply r = call(mp[0], mp[1].replace("{id}", ex.id()).replace("{dataset}", "atop"), token("depositary"), mp[0].equals("POST") ? "{}" : null);
            assertThat(r.status()).as(route).isNotIn(404, 405);
        }
        Set<String> kinds = new TreeSet<>();
        spec.json().at("/components/schemas/Action/properties/kind/enum").forEach(k -> kinds.add(k.asText()));
        Set<String> codec = new TreeSet<>(ActionCodec.kinds());
        codec.remove("deadline-passed");
        assertThat(kinds).isEqualTo(codec);
    }
}
