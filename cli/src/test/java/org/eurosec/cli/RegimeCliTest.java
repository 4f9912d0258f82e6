package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The regime commands as a user meets them: the veto JSON of the issue, comparisons, user variants, mistakes. */
class RegimeCliTest {

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    private static List<String> actors(JsonNode mayBlock) {
        List<String> out = new ArrayList<>();
        mayBlock.forEach(b -> out.add(b.get("actor").asText()));
        return out;
    }

    @Test
    void vetoJsonHasTheDocumentedShapeAndDiffersByRegime() {
        CliTest.Run sq = run("veto", "--applicant", "GEO", "--organisation", "nato", "--date", "2009-12-01", "--format", "json");
        CliTest.Run est = run("veto", "--applicant", "GEO", "--organisation", "nato", "--date", "2009-12-01", "--regime", "est-2009",
                "--format", "json");
        CliTest.Run west = run("veto", "--applicant", "GEO", "--organisation", "nato", "--date", "2009-12-01", "--regime", "esd-west",
                "--format", "json");
        assertThat(List.of(sq.code(), est.code(), west.code())).containsOnly(0);
        JsonNode j = est.json();
        for (String key : List.of("applicant", "organisation", "regime", "as_of", "may_block", "decided_by")) {
            assertThat(j.has(key)).as(key).isTrue();
        }
        assertThat(j.get("decided_by").get("rule").asText()).isEqualTo("unanimous-invitation");
        assertThat(j.get("decided_by").get("actors").size()).isEqualTo(28);
        JsonNode first = j.get("may_block").get(0);
        assertThat(first.has("actor") && first.has("provision") && first.has("how")).isTrue();
        assertThat(actors(sq.json().get("may_block"))).doesNotContain("RUS").hasSize(28);
        assertThat(actors(est.json().get("may_block"))).contains("RUS", "USA");
        assertThat(actors(west.json().get("may_block"))).doesNotContain("RUS").hasSize(28);
        assertThat(sq.json().get("already_member").asBoolean()).isFalse();
    }

    @Test
    void aMemberHasNoAccessionToBlockAndIsToldSo() {
        // Poland joined NATO on 1999-03-12: on the day before it was an applicant, on the day itself a member.
        CliTest.Run before = run("veto", "--applicant", "POL", "--organisation", "nato", "--date", "1999-03-11", "--format", "json");
        CliTest.Run after = run("veto", "--applicant", "POL", "--organisation", "nato", "--date", "1999-03-12", "--format", "json");
        assertThat(before.json().get("already_member").asBoolean()).isFalse();
        assertThat(actors(before.json().get("may_block"))).hasSize(16).doesNotContain("POL");
        assertThat(after.json().get("already_member").asBoolean()).isTrue();
        assertThat(run("veto", "--applicant", "POL", "--organisation", "nato", "--date", "2009-12-01").out())
                .contains("POL is already a member of nato on 2009-12-01: there is no accession to block");
    }

    @Test
    void theLiteralReadingTakesTheOutsidersVetoAway() {
        CliTest.Run r = run("veto", "--applicant", "UKR", "--organisation", "nato", "--date", "2009-12-01", "--regime", "est-2009",
                "-I", "est-2009/indivisibility-veto=literal-text", "--format", "json");
        assertThat(r.code()).isZero();
        assertThat(actors(r.json().get("may_block"))).doesNotContain("RUS").hasSize(28);
    }

