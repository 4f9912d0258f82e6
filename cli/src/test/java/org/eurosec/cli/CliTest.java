package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: exit statuses, messages, and the shapes of its outputs. */
class CliTest {

    record Run(int code, String out, String err) {
        JsonNode json() {
            try {
                return new ObjectMapper().readTree(out);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + out, e);
            }
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void theEmbeddedDataValidates() {
        Run r = run("validate");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("data: ok");
    }

    @Test
    void coverageJsonHasTheDocumentedShape() {
        Run r = run("coverage", "--date", "1985-01-01", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("as_of").asText()).isEqualTo("1985-01-01");
        assertThat(j.get("states").size()).isEqualTo(35);
        JsonNode first = j.get("states").get(0);
        assertThat(first.has("iso3")).isTrue();
        assertThat(first.has("ccode")).isTrue();
        assertThat(first.has("name")).isTrue();
        assertThat(first.has("covered")).isTrue();
        assertThat(first.get("guarantees").isArray()).isTrue();
        assertThat(first.get("political_commitments").isArray()).isTrue();
        for (JsonNode s : j.get("states")) {
            for (JsonNode g : s.get("guarantees")) {
                assertThat(g.has("provision") && g.has("through") && g.has("guarantors") && g.has("legal_force")).isTrue();
                assertThat(g.get("legal_force").asText()).isEqualTo("binding");
            }
        }
    }

    @Test
    void aDayBeforeTheDataIsUnknownWithAMessage() {
        Run r = run("coverage", "--date", "1948-06-01", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(r.json().get("known").asBoolean()).isFalse();
        assertThat(r.json().get("message").asText()).contains("outside what the data covers");
        assertThat(run("coverage", "--date", "2999-01-01", "--strict").out()).contains("unknown");
    }

    @Test
    void csvHasAHeaderAndOneLinePerState() {
        Run r = run("coverage", "--date", "1985-01-01", "--format", "csv");
        String[] lines = r.out().split("\r\n");
        assertThat(lines[0]).isEqualTo("iso3,ccode,name,covered,guarantees,political_commitments");
        assertThat(lines).hasSize(36);
    }

    @Test
    void explainPrintsTheTreeWithSources() {
        Run r = run("coverage", "--date", "2009-12-01", "--explain", "--exclude", "microstate");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("POL is covered on 2009-12-01").contains("north-atlantic-treaty-1949/art-5")
                .contains("UKR is not covered on 2009-12-01").contains("<https://");
    }

    @Test
    void badInputIsAOneLineErrorAndExitTwo() {
        Run badDate = run("coverage", "--date", "2009-13-01");
        assertThat(badDate.code()).isEqualTo(2);
        assertThat(badDate.err()).contains("is not a date").doesNotContain("Exception");
        Run badFormat = run("coverage", "--format", "xml");
        assertThat(badFormat.code()).isEqualTo(2);
        assertThat(badFormat.err()).contains("'xml' is not a format");
        Run badActor = run("actor", "ATLANTIS");
        assertThat(badActor.code()).isEqualTo(2);
        assertThat(badActor.err()).startsWith("eurosec: unknown actor 'ATLANTIS'");
        Run badReading = run("coverage", "-I", "inactive-membership=maybe");
        assertThat(badReading.code()).isEqualTo(2);
        assertThat(badReading.err()).contains("has no option 'maybe'").contains("frozen-counts");
        Run noDir = run("validate", "--data", "/nonexistent/eurosec");
        assertThat(noDir.code()).isEqualTo(2);
        assertThat(noDir.err()).contains("not a directory");
    }

    @Test
    void validateReportsEachProblemOfAUsersDirectoryAsFileLineMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("meta.yaml"), "covers_from: 1949-01-01\nfacts_checked_through: 2026-01-01\n");
        Files.writeString(dir.resolve("states.yaml"), """
                states:
                  - {id: AAA, name: A, iso3: AAA, source: https://example.org, exists: [{from: 1950-01-01, to: 1940-01-01, source: https://example.org}]}
                  - {id: BBB, name: B, iso3: BBB, exists: [{from: 1950-01-01, source: https://example.org}]}
                """);
        Files.createDirectories(dir.resolve("organisations"));
        Files.writeString(dir.resolve("organisations/x.yaml"), """
                id: x
                name: X
                exists: {from: 1950-01-01, source: https://example.org}
                source: https://example.org
                members:
                  - {state: QQQ, from: 1950-01-01, source: https://example.org}
                """);
        Run r = run("validate", "--data", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        String shown = dir.toString();
        assertThat(r.err()).contains(shown + "/states.yaml:2: state AAA existence spell: ends (1940-01-01) before it starts (1950-01-01)")
                .contains(shown + "/states.yaml:3: state BBB has no source")
                .contains(shown + "/organisations/x.yaml:6: organisation x member: unknown state id 'QQQ'")
                .contains("3 problem(s)");
        Run coverage = run("coverage", "--data", dir.toString());
        assertThat(coverage.code()).isEqualTo(2);
        assertThat(coverage.err()).contains("nothing was computed").doesNotContain("Exception");
    }

