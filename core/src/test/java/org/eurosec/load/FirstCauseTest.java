package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first real cause first: a file that cannot be read (empty, not valid YAML, not UTF-8 text) is
 * reported first with its file and line and a plain message; the problems it causes in other files
 * (every reference to what it would have defined) are counted in one closing line, not listed.
 * Problems found inside other files stay listed: they do not follow from it. Built on copies of the
 * shipped data, regimes and scenarios.
 */
class FirstCauseTest {

    private static final Pattern FOLLOW = Pattern.compile("… and (\\d+) problems? in other files that follows? from it \\(not shown: fix this file first\\)");

    @TempDir
    Path tmp;

    private Path copy(Path from, String name) {
        Path to = tmp.resolve(name);
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

    private Path data() {
        return copy(EmbeddedData.directory(), "data");
    }

    private static List<String> check(Path dir) {
        return ArchitectureLoader.check(dir, "x").stream().map(Problem::toString).toList();
    }

    /** The count of the closing line, which must name the same file and line as the cause. */
    private static int followers(String closing, String causeAt) {
        assertThat(closing).startsWith(causeAt);
        Matcher m = FOLLOW.matcher(closing.substring(causeAt.length()).trim());
        assertThat(m.matches()).as(closing).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void insertLine(Path file, int lineNo, String text) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.add(lineNo - 1, text);
        Files.write(file, lines);
    }

    @Test
    void anEmptyStatesFileIsTheOnlyProblemShownAndItsKnockOnIsCounted() throws IOException {
        Path d = data();
        List<String> before = check(d);
        assertThat(before).isEmpty();
        Files.writeString(d.resolve("states.yaml"), "");
        List<String> problems = check(d);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo("x/states.yaml:1: file is empty");
        // Every membership, party, guarantor and recognition names a state: each is a reference the
        // empty file leaves unresolved (more than a thousand in the shipped data).
        assertThat(followers(problems.get(1), "x/states.yaml:1:")).isGreaterThan(1000);
    }

    @Test
    void aProblemInsideAnotherFileIsStillListedAfterTheCause() throws IOException {
        Path d = data();
        Files.writeString(d.resolve("states.yaml"), "# nothing but a comment\n");
        Path nato = d.resolve("organisations/nato.yaml");
        List<String> lines = Files.readAllLines(nato);
        int at = 0;
        while (!lines.get(at).startsWith("exists: {from: 1949-08-24")) {
            at++;
        }
        lines.set(at, lines.get(at).replace("1949-08-24", "1949-13-24"));
        at++;
        Files.write(nato, lines);
        List<String> problems = check(d);
        assertThat(problems).hasSize(3);
        assertThat(problems.get(0)).isEqualTo("x/states.yaml:1: file is empty (only comments)");
        assertThat(problems.get(1)).startsWith("x/organisations/nato.yaml:" + at + ": ").contains("1949-13-24");
        assertThat(followers(problems.get(2), "x/states.yaml:1:")).isGreaterThan(1000);
    }

    @Test
    void aYamlSyntaxErrorComesFirstWithItsLine() throws IOException {
        Path d = data();
        Path treaty = d.resolve("instruments/north-atlantic-treaty-1949.yaml");
        insertLine(treaty, 5, "  : - [ {");
        List<String> problems = check(d);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).startsWith("x/instruments/north-atlantic-treaty-1949.yaml:5: not valid YAML: ");
        // NATO is founded by the treaty and its accession rule is an article of it; the interpretations name its articles.
        assertThat(followers(problems.get(1), "x/instruments/north-atlantic-treaty-1949.yaml:5:")).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aBinaryFileIsNotUtf8TextAtTheLineOfItsFirstBadByte() throws IOException {
        Path d = data();
        byte[] head = "id: osce\nname: ".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 4];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xFF;
        bytes[head.length + 1] = (byte) 0xFE;
        Files.write(d.resolve("organisations/osce.yaml"), bytes);
        List<String> problems = check(d);
        assertThat(problems.get(0)).isEqualTo("x/organisations/osce.yaml:2: not UTF-8 text: byte 0xFF at offset " + head.length
                + " (a binary file, or text saved in another encoding?)");
        assertThat(problems).noneMatch(p -> p.contains("MalformedInputException"));
        assertThat(followers(problems.get(problems.size() - 1), "x/organisations/osce.yaml:2:")).isGreaterThan(0);
        assertThat(problems).hasSize(2);
    }

