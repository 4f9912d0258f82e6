package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.eurosec.load.EmbeddedData;
import org.eurosec.server.ApiServer;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analyses over HTTP give what the command line prints, and refuse what it would not take. */
class AnalysisApiTest {

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

    record Reply(int status, String body, String type) {
        JsonNode json() throws Exception {
            return JSON.readTree(body);
        }
    }

    static Reply get(String path) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    static Reply post(String path, String body) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/yaml").build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body(), r.headers().firstValue("Content-Type").orElse(""));
    }

    @Test
    void membershipStatusesAreSpeltAsTheDataSpellsThem() throws Exception {
        // csto.yaml gives Azerbaijan `status: not-renewed` from 1999-04-21: the API, the CLI table and the page's terms say the same.
        JsonNode csto = get("/api/actors/csto").json();
        List<String> azeStatuses = new java.util.ArrayList<>();
        csto.findValues("members").forEach(ms -> ms.forEach(m -> {
            if ("AZE".equals(m.path("state").asText())) {
                azeStatuses.add(m.path("status").asText());
            }
        }));
        assertThat(azeStatuses).contains("not-renewed").doesNotContain("not_renewed");
        JsonNode aze = get("/api/actors?date=2010-01-01").json().get("states");
        List<String> memberships = new java.util.ArrayList<>();
        aze.forEach(s -> {
            if ("AZE".equals(s.path("id").asText())) {
                s.path("memberships").forEach(m -> memberships.add(m.asText()));
            }
        });
        assertThat(memberships).contains("csto(not-renewed)");
        assertThat(get("/api/actors/AZE").body()).contains("\"not-renewed\"").doesNotContain("not_renewed");
        CliTest.Run table = CliTest.run("actor", "csto");
        assertThat(table.code()).isZero();
        assertThat(table.out()).contains("not-renewed").doesNotContain("not_renewed");
    }

    @Test
    void eachRouteAnswersWhatItsCommandPrints() throws Exception {
        String[][] cases = {
            {"/api/coverage?date=2009-12-01&regime=est-2009", "coverage --date 2009-12-01 --regime est-2009"},
            {"/api/veto?applicant=GEO&organisation=nato&date=2009-12-01&regime=est-2009",
                "veto --applicant GEO --organisation nato --date 2009-12-01 --regime est-2009"},
            {"/api/blocs?date=2009-12-01&regime=status-quo,est-2009&ties=security-treaty",
                "blocs --date 2009-12-01 --regime status-quo,est-2009 --ties security-treaty"},
            {"/api/levels?scenario=est-cis-csto-only", "levels --scenario est-cis-csto-only.yaml"},
            {"/api/overlap?date=2009-12-01&with_nominal=true", "overlap --date 2009-12-01 --with-nominal"},
            {"/api/timeline?from=1990&to=1995&on=06-30", "timeline --from 1990 --to 1995 --on 06-30"},
            {"/api/veto?applicant=POL&organisation=nato&date=2009-12-01", "veto --applicant POL --organisation nato --date 2009-12-01"},
            {"/api/veto?applicant=UKR&organisation=nato&date=2009-12-01&regime=esd-west&interpretation=inactive-membership=active-only",
                "veto --applicant UKR --organisation nato --date 2009-12-01 --regime esd-west -I inactive-membership=active-only"},
            {"/api/veto?applicant=GEO&organisation=nato&date=1800-01-01", "veto --applicant GEO --organisation nato --date 1800-01-01"},
            {"/api/actors", "actors"},
            {"/api/actors?date=1995-06-01&exclude=microstate", "actors --date 1995-06-01 --exclude microstate"},
            {"/api/actors?date=1800-01-01", "actors --date 1800-01-01"},
            {"/api/actors/UKR", "actor UKR"},
            {"/api/actors/nato", "actor nato"},
            {"/api/actors/FIN?interpretation=agreed-assistance=counts", "actor FIN -I agreed-assistance=counts"},
            {"/api/actors?date=1992-01-10&interpretation=inactive-membership=active-only", "actors --date 1992-01-10 -I inactive-membership=active-only"},
            {"/api/actors/deu", "actor DEU"},
            {"/api/regimes", "regimes"},
            {"/api/regimes/est-2009", "regime show est-2009"},
            {"/api/regimes/status-quo", "regime show status-quo"},
            {"/api/interpretations", "interpretations"},
            {"/api/scenarios", "scenario list"},
            {"/api/compare?scenario=georgia-nato-2009&regimes=status-quo,esd-west",
                "compare georgia-nato-2009.yaml --regimes status-quo,esd-west"},
            {"/api/coverage?date=1950-06-01&all=true&interpretation=adversary-specific-guarantees=general-only",
                "coverage --date 1950-06-01 --all -I adversary-specific-guarantees=general-only"},
            // the world a shipped scenario leaves: its first column by default, or the one named
            {"/api/coverage?scenario=est-cis-csto-only", "coverage --scenario est-cis-csto-only"},
            {"/api/coverage?scenario=est-cis-csto-only&regime=est-2009&state=RUS,GEO,UKR",
                "coverage --scenario est-cis-csto-only --regime est-2009 --state RUS,GEO,UKR"},
            {"/api/coverage?scenario=georgia-nato-2009.yaml&date=2009-12-01&exclude=microstate",
                "coverage --scenario georgia-nato-2009.yaml --date 2009-12-01 --exclude microstate"},
        };
        for (String[] c : cases) {
            Reply r = get(c[0]);
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(200);
            assertThat(r.type()).startsWith("application/json");
            List<String> args = new java.util.ArrayList<>(List.of(c[1].split(" ")));
            args.add("--format");
            args.add("json");
            CliTest.Run cli = CliTest.run(args.toArray(String[]::new));
            assertThat(cli.code()).as(c[1]).isZero();
            assertThat(r.json()).as(c[0]).isEqualTo(cli.json());
        }
        // A state's history follows the reading too: under agreed-assistance=counts the Soviet undertaking of 1948 covers Finland.
        assertThat(get("/api/actors/FIN?interpretation=agreed-assistance=counts").json())
                .isNotEqualTo(get("/api/actors/FIN").json());
        // The interpretation reaches the engine: in 1950 the treaties aimed at Germany alone stop counting, and fewer are covered.
        int defaults = get("/api/coverage?date=1950-06-01&all=true").json().get("covered_count").asInt();
        int general = get("/api/coverage?date=1950-06-01&all=true&interpretation=adversary-specific-guarantees=general-only").json().get("covered_count").asInt();
        assertThat(general).isLessThan(defaults);
    }

    /** Each view-based route answers from the application layer exactly what its command prints, byte for byte. */
    @Test
    void theViewRoutesAnswerWhatTheirCommandsPrint() throws Exception {
        String[][] cases = {
            // several regimes side by side
            {"/api/levels?date=2009-12-01&regime=status-quo,est-2009,esd-west", "levels --date 2009-12-01 --regimes status-quo,est-2009,esd-west"},
            {"/api/overlap?date=2009-12-01&regime=status-quo,est-2009&pairs=duplicating",
                "overlap --date 2009-12-01 --regimes status-quo,est-2009 --pairs duplicating"},
            {"/api/positions?date=2010-12-31&regime=status-quo,est-2009,esd-west&inherit=true&variants=2",
                "positions --date 2010-12-31 --regimes status-quo,est-2009,esd-west --inherit --variants 2"},
            {"/api/uniformity?date=2009-12-01&regime=status-quo,est-2009&inconsistent=true&set_aside=xkx&silence=abstain",
                "uniformity --date 2009-12-01 --regimes status-quo,est-2009 --inconsistent --set-aside xkx --silence abstain"},
            {"/api/timeline?from=1945&to=1952&on=12-01&regime=status-quo,est-2009&ties=security-treaty&exclude=microstate",
                "timeline --from 1945 --to 1952 --on 12-01 --regimes status-quo,est-2009 --ties security-treaty --exclude microstate"},
            // the worlds a shipped scenario leaves, all its columns or some
            {"/api/blocs?scenario=est-cis-csto-only&ties=security-treaty", "blocs --scenario est-cis-csto-only.yaml --ties security-treaty"},
            {"/api/positions?scenario=est-cis-csto-only", "positions --scenario est-cis-csto-only.yaml"},
            {"/api/uniformity?scenario=est-cis-csto-only.yaml&regime=est-2009&all=true",
                "uniformity --scenario est-cis-csto-only.yaml --regime est-2009 --all"},
            {"/api/overlap?scenario=est-cis-csto-only&regime=status-quo,est-2009-if-nine-suffice&with_nominal=true",
                "overlap --scenario est-cis-csto-only.yaml --regimes status-quo,est-2009-if-nine-suffice --with-nominal"},
            // an interpretation, and days the data does not cover (an unknown entry per world)
            {"/api/levels?date=1950-06-01&all=true&interpretation=adversary-specific-guarantees=general-only",
                "levels --date 1950-06-01 --all -I adversary-specific-guarantees=general-only"},
            {"/api/levels?date=1930-01-01&regime=status-quo,est-2009", "levels --date 1930-01-01 --regimes status-quo,est-2009"},
            {"/api/blocs?date=1930-01-01", "blocs --date 1930-01-01"},
            {"/api/positions?date=1930-01-01", "positions --date 1930-01-01"},
        };
        for (String[] c : cases) {
            Reply r = get(c[0]);
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(200);
            List<String> args = new java.util.ArrayList<>(List.of(c[1].split(" ")));
            args.add("--format");
            args.add("json");
            CliTest.Run cli = CliTest.run(args.toArray(String[]::new));
            assertThat(cli.code()).as(c[1] + ": " + cli.err()).isZero();
            assertThat(r.body()).as(c[0]).isEqualTo(cli.out());
        }
    }

    @Test
    void aRegimeListPutsTheRegimesSideBySide() throws Exception {
        JsonNode views = get("/api/levels?date=2009-12-01&regime=status-quo,est-2009,esd-west").json().get("views");
        assertThat(views.findValuesAsText("regime")).containsExactly("status-quo", "est-2009", "esd-west");
        views.forEach(v -> assertThat(v.get("known").asBoolean()).isTrue());
        // Each world groups the same universe: the 56 OSCE participating States of December 2009 (Montenegro
        // joined in 2006, Mongolia only in November 2012).
        views.forEach(v -> {
            int states = 0;
            for (JsonNode l : v.get("levels")) {
                states += l.get("states").size();
            }
            assertThat(states).as(v.get("regime").asText()).isEqualTo(56);
        });
        assertThat(get("/api/levels?regime=status-quo,esd-west,status-quo").json().get("views").findValuesAsText("regime"))
                .containsExactly("status-quo", "esd-west");
        // The scenario's columns are chosen by the same list.
        assertThat(get("/api/blocs?scenario=est-cis-csto-only&regime=est-2009-if-nine-suffice").json().get("views").findValuesAsText("regime"))
                .containsExactly("est-2009-if-nine-suffice");
        // Outside the data each world has its unknown entry, never "no".
        JsonNode early = get("/api/levels?date=1930-01-01&regime=status-quo,est-2009").json().get("views");
        assertThat(early.size()).isEqualTo(2);
        early.forEach(v -> assertThat(v.get("known").asBoolean()).isFalse());
        assertThat(early.get(0).get("message").asText()).contains("1930-01-01");
    }

    @Test
    void viewRouteMistakesNameTheParameter() throws Exception {
        String[][] cases = {
            {"/api/blocs?ties=nope", "400", "ties", "'nope' is not a tie kind (defence, security-treaty)"},
            {"/api/timeline?ties=nope", "400", "ties", "tie kind"},
            {"/api/overlap?pairs=some", "400", "pairs", "'some' is not one of overlapping, duplicating, all"},
            {"/api/overlap?with_nominal=maybe", "400", "with_nominal", "flag"},
            {"/api/uniformity?silence=loud", "400", "silence", "'loud' is not a reading (integrity, abstain)"},
            {"/api/uniformity?set_aside=XYZ", "400", "set_aside", "XKX"},
            {"/api/uniformity?inconsistent=perhaps", "400", "inconsistent", "flag"},
            {"/api/positions?variants=many", "400", "variants", "whole number"},
            {"/api/positions?inherit=x", "400", "inherit", "flag"},
            {"/api/timeline?on=13-45", "400", "on", "'13-45' is not a day of the year"},
            {"/api/timeline?from=1800", "400", "from", "between 1900 and 2100"},
            {"/api/timeline?from=2000&to=1990", "400", "from", "got 2000 to 1990"},
            {"/api/timeline?to=2200", "400", "to", "got 1975 to 2200"},
            {"/api/timeline?from=x", "400", "from", "whole number"},
            {"/api/timeline?date=2009-12-01", "400", "date", "not a parameter of /api/timeline"},
            {"/api/timeline?scenario=est-cis-csto-only", "400", "scenario", "not a parameter of /api/timeline"},
            {"/api/levels?date=2009-02-30", "400", "date", "not a date"},
            {"/api/levels?interpretation=nope=x", "400", "interpretation", "unknown interpretation 'nope'"},
            {"/api/levels?interpretation=nope", "400", "interpretation", "ID=OPTION"},
            {"/api/levels?regime=status-quo&regime=esd-west", "400", "regime", "comma-separated"},
            {"/api/levels?scenario=..%2Fpom.xml", "400", "scenario", "letters, digits"},
            {"/api/overlap?regime=nope", "404", "regime", "unknown regime 'nope' (known: esd-west, est-2009"},
            {"/api/levels?scenario=est-cis-csto-only&regime=nope", "404", "regime", "unknown regime 'nope'"},
            {"/api/positions?scenario=nope", "404", "scenario", "no shipped scenario 'nope' (shipped: armed-attack-2009"},
            {"/api/coverage?scenario=..%2Fpom.xml", "400", "scenario", "letters, digits"},
            {"/api/coverage?scenario=nope", "404", "scenario", "no shipped scenario 'nope' (shipped: armed-attack-2009"},
            {"/api/coverage?scenario=est-cis-csto-only&regime=nope", "404", "regime", "unknown regime 'nope'"},
            {"/api/coverage?scenario=est-cis-csto-only&scenario=georgia-nato-2009", "400", "scenario", ""},
        };
        for (String[] c : cases) {
            Reply r = get(c[0]);
            assertThat(r.status()).as(c[0] + ": " + r.body()).isEqualTo(Integer.parseInt(c[1]));
            assertThat(r.json().at("/error/field").asText()).as(c[0]).isEqualTo(c[2]);
            assertThat(r.json().at("/error/message").asText()).as(c[0]).contains(c[3]);
        }
        Reply regime = get("/api/blocs?regime=status-quo,nope");
        assertThat(regime.json().at("/error/kind").asText()).isEqualTo("regime");
        assertThat(regime.json().at("/error/id").asText()).isEqualTo("nope");
        Reply scenario = get("/api/levels?scenario=pom");
        assertThat(scenario.json().at("/error/kind").asText()).isEqualTo("scenario");
        assertThat(scenario.json().at("/error/id").asText()).isEqualTo("pom");
    }

    @Test
    void concurrentRequestsGetTheSameAnswersAsOneAtATime() throws Exception {
        List<String> paths = List.of("/api/coverage?date=2009-12-01&regime=est-2009", "/api/blocs?date=1990-06-01",
                "/api/levels?date=2020-01-01&regime=esd-west", "/api/veto?applicant=UKR&organisation=nato&date=2009-12-01&regime=est-2009",
                "/api/overlap?date=2009-12-01", "/api/coverage?date=1950-06-01&all=true&interpretation=adversary-specific-guarantees=general-only");
        java.util.Map<String, String> serial = new java.util.HashMap<>();
        for (String p : paths) {
            serial.put(p, get(p).body());
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> same = new java.util.ArrayList<>();
            for (int i = 0; i < 48; i++) {
                String p = paths.get(i % paths.size());
                same.add(pool.submit(() -> get(p).body().equals(serial.get(p))));
            }
            for (var f : same) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void mistakesAre400sNamingTheParameter() throws Exception {
        Reply unknown = get("/api/coverage?dat=2009-12-01");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().at("/error/field").asText()).isEqualTo("dat");
        assertThat(unknown.json().at("/error/message").asText()).contains("date");
        Reply date = get("/api/coverage?date=2009-13-01");
        assertThat(date.status()).isEqualTo(400);
        assertThat(date.json().at("/error/field").asText()).isEqualTo("date");
        assertThat(date.json().at("/error/message").asText()).isEqualTo("Invalid value for parameter 'date': '2009-13-01' is not a date (YYYY-MM-DD)");
        // An id that names nothing is a 404 naming the parameter, the kind and the id (and, when short, the known ones).
        Reply regime = get("/api/veto?applicant=GEO&organisation=nato&regime=no-such");
        assertThat(regime.status()).isEqualTo(404);
        assertThat(regime.json().at("/error/field").asText()).isEqualTo("regime");
        assertThat(regime.json().at("/error/kind").asText()).isEqualTo("regime");
        assertThat(regime.json().at("/error/message").asText()).contains("est-2009");
        // An option the route does not expose cannot be smuggled in as a value or a parameter.
        assertThat(get("/api/coverage?date=--data=/etc").status()).isEqualTo(400);
        assertThat(get("/api/coverage?data=/etc").status()).isEqualTo(400);
        assertThat(get("/api/coverage?regimes_dir=/tmp").status()).isEqualTo(400);
        // Scenarios are named, never read from a path.
        Reply path = get("/api/levels?scenario=..%2F..%2Fpom.xml");
        assertThat(path.status()).isEqualTo(400);
        assertThat(path.json().at("/error/field").asText()).isEqualTo("scenario");
        Reply notShipped = get("/api/compare?scenario=pom");
        assertThat(notShipped.status()).isEqualTo(404);
        assertThat(notShipped.json().at("/error/field").asText()).isEqualTo("scenario");
        assertThat(notShipped.json().at("/error/kind").asText()).isEqualTo("scenario");
        assertThat(notShipped.json().at("/error/message").asText()).contains("georgia-nato-2009");
        assertThat(get("/api/coverage?all=perhaps").status()).isEqualTo(400);
        // A missing parameter is named as the API names it, without the command line's usage text.
        Reply missing = get("/api/veto?applicant=GEO");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().at("/error/field").asText()).isEqualTo("organisation");
        assertThat(missing.json().at("/error/message").asText()).isEqualTo("Missing required parameter: 'organisation'");
        Reply absent = get("/api/veto?applicant=GEO&organisation=nato&date=1985-01-01");
        assertThat(absent.status()).isEqualTo(400);
        assertThat(absent.json().at("/error/field").asText()).isEqualTo("applicant");
        assertThat(absent.json().at("/error/message").asText()).isEqualTo("GEO does not exist on 1985-01-01");
        Reply noScenario = get("/api/compare");
        assertThat(noScenario.status()).isEqualTo(400);
        assertThat(noScenario.json().at("/error/field").asText()).isEqualTo("scenario");
        assertThat(get("/api/coverage?date=2009-12-01&date=2010-01-01").status()).isEqualTo(400);
        // A day before the data is known: an answer that says "unknown", never "no".
        Reply early = get("/api/coverage?date=1900-01-01");
        assertThat(early.status()).isEqualTo(200);
        assertThat(early.json().get("known").asBoolean()).isFalse();
    }

    @Test
    void anUnknownActorOrRegimeIsA404NamingTheIdAndItsKind() throws Exception {
        String[][] cases = {{"/api/actors/ZZZ", "actor", "ZZZ"}, {"/api/regimes/nope", "regime", "nope"}};
        for (String[] c : cases) {
            Reply r = get(c[0]);
            assertThat(r.status()).as(c[0]).isEqualTo(404);
            assertThat(r.type()).startsWith("application/json");
            JsonNode error = r.json().get("error");
            assertThat(error.get("status").asInt()).isEqualTo(404);
            assertThat(error.get("field").asText()).isEqualTo("id");
            assertThat(error.get("kind").asText()).isEqualTo(c[1]);
            assertThat(error.get("id").asText()).isEqualTo(c[2]);
            assertThat(error.get("message").asText()).contains("'" + c[2] + "'");
        }
        // The command line says the same in one line and exits 2.
        CliTest.Run actor = CliTest.run("actor", "ZZZ");
        assertThat(actor.code()).isEqualTo(2);
        assertThat(actor.err().strip()).isEqualTo("eurosec: " + get("/api/actors/ZZZ").json().at("/error/message").asText()
                + System.lineSeparator() + "see 'eurosec actor --help'");
        CliTest.Run regime = CliTest.run("regime", "show", "nope");
        assertThat(regime.code()).isEqualTo(2);
        assertThat(regime.err()).startsWith("eurosec: unknown regime 'nope' (known: ");
        // A route without parameters refuses one.
        Reply extra = get("/api/regimes?date=2009-12-01");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.json().at("/error/field").asText()).isEqualTo("date");
    }

    @Test
    void anUploadedScenarioIsComparedAndItsMistakesNameNoServerPath() throws Exception {
        String yaml = Files.readString(EmbeddedData.scenariosDirectory().resolve("georgia-nato-2009.yaml"));
        Reply ok = post("/api/compare?regimes=status-quo,est-2009", yaml);
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        CliTest.Run cli = CliTest.run("compare", "georgia-nato-2009.yaml", "--regimes", "status-quo,est-2009", "--format", "json");
        assertThat(ok.json()).isEqualTo(cli.json());
        Reply broken = post("/api/compare", "name: [unclosed\n");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().at("/error/field").asText()).isEqualTo("body");
        assertThat(broken.json().at("/error/message").asText()).contains("uploaded scenario")
                .doesNotContain(server.uploads().toString()).doesNotContain(dir.toString()).doesNotContain("upload-");
        // A scenario that reads but names a state the data does not know is the caller's mistake too.
        Reply unknownState = post("/api/compare", yaml.replace("applicant: GEO", "applicant: ZZZ"));
        assertThat(unknownState.status()).as(unknownState.body()).isEqualTo(400);
        assertThat(unknownState.json().at("/error/field").asText()).isEqualTo("body");
        assertThat(unknownState.json().at("/error/message").asText()).contains("uploaded scenario").contains("ZZZ");
        Reply empty = post("/api/compare", "");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.json().at("/error/field").asText()).isEqualTo("body");
        Reply named = post("/api/compare?scenario=georgia-nato-2009", yaml);
        assertThat(named.status()).isEqualTo(400);
        assertThat(named.json().at("/error/field").asText()).isEqualTo("scenario");
        assertThat(post("/api/compare?data=/etc", yaml).status()).isEqualTo(400);
        // Nothing is left behind in the server's own folder for uploads.
        try (var s = Files.list(server.uploads())) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aComparisonSaysWhereTheRegimesDisagreeAsTheCommandLineDoes() throws Exception {
        Reply api = get("/api/compare?scenario=georgia-nato-2009&regimes=status-quo,est-2009,esd-west");
        assertThat(api.status()).as(api.body()).isEqualTo(200);
        CliTest.Run cli = CliTest.run("compare", "georgia-nato-2009.yaml", "--regimes", "status-quo,est-2009,esd-west", "--format", "json");
        assertThat(api.body()).isEqualTo(cli.out());
        List<String> disagree = new java.util.ArrayList<>();
        for (JsonNode row : api.json().get("rows")) {
            assertThat(row.has("disagree")).isTrue();
            if (row.get("disagree").asBoolean()) {
                disagree.add(row.get("provision").asText());
            }
        }
        // Only the 2009 draft lets every party block (its Art. 1), only the Western framework restates free choice.
        assertThat(disagree).containsExactlyInAnyOrder("est-2009/art-1", "esd-west-framework/free-choice");
    }

    @Test
    void thePageItsScriptsAndTheMapAreServedFromTheJar() throws Exception {
        Reply page = get("/");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("<script src=\"/webjars/d3/7.9.0/dist/d3.min.js\"").doesNotContain("https://cdn");
        assertThat(get("/webjars/d3/7.9.0/dist/d3.min.js").status()).isEqualTo(200);
        // The script is native ES modules (no build step): main.js and every module it imports, each
        // served with a JavaScript type (a browser refuses a module of any other type).
        assertThat(page.body()).contains("<script type=\"module\" src=\"js/main.js\"></script>");
        java.util.Deque<String> todo = new java.util.ArrayDeque<>(List.of("/js/main.js"));
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.regex.Pattern from = java.util.regex.Pattern.compile("from '(\\.{1,2}/[^']+)'");
        while (!todo.isEmpty()) {
            String module = todo.pop();
            if (!seen.add(module)) {
                continue;
            }
            Reply js = get(module);
            assertThat(js.status()).as(module).isEqualTo(200);
            assertThat(js.type()).as(module).matches("(text|application)/javascript.*");
            java.util.regex.Matcher m = from.matcher(js.body());
            while (m.find()) {
                todo.push(URI.create("http://x" + module).resolve(m.group(1)).getPath());
            }
        }
        assertThat(seen).contains("/js/main.js", "/js/map.js", "/js/console.js", "/js/colourings/veto.js", "/js/panels/overlap.js");
        assertThat(get("/style.css").status()).isEqualTo(200);
        JsonNode map = get("/api/map").json();
        assertThat(map.get("shapes").has("UKR")).isTrue();
        assertThat(map.get("source").asText()).contains("Natural Earth");
        JsonNode scenarios = get("/api/scenarios").json();
        assertThat(scenarios.findValuesAsText("id")).contains("georgia-nato-2009", "est-cis-csto-only");
    }
}
