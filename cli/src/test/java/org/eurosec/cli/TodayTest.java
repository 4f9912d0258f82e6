package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.query.Eurosec;
import org.eurosec.server.ApiServer;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every dated command answers for today when no date is given. Today is fixed by a clock a month
 * after the day the facts were last checked: the answer is read from the facts as last checked
 * and marked provisional; --strict (strict=true) answers unknown; the API says what the command says.
 */
class TodayTest {

    static final Architecture DATA = EmbeddedData.load();
    static final LocalDate CHECKED = DATA.factsCheckedThrough();
    static final LocalDate TODAY = CHECKED.plusDays(33);
    static final Clock CLOCK = Clock.fixed(TODAY.atTime(12, 0).toInstant(ZoneOffset.UTC), ZoneOffset.UTC);
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    static CliTest.Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), CLOCK);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    @Test
    void coverageWithoutADateAnswersTodayProvisionally() {
        CliTest.Run r = run("coverage", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("as_of").asText()).isEqualTo(TODAY.toString());
        assertThat(j.get("known").asBoolean()).isTrue();
        assertThat(j.get("provisional").asBoolean()).isTrue();
        assertThat(j.get("facts_checked_through").asText()).isEqualTo(CHECKED.toString());
        // Read from the facts as last checked: the same states and the same coverage as on the check day.
        JsonNode onChecked = run("coverage", "--date", CHECKED.toString(), "--format", "json").json();
        assertThat(onChecked.get("provisional").asBoolean()).isFalse();
        assertThat(j.get("covered_count")).isEqualTo(onChecked.get("covered_count"));
        assertThat(j.get("uncovered")).isEqualTo(onChecked.get("uncovered"));

        CliTest.Run table = run("coverage");
        assertThat(table.out()).contains(TODAY + ": ").contains("provisional: facts checked through " + CHECKED);
        assertThat(run("coverage", "--date", CHECKED.toString()).out()).doesNotContain("provisional");
    }

    @Test
    void strictGivesUnknownForADayAfterTheCheck() {
        CliTest.Run r = run("coverage", "--strict", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("known").asBoolean()).isFalse();
        assertThat(r.json().get("message").asText()).contains("outside what the data covers");
        assertThat(run("coverage", "--strict").out()).startsWith("unknown: " + TODAY);
        // Strict changes nothing for a checked day.
        assertThat(run("coverage", "--strict", "--date", CHECKED.toString(), "--format", "json").json().get("known").asBoolean()).isTrue();
        JsonNode veto = run("veto", "--applicant", "GEO", "--organisation", "nato", "--strict", "--format", "json").json();
        assertThat(veto.get("known").asBoolean()).isFalse();
        JsonNode levels = run("levels", "--strict", "--format", "json").json();
        assertThat(levels.get("views").get(0).get("known").asBoolean()).isFalse();
        assertThat(levels.get("provisional").asBoolean()).isFalse();
    }

    @Test
    void everyDatedCommandDefaultsToTodayAndSaysItIsProvisional() {
        JsonNode veto = run("veto", "--applicant", "GEO", "--organisation", "nato", "--format", "json").json();
        assertThat(veto.get("as_of").asText()).isEqualTo(TODAY.toString());
        assertThat(veto.get("provisional").asBoolean()).isTrue();
        JsonNode actors = run("actors", "--format", "json").json();
        assertThat(actors.get("as_of").asText()).isEqualTo(TODAY.toString());
        assertThat(actors.get("provisional").asBoolean()).isTrue();
        for (String command : new String[] {"blocs", "levels", "overlap", "uniformity"}) {
            JsonNode j = run(command, "--format", "json").json();
            assertThat(j.get("provisional").asBoolean()).as(command).isTrue();
            assertThat(j.get("facts_checked_through").asText()).as(command).isEqualTo(CHECKED.toString());
            assertThat(j.get("views").get(0).get("as_of").asText()).as(command).isEqualTo(TODAY.toString());
            assertThat(run(command).out()).as(command).contains("provisional: facts checked through " + CHECKED);
        }
        JsonNode positions = run("positions", "--format", "json").json();
        assertThat(positions.get("as_of").asText()).isEqualTo(TODAY.toString());
        assertThat(positions.get("provisional").asBoolean()).isTrue();
        // A scenario's own day lies within the checked facts: never provisional.
        assertThat(run("levels", "--scenario", "est-cis-csto-only.yaml", "--format", "json").json().get("provisional").asBoolean()).isFalse();
    }

    @Test
    void theApiAnswersTodayAsTheCommandDoes() throws Exception {
        Database db = Database.open(Database.defaultUrl(dir));
        Exercises exercises = new Exercises(db, DATA, EmbeddedData.regimes(DATA), Clock.systemUTC());
        ApiServer server = new ApiServer(exercises, new Eurosec(Eurosec.Sources.embedded(), CLOCK)).start("127.0.0.1", 0);
        try {
            HttpClient http = HttpClient.newHttpClient();
            String[][] cases = {
                {"/api/coverage", "coverage"},
                {"/api/coverage?strict=true", "coverage --strict"},
                {"/api/veto?applicant=GEO&organisation=nato", "veto --applicant GEO --organisation nato"},
                {"/api/levels?regime=status-quo,est-2009", "levels --regime status-quo,est-2009"},
                {"/api/levels?strict=true", "levels --strict"},
            };
            for (String[] c : cases) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + c[0])).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as(c[0]).isEqualTo(200);
                String[] args = (c[1] + " --format json").split(" ");
                assertThat(JSON.readTree(r.body())).as(c[0]).isEqualTo(run(args).json());
            }
        } finally {
            server.close();
            exercises.close();
            db.close();
        }
    }

    /** serve reads today from Main's clock (here fixed), for the analyses and for an exercise's real time alike. */
    @Test
    void serveTakesTodayFromTheInjectedClock() throws Exception {
        String[] args = {"serve", "--port", "0", "--db", Database.defaultUrl(dir), "--journal-key", dir.resolve("journal.key").toString()};
        picocli.CommandLine.ParseResult parsed = Main.tree(new Main(CLOCK), args).parseArgs(args);
        ServeCommand serve = (ServeCommand) parsed.subcommand().commandSpec().userObject();
        try (ServeCommand.Started started = serve.start()) {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + started.server().port() + "/api/coverage")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            JsonNode answer = JSON.readTree(r.body());
            assertThat(answer.get("as_of").asText()).isEqualTo(TODAY.toString());
            assertThat(answer.get("provisional").asBoolean()).isTrue();
            // An exercise started now (on 2009-12-01 under the draft): its clock's origin in real time is the fixed clock's instant.
            Exercises.Created created = started.exercises().create("est-2009", java.time.LocalDate.parse("2009-12-01"), "real", 1,
                    org.eurosec.mechanism.ProcedureRules.Settings.defaults());
            assertThat(created.clock().originReal()).isEqualTo(CLOCK.instant());
            assertThat(started.exercises().now(created.id())).isEqualTo(java.time.LocalDate.parse("2009-12-01").atTime(9, 0).toInstant(ZoneOffset.UTC));
        }
    }

    /** serve's --max-entries-in-memory sets the store's budget; a negative one is a user's error naming the option. */
    @Test
    void serveTakesTheMemoryBudgetFromItsOption() throws Exception {
        String[] args = {"serve", "--port", "0", "--db", Database.defaultUrl(dir), "--journal-key", dir.resolve("journal.key").toString(),
            "--max-entries-in-memory", "1234"};
        ServeCommand serve = (ServeCommand) Main.tree(new Main(CLOCK), args).parseArgs(args).subcommand().commandSpec().userObject();
        try (ServeCommand.Started started = serve.start()) {
            assertThat(started.exercises().memory().budget()).isEqualTo(1234);
        }
        String[] negative = {"serve", "--port", "0", "--db", Database.defaultUrl(dir), "--journal-key", dir.resolve("journal.key").toString(),
            "--max-entries-in-memory", "-1"};
        ServeCommand refused = (ServeCommand) Main.tree(new Main(CLOCK), negative).parseArgs(negative).subcommand().commandSpec().userObject();
        org.assertj.core.api.Assertions.assertThatThrownBy(refused::start).isInstanceOf(UserError.class).hasMessageContaining("--max-entries-in-memory");
    }
}
