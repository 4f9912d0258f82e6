package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.query.Eurosec;
import org.eurosec.query.Questions;
import org.eurosec.query.Questions.Question;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every analysis route's real answer conforms to the response schema its OpenAPI description
 * gives (made from the view records), so a client generated from the description reads what the
 * server sends; and a 5xx is logged with its stack trace.
 */
class OpenApiSchemaTest {

    /** A question worth asking of each route that needs parameters; the others are asked with none. */
    static final Map<String, String> SAMPLES = Map.of(
            "/api/coverage", "?date=2009-12-01&state=UKR,POL&interpretation=inactive-membership=active-only",
            "/api/veto", "?applicant=GEO&organisation=nato&date=2009-12-01&regime=est-2009",
            "/api/actors/{id}", "UKR",
            "/api/regimes/{id}", "est-2009",
            "/api/compare", "?scenario=georgia-nato-2009");

    @TempDir
    static Path dir;
    static Database db;
    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        db = Database.open(Database.defaultUrl(dir));
        Architecture base = EmbeddedData.load();
        Exercises exercises = new Exercises(db, base, EmbeddedData.regimes(base), Clock.systemUTC());
        server = new ApiServer(exercises, Eurosec.embedded()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    static HttpResponse<String> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void everyAnswerConformsToItsDescribedSchema() throws Exception {
        JsonNode doc = JSON.readTree(get("/api/openapi.json").body());
        List<String> problems = new ArrayList<>();
        for (Question q : Questions.ALL_QUESTIONS) {
            String sample = SAMPLES.getOrDefault(q.path(), "");
            String path = q.path().contains("{id}") ? q.path().replace("{id}", sample) : q.path() + sample;
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            JsonNode schema = doc.at("/paths/" + q.path().replace("/", "~1") + "/get/responses/200/content/application~1json/schema");
            assertThat(schema.isMissingNode()).as(q.path() + " has a response schema").isFalse();
            check(doc, schema, JSON.readTree(r.body()), path, problems);
        }
        assertThat(problems).isEmpty();
    }

    /** The view-based answers in their other shapes: unknown days (per world and whole), a scenario's worlds, years the data does not cover. */
    @Test
    void theViewAnswersConformInEveryShape() throws Exception {
        JsonNode doc = JSON.readTree(get("/api/openapi.json").body());
        List<String> problems = new ArrayList<>();
        for (String path : List.of("/api/levels?date=1930-01-01&regime=status-quo,est-2009", "/api/blocs?date=1930-01-01",
                "/api/positions?date=1930-01-01", "/api/positions?scenario=est-cis-csto-only&inherit=true",
                "/api/overlap?scenario=est-cis-csto-only&with_nominal=true", "/api/uniformity?date=2009-12-01&set_aside=XKX&inconsistent=true&all=true",
                "/api/timeline?from=1940&to=1952&regime=status-quo,esd-west")) {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(200);
            String route = path.substring(0, path.indexOf('?'));
            check(doc, doc.at("/paths/" + route.replace("/", "~1") + "/get/responses/200/content/application~1json/schema"), JSON.readTree(r.body()),
                    path, problems);
        }
        assertThat(problems).isEmpty();
        // The check is not blind to these shapes: an unknown world's entry may not carry a count.
        JsonNode early = JSON.readTree(get("/api/levels?date=1930-01-01").body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) early.get("views").get(0)).put("count", 3);
        check(doc, doc.at("/paths/~1api~1levels/get/responses/200/content/application~1json/schema"), early, "doctored", problems);
        assertThat(problems).isNotEmpty();
    }

    /** POST /api/reconcile/atop's answer on a few hand-written rows (NATO founders and Greece 1951-52, the USSR towards Finland) conforms too. */
    @Test
    void theReconcileAnswerConformsToItsSchema() throws Exception {
        String csv = "ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n2,200,1951,1,0,0,1,1\n200,2,1951,1,0,0,1,1\n"
                + "350,2,1951,1,0,0,1,1\n2,350,1952,1,0,0,1,1\n365,375,1952,1,0,0,0,1\n";
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/reconcile/atop"))
                .POST(HttpRequest.BodyPublishers.ofString(csv)).header("Content-Type", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(get("/api/openapi.json").body());
        JsonNode answer = JSON.readTree(r.body());
        assertThat(answer.get("rows").size()).isPositive();
        List<String> problems = new ArrayList<>();
        check(doc, doc.at("/paths/~1api~1reconcile~1{dataset}/post/responses/200/content/application~1json/schema"), answer, "reconcile", problems);
        assertThat(problems).isEmpty();
    }

    @Test
    void theSchemaCheckCatchesAFieldTheViewDoesNotHave() throws Exception {
        JsonNode doc = JSON.readTree(get("/api/openapi.json").body());
        JsonNode schema = doc.at("/paths/~1api~1coverage/get/responses/200/content/application~1json/schema");
        JsonNode answer = JSON.readTree(get("/api/coverage?date=2009-12-01&state=UKR").body());
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).put("not_in_the_view", 1);
        ((com.fasterxml.jackson.databind.node.ObjectNode) answer).put("covered_count", "many");
        List<String> problems = new ArrayList<>();
        check(doc, schema, answer, "doctored", problems);
        assertThat(problems).isNotEmpty();
    }