    @Test
    void aNulByteMakesAFileNotText() throws IOException {
        Path d = data();
        Files.write(d.resolve("positions.yaml"), new byte[] {'q', 'u', 0, 0, '\n'});
        assertThat(check(d)).containsExactly("x/positions.yaml:1: not text: it holds a NUL byte (is it a binary file?)");
    }

    @Test
    void aStatesFileThatIsNotAMappingCannotBeReadEither() throws IOException {
        Path d = data();
        Files.writeString(d.resolve("states.yaml"), "- AAA\n- BBB\n");
        List<String> problems = check(d);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo("x/states.yaml:1: states file must be a mapping (key: value)");
        assertThat(followers(problems.get(1), "x/states.yaml:1:")).isGreaterThan(1000);
    }

    @Test
    void aBrokenRegimeFileComesFirstAmongTheRegimesProblems() throws IOException {
        Architecture base = EmbeddedData.load();
        Path r = copy(EmbeddedData.regimesDirectory(), "regimes");
        Files.write(r.resolve("est-2009.yaml"), new byte[] {(byte) 0xC3, 0x28, '\n'});
        List<String> problems = RegimeLoader.check(r, "r", base).stream().map(Problem::toString).toList();
        assertThat(problems.get(0)).isEqualTo("r/est-2009.yaml:1: not UTF-8 text: byte 0xC3 at offset 0 (a binary file, or text saved in another encoding?)");
        assertThat(problems.subList(1, problems.size())).allSatisfy(p -> assertThat(p).doesNotStartWith("r/est-2009.yaml:0:"));
        Files.writeString(r.resolve("est-2009.yaml"), "");
        assertThat(RegimeLoader.check(r, "r", base).stream().map(Problem::toString).toList().get(0)).isEqualTo("r/est-2009.yaml:1: file is empty");
    }

