package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import org.eurosec.load.EmbeddedData;
import org.eurosec.server.ApiServer;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POST /api/reconcile/{dataset} with the hand-written ATOP rows of {@link ReconcileCliTest} as the
 * body: the answer is byte for byte what {@code eurosec reconcile atop FILE --format json} prints for
 * the same file and options; a broken row is a 400 naming the body's line, the wrong type a 415, a
 * body over the route's own limit a 413.
 */
class ReconcileApiTest {

    @TempDir
    static Path dir;

    static Database db;
    static Exercises exercises;
    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newHttpClient();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        var a = EmbeddedData.load();
        db = Database.open(Database.defaultUrl(dir));
        exercises = new Exercises(db, a, EmbeddedData.regimes(a), Clock.systemUTC());
        server = new ApiServer(exercises, org.eurosec.query.Eurosec.embedded()).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        exercises.close();
        db.close();
    }

    static HttpResponse<String> post(String path, String type, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).POST(body);
        if (type != null) {
            b.header("Content-Type", type);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> post(String path, String type, String body) throws Exception {
        return post(path, type, HttpRequest.BodyPublishers.ofString(body));
    }

    @Test
    void theAnswerIsWhatTheCommandPrints() throws Exception {
        Path f = dir.resolve("atop.csv");
        Files.writeString(f, ReconcileCliTest.rows());
        String[][] cases = {
            {"", ""},
            {"?kinds=defence&convention=atop&interpretation=agreed-assistance=counts", "--kinds defence --convention atop -I agreed-assistance=counts"},
            {"?kinds=defence,consultation", "--kinds defence,consultation"}};
        for (String[] c : cases) {
            HttpResponse<String> r = post("/api/reconcile/atop" + c[0], "text/csv", ReconcileCliTest.rows());
            assertThat(r.statusCode()).as(c[0] + ": " + r.body()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("reconcile", "atop", f.toString(), "--format", "json"));
            if (!c[1].isEmpty()) {
                args.addAll(java.util.List.of(c[1].split(" ")));
            }
            CliTest.Run cli = CliTest.run(args.toArray(String[]::new));
            assertThat(cli.code()).as(cli.err()).isZero();
            assertThat(r.body()).as(c[0]).isEqualTo(cli.out());
        }
        // Not a vacuous equality: the answer holds the fixture's disagreements (Greece 1951 by convention).
        JsonNode j = JSON.readTree(post("/api/reconcile/atop?kinds=defence", "text/csv", ReconcileCliTest.rows()).body());
        assertThat(j.get("disagree").asInt()).isPositive();
        assertThat(j.get("by_cause").get("convention").asInt()).isPositive();
    }

    /**
     * The same file as a spreadsheet exports it (a byte-order mark, CR LF) gives the same answer; a
     * body in Latin-1 is a 400 naming the byte that is not UTF-8 and its line.
     */
    @Test
    void aSpreadsheetsExportIsReadAsThePlainFileAndAnotherEncodingIsNamed() throws Exception {
        String plain = post("/api/reconcile/atop?kinds=defence", "text/csv", ReconcileCliTest.rows()).body();
        HttpResponse<String> excel = post("/api/reconcile/atop?kinds=defence", "text/csv",
                "\uFEFF" + ReconcileCliTest.rows().replace("\n", "\r\n"));
        assertThat(excel.statusCode()).as(excel.body()).isEqualTo(200);
        assertThat(excel.body()).isEqualTo(plain);
        byte[] latin = ("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n2,200,1950,1,0,0,0,0 d\u00e9fense\n")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        HttpResponse<String> r = post("/api/reconcile/atop", "text/csv", HttpRequest.BodyPublishers.ofByteArray(latin));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(r.body()).at("/error/message").asText()).contains("not UTF-8 text: byte 0xE9").contains("(line 2)");
    }

    /**
     * A made-up file whose every cell is a pledge (every pair of eighteen Western states, all five
     * kinds, 1990 and 2010) sends the search for readings through 56 panels (about 25 s of work on
     * two cores; a wider one of the same making took over five minutes): the upload stops at the
     * server's budget with a 422 naming the command to run instead, and the server answers on.
     */
    @Test
    void anUploadThatNeedsTooMuchSearchIsA422() throws Exception {
        List<Integer> codes = List.of(2, 20, 200, 205, 210, 211, 212, 220, 221, 223, 225, 230, 232, 235, 255, 260, 265, 290);
        StringBuilder csv = new StringBuilder("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n");
        for (int year : List.of(1990, 2010)) {
            for (int a : codes) {
                for (int b : codes) {
                    if (a != b) {
                        csv.append(a).append(',').append(b).append(',').append(year).append(",1,1,1,1,1\n");
                    }
                }
            }
        }
        HttpResponse<String> r = post("/api/reconcile/atop", "text/csv", csv.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        JsonNode e = JSON.readTree(r.body()).get("error");
        assertThat(e.get("field").asText()).isEqualTo("body");
        assertThat(e.get("message").asText()).contains("more than " + org.eurosec.query.Reconcile.UPLOAD_SEARCH_PANELS + " of eurosec's panels")
                .contains("eurosec reconcile");
        assertThat(post("/api/reconcile/atop?kinds=defence", "text/csv", ReconcileCliTest.rows()).statusCode()).isEqualTo(200);
    }

    @Test
    void mistakesAreRefusedWithTheBodysLineAndTheUploadStatuses() throws Exception {
        String bad = "ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n2,200,1950,1,0,0,0,0\n2,200,1950,2,0,0,0,0\n";
        HttpResponse<String> r = post("/api/reconcile/atop", "text/csv", bad);
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode e = JSON.readTree(r.body()).get("error");
        assertThat(e.get("field").asText()).isEqualTo("body");
        assertThat(e.get("message").asText()).contains("uploaded file:3:").contains("defense is '2'");
        // A code no state carries: the upload is told of the API's parameter (the command's --skip-unknown-states is no use
        // to it), and with that parameter the row is left out.
        String unknown = "ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n2,200,1950,1,0,0,0,0\n2,999,1950,1,0,0,0,0\n";
        HttpResponse<String> code = post("/api/reconcile/atop", "text/csv", unknown);
        assertThat(code.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(code.body()).at("/error/message").asText()).contains("uploaded file:3:").contains("ccode 999")
                .contains("the parameter skip_unknown_states").doesNotContain("--skip-unknown-states");
        HttpResponse<String> skipped = post("/api/reconcile/atop?skip_unknown_states=true", "text/csv", unknown);
        assertThat(skipped.statusCode()).as(skipped.body()).isEqualTo(200);
        assertThat(JSON.readTree(skipped.body()).get("skipped_rows").asInt()).isEqualTo(1);
        HttpResponse<String> header = post("/api/reconcile/atop", "text/csv", "a,b,c\n1,2,3\n");
        assertThat(header.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(header.body()).at("/error/message").asText()).contains("uploaded file:1:").contains("ccode1");
        assertThat(post("/api/reconcile/atop", "text/csv", "").statusCode()).isEqualTo(400);
        HttpResponse<String> other = post("/api/reconcile/gdelt", "text/csv", ReconcileCliTest.rows());
        assertThat(other.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(other.body()).at("/error/field").asText()).isEqualTo("dataset");
        HttpResponse<String> param = post("/api/reconcile/atop?kind=defence", "text/csv", ReconcileCliTest.rows());
        assertThat(param.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(param.body()).at("/error/field").asText()).isEqualTo("kind");
        HttpResponse<String> type = post("/api/reconcile/atop", "application/json", ReconcileCliTest.rows());
        assertThat(type.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(type.body()).at("/error/field").asText()).isEqualTo("Content-Type");
        // Over the route's own limit (not the 64 KiB of the other uploads): 413, whether the length is announced or not.
        byte[] big = new byte[ApiServer.MAX_RECONCILE_BODY + 1];
        java.util.Arrays.fill(big, (byte) '0');
        assertThat(post("/api/reconcile/atop", "text/csv", HttpRequest.BodyPublishers.ofByteArray(big)).statusCode()).isEqualTo(413);
        assertThat(post("/api/reconcile/atop", "text/csv", HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(big)))
                .statusCode()).isEqualTo(413);
        // A body over 64 KiB but within the limit is read: a valid file of 100 KiB with padding rows.
        StringBuilder padded = new StringBuilder(ReconcileCliTest.rows());
        while (padded.length() < 100 * 1024) {
            padded.append("2,200,1950,1,0,0,1,1\n");
        }
        assertThat(post("/api/reconcile/atop?kinds=defence", "text/csv", padded.toString()).statusCode()).isEqualTo(200);
    }

    @Test
    void theOpenApiDescriptionGivesTheRouteItsBodyLimitAndSchema() throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/openapi.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode post = JSON.readTree(r.body()).at("/paths/~1api~1reconcile~1{dataset}/post");
        assertThat(post.isMissingNode()).isFalse();
        assertThat(post.at("/requestBody/content/text~1csv").isMissingNode()).isFalse();
        assertThat(post.at("/requestBody/description").asText()).contains(String.valueOf(ApiServer.MAX_RECONCILE_BODY));
        assertThat(post.at("/responses/200/content/application~1json/schema/$ref").asText()).endsWith("View");
        for (String status : new String[] {"400", "413", "415"}) {
            assertThat(post.at("/responses/" + status).isMissingNode()).as(status).isFalse();
        }
        java.util.Set<String> params = new java.util.TreeSet<>();
        post.get("parameters").forEach(p -> params.add(p.get("name").asText()));
        assertThat(params).containsExactlyInAnyOrder("dataset", "convention", "kinds", "interpretation", "skip_unknown_states");
    }
}
