package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The administrator's routes over real HTTP, on H2 and on PostgreSQL: only the admin credential
 * opens them; an exercise created over HTTP is checked by the same rules as `exercise new`; a
 * credential issued works, a revoked or rotated one is 401 on the very next request; a closed
 * exercise refuses actions with 409 and still answers readings; every answer conforms to the
 * OpenAPI description; and no credential reaches the log.
 */
class AdminApiTest {

    static final Architecture BASE = EmbeddedData.load();

    @TempDir
    Path dir;

    static StoreApiTest.Reply call(int port, String method, String path, String token, String body) throws Exception {
        return StoreApiTest.call(port, method, path, token, body);
    }

    @Test
    void theAdministratorRunsExercisesOverHttpOnH2() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")))) {
            administer(db);
        }
    }

    @Test
    void theSameOnPostgresql() throws Exception {
        String url = DurabilityTest.postgresql();
        try (Database db = Database.open(url, Database.Settings.defaults().withKeyFile(dir.resolve("journal.key")))) {
            administer(db);
        }
    }

    void administer(Database db) throws Exception {
        Exercises store = new Exercises(db, BASE, EmbeddedData.regimes(BASE), Clock.systemUTC());
        String admin = store.adminToken(true).orElseThrow();
        List<String> secrets = new ArrayList<>(List.of(admin));
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
        try {
            int port = server.port();
            JsonNode doc = ActionCodec.JSON.readTree(call(port, "GET", "/api/openapi.json", null, null).body());
            List<String> problems = new ArrayList<>();

            // Only the administrator's credential opens the admin routes.
            assertThat(call(port, "GET", "/api/admin/exercises", null, null).status()).isEqualTo(401);
            assertThat(call(port, "GET", "/api/admin/exercises", "esa_not-it", null).status()).isEqualTo(401);

            // Creation: the rules of `exercise new`, each mistake a 422 naming the field; nothing created by a refusal.
            StoreApiTest.Reply forever = call(port, "POST", "/api/admin/exercises", admin, "{\"regime\":\"est-2009\",\"reply_within\":\"P999999999Y\"}");
            assertThat(forever.status()).isEqualTo(422);
            assertThat(forever.json().at("/error/field").asText()).isEqualTo("reply_within");
            StoreApiTest.Reply early = call(port, "POST", "/api/admin/exercises", admin, "{\"regime\":\"est-2009\",\"day\":\"1949-01-01\"}");
            assertThat(early.status()).isEqualTo(422);
            assertThat(early.json().at("/error/field").asText()).isEqualTo("day");
            assertThat(call(port, "POST", "/api/admin/exercises", admin, "{\"regime\":\"est-2009\",\"colour\":\"red\"}").json().at("/error/field").asText())
                    .isEqualTo("colour");
            assertThat(call(port, "POST", "/api/admin/exercises", admin, "{\"regime\":\"no-such\"}").status()).isEqualTo(422);
            int before = store.summaries().size();
            StoreApiTest.Reply made = call(port, "POST", "/api/admin/exercises", admin,
                    "{\"regime\":\"est-2009\",\"day\":\"2010-06-01\",\"clock\":\"accelerated\",\"factor\":600}");
            assertThat(made.status()).as(made.body()).isEqualTo(201);
            assertThat(made.headers().get("cache-control")).contains("no-store");
            OpenApiSchemaTest.check(doc, schema(doc, "/api/admin/exercises", "post", "201"), made.json(), "created", problems);
            String id = made.json().get("exercise").asText();
            JsonNode tokens = made.json().get("credentials");
            tokens.forEach(t -> secrets.add(t.asText()));
            assertThat(tokens.size()).isEqualTo(made.json().at("/rules/parties").size() + 2);
            StoreApiTest.Reply listed = call(port, "GET", "/api/admin/exercises", admin, null);
            OpenApiSchemaTest.check(doc, schema(doc, "/api/admin/exercises", "get", "200"), listed.json(), "list", problems);
            assertThat(listed.json().get("exercises").size()).isEqualTo(before + 1);
            assertThat(listed.json().get("exercises").findValuesAsText("exercise")).contains(id);

            String path = "/api/exercises/" + id;
            String geo = tokens.get("delegation:GEO").asText();
            assertThat(call(port, "POST", path + "/actions", geo, StoreApiTest.ask("RUS", "troops")).status()).isEqualTo(201);
            assertThat(call(port, "GET", path, admin, null).status()).as("the admin credential is not an exercise's").isEqualTo(401);
            assertThat(call(port, "GET", "/api/admin/exercises", geo, null).status()).as("a delegation is not the administrator").isEqualTo(401);

            // Issue: a second observer credential works beside the first.
            StoreApiTest.Reply issued = call(port, "POST", "/api/admin/exercises/" + id + "/credentials", admin, "{\"actor\":\"observer\"}");
            assertThat(issued.status()).isEqualTo(201);
            OpenApiSchemaTest.check(doc, schema(doc, "/api/admin/exercises/{id}/credentials", "post", "201"), issued.json(), "issued", problems);
            String observer2 = issued.json().get("credential").asText();
            secrets.add(observer2);
            assertThat(call(port, "GET", path + "/journal", observer2, null).status()).isEqualTo(200);
            assertThat(call(port, "GET", path + "/journal", tokens.get("observer").asText(), null).status()).isEqualTo(200);

            // Revoke: GEO, just seen (so known in memory), is refused on the very next request.
            StoreApiTest.Reply revoked = call(port, "POST", "/api/admin/exercises/" + id + "/credentials/revoke", admin, "{\"actor\":\"delegation:GEO\"}");
            assertThat(revoked.status()).isEqualTo(200);
            assertThat(revoked.json().get("revoked").asInt()).isEqualTo(1);
            OpenApiSchemaTest.check(doc, schema(doc, "/api/admin/exercises/{id}/credentials/revoke", "post", "200"), revoked.json(), "revoked", problems);
            StoreApiTest.Reply refused = call(port, "POST", path + "/actions", geo, StoreApiTest.ask("RUS", "again"));
            assertThat(refused.status()).isEqualTo(401);
            assertThat(call(port, "GET", path, geo, null).status()).isEqualTo(401);

            // Rotate: UKR's old credential refused at once, the new one works.
            String ukr = tokens.get("delegation:UKR").asText();
            assertThat(call(port, "GET", path, ukr, null).status()).isEqualTo(200);
            StoreApiTest.Reply rotated = call(port, "POST", "/api/admin/exercises/" + id + "/credentials/rotate", admin, "{\"actor\":\"delegation:UKR\"}");
            assertThat(rotated.status()).isEqualTo(201);
            assertThat(rotated.json().get("revoked").asInt()).isEqualTo(1);
            String ukr2 = rotated.json().get("credential").asText();
            secrets.add(ukr2);
            assertThat(call(port, "GET", path, ukr, null).status()).isEqualTo(401);
            assertThat(call(port, "GET", path, ukr2, null).json().get("you").asText()).isEqualTo("delegation:UKR");
            assertThat(call(port, "POST", "/api/admin/exercises/" + id + "/credentials", admin, "{\"actor\":\"delegation:XYZ\"}").status()).isEqualTo(422);
            assertThat(call(port, "POST", "/api/admin/exercises/ex-none/credentials", admin, "{\"actor\":\"observer\"}").status()).isEqualTo(404);

            StoreApiTest.Reply creds = call(port, "GET", "/api/admin/exercises/" + id + "/credentials", admin, null);
            OpenApiSchemaTest.check(doc, schema(doc, "/api/admin/exercises/{id}/credentials", "get", "200"), creds.json(), "credentials", problems);
            assertThat(creds.body()).doesNotContain(geo).doesNotContain(ukr2);

            // Close: journaled, then every action 409 and every reading 200.
            StoreApiTest.Reply closed = call(port, "POST", "/api/admin/exercises/" + id + "/close", admin, "{\"reason\":\"end of the session\"}");
            assertThat(closed.status()).as(closed.body()).isEqualTo(200);
            OpenApiSchemaTest.check(doc, schema(doc, "/api/admin/exercises/{id}/close", "post", "200"), closed.json(), "closed", problems);
            StoreApiTest.Reply after = call(port, "POST", path + "/actions", tokens.get("delegation:POL").asText(), StoreApiTest.ask("BLR", "after"));
            assertThat(after.status()).isEqualTo(409);
            assertThat(after.json().at("/error/message").asText()).contains("closed");
            StoreApiTest.Reply view = call(port, "GET", path, tokens.get("delegation:POL").asText(), null);
            assertThat(view.status()).isEqualTo(200);
            assertThat(view.json().has("closed_at")).isTrue();
            StoreApiTest.Reply journal = call(port, "GET", path + "/journal", tokens.get("depositary").asText(), null);
            JsonNode last = journal.json().get(journal.json().size() - 1);
            assertThat(last.get("kind").asText()).isEqualTo("exercise-closed");
            assertThat(last.get("seq").asLong()).isEqualTo(closed.json().at("/receipt/seq").asLong());
            assertThat(call(port, "POST", "/api/admin/exercises/" + id + "/close", admin, null).status()).isEqualTo(409);
            assertThat(call(port, "POST", "/api/admin/exercises/" + id + "/credentials", admin, "{\"actor\":\"observer\"}").status()).isEqualTo(409);
            assertThat(call(port, "GET", "/api/admin/exercises", admin, null).json().get("exercises").findValues("closed_at").stream()
                    .anyMatch(n -> !n.isNull())).isTrue();
            assertThat(problems).isEmpty();
        } finally {
            server.close();
            store.close();
            System.setErr(saved);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertThat(log).as("the access log ran").contains("/api/admin/exercises/{id}/credentials/revoke");
        for (String s : secrets) {
            assertThat(log).doesNotContain(s);
        }
    }

    static JsonNode schema(JsonNode doc, String route, String method, String status) {
        JsonNode s = doc.at("/paths/" + route.replace("/", "~1") + "/" + method + "/responses/" + status + "/content/application~1json/schema");
        assertThat(s.isMissingNode()).as(method + " " + route + " " + status + " has a schema").isFalse();
        return s;
    }
}
