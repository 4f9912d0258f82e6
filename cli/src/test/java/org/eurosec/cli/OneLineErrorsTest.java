package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 point 4: a user's mistake on the command line is one line (the message) and a hint naming
 * the command's help, never the usage text, and exits 2; a file that cannot be read is reported first
 * with its real cause and its knock-on problems counted; a scenario's problems are called so.
 */
class OneLineErrorsTest {

    static final Architecture DATA = EmbeddedData.load();

    @TempDir
    Path tmp;

    private static List<String> lines(String s) {
        return s.lines().toList();
    }

    /** Exit 2, nothing on stdout, and exactly the message line and the hint naming {@code command}'s help. */
    private static String oneLine(String command, String... args) {
        CliTest.Run r = CliTest.run(args);
        assertThat(r.code()).as(String.join(" ", args) + "\n" + r.err()).isEqualTo(2);
        List<String> err = lines(r.err());
        assertThat(err).as(String.join(" ", args)).hasSize(2);
        assertThat(err.get(0)).startsWith("eurosec: ").doesNotContain("Exception");
        assertThat(err.get(1)).isEqualTo("see 'eurosec " + command + " --help'");
        assertThat(r.err()).doesNotContain("Usage:");
        return err.get(0);
    }

    @Test
    void aBadDateIsOneLineAndTheHint() {
        assertThat(oneLine("coverage", "coverage", "--date", "2009-13-01")).contains("--date").contains("'2009-13-01' is not a date (YYYY-MM-DD)");
    }

    @Test
    void aMissingOptionIsOneLineAndTheHint() {
        assertThat(oneLine("veto", "veto", "--organisation", "nato")).contains("--applicant");
    }

    @Test
    void aBadFormatIsOneLineAndTheHint() {
        assertThat(oneLine("coverage", "coverage", "--format", "xml")).contains("--format").contains("xml");
        assertThat(oneLine("levels", "levels", "--format", "html")).contains("--format html is for `report`");
    }

    @Test
    void anUnknownOptionIsOneLineAndTheHintWithTheCloseOne() {
        assertThat(oneLine("coverage", "coverage", "--dat", "2009-12-01")).contains("--dat").containsPattern("did you mean .*--date");
        assertThat(oneLine("regime show", "regime", "show", "est-2009", "--bogus")).contains("--bogus");
    }

    @Test
    void anUnknownTagIsRefusedWithTheKnownOnes() {
        Set<String> known = new TreeSet<>();
        DATA.states().values().forEach(s -> known.addAll(s.tags()));
        assertThat(known).contains("microstate");
        String line = oneLine("coverage", "coverage", "--date", "2009-12-01", "--exclude", "microstates");
        assertThat(line).isEqualTo("eurosec: --exclude: unknown tag 'microstates' (known: " + String.join(", ", known) + ")");
        assertThat(oneLine("levels", "levels", "--date", "2009-12-01", "--exclude", "microstates")).contains("unknown tag 'microstates'");
        assertThat(oneLine("actors", "actors", "--exclude", "neutrals")).contains("unknown tag 'neutrals'");
        assertThat(CliTest.run("coverage", "--date", "2009-12-01", "--exclude", "microstate").code()).isZero();
    }

    @Test
    void unknownIdsAreOneLineAndTheHint() {
        assertThat(oneLine("instrument", "instrument", "no-such-treaty")).contains("unknown instrument 'no-such-treaty'");
        assertThat(oneLine("actor", "actor", "ZZZ")).contains("ZZZ");
        assertThat(oneLine("coverage", "coverage", "--regime", "nope")).contains("nope");
        // an unknown state id is refused with the ones the data knows
        assertThat(oneLine("coverage", "coverage", "--state", "UKR,ZZZ")).contains("unknown state id 'ZZZ'").contains("(known: ").contains("GEO, ")
                .contains(", UKR");
        assertThat(oneLine("veto", "veto", "--applicant", "ZZZ", "--organisation", "nato", "--date", "2009-12-01"))
                .contains("unknown state 'ZZZ'").contains("(known: ").contains("GEO, ");
    }

    @Test
    void aRegimesInstrumentIsReachableByItsId() {
        // every hypothetical instrument 'regime show' lists answers 'instrument ID'
        var regimes = EmbeddedData.regimes(DATA);
        List<String> ids = regimes.values().stream().flatMap(r -> r.instruments().stream()).map(h -> h.instrument().id()).toList();
        assertThat(ids).contains("est-2009");
        for (String id : ids) {
            CliTest.Run r = CliTest.run("instrument", id, "--format", "json");
            assertThat(r.code()).as(id + ": " + r.err()).isZero();
            assertThat(r.json().get("id").asText()).isEqualTo(id);
        }
    }

