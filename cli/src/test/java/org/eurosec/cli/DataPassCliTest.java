package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurosec.cli.CliTest.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate's source mix and unconfirmed report, and the facts of the data pass as the commands show them. */
class DataPassCliTest {

    private static final Pattern MIX = Pattern.compile("sources: \\d+ citations \\([a-z 0-9,]+\\)");

    @Test
    void theReadmeQuotesTheSourceMixThatValidatePrints() throws IOException {
        Run r = CliTest.run("validate");
        assertThat(r.code()).isZero();
        Matcher printed = MIX.matcher(r.out());
        assertThat(printed.find()).as("validate prints the source mix: " + r.out()).isTrue();
        Matcher quoted = MIX.matcher(Files.readString(Path.of("..", "README.md")));
        assertThat(quoted.find()).as("README.md quotes the source mix").isTrue();
        assertThat(quoted.group()).isEqualTo(printed.group());
    }

    @Test
    void theSourceMixInJsonAddsUpToTheCitations() throws IOException {
        Run r = CliTest.run("validate", "--format", "json");
        JsonNode s = new ObjectMapper().readTree(r.out()).get("sources");
        int sum = 0;
        for (String k : new String[] {"official", "scholarly", "press", "encyclopedia", "other"}) {
            sum += s.get(k).asInt();
        }
        assertThat(sum).isEqualTo(s.get("citations").asInt()).isPositive();
        assertThat(s.get("encyclopedia").asInt()).isPositive();
    }

    @Test
    void reportUnconfirmedListsEveryEntryIntoForceAssumedOnSignatureFirst() {
        Run r = CliTest.run("validate", "--report-unconfirmed", "--wide");
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("data/instruments/russia-kyrgyzstan-friendship-1992.yaml:1: russia-kyrgyzstan-friendship-1992: "
                + "in force from its signature day 1992-06-10 assumed");
        // Found in the data pass: Act VI of 1967 gives the exchange of ratifications, so no longer assumed.
        assertThat(r.out()).doesNotContain("ussr-hungary-friendship-1967: in force from its signature day");
        // The text says the 1960 Cyprus treaties entered into force on signature: not an assumption.
        assertThat(r.out()).doesNotContain("cyprus-treaty-of-guarantee-1960: in force from its signature day");
    }

    @Test
    void validateRefusesAnInstrumentInForceOnItsSignatureDayWithoutABasis(@TempDir Path dir) throws IOException {
        copy(Path.of("..", "data"), dir);
        Path f = dir.resolve("instruments/cyprus-treaty-of-alliance-1960.yaml");
        String text = Files.readString(f);
        assertThat(text).contains("in_force_basis: on-signature\n");
        Files.writeString(f, text.replace("in_force_basis: on-signature\n", ""));
        int line = lineOf(text, "in_force: 1960-08-16");
        Run r = CliTest.run("validate", "--data", dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains(dir + "/instruments/cyprus-treaty-of-alliance-1960.yaml:" + line
                + ": instrument cyprus-treaty-of-alliance-1960: in_force 1960-08-16 is its signed day; say why in in_force_basis");
    }

    @Test
    void aGuaranteeRestingOnAnAssumedEntryIntoForceIsMarkedUnconfirmedInCoverageJson() throws IOException {
        // 1990: France guarantees Monaco under the treaty of 1918, whose ratification was not found
        // (in_force_basis: signature-assumed); the provision itself carries no flag of its own.
        Run r = CliTest.run("coverage", "--date", "1990-06-01", "--format", "json");
        JsonNode root = new ObjectMapper().readTree(r.out());
        boolean seen = false;
        for (JsonNode row : root.findParents("guarantees")) {
            for (JsonNode g : row.get("guarantees")) {
                if (g.toString().contains("france-monaco-treaty-1918/art-1")) {
                    seen = true;
                    assertThat(g.get("unconfirmed").asBoolean()).isTrue();
                }
            }
        }
        assertThat(seen).as("a guarantee under the Franco-Monegasque treaty in 1990: " + r.out().substring(0, 400)).isTrue();
    }

    private static int lineOf(String text, String needle) {
        String before = text.substring(0, text.indexOf(needle));
        return (int) before.chars().filter(c -> c == '\n').count() + 1;
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : files.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