    @Test
    void aServerErrorIsLoggedWithItsStackTrace() throws Exception {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            // A caller's mistake is not a fault: no stack trace for it.
            ApiServer bare = new ApiServer(new Exercises(db, EmbeddedData.load(), EmbeddedData.regimes(EmbeddedData.load()), Clock.systemUTC()),
                    Eurosec.embedded());
            bare.start("127.0.0.1", 0);
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + bare.port()
                        + "/api/exercises/ex-none/procedures")).header("Authorization", "Bearer broken-on-purpose").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isLessThan(500); // an unknown credential is the caller's mistake: 401, not logged as a fault
            } finally {
                bare.close();
            }
            Database closed = Database.open(Database.defaultUrl(dir.resolve("closed")));
            Architecture base = EmbeddedData.load();
            Exercises gone = new Exercises(closed, base, EmbeddedData.regimes(base), Clock.systemUTC());
            closed.close();
            ApiServer broken = new ApiServer(gone, Eurosec.embedded()).start("127.0.0.1", 0);
            try {
                HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + broken.port()
                        + "/api/exercises/ex-none/procedures")).header("Authorization", "Bearer secret-token-never-logged").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isGreaterThanOrEqualTo(500);
            } finally {
                broken.close();
            }
        } finally {
            System.setErr(saved);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).contains("ERROR").contains("/api/exercises/{id}/procedures").containsPattern("\\tat org\\.eurosec\\.");
        assertThat(log).doesNotContain("secret-token-never-logged").doesNotContain("broken-on-purpose");
    }

    /** A small structural check of a JSON value against an OpenAPI 3.0 schema: types, properties, required, items, oneOf, nullable. */
    static void check(JsonNode doc, JsonNode schema, JsonNode value, String at, List<String> problems) {
        if (schema.has("$ref")) {
            check(doc, OpenApi.resolve(doc, schema.get("$ref").asText()), value, at, problems);
            return;
        }
        if (value.isNull()) {
            if (!schema.path("nullable").asBoolean(false)) {
                problems.add(at + ": null where the schema does not allow it");
            }
            return;
        }
        if (schema.has("allOf")) {
            schema.get("allOf").forEach(s -> check(doc, s, value, at, problems));
            return;
        }
        if (schema.has("oneOf")) {
            int matching = 0;
            for (JsonNode s : schema.get("oneOf")) {
                List<String> p = new ArrayList<>();
                check(doc, s, value, at, p);
                if (p.isEmpty()) {
                    matching++;
                }
            }
            if (matching == 0) {
                problems.add(at + ": matches none of the schemas it may be");
            }
            return;
        }
        String type = schema.path("type").asText("");
        switch (type) {
            case "object" -> {
                if (!value.isObject()) {
                    problems.add(at + ": not an object");
                    return;
                }
                JsonNode props = schema.path("properties");
                schema.path("required").forEach(r -> {
                    if (!value.has(r.asText())) {
                        problems.add(at + ": missing required '" + r.asText() + "'");
                    }
                });
                for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> f = it.next();
                    if (props.has(f.getKey())) {
                        check(doc, props.get(f.getKey()), f.getValue(), at + "." + f.getKey(), problems);
                    } else if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                        check(doc, schema.get("additionalProperties"), f.getValue(), at + "." + f.getKey(), problems);
                    } else if (!schema.path("additionalProperties").asBoolean(true)) {
                        problems.add(at + ": '" + f.getKey() + "' is not in the schema");
                    }
                }
            }
            case "array" -> {
                if (!value.isArray()) {
                    problems.add(at + ": not an array");
                    return;
                }
                int i = 0;
                for (JsonNode item : value) {
                    if (schema.has("items")) {
                        check(doc, schema.get("items"), item, at + "[" + i + "]", problems);
                    }
                    i++;
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    problems.add(at + ": not a string");
                }
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    problems.add(at + ": not an integer");
                }
            }
            case "number" -> {
                if (!value.isNumber()) {
                    problems.add(at + ": not a number");
                }
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    problems.add(at + ": not a boolean");
                }
            }
            default -> {
                // no type: any value
            }
        }
    }
}