    @Test
    void aScenarioThatCannotBeReadIsOneProblem() throws IOException {
        Architecture base = EmbeddedData.load();
        Map<String, Regime> regimes = EmbeddedData.regimes(base);
        Path s = tmp.resolve("broken.yaml");
        Files.write(s, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0x80, '\n'});
        assertThatThrownBy(() -> ScenarioLoader.load(s, "s/broken.yaml", base, regimes)).isInstanceOfSatisfying(DataException.class,
                e -> assertThat(e.problems()).extracting(Problem::toString).containsExactly(
                        "s/broken.yaml:1: not UTF-8 text: byte 0x80 at offset 6 (a binary file, or text saved in another encoding?)"));
        Files.writeString(s, "name: x\ndate: 2009-12-01\nregimes: [status-quo\nevents: []\n");
        assertThatThrownBy(() -> ScenarioLoader.load(s, "s/broken.yaml", base, regimes)).isInstanceOfSatisfying(DataException.class,
                e -> assertThat(e.problems()).singleElement().asString().startsWith("s/broken.yaml:").contains("not valid YAML"));
        Files.writeString(s, "");
        assertThatThrownBy(() -> ScenarioLoader.load(s, "s/broken.yaml", base, regimes)).isInstanceOfSatisfying(DataException.class,
                e -> assertThat(e.problems()).extracting(Problem::toString).containsExactly("s/broken.yaml:1: file is empty"));
    }

    private static final Pattern KNOCK_ON = Pattern.compile("… and (\\d+) knock-on problems? \\((\\d+) in this file, (\\d+) in other files\\) that follows? from it \\(not shown: fix this file first\\)");

    /** The line of the first line of {@code file} that is exactly {@code text}. */
    private static int lineOf(Path file, String text) throws IOException {
        int at = Files.readAllLines(file).indexOf(text) + 1;
        assertThat(at).as(text + " in " + file).isPositive();
        return at;
    }

    private static void replaceLine(Path file, String text, String by) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(lines.indexOf(text), by);
        Files.write(file, lines);
    }

    @Test
    void aMisspeltTopLevelKeyInTheStatesFileIsOneProblemNamingTheKnownKeys() throws IOException {
        Path d = data();
        Path states = d.resolve("states.yaml");
        int at = lineOf(states, "states:");
        replaceLine(states, "states:", "statess:");
        List<String> problems = check(d);
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo("x/states.yaml:" + at
                + ": unknown top-level key 'statess' in states file: did you mean 'states'? (known keys: note, states)");
        // No state is read, so every reference to a state elsewhere is unresolved: counted, not listed.
        assertThat(followers(problems.get(1), "x/states.yaml:" + at + ":")).isGreaterThan(1000);
    }

    @Test
    void aMisspeltTopLevelKeyInAnOrganisationCountsTheProblemsItCausesInItsOwnFile() throws IOException {
        Path d = data();
        Path nato = d.resolve("organisations/nato.yaml");
        int at = lineOf(nato, "members:");
        replaceLine(nato, "members:", "membres:");
        List<String> problems = check(d);
        assertThat(problems.get(0)).startsWith("x/organisations/nato.yaml:" + at + ": unknown top-level key 'membres' in organisation:"
                + " did you mean 'members'? (known keys: ").contains("members").contains("name");
        // Every member listed under the misspelt key is itself an unknown field of the organisation.
        assertThat(problems).hasSizeLessThanOrEqualTo(2);
        if (problems.size() == 2) {
            String closing = problems.get(1);
            assertThat(closing).startsWith("x/organisations/nato.yaml:" + at + ":");
            assertThat(closing).containsPattern("… and \\d+ (knock-on )?problems?");
        }
    }

    @Test
    void aMisspeltTopLevelKeyInARegimeFileIsOneProblem() throws IOException {
        Architecture base = EmbeddedData.load();
        Path r = copy(EmbeddedData.regimesDirectory(), "regimes");
        Path est = r.resolve("est-2009.yaml");
        int at = lineOf(est, "instruments:");
        replaceLine(est, "instruments:", "instrumets:");
        List<String> problems = RegimeLoader.check(r, "r", base).stream().map(Problem::toString).toList();
        assertThat(problems.get(0)).startsWith("r/est-2009.yaml:" + at + ": unknown top-level key 'instrumets' in regime: did you mean 'instruments'? (known keys: ");
        assertThat(problems).allSatisfy(p -> assertThat(p).startsWith("r/est-2009.yaml:" + at + ":"));
        assertThat(problems).hasSizeLessThanOrEqualTo(2);
    }

    @Test
    void aMisspeltTopLevelKeyInAScenarioIsOneProblem() throws IOException {
        Architecture base = EmbeddedData.load();
        Map<String, Regime> regimes = EmbeddedData.regimes(base);
        Path s = tmp.resolve("typo.yaml");
        Files.writeString(s, "name: x\ndate: 2009-12-01\nregimes: [status-quo]\nevnts: []\n");
        assertThatThrownBy(() -> ScenarioLoader.load(s, "s/typo.yaml", base, regimes)).isInstanceOfSatisfying(DataException.class,
                e -> assertThat(e.problems()).extracting(Problem::toString).first().asString()
                        .startsWith("s/typo.yaml:4: unknown top-level key 'evnts' in scenario: did you mean 'events'? (known keys: "));
    }
}