    private Path dataCopy() {
        Path to = tmp.resolve("data");
        Path from = EmbeddedData.directory();
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    /** The cause first, the count of its knock-on problems, the closing line; exit 2. */
    private static void causeFirst(Path d, String cause) {
        CliTest.Run r = CliTest.run("coverage", "--date", "2009-12-01", "--data", d.toString());
        assertThat(r.code()).isEqualTo(2);
        List<String> err = lines(r.err());
        assertThat(err.get(0)).startsWith(d + "/" + cause);
        assertThat(err).hasSizeLessThanOrEqualTo(3);
        assertThat(err.get(err.size() - 1)).startsWith("eurosec: the data has 1 problem").endsWith("nothing was computed");
        assertThat(r.err()).doesNotContain("Exception").doesNotContain("Usage:");
    }

    @Test
    void anEmptyStatesFileIsTheCauseAndItsKnockOnIsCounted() throws IOException {
        Path d = dataCopy();
        Files.writeString(d.resolve("states.yaml"), "");
        causeFirst(d, "states.yaml:1: file is empty");
    }

    /** validate counts the one cause as one problem, not the line that counts its knock-on problems as a second. */
    @Test
    void validateCountsTheCauseNotTheKnockOnLine() throws IOException {
        Path d = dataCopy();
        Files.writeString(d.resolve("states.yaml"), "");
        CliTest.Run r = CliTest.run("validate", "--data", d.toString());
        assertThat(r.code()).isEqualTo(2);
        List<String> err = lines(r.err());
        assertThat(err).hasSize(3);
        assertThat(err.get(0)).startsWith(d + "/states.yaml:1: file is empty");
        assertThat(err.get(1)).contains("… and ");
        assertThat(err.get(2)).isEqualTo("1 problem(s) (and the knock-on problems counted above)");
    }

    @Test
    void aYamlSyntaxErrorIsTheCause() throws IOException {
        Path d = dataCopy();
        Files.writeString(d.resolve("states.yaml"), "states:\n  - {id: AAA, name: [\n");
        causeFirst(d, "states.yaml:");
        assertThat(lines(CliTest.run("coverage", "--data", d.toString()).err()).get(0)).contains("not valid YAML");
    }

    @Test
    void aBinaryFileIsTheCauseNotAMalformedInputException() throws IOException {
        Path d = dataCopy();
        Files.write(d.resolve("states.yaml"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, '\n'});
        causeFirst(d, "states.yaml:1: not UTF-8 text");
    }

    @Test
    void aMisspeltTopLevelKeyIsTheCause() throws IOException {
        Path d = dataCopy();
        Path states = d.resolve("states.yaml");
        Files.writeString(states, Files.readString(states).replaceFirst("(?m)^states:", "statess:"));
        causeFirst(d, "states.yaml:");
        assertThat(lines(CliTest.run("coverage", "--data", d.toString()).err()).get(0))
                .contains("unknown top-level key 'statess'").contains("known keys: note, states");
    }

    @Test
    void aBrokenScenarioHasScenarioProblems() throws IOException {
        Path s = tmp.resolve("broken.yaml");
        Files.writeString(s, "name: x\ndate: 2009-12-01\nregimes: [status-quo]\nevents:\n  - armed-attack: {attacker: RUS, victim: QQQ}\n");
        CliTest.Run r = CliTest.run("scenario", "run", s.toString());
        assertThat(r.code()).isEqualTo(2);
        List<String> err = lines(r.err());
        assertThat(err).hasSize(2);
        assertThat(err.get(0)).startsWith(s + ":5: ").contains("unknown state 'QQQ'");
        assertThat(err.get(1)).isEqualTo("eurosec: the scenario has 1 problem; nothing was run");
    }

    @Test
    void aScenarioWhoseStatesDoNotExistOnTheDayIsAnError() throws IOException {
        LocalDate day = LocalDate.parse("2009-12-01");
        // two states of the data that no longer exist on the scenario's day, and one that does
        List<State> gone = DATA.states().values().stream().filter(st -> !st.existsOn(day) && !st.exists().isEmpty()
                && st.exists().get(0).span().from().isBefore(day)).limit(2).toList();
        assertThat(gone).hasSize(2);
        Path s = tmp.resolve("ghosts.yaml");
        Files.writeString(s, "name: ghosts\ndate: " + day + "\nregimes: [status-quo]\nevents:\n"
                + "  - armed-attack: {attacker: RUS, victim: GEO}\n"
                + "  - armed-attack: {attacker: " + gone.get(0).id() + ", victim: " + gone.get(1).id() + "}\n");
        CliTest.Run r = CliTest.run("scenario", "run", s.toString());
        assertThat(r.code()).isEqualTo(2);
        List<String> err = lines(r.err());
        assertThat(err).hasSize(3);
        assertThat(err.get(0)).startsWith(s + ":6: ").contains("state " + gone.get(0).id() + " in 'attacker' does not exist on " + day);
        assertThat(err.get(1)).startsWith(s + ":6: ").contains("state " + gone.get(1).id() + " in 'victim' does not exist on " + day);
        assertThat(err.get(2)).isEqualTo("eurosec: the scenario has 2 problems; nothing was run");
    }
}
