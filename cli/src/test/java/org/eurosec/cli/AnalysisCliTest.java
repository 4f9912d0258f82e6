package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis and export commands as a user meets them: outputs per regime, unknown days, mistakes. */
class AnalysisCliTest {

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asText()));
        return out;
    }

    @Test
    void blocsOnTheCisCstoScenarioShrinkTheBufferUnderTheSecurityTreatyTies() {
        CliTest.Run r = run("blocs", "--scenario", "est-cis-csto-only.yaml", "--ties", "security-treaty", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode views = r.json().get("views");
        assertThat(views.size()).isEqualTo(3);
        List<String> before = texts(views.get(0).get("buffer"));
        List<String> after = texts(views.get(2).get("buffer"));
        assertThat(before).contains("AZE", "MDA");
        assertThat(after).doesNotContain("AZE", "MDA").hasSize(before.size() - 2);
    }

    @Test
    void levelsAndTimelineSayUnknownOutsideTheData() {
        CliTest.Run r = run("levels", "--date", "1930-01-01", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("views").get(0).get("known").asBoolean()).isFalse();
        CliTest.Run t = run("timeline", "--from", "2025", "--to", "2027", "--format", "csv");
        assertThat(t.code()).as(t.err()).isZero();
        assertThat(t.out()).contains("2027-01-01,unknown").contains("2025-01-01,yes");
        assertThat(run("timeline", "--on", "13-45").code()).isEqualTo(2);
    }

    @Test
    void overlapUnderTheDraftHasOneMoreBody() {
        CliTest.Run r = run("overlap", "--date", "2009-12-01", "--regimes", "status-quo,est-2009", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode v = r.json().get("views");
        assertThat(v.get(1).get("bodies").size()).isEqualTo(v.get(0).get("bodies").size() + 1);
        assertThat(run("overlap", "--pairs", "some").code()).isEqualTo(2);
    }

    @Test
    void uniformityNamesTheCasesAndRejectsAnUnknownCase() {
        CliTest.Run r = run("uniformity", "--date", "2009-12-01", "--inconsistent", "--format", "csv");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("RUS").contains("inconsistent").doesNotContain(",ESP,");
        CliTest.Run bad = run("uniformity", "--set-aside", "XYZ");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--set-aside").contains("XKX");
    }

    @Test
    void positionsListBlockersWithTheirStatements() {
        CliTest.Run r = run("positions", "--date", "2010-12-31", "--regimes", "est-2009,esd-west", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        JsonNode est = r.json().get("regimes").get(0);
        assertThat(texts(est.get("blocks"))).contains("USA", "POL");
        assertThat(est.get("objections").get(0).has("source")).isTrue();
        assertThat(r.json().get("variants").size()).isEqualTo(16);
    }

    static List<String> readLines(java.nio.file.Path p) {
        try {
            return java.nio.file.Files.readAllLines(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void levelsCountOnlyGuaranteesFromGenerallyRecognisedStatesAndListTheOthers() {
        JsonNode def = run("levels", "--date", "2009-12-01", "--format", "json").json().get("views").get(0);
        JsonNode all = run("levels", "--date", "2009-12-01", "-I", "levels-guarantors=all-states", "--format", "json").json().get("views").get(0);
        assertThat(def.get("guarantors").asText()).isEqualTo("levels-guarantors=generally-recognised");
        assertThat(all.get("not_counted")).isEmpty();
        // Every state's provisions under the default are its provisions counting all, less exactly those listed as not counted.
        for (JsonNode level : all.get("levels")) {
            for (JsonNode state : level.get("states")) {
                List<String> left = new java.util.ArrayList<>();
                def.get("not_counted").forEach(n -> {
                    if (n.get("beneficiary").asText().equals(state.asText())) {
                        left.add(n.get("provision").asText());
                    }
                });
                List<String> expected = texts(level.get("provisions")).stream().filter(p -> !left.contains(p)).toList();
                JsonNode mine = null;
                for (JsonNode l : def.get("levels")) {
                    if (texts(l.get("states")).contains(state.asText())) {
                        mine = l;
                    }
                }
                assertThat(texts(mine.get("provisions"))).as(state.asText()).isEqualTo(expected);
            }
        }
        // Each guarantee left out names why: its guarantors recognised by no more than half of the states counted.
        assertThat(def.get("not_counted")).isNotEmpty().allSatisfy(n -> n.get("recognition").forEach(r ->
                assertThat(2 * r.get("recognised_by").asInt()).isLessThanOrEqualTo(r.get("of").asInt())));
        CliTest.Run text = run("levels", "--date", "2009-12-01");
        assertThat(text.out().replaceAll("\\s+", " ")).contains("not counted: ").contains("not generally recognised");
    }

    @Test
    void positionsSayWhyAStateBlocksAndThatTheProposerAcceptsItsOwnDraft() {
        // The data: Russia's statements on the veto question up to the day, the latest one and what it replaced.
        java.time.LocalDate day = java.time.LocalDate.of(2010, 12, 31);
        List<String[]> rusVeto = new java.util.ArrayList<>();
        for (String line : readLines(java.nio.file.Path.of("../data/positions.yaml"))) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("actor: RUS, question: veto, answer: ([a-z-]+), date: ([0-9-]+)").matcher(line);
            if (m.find() && !java.time.LocalDate.parse(m.group(2)).isAfter(day)) {
                rusVeto.add(new String[] {m.group(1), m.group(2)});
            }
        }
        rusVeto.sort(java.util.Comparator.comparing((String[] x) -> x[1]));
        String[] latest = rusVeto.get(rusVeto.size() - 1);
        String[] replaced = rusVeto.stream().filter(x -> !x[0].equals(latest[0])).reduce((a, b) -> b).orElseThrow();
        boolean contradicts = !latest[0].equals("veto"); // est-2009 answers veto under the default reading of Art. 1

        // Judged by its latest statement alone (the named alternative), Russia blocks its own draft, and the line says why.
        CliTest.Run alone = run("positions", "--date", day.toString(), "--regimes", "est-2009", "--wide", "-I", "proposer-position=latest-statement");
        assertThat(alone.code()).as(alone.err()).isZero();
        String line = alone.out().lines().filter(l -> l.startsWith("est-2009: RUS blocks:")).findFirst().orElse("");
        assertThat(!line.isEmpty()).isEqualTo(contradicts);
        assertThat(line).contains("veto: est-2009 answers veto, its latest statement on veto holds " + latest[0] + " (" + latest[1])
                .contains("http").contains("replacing " + replaced[0] + " (" + replaced[1]);
        assertThat(alone.out()).contains("latest statement on one of the four questions");

        // By default the proposer (regimes/est-2009.yaml: proposed_by RUS) accepts; the statement is set aside, not hidden.
        CliTest.Run def = run("positions", "--date", day.toString(), "--regimes", "est-2009", "--format", "json");
        JsonNode est = def.json().get("regimes").get(0);
        assertThat(texts(est.get("blocks"))).doesNotContain("RUS");
        assertThat(texts(est.get("accepts"))).contains("RUS");
        assertThat(est.get("proposer").get("reading").asText()).isEqualTo("proposer-position=proposer-accepts");
        JsonNode setAside = est.get("proposer").get("set_aside").get(0);
        assertThat(setAside.get("question").asText() + " " + setAside.get("date").asText()).isEqualTo("veto " + latest[1]);
        assertThat(setAside.get("supersedes").get("date").asText()).isEqualTo(replaced[1]);
        assertThat(def.json().get("rule").asText()).contains("latest statement");
        // Before the draft was published, Russia is judged on its statements like everyone else.
        JsonNode before = run("positions", "--date", "2009-11-28", "--regimes", "est-2009", "--format", "json").json().get("regimes").get(0);
        assertThat(before.has("proposer")).isFalse();
    }

    @Test
    void viewCommandMistakesNameTheOptionAndExit2() {
        String[][] cases = {
            {"blocs --ties nope", "eurosec: --ties: 'nope' is not a tie kind (defence, security-treaty)"},
            {"overlap --pairs some", "eurosec: --pairs: 'some' is not one of overlapping, duplicating, all"},
            {"uniformity --silence loud", "eurosec: --silence: 'loud' is not a reading (integrity, abstain)"},
            {"timeline --on 13-45", "eurosec: --on: '13-45' is not a day of the year (MM-DD, e.g. 12-01)"},
            {"timeline --from 2000 --to 1990", "eurosec: --from: the years must run forwards between 1900 and 2100 (got 2000 to 1990)"},
            {"timeline --date 2009-12-01", "eurosec: --date does not apply to timeline; use --from, --to and --on"},
            {"levels --regime nope", "eurosec: --regime: unknown regime 'nope' (known: esd-west, est-2009, russia-2021, status-quo)"},
            {"levels --scenario est-cis-csto-only.yaml --regime nope", "eurosec: --regime: unknown regime 'nope'"},
            {"positions --scenario nope.yaml", "eurosec: --scenario: nope.yaml: no such file"},
        };
        for (String[] c : cases) {
            CliTest.Run r = run(c[0].split(" "));
            assertThat(r.code()).as(c[0]).isEqualTo(2);
            assertThat(r.err()).as(c[0]).startsWith(c[1]).doesNotContain("Exception").doesNotContain("\tat ");
            assertThat(r.out()).as(c[0]).isEmpty();
        }
    }

    @Test
    void anUnknownDayIsSaidOnceInEveryFormat() {
        CliTest.Run json = run("positions", "--date", "1930-01-01", "--format", "json");
        assertThat(json.code()).isZero();
        assertThat(json.json().get("known").asBoolean()).isFalse();
        assertThat(json.out()).endsWith("}\n");
        CliTest.Run text = run("levels", "--date", "1930-01-01", "--regimes", "status-quo,est-2009");
        assertThat(text.out()).contains("status-quo: unknown: 1930-01-01 is outside what the data covers")
                .contains("est-2009: unknown: 1930-01-01 is outside what the data covers");
    }

    @Test
    void exportsWriteCsvThatJoinsOnCcodeAndRefuseYearsOutsideTheData(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("dy.csv");
        CliTest.Run r = run("export", "dyad-year", "--from", "2009", "--to", "2009", "--directed", "--out", f.toString());
        assertThat(r.code()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(f);
        assertThat(lines.get(0)).isEqualTo("year,ccode1,iso3_1,ccode2,iso3_2,defence,offence,neutrality,non_aggression,consultation");
        assertThat(lines).contains("2009,220,FRA,221,MCO,1,0,0,0,0").contains("2009,221,MCO,220,FRA,0,0,0,0,0");
        CliTest.Run bad = run("export", "state-year", "--from", "1900", "--out", dir.resolve("x.csv").toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("1949");
        assertThat(Files.exists(dir.resolve("x.csv"))).as("nothing written on error").isFalse();
        assertThat(Files.exists(dir.resolve("x.csv.part"))).isFalse();
        assertThat(run("export", "dyad-years").code()).isEqualTo(2);
        assertThat(run("export", "state-year", "--directed").code()).isEqualTo(2);
    }

    @Test
    void theReportIsOneSelfContainedFileWithEverySectionAndSourcedLinks(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("report.html");
        CliTest.Run r = run("report", "--date", "2009-12-01", "--regimes", "status-quo,est-2009,esd-west", "--out", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String h = Files.readString(html);
        // Nothing to fetch: no scripts, stylesheets or images from elsewhere.
        assertThat(h).doesNotContainPattern("<script[^>]+src=").doesNotContainPattern("<link[^>]+href=").doesNotContainPattern("<img[^>]+src=\"http");
        for (String id : List.of("summary", "coverage", "blocs", "levels", "vetoes", "overlap", "positions", "uniformity", "timeline")) {
            assertThat(h).contains("<section id=\"" + id + "\">");
        }
        assertThat(h).contains("<use href=\"#s-UKR\"").contains("href=\"https://www.nato.int/cps/en/natolive/official_texts_17120.htm\"");
        // Six maps (coverage and blocs for three regimes) and one timeline chart.
        assertThat(h.split("<figure", -1).length - 1).isEqualTo(7);
        CliTest.Run md = run("report", "--date", "2009-12-01", "--format", "md");
        assertThat(md.code()).isZero();
        assertThat(md.out()).contains("## Levels of security").contains("| regime | covered |");
        assertThat(run("report", "--format", "csv").code()).isEqualTo(2);
        assertThat(run("coverage", "--format", "md").code()).isEqualTo(2);
        assertThat(run("report", "--date", "1900-01-01").code()).isEqualTo(2);
    }
}
