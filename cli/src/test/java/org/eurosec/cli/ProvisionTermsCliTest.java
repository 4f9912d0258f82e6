package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A provision's parameters are typed: a misspelt or ill-valued parameter in a user's copy of the
 * regimes is refused with its file and line instead of being read as "not stated"; and the exercise
 * reads the same terms under the same reading as a scenario run, so both count the same quorum.
 */
class ProvisionTermsCliTest {

    private static Path copyOfRegimes(Path dir) throws IOException {
        Path to = dir.resolve("regimes");
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(Path.of("..", "regimes"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".yaml")).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    /** The 1-based line of the first line of {@code file} containing {@code text}. */
    private static int lineOf(Path file, String text) throws IOException {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + file);
    }

    private static void replace(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertThat(text).contains(from);
        Files.writeString(file, text.replace(from, to));
    }

    /** A copy of the shipped regimes with one edit to est-2009.yaml, validated; the problem is expected at the edited line. */
    private record Edited(Path regimes, Path file, int line, CliTest.Run validate) {
    }

    private static Edited edited(Path dir, String from, String to) throws IOException {
        Path regimes = copyOfRegimes(dir);
        Path est = regimes.resolve("est-2009.yaml");
        replace(est, from, to);
        CliTest.Run v = CliTest.run("validate", "--regimes-dir", regimes.toString());
        assertThat(v.code()).isEqualTo(2);
        return new Edited(regimes, est, lineOf(est, to), v);
    }

    @Test
    void aMisspeltRegimeParameterFailsValidationWithFileAndLine(@TempDir Path dir) throws IOException {
        Edited e = edited(dir, "attacker_vote: $extraordinary-attacker-vote", "attacker_votes: $extraordinary-attacker-vote");
        assertThat(e.validate().err()).contains(e.file() + ":" + e.line() + ": provision est-2009/art-8: unknown parameter "
                + "'attacker_votes' for kind extraordinary-conference; known: attacker_vote, binding, convene_within");
        // The scenario engine never runs on it: before, the attacker's vote was counted (56 votes).
        CliTest.Run s = CliTest.run("scenario", "run", "armed-attack-2009.yaml", "--regimes-dir", e.regimes().toString(), "--format", "json");
        assertThat(s.code()).isEqualTo(2);
        assertThat(s.out()).doesNotContain("56 votes");
        assertThat(s.err()).contains("unknown parameter 'attacker_votes'");
    }

    @Test
    void anIllValuedRegimeParameterFailsValidationNamingItsLineAndTheAllowedValues(@TempDir Path dir) throws IOException {
        Edited e = edited(dir, "value: 4/5", "value: four-fifths-ish");
        assertThat(e.validate().err()).contains(e.file() + ":" + e.line() + ": regime est-2009 parameter extraordinary-quorum (used by est-2009/art-8, "
                + "kind extraordinary-conference): 'four-fifths-ish' is not a value of params.quorum: give a fraction a/b of the parties (e.g. 4/5) "
                + "or a whole number of parties");
    }

    @Test
    void anIllValuedWordNamesTheWordsAllowed(@TempDir Path dir) throws IOException {
        Edited e = edited(dir, "value: not-counted", "value: ignored");
        assertThat(e.validate().err()).contains(e.file() + ":" + e.line() + ": regime est-2009 parameter extraordinary-attacker-vote")
                .contains("'ignored' is not a value of params.attacker_vote: give one of counted, not-counted");
    }

    /** The extraordinary conference's quorum as the exercise reads it and as a scenario run finds it, on the same day under the same reading. */
    private static void sameQuorum(Path dir, String option, int parties, int required) {
        String db = "jdbc:h2:file:" + dir.resolve("db-" + option);
        CliTest.Run ex = CliTest.run("exercise", "new", "--regime", "est-2009", "--day", "2009-12-01", "-I",
                "est-2009/organisations-in-quorum=" + option, "--db", db, "--format", "json");
        assertThat(ex.code()).as(ex.err()).isZero();
        String exerciseQuorum = ex.json().get("rules").get("extraordinary_conference").get("quorum").asText();

        CliTest.Run sc = CliTest.run("scenario", "run", "armed-attack-2009.yaml", "-I", "est-2009/organisations-in-quorum=" + option,
                "--format", "json");
        JsonNode est = null;
        for (JsonNode r : sc.json().get("regimes")) {
            if (r.get("regime").asText().equals("est-2009")) {
                est = r;
            }
        }
        assertThat(est).isNotNull();
        JsonNode trigger = null;
        for (JsonNode f : est.get("findings")) {
            if (f.get("event").asInt() == 1 && f.get("effect").asText().equals("triggers") && f.get("provision").asText().equals("est-2009/art-8")) {
                trigger = f;
            }
        }
        assertThat(trigger).isNotNull();
        assertThat(trigger.get("quorum").asInt()).isEqualTo(required);
        assertThat(trigger.get("text").asText()).contains("quorum " + exerciseQuorum + " (");
        assertThat(exerciseQuorum).startsWith("at least 4/5 of " + parties + " parties").endsWith(" " + required
                + (parties * 4 % 5 == 0 ? "" : " (a quorum is counted in whole parties)"));
    }

    @Test
    void theExerciseCountsTheExtraordinaryQuorumAsTheScenarioEngineDoesUnderEitherReading(@TempDir Path dir) {
        // 56 participating States on 2009-12-01; at least 4/5 of them is 44.8, so 45. With the EU, OSCE, CSTO, NATO and CIS
        // counted as five more parties: 4/5 of 61 is 48.8, so 49.
        sameQuorum(dir, "states-only", 56, 45);
        sameQuorum(dir, "with-organisations", 61, 49);
    }

    @Test
    void theExerciseRefusesAnUnknownInterpretationOrOption(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        CliTest.Run unknown = CliTest.run("exercise", "new", "--regime", "est-2009", "-I", "no-such=thing", "--db", db);
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err().lines().toList()).hasSize(2).last().isEqualTo("see 'eurosec exercise new --help'");
        assertThat(unknown.err().lines().findFirst().orElse("")).contains("--interpretation: unknown interpretation 'no-such'")
                .contains("est-2009/organisations-in-quorum");
        CliTest.Run option = CliTest.run("exercise", "new", "--regime", "est-2009", "-I", "est-2009/organisations-in-quorum=some", "--db", db);
        assertThat(option.code()).isEqualTo(2);
        assertThat(option.err().lines().findFirst().orElse("")).contains("has no option 'some'").contains("with-organisations");
        CliTest.Run shape = CliTest.run("exercise", "new", "--regime", "est-2009", "-I", "no-equals-sign", "--db", db);
        assertThat(shape.code()).isEqualTo(2);
        assertThat(shape.err()).contains("ID=OPTION").contains("no-equals-sign");
        assertThat(CliTest.run("exercise", "list", "--db", db).out()).doesNotContain("est-2009");
    }
}