    @Test
    void actorShowsMembershipsAndCoveragePeriods() {
        Run r = run("actor", "POL", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("iso3").asText()).isEqualTo("POL");
        assertThat(j.get("ccode").asInt()).isEqualTo(290);
        boolean natoFrom1999 = false;
        for (JsonNode m : j.get("memberships")) {
            if (m.get("in").asText().equals("nato")) {
                natoFrom1999 = m.get("from").asText().equals("1999-03-12");
            }
        }
        assertThat(natoFrom1999).isTrue();
        boolean periodStarts1999 = false;
        for (JsonNode p : j.get("coverage_periods")) {
            if (p.get("from").asText().equals("1999-03-12")) {
                periodStarts1999 = p.get("covered").asBoolean();
            }
        }
        assertThat(periodStarts1999).isTrue();
        Run org = run("actor", "nato");
        assertThat(org.code()).isZero();
        assertThat(org.out()).contains("accession: unanimous-invitation (north-atlantic-treaty-1949/art-10)");
    }

    @Test
    void actorsListsStatesAndOrganisationsOfTheDay() {
        Run r = run("actors", "--date", "1995-06-01", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        java.util.List<String> ids = new java.util.ArrayList<>();
        j.get("states").forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).contains("RUS", "UKR", "SCG", "CZE").doesNotContain("SUN", "DDR", "CSK", "SRB", "MNE", "XKX");
        java.util.List<String> orgs = new java.util.ArrayList<>();
        j.get("organisations").forEach(s -> orgs.add(s.get("id").asText()));
        assertThat(orgs).contains("nato", "csto", "cis", "osce", "weu", "eu").doesNotContain("wto");
    }

    @Test
    void stateFilterKeepsOnlyTheNamedRowsAndRefusesUnknownIds() {
        Run r = run("coverage", "--date", "2009-12-01", "--state", "UKR,geo", "--format", "json");
        assertThat(r.code()).isZero();
        java.util.List<String> ids = new java.util.ArrayList<>();
        r.json().get("states").forEach(s -> ids.add(s.get("iso3").asText()));
        assertThat(ids).containsExactly("GEO", "UKR");
        Run bad = run("coverage", "--state", "ZZZ");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("unknown state id 'ZZZ'");
    }

    @Test
    void instrumentShowsProvisionsWithTheirKindsAndSources() {
        Run r = run("instrument", "treaty-on-european-union", "--format", "json");
        assertThat(r.code()).isZero();
        boolean found = false;
        for (JsonNode p : r.json().get("provisions")) {
            if (p.get("id").asText().equals("treaty-on-european-union/art-42-7")) {
                found = p.get("kind").asText().equals("mutual-assistance") && p.get("in_force").get("from").asText().equals("2009-12-01")
                        && p.get("source").asText().startsWith("http");
            }
        }
        assertThat(found).isTrue();
        Run list = run("instrument", "--date", "1960-01-01");
        assertThat(list.out()).contains("warsaw-treaty-1955").doesNotContain("collective-security-treaty-1992");
        assertThat(run("instrument", "no-such-treaty").code()).isEqualTo(2);
    }
}
