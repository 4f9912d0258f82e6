package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Provision;
import org.junit.jupiter.api.Test;

/**
 * Tables fit the terminal (100 columns when there is none), long lists are summarised unless
 * --wide, and a value that rests only on facts the data marks unconfirmed is starred with a
 * footnote. Which rows are unconfirmed is read from the data here, not written down.
 */
class TablesFitTest {

    static final Architecture DATA = EmbeddedData.load();

    static CliTest.Run run(int columns, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), Clock.systemUTC(), columns);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    static int longest(String text) {
        return text.lines().mapToInt(String::length).max().orElse(0);
    }

    /** The states whose guarantees on that day rest on a provision or instrument the data marks unconfirmed, and whether all of them do. */
    static Map<String, Boolean> unconfirmed(JsonNode coverage) {
        Map<String, Boolean> out = new LinkedHashMap<>();
        for (JsonNode s : coverage.get("states")) {
            int doubtful = 0;
            for (JsonNode g : s.get("guarantees")) {
                Provision p = DATA.provision(g.get("provision").asText()).orElseThrow();
                if (p.unconfirmed() || DATA.instrument(g.get("instrument").asText()).orElseThrow().provenance().unconfirmed()) {
                    doubtful++;
                }
            }
            if (doubtful > 0) {
                out.put(s.get("iso3").asText(), doubtful == s.get("guarantees").size());
            }
        }
        return out;
    }

    /** The text table's cell in column {@code header} for each row that starts with a state code (continuation lines skipped). */
    static Map<String, String> column(String text, String header) {
        List<String> lines = text.lines().toList();
        String head = lines.get(0);
        int from = head.indexOf(header);
        int to = head.indexOf(' ', from + header.length());
        while (to >= 0 && to < head.length() && head.charAt(to) == ' ') {
            to++;
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : lines.subList(2, lines.size())) {
            if (l.isBlank() || !l.matches("^[A-Z]{3}\\s.*")) {
                if (l.isBlank()) {
                    break;
                }
                continue;
            }
            out.put(l.substring(0, 3), l.substring(from, Math.min(l.length(), to < 0 ? l.length() : to)).trim());
        }
        return out;
    }

    @Test
    void coverageIn2009FitsAHundredColumnsAndStarsWhatIsUnconfirmed() {
        for (String day : new String[] {"2009-12-01", "1970-01-01"}) {
            CliTest.Run r = run(100, "coverage", "--date", day);
            assertThat(r.code()).as(r.err()).isZero();
            assertThat(longest(r.out())).as(day).isLessThanOrEqualTo(100);
            JsonNode json = run(100, "coverage", "--date", day, "--format", "json").json();
            Map<String, Boolean> doubtful = unconfirmed(json);
            assertThat(doubtful).as(day + ": the data marks some guarantees of that day unconfirmed").isNotEmpty();
            Map<String, String> covered = column(r.out(), "covered");
            assertThat(covered).hasSize(json.get("states").size());
            String footnote = r.out().substring(r.out().indexOf("* rests on facts the data marks unconfirmed"));
            for (JsonNode s : json.get("states")) {
                String iso = s.get("iso3").asText();
                boolean onlyDoubtful = doubtful.getOrDefault(iso, false);
                if (s.get("covered").asBoolean() && onlyDoubtful) {
                    assertThat(covered.get(iso)).as(day + " " + iso).isEqualTo("yes*");
                }
                if (covered.get(iso).equals("yes*")) {
                    assertThat(s.get("covered").asBoolean()).isTrue();
                    assertThat(s.get("coverage_unconfirmed").asBoolean()).isTrue();
                }
                if (doubtful.containsKey(iso)) {
                    assertThat(footnote).as(day + " " + iso).containsPattern("(?m)^  " + iso + "( yes\\*)?: ");
                }
            }
        }
        // 1970: some state is covered only through unconfirmed facts, so some row is starred.
        assertThat(column(run(100, "coverage", "--date", "1970-01-01").out(), "covered")).containsValue("yes*");
    }

    @Test
    void longListsAreSummarisedAndWideShowsThemInFull() {
        JsonNode json = run(100, "coverage", "--date", "2009-12-01", "--format", "json").json();
        JsonNode longest = null;
        for (JsonNode s : json.get("states")) {
            if (longest == null || s.get("guarantees").size() > longest.get("guarantees").size()) {
                longest = s;
            }
        }
        int n = longest.get("guarantees").size();
        assertThat(n).isGreaterThan(2);
        String iso = longest.get("iso3").asText();
        String text = run(100, "coverage", "--date", "2009-12-01").out();
        assertThat(column(text, "guarantees").get(iso)).endsWith("+" + (n - 1) + " more");
        String wide = run(100, "coverage", "--date", "2009-12-01", "--wide").out();
        String row = wide.lines().filter(l -> l.startsWith(iso + " ")).findFirst().orElseThrow();
        Set<String> throughs = new LinkedHashSet<>();
        longest.get("guarantees").forEach(g -> throughs.add(g.get("through").asText()));
        for (String t : throughs) {
            assertThat(row).contains(t + " ");
        }
        assertThat(longest(wide)).isGreaterThan(100);
    }

    @Test
    void otherListingsFitTooAndMachineFormatsAreLeftWhole() {
        List<String[]> commands = new ArrayList<>();
        commands.add(new String[] {"levels", "--date", "2009-12-01"});
        commands.add(new String[] {"blocs", "--date", "2009-12-01"});
        commands.add(new String[] {"positions", "--date", "2009-12-01"});
        commands.add(new String[] {"overlap", "--date", "2009-12-01"});
        commands.add(new String[] {"timeline", "--from", "2000", "--to", "2010"});
        commands.add(new String[] {"regime", "show", "est-2009"});
        commands.add(new String[] {"veto", "--applicant", "GEO", "--organisation", "nato", "--date", "2009-12-01"});
        for (String[] c : commands) {
            CliTest.Run r = run(100, c);
            assertThat(r.code()).as(String.join(" ", c) + ": " + r.err()).isZero();
            assertThat(longest(r.out())).as(String.join(" ", c)).isLessThanOrEqualTo(100);
            assertThat(longest(run(60, c).out())).as(String.join(" ", c) + " at 60").isLessThanOrEqualTo(60);
        }
        // JSON is never wrapped: it parses, and its long strings are whole.
        CliTest.Run json = run(40, "coverage", "--date", "2009-12-01", "--format", "json");
        assertThat(json.json().get("states").size()).isPositive();
        assertThat(longest(json.out())).isGreaterThan(40);
    }

    @Test
    void columnsComeFromTheEnvironmentOrDefaultToAHundred() {
        assertThat(Main.columns(null)).isEqualTo(100);
        assertThat(Main.columns("")).isEqualTo(100);
        assertThat(Main.columns("abc")).isEqualTo(100);
        assertThat(Main.columns("132")).isEqualTo(132);
    }
}
