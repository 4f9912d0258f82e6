package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every figure the README quotes from a command is what that command prints today: each is read
 * out of README.md by a pattern (a missing sentence fails too) and compared with the command's JSON.
 * Benchmark figures (the Speed section) come from the bench scripts named there, not from here;
 * the source mix is checked by {@link DataPassCliTest}.
 */
class ReadmeFiguresTest {

    static final String README = readme();

    static String readme() {
        try {
            // The README's prose wraps lines: compare with single spaces.
            return Files.readString(Path.of("..", "README.md")).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Matcher quoted(String regex) {
        Matcher m = Pattern.compile(regex).matcher(README);
        assertThat(m.find()).as("README no longer says: " + regex).isTrue();
        return m;
    }

    static JsonNode json(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        CliTest.Run r = CliTest.run(all.toArray(String[]::new));
        assertThat(r.code()).as(String.join(" ", args) + ": " + r.err()).isZero();
        return r.json();
    }

    /**
     * The data's counts the README quotes, against {@code validate --format json}'s {@code counts}
     * (read from the command, so a change to data/ that moves one fails here until the README follows).
     */
    @Test
    void theDataCounts() {
        JsonNode counts = json("validate").get("counts");
        assertThat(counts).as("validate --format json has counts").isNotNull();
        assertThat(Integer.parseInt(quoted("`states.yaml` \\((\\d+) states: ").group(1))).as("states").isEqualTo(counts.get("states").asInt());
        assertThat(Integer.parseInt(quoted("`instruments/` \\((\\d+) treaties and documents").group(1))).as("instruments")
                .isEqualTo(counts.get("instruments").asInt());
        assertThat(Integer.parseInt(quoted("`data/positions.yaml` \\((\\d+) dated statements").group(1))).as("position statements")
                .isEqualTo(counts.get("position_statements").asInt());
        assertThat(Integer.parseInt(quoted("builds the full dyad-year panel \\(all (\\d+) states").group(1))).as("the panel's states")
                .isEqualTo(counts.get("states").asInt());
    }

    @Test
    void theOverlapFigures() {
        Matcher m = quoted("on 2009-12-01, (\\d+) bodies become (\\d+), memberships per state rise from ([\\d.]+) to ([\\d.]+) and the pairs that"
                + " share members and a dimension from (\\d+) to (\\d+)");
        JsonNode v = json("overlap", "--date", "2009-12-01", "--regimes", "status-quo,est-2009").get("views");
        for (int i = 0; i < 2; i++) {
            assertThat(Integer.parseInt(m.group(1 + i))).as("bodies").isEqualTo(v.get(i).get("bodies").size());
            assertThat(m.group(3 + i)).as("per state").isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", v.get(i).get("mean_bodies_per_state").asDouble()));
            assertThat(Integer.parseInt(m.group(5 + i))).as("pairs").isEqualTo(v.get(i).get("duplicating_pairs").asInt());
        }
    }

    @Test
    void theLevelsFigures() {
        Matcher m = quoted("`levels`: states grouped by the exact set of binding guarantees \\(by provision\\) they hold: (\\d+) levels among the (\\d+)"
                + " participating States on 2009-12-01, under the status quo and under the draft alike");
        JsonNode v = json("levels", "--date", "2009-12-01", "--regimes", "status-quo,est-2009").get("views");
        for (JsonNode w : v) {
            assertThat(Integer.parseInt(m.group(1))).as(w.get("regime").asText()).isEqualTo(w.get("count").asInt());
            int states = 0;
            for (JsonNode l : w.get("levels")) {
                states += l.get("states").size();
            }
            assertThat(Integer.parseInt(m.group(2))).isEqualTo(states);
        }
        Matcher r = quoted("instead of raising Russia's level \\((\\d+) guarantees on 2009-12-01 instead of (\\d+)\\)");
        assertThat(Integer.parseInt(r.group(1))).isEqualTo(russiasGuarantees(json("levels", "--date", "2009-12-01")));
        assertThat(Integer.parseInt(r.group(2))).isEqualTo(russiasGuarantees(json("levels", "--date", "2009-12-01", "-I", "levels-guarantors=all-states")));
    }

    static int russiasGuarantees(JsonNode levels) {
        for (JsonNode l : levels.get("views").get(0).get("levels")) {
            for (JsonNode s : l.get("states")) {
                if (s.asText().equals("RUS")) {
                    return l.get("provisions").size();
                }
            }
        }
        throw new AssertionError("RUS in no level");
    }

    @Test
    void theUniformityFigure() {
        Matcher m = quoted("On 2009-12-01, (\\d+) of (\\d+) participating States side both ways");
        JsonNode w = json("uniformity", "--date", "2009-12-01").get("views").get(0);
        JsonNode inconsistent = json("uniformity", "--date", "2009-12-01", "--inconsistent").get("views").get(0);
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(inconsistent.get("inconsistent").asInt());
        assertThat(Integer.parseInt(m.group(2))).isEqualTo(w.get("states").size());
    }

    @Test
    void theTwoBlocsFigures() {
        Matcher m = quoted("draw two systems, (\\d+) states around NATO/EU and the (\\w+) around Russia, and the buffer shrinks from (\\d+) to (\\d+)"
                + " \\((\\w+) and (\\w+) leave it\\)");
        JsonNode v = json("blocs", "--scenario", "est-cis-csto-only.yaml", "--ties", "security-treaty").get("views");
        JsonNode before = v.get(0);
        JsonNode after = v.get(v.size() - 1);
        assertThat(after.get("systems")).hasSize(2);
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(after.get("systems").get(0).get("size").asInt());
        assertThat(List.of("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten").indexOf(m.group(2)) + 1)
                .isEqualTo(after.get("systems").get(1).get("size").asInt());
        assertThat(Integer.parseInt(m.group(3))).isEqualTo(before.get("buffer").size());
        assertThat(Integer.parseInt(m.group(4))).isEqualTo(after.get("buffer").size());
        List<String> left = new ArrayList<>();
        before.get("buffer").forEach(s -> left.add(s.asText()));
        after.get("buffer").forEach(s -> left.remove(s.asText()));
        JsonNode coverage = json("coverage", "--date", "2009-12-01", "--all");
        List<String> names = new ArrayList<>();
        coverage.get("states").forEach(s -> {
            if (left.contains(s.get("id").asText())) {
                names.add(s.get("name").asText());
            }
        });
        assertThat(names).containsExactlyInAnyOrder(m.group(5), m.group(6));
    }

    @Test
    void theResultTheBriefArguesAbout() {
        Matcher m = quoted("the participating States not covered by any binding guarantee \\(micro-states aside\\) are, from the data: ([^:]+):");
        // "A, B and C, ..., Y and Z": items by comma, the last two joined by " and " (a name may hold "and" itself).
        List<String> quotedNames = new ArrayList<>(List.of(m.group(1).split(", ")));
        String last = quotedNames.remove(quotedNames.size() - 1);
        int and = last.lastIndexOf(" and ");
        quotedNames.add(last.substring(0, and));
        quotedNames.add(last.substring(and + 5));
        JsonNode c = json("coverage", "--date", "2009-12-01", "--exclude", "microstate");
        List<String> uncovered = new ArrayList<>();
        c.get("states").forEach(s -> {
            if (!s.get("covered").asBoolean()) {
                uncovered.add(s.get("name").asText());
            }
        });
        assertThat(quotedNames).containsExactlyInAnyOrderElementsOf(uncovered);
    }

    /**
     * The reconcile figures against ATOP 5.1, which the project does not ship: the sentence must be
     * there always; the figures are compared with the README's own command when the environment
     * variable EUROSEC_ATOP_FILE names a copy of ATOP's directed dyad-year file (skipped otherwise).
     */
    @Test
    void theReconcileFigures() {
        Matcher m = quoted("\\(`(--convention atop --kinds defence [^`]+)`\\), the defence column agrees on (\\d+) of (\\d+) dyad-years"
                + " \\(([\\d.]+)%\\), and every one of the (\\d+) others has its cause \\((\\d+) unexplained\\)");
        String file = System.getenv("EUROSEC_ATOP_FILE");
        org.junit.jupiter.api.Assumptions.assumeTrue(file != null && Files.isRegularFile(Path.of(file)),
                "EUROSEC_ATOP_FILE does not name a copy of ATOP's dyad-year file");
        List<String> args = new ArrayList<>(List.of("reconcile", "atop", file));
        args.addAll(List.of(m.group(1).split(" ")));
        JsonNode v = json(args.toArray(String[]::new));
        JsonNode defence = v.get("by_kind").get("defence");
        assertThat(Long.parseLong(m.group(2))).as("agree").isEqualTo(defence.get("agree").asLong());
        assertThat(Long.parseLong(m.group(3))).as("compared").isEqualTo(defence.get("compared").asLong());
        assertThat(m.group(4)).as("agreement").isEqualTo(String.format(java.util.Locale.ROOT, "%.2f", 100 * defence.get("agreement").asDouble()));
        assertThat(Long.parseLong(m.group(5))).as("disagree").isEqualTo(v.get("disagree").asLong());
        assertThat(Long.parseLong(m.group(6))).as("unexplained").isEqualTo(v.get("unexplained").asLong());
    }

    /**
     * The upload's budget for the search (the README: ATOP 5.1's own file, all kinds at once, stays
     * within it): the file sent as an upload is answered, as the command answers it, when
     * EUROSEC_ATOP_FILE names a copy (skipped otherwise).
     */
    @Test
    void atopsOwnFileStaysWithinTheUploadBudget() throws java.io.IOException {
        quoted("held to (\\d+) panels an upload, which ATOP 5.1's own file, all kinds at once, stays within");
        assertThat(README).contains("held to " + org.eurosec.query.Reconcile.UPLOAD_SEARCH_PANELS + " panels an upload");
        String file = System.getenv("EUROSEC_ATOP_FILE");
        org.junit.jupiter.api.Assumptions.assumeTrue(file != null && Files.isRegularFile(Path.of(file)),
                "EUROSEC_ATOP_FILE does not name a copy of ATOP's dyad-year file");
        org.eurosec.query.Eurosec eurosec = new org.eurosec.query.Eurosec(org.eurosec.query.Eurosec.Sources.embedded(), java.time.Clock.systemUTC());
        // As an upload asks it (Query.upload gives every upload this budget: ReconcilePairTest).
        org.eurosec.query.Reconcile.View upload = eurosec.reconcile(new org.eurosec.query.Reconcile.Query("atop", "uploaded file",
                Files.readString(Path.of(file)), "body", java.util.Optional.empty(), List.of(), List.of(), false,
                java.util.OptionalInt.of(org.eurosec.query.Reconcile.UPLOAD_SEARCH_PANELS)));
        assertThat(upload.compared()).isPositive();
        assertThat(upload.unexplained()).isZero();
    }
}