    @Test
    void shippedScenariosRunAndTheirExpectationsHold() {
        CliTest.Run r = run("scenario", "run", "georgia-nato-2009.yaml", "--format", "json");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.json().get("expectations_hold").asBoolean()).isTrue();
        assertThat(r.json().get("regimes").size()).isEqualTo(4);
    }

    @Test
    void compareShowsOneColumnPerRegime() {
        CliTest.Run r = run("compare", "armed-attack-2009.yaml", "--regimes", "status-quo,est-2009,esd-west");
        assertThat(r.code()).as(r.err()).isZero();
        String header = r.out().lines().skip(1).findFirst().orElse("");
        assertThat(header).contains("status-quo").contains("est-2009").contains("esd-west");
        assertThat(r.out()).contains("est-2009/art-8");
        CliTest.Run j = run("compare", "armed-attack-2009.yaml", "--regimes", "status-quo,est-2009", "--format", "json");
        assertThat(j.json().get("regimes").size()).isEqualTo(2);
    }

    @Test
    void aUsersVariantRegimeRunsFromItsOwnDirectory(@TempDir Path dir) throws IOException {
        for (String f : List.of("est-2009.yaml", "esd-west.yaml", "russia-2021.yaml")) {
            String text = Files.readString(Path.of("..", "regimes", f));
            if (f.equals("est-2009.yaml")) {
                text = text.replace("  extraordinary-quorum:\n    value: 4/5", "  extraordinary-quorum:\n    value: 2/3");
            }
            Files.writeString(dir.resolve(f), text);
        }
        CliTest.Run r = run("scenario", "run", "armed-attack-2009.yaml", "--regimes-dir", dir.toString(), "--regimes", "est-2009",
                "--format", "json");
        // Two thirds of 56 is 37.33: 38, where the shipped four fifths gives 45; the scenario's expectation of 45 now fails.
        JsonNode findings = r.json().get("regimes").get(0).get("findings");
        List<Integer> quorums = new ArrayList<>();
        findings.forEach(f -> {
            if ("est-2009/art-8".equals(f.get("provision").asText()) && "triggers".equals(f.get("effect").asText())) {
                quorums.add(f.get("quorum").asInt());
            }
        });
        assertThat(quorums).containsOnly(38);
        assertThat(r.code()).isEqualTo(3);
    }

    @Test
    void mistakesGetAMessageAndExitTwo(@TempDir Path dir) throws IOException {
        assertThat(run("veto", "--applicant", "XXX", "--organisation", "nato").code()).isEqualTo(2);
        assertThat(run("veto", "--applicant", "GEO", "--organisation", "nato", "--regime", "warsaw").err()).contains("unknown regime 'warsaw'");
        assertThat(run("scenario", "run", "no-such-file.yaml").err()).contains("no such file").contains("georgia-nato-2009.yaml");
        Path scenario = dir.resolve("mine.yaml");
        Files.writeString(scenario, "name: Mine\ndate: 2009-12-01\nregimes: [status-quo]\nevents:\n  - accession-request: {applicant: ZZZ, organisation: nato}\n");
        for (String[] args : new String[][] {{"scenario", "run", scenario.toString()}, {"compare", scenario.toString()}}) {
            CliTest.Run s = run(args);
            assertThat(s.code()).as(s.err()).isEqualTo(2);
            assertThat(s.err()).contains(scenario + ":5").contains("ZZZ").contains("the scenario has 1 problem; nothing was run").doesNotContain("Exception");
            assertThat(s.out()).isEmpty();
        }
        Files.writeString(dir.resolve("broken.yaml"), "id: broken\nname: Broken\nsource: https://example.org\nparameters:\n  q: {value: 1}\n");
        CliTest.Run r = run("regimes", "--regimes-dir", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("broken.yaml:5:");
        CliTest.Run i = run("veto", "--applicant", "GEO", "--organisation", "nato", "-I", "est-2009/indivisibility-veto=maybe", "--regime", "est-2009");
        assertThat(i.code()).isEqualTo(2);
        assertThat(i.err()).contains("no option 'maybe'").doesNotContain("Exception");
    }

    @Test
    void validateChecksRegimesAndScenariosToo(@TempDir Path dir) throws IOException {
        CliTest.Run ok = run("validate");
        assertThat(ok.out()).contains("4 regimes").contains("scenarios");
        Files.writeString(dir.resolve("x.yaml"), "name: x\ndate: 2009-12-01\nregimes: [status-quo]\nevents:\n  - threat: {by: RUS}\n");
        CliTest.Run bad = run("validate", "--scenarios", dir.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("x.yaml:5: threat event has no 'against'");
    }

    @Test
    void regimeShowMarksUnconfirmedParameters() {
        CliTest.Run r = run("regime", "show", "est-2009", "--wide");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("extraordinary-attacker-vote").contains("UNCONFIRMED").contains("est-2009/indivisibility-veto");
        CliTest.Run list = run("regimes", "--format", "json");
        assertThat(list.json().size()).isEqualTo(4);
    }
}
