package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Organisation;
import org.eurosec.model.State;
import org.junit.jupiter.api.Test;

/**
 * The report says what the commands say: every figure of its summary, its veto, positions,
 * uniformity and timeline sections equals the JSON answer of the command of the same name for the
 * same day and regimes. (The report renders those answers; a figure computed any other way would
 * drift from them.)
 */
class ReportAnswersTest {

    private static final String DAY = "2009-12-01";
    private static final List<String> REGIMES = List.of("status-quo", "est-2009", "esd-west");

    private static JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliTest.Run r = CliTest.run(all.toArray(String[]::new));
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r.json();
    }

    private static List<Integer> ints(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(x -> out.add(x.asInt()));
        return out;
    }

    /** The lines of one {@code ## } section of the Markdown report. */
    private static List<String> section(String md, String title) {
        int start = md.indexOf("## " + title);
        assertThat(start).as(title).isGreaterThanOrEqualTo(0);
        int end = md.indexOf("\n## ", start + 3);
        return md.substring(start, end < 0 ? md.length() : end).lines().toList();
    }

    private static List<String> cells(String row) {
        List<String> out = new ArrayList<>();
        for (String c : row.substring(1, row.length() - 1).split("\\|", -1)) {
            out.add(c.trim());
        }
        return out;
    }

    @Test
    void theReportsFiguresAreTheCommandsAnswers() {
        CliTest.Run report = CliTest.run("report", "--date", DAY, "--regimes", String.join(",", REGIMES), "--format", "md");
        assertThat(report.code()).as(report.err()).isZero();
        String md = report.out();
        String regimes = String.join(",", REGIMES);

        // The summary: covered (coverage), systems and buffer (blocs --ties security-treaty, then --ties defence), levels, bodies (overlap).
        JsonNode blocsAnswer = json("blocs", "--date", DAY, "--regimes", regimes, "--ties", "security-treaty");
        JsonNode defenceAnswer = json("blocs", "--date", DAY, "--regimes", regimes, "--ties", "defence");
        JsonNode blocs = blocsAnswer.get("views");
        JsonNode defence = defenceAnswer.get("views");
        JsonNode levels = json("levels", "--date", DAY, "--regimes", regimes).get("views");
        JsonNode overlap = json("overlap", "--date", DAY, "--regimes", regimes).get("views");
        Pattern summary = Pattern.compile("\\| (\\S+) \\| (\\d+) of (\\d+) \\| \\[([\\d, ]*)\\] \\| (\\d+) \\| \\[([\\d, ]*)\\] \\| (\\d+) \\| (\\d+)"
                + " \\| (\\d+) \\| ([\\d.]+) \\|");
        // Each figure's column names its kind of tie, and the paragraph below says what each kind means.
        assertThat(section(md, "The answers in brief")).anySatisfy(l -> assertThat(l).contains("systems (security-treaty ties)")
                .contains("buffer zone (no security-treaty tie)").contains("systems (defence ties)").contains("buffer zone (no defence tie)"));
        assertThat(String.join(" ", section(md, "The answers in brief"))).contains("Security-treaty ties: " + blocsAnswer.get("ties_meaning").asText())
                .contains("Defence ties: " + defenceAnswer.get("ties_meaning").asText());
        List<Matcher> rows = section(md, "The answers in brief").stream().map(summary::matcher).filter(Matcher::matches).toList();
        assertThat(rows).hasSize(REGIMES.size());
        for (int i = 0; i < REGIMES.size(); i++) {
            Matcher m = rows.get(i);
            String regime = REGIMES.get(i);
            assertThat(m.group(1)).isEqualTo(regime);
            JsonNode coverage = json("coverage", "--date", DAY, "--regime", regime);
            assertThat(Integer.parseInt(m.group(2))).as(regime + " covered").isEqualTo(coverage.get("covered_count").asInt());
            assertThat(Integer.parseInt(m.group(3))).as(regime + " states").isEqualTo(coverage.get("states").size());
            List<Integer> systems = new ArrayList<>();
            blocs.get(i).get("systems").forEach(s -> systems.add(s.get("size").asInt()));
            assertThat(m.group(4)).as(regime + " systems").isEqualTo(systems.toString().replaceAll("[\\[\\]]", ""));
            assertThat(Integer.parseInt(m.group(5))).as(regime + " buffer").isEqualTo(blocs.get(i).get("buffer").size());
            List<Integer> defenceSystems = new ArrayList<>();
            defence.get(i).get("systems").forEach(s -> defenceSystems.add(s.get("size").asInt()));
            assertThat(m.group(6)).as(regime + " systems, defence ties").isEqualTo(defenceSystems.toString().replaceAll("[\\[\\]]", ""));
            assertThat(Integer.parseInt(m.group(7))).as(regime + " buffer, defence ties").isEqualTo(defence.get(i).get("buffer").size());
            assertThat(Integer.parseInt(m.group(8))).as(regime + " levels").isEqualTo(levels.get(i).get("count").asInt());
            assertThat(Integer.parseInt(m.group(9))).as(regime + " bodies").isEqualTo(overlap.get(i).get("bodies").size());
            assertThat(Double.parseDouble(m.group(10))).as(regime + " bodies per state").isEqualTo(overlap.get(i).get("mean_bodies_per_state").asDouble());
        }
        // Two regimes that differ somewhere, so the comparison above is not of equal rows only.
        assertThat(rows.get(0).group(4)).isNotEqualTo(rows.get(1).group(4));

        // The vetoes: for each regime and applicant, how many may block (veto).
        // Each applicant by its name in the data (issue 15 point 8: no ISO codes in tables).
        Architecture a = EmbeddedData.load();
        List<String> vetoRows = section(md, "Who could block an accession").stream().filter(l -> l.startsWith("| [" + a.state("GEO").orElseThrow().name() + "]")
                || l.startsWith("| [" + a.state("UKR").orElseThrow().name() + "]")).toList();
        assertThat(vetoRows).hasSize(2 * REGIMES.size());
        int k = 0;
        for (String regime : REGIMES) {
            for (String applicant : List.of("GEO", "UKR")) {
                JsonNode veto = json("veto", "--applicant", applicant, "--organisation", "nato", "--date", DAY, "--regime", regime);
                Set<String> blockers = new HashSet<>();
                veto.get("may_block").forEach(b -> blockers.add(b.get("actor").asText()));
                List<String> c = cells(vetoRows.get(k++));
                assertThat(c.get(1)).as(regime + " " + applicant + " rule").isEqualTo(veto.get("decided_by").get("rule").asText());
                assertThat(Integer.parseInt(c.get(3))).as(regime + " " + applicant + " may block").isEqualTo(blockers.size());
            }
        }

        // The positions: who would block each regime's answers, and how many have no statement.
        JsonNode positions = json("positions", "--date", DAY, "--regimes", regimes).get("regimes");
        for (int i = 0; i < REGIMES.size(); i++) {
            String regime = REGIMES.get(i);
            String row = section(md, "Positions on the four questions").stream().filter(l -> l.startsWith("| " + regime + " |")).findFirst().orElseThrow();
            List<String> c = cells(row);
            List<String> blocks = new ArrayList<>();
            positions.get(i).get("blocks").forEach(x -> blocks.add(x.asText()));
            assertThat(Integer.parseInt(c.get(4))).as(regime + " would block").isEqualTo(blocks.size());
            assertThat(c.get(5).replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1")).as(regime + " who would block").isEqualTo(String.join(", ",
                    blocks.stream().map(x -> a.state(x).map(State::name).or(() -> a.organisation(x).map(Organisation::name)).orElse(x)).toList()));
            assertThat(Integer.parseInt(c.get(6))).as(regime + " no statement").isEqualTo(positions.get(i).get("unknown").size());
        }

        // The uniformity: how many participating States are inconsistent.
        JsonNode uniformity = json("uniformity", "--date", DAY, "--regimes", regimes).get("views").get(0);
        Matcher u = Pattern.compile("(\\d+) of (\\d+) participating States side with self-determination.*").matcher(
                section(md, "Double standards in recognising secessions").stream().filter(l -> l.contains("participating States side")).findFirst().orElseThrow());
        assertThat(u.matches()).isTrue();
        assertThat(Integer.parseInt(u.group(1))).isEqualTo(uniformity.get("inconsistent").asInt());
        assertThat(Integer.parseInt(u.group(2))).isEqualTo(uniformity.get("states").size());

        // The timeline: the figures of the report's own day in each regime's table.
        JsonNode years = json("timeline", "--from", "2009", "--to", "2009", "--on", "12-01", "--ties", "security-treaty", "--regimes", regimes).get("years");
        List<String> timeline = section(md, "Timeline since 1975").stream().filter(l -> l.startsWith("| " + DAY + " |")).toList();
        assertThat(timeline).hasSize(REGIMES.size());
        for (int i = 0; i < REGIMES.size(); i++) {
            JsonNode y = years.get(i);
            assertThat(y.get("regime").asText()).isEqualTo(REGIMES.get(i));
            assertThat(cells(timeline.get(i))).as(REGIMES.get(i)).containsExactly(DAY, y.get("states").asText(), y.get("covered").asText(),
                    String.valueOf(y.get("states").asInt() - y.get("covered").asInt()), ints(y.get("systems")).toString(), y.get("buffer").asText(),
                    y.get("levels").asText());
        }
    }

    @Test
    void onAScenarioTheCoverageFiguresAreTheScenarioColumnsOwn() {
        String scenario = "est-cis-csto-only.yaml";
        CliTest.Run report = CliTest.run("report", "--scenario", scenario, "--format", "md");
        assertThat(report.code()).as(report.err()).isZero();
        JsonNode blocs = json("blocs", "--scenario", scenario, "--ties", "security-treaty").get("views");
        Pattern summary = Pattern.compile("\\| (\\S+) \\| (\\d+) of (\\d+) \\| \\[([\\d, ]*)\\] \\| (\\d+) \\|.*");
        List<Matcher> rows = section(report.out(), "The answers in brief").stream().map(summary::matcher).filter(Matcher::matches).toList();
        assertThat(rows).hasSize(blocs.size());
        for (int i = 0; i < rows.size(); i++) {
            assertThat(rows.get(i).group(1)).isEqualTo(blocs.get(i).get("regime").asText());
            assertThat(Integer.parseInt(rows.get(i).group(3))).isEqualTo(blocs.get(i).get("states").asInt());
            assertThat(Integer.parseInt(rows.get(i).group(5))).isEqualTo(blocs.get(i).get("buffer").size());
        }
        // The scenario's events change the buffer between its first and last column (see AnalysisCliTest).
        assertThat(rows.get(0).group(5)).isNotEqualTo(rows.get(rows.size() - 1).group(5));
    }
}
