package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The help reads: each command's summary (the line `eurosec --help` and its parent's help list) is
 * a whole sentence, and a subcommand lists no option that does nothing there.
 */
class HelpTextTest {

    /** Every command under the root, depth first (exercise new, journal verify, ...), without picocli's own `help`. */
    static List<CommandLine> commands() {
        List<CommandLine> all = new ArrayList<>();
        collect(Main.fullTree(new Main(Clock.systemDefaultZone())), all);
        return all;
    }

    private static void collect(CommandLine cl, List<CommandLine> all) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommand() instanceof CommandLine.HelpCommand) {
                continue;
            }
            all.add(sub);
            collect(sub, all);
        }
    }

    static String name(CommandLine cl) {
        return cl.getCommandSpec().qualifiedName(" ");
    }

    @Test
    void everySummaryIsAWholeSentence() {
        List<CommandLine> commands = commands();
        assertThat(commands).hasSizeGreaterThan(30);
        for (CommandLine cl : commands) {
            String[] description = cl.getCommandSpec().usageMessage().description();
            assertThat(description).as(name(cl)).isNotEmpty();
            assertThat(description[0].strip()).as(name(cl) + ": its summary").matches("[A-Z`\"].*[.?]");
        }
    }

    @Test
    void theRootListsEveryCommandWithItsWholeSummary() {
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"--help"}, new PrintWriter(out), new PrintWriter(new StringWriter()), Clock.systemDefaultZone())).isZero();
        String usage = out.toString().replaceAll("\\s+", " ");
        for (CommandLine cl : commands()) {
            if (cl.getParent().getCommand() instanceof Main) {
                assertThat(usage).as(name(cl)).contains(cl.getCommandName() + " " + cl.getCommandSpec().usageMessage().description()[0].strip());
            }
        }
    }

    /**
     * Each command's --format names the formats that command writes: report its document forms (the
     * others refuse html and md), the others table and JSON, and CSV where they write it (report refuses those).
     */
    @Test
    void formatNamesWhatItsCommandWrites() {
        int withFormat = 0;
        List<CommandLine> records = new ArrayList<>();
        for (CommandLine cl : commands()) {
            CommandLine.Model.OptionSpec format = cl.getCommandSpec().findOption("--format");
            if (format == null) {
                continue;
            }
            withFormat++;
            String description = String.join(" ", format.description());
            List<String> named = new ArrayList<>();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b(table|json|csv|html|md)\\b").matcher(description);
            while (m.find()) {
                named.add(m.group(1));
            }
            if (name(cl).equals("eurosec report")) {
                assertThat(named).as(name(cl) + ": " + description).containsExactly("html", "md");
            } else if (cl.getCommandSpec().mixins().values().stream().anyMatch(x -> x.userObject() instanceof RecordFormatOption)) {
                assertThat(named).as(name(cl) + ": " + description).containsExactly("table", "json");
                records.add(cl);
            } else {
                assertThat(named).as(name(cl) + ": " + description).startsWith("table", "json").doesNotContain("html", "md");
            }
        }
        assertThat(withFormat).isGreaterThan(20);
        CliTest.Run md = run(List.of("coverage", "--date", "2009-12-01", "--format", "md"));
        assertThat(md.code()).isEqualTo(2);
        assertThat(md.err()).contains("--format md is for `report`");
        // The commands that write one record refuse csv (they used to print the table under its name).
        assertThat(records.stream().map(HelpTextTest::name)).contains("eurosec journal verify", "eurosec exercise replay",
                "eurosec exercise close", "eurosec exercise revoke");
        CliTest.Run csv = run(List.of("journal", "verify", "ex-none", "--format", "csv"));
        assertThat(csv.code()).isEqualTo(2);
        assertThat(csv.err()).contains("--format csv: this command writes one record, as table or json");
        assertThat(csv.out()).isEmpty();
    }

    /** The line the root usage lists for a command: its header's first line, else its description's (picocli's rule). */
    static String summary(CommandLine cl) {
        String[] header = cl.getCommandSpec().usageMessage().header();
        return (header.length > 0 ? header : cl.getCommandSpec().usageMessage().description())[0];
    }

    /** The root usage's table of summaries (printed without building the commands) is each command's own, for every command. */
    @Test
    void theSummaryTableIsTheCommandsOwn() {
        CommandLine full = Main.fullTree(new Main(Clock.systemDefaultZone()));
        assertThat(full.getSubcommands().keySet()).containsExactlyElementsOf(Main.COMMANDS);
        assertThat(Main.SUMMARIES.keySet()).containsExactlyInAnyOrderElementsOf(Main.COMMANDS);
        full.getSubcommands().forEach((name, cl) -> assertThat(Main.SUMMARIES.get(name)).as(name).isEqualTo(summary(cl)));
    }

    /**
     * The command lines that print the root usage or fail at the root (built with stand-ins for the
     * commands they do not name) print, byte for byte, what the tree with every command built prints,
     * with the same exit status: the usage, `help` and `help CMD`, a misspelt command and its suggestion.
     */
    @Test
    void theRootUsageFromTheTableIsTheFullTreesUsage() {
        List<String[]> lines = List.of(new String[0], new String[] {"--help"}, new String[] {"-h"}, new String[] {"help"},
                new String[] {"help", "veto"}, new String[] {"help", "exercise", "new"}, new String[] {"help", "coverge"},
                new String[] {"coverge"}, new String[] {"--nope"}, new String[] {"-h", "coverage", "--date", "2009-12-01"},
                new String[] {"--help", "--help"}, new String[] {"-V", "--help"});
        for (String[] args : lines) {
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), Clock.systemDefaultZone());
            StringWriter fullOut = new StringWriter();
            StringWriter fullErr = new StringWriter();
            int fullCode = Main.execute(Main.fullTree(new Main(Clock.systemDefaultZone())), args, new PrintWriter(fullOut), new PrintWriter(fullErr));
            String line = "eurosec " + String.join(" ", args);
            assertThat(out.toString()).as(line).isEqualTo(fullOut.toString());
            assertThat(err.toString()).as(line).isEqualTo(fullErr.toString());
            assertThat(code).as(line).isEqualTo(fullCode);
        }
        StringWriter usage = new StringWriter();
        Main.run(new String[] {"--help"}, new PrintWriter(usage), new PrintWriter(new StringWriter()), Clock.systemDefaultZone());
        for (String name : Main.COMMANDS) {
            assertThat(usage.toString()).as(name).containsPattern("(?m)^  " + name + " ");
        }
    }

    @Test
    void onlyTheRootHasAVersion() {
        StringWriter out = new StringWriter();
        assertThat(Main.run(new String[] {"--version"}, new PrintWriter(out), new PrintWriter(new StringWriter()), Clock.systemDefaultZone())).isZero();
        assertThat(out.toString().strip()).startsWith("eurosec ");
        for (CommandLine cl : commands()) {
            assertThat(cl.getCommandSpec().findOption("--version")).as(name(cl) + " lists --version, which printed nothing there").isNull();
            assertThat(cl.getCommandSpec().findOption("--help")).as(name(cl)).isNotNull();
        }
    }

    /**
     * A typical command line for each command that answers from the files alone (the exercise and
     * journal commands need a database, serve and follow a server: {@link #probedOrExempt} names them).
     */
    static final Map<String, List<String>> BASE = Map.ofEntries(
            Map.entry("coverage", List.of("coverage", "--date", "2009-12-01")),
            Map.entry("actor", List.of("actor", "UKR")),
            Map.entry("actors", List.of("actors", "--date", "2009-12-01")),
            Map.entry("instrument", List.of("instrument", "est-2009")),
            Map.entry("validate", List.of("validate")),
            Map.entry("interpretations", List.of("interpretations")),
            Map.entry("regimes", List.of("regimes")),
            Map.entry("regime show", List.of("regime", "show", "est-2009")),
            Map.entry("scenario list", List.of("scenario", "list")),
            Map.entry("scenario run", List.of("scenario", "run", "georgia-nato-2009.yaml")),
            Map.entry("compare", List.of("compare", "georgia-nato-2009.yaml")),
            Map.entry("veto", List.of("veto", "--applicant", "GEO", "--organisation", "nato", "--date", "2009-12-01", "--regime", "est-2009")),
            Map.entry("blocs", List.of("blocs", "--date", "2009-12-01", "--regimes", "status-quo,est-2009")),
            Map.entry("levels", List.of("levels", "--date", "2009-12-01", "--regimes", "status-quo,est-2009")),
            Map.entry("timeline", List.of("timeline", "--from", "2008", "--to", "2010", "--regimes", "status-quo,est-2009")),
            Map.entry("overlap", List.of("overlap", "--date", "2009-12-01", "--regimes", "status-quo,est-2009")),
            Map.entry("uniformity", List.of("uniformity", "--date", "2009-12-01")),
            Map.entry("positions", List.of("positions", "--date", "2010-12-01")),
            Map.entry("export", List.of("export", "state-year", "--from", "2008", "--to", "2009", "--regime", "est-2009")));

    /** The commands whose options are not probed here, and why. */
    static final Map<String, String> NOT_PROBED = Map.ofEntries(
            Map.entry("regime", "only a group"), Map.entry("scenario", "only a group"), Map.entry("exercise", "only a group"),
            Map.entry("journal", "only a group"), Map.entry("serve", "runs until stopped"), Map.entry("exercise follow", "needs a server"),
            Map.entry("report", "slow (every analysis); ReportAnswersTest runs it"), Map.entry("reconcile", "needs a dataset file; ReconcileCliTest"),
            Map.entry("exercise new", "needs a database"), Map.entry("exercise list", "needs a database"),
            Map.entry("exercise replay", "needs a database"), Map.entry("exercise admin-token", "needs a database"),
            Map.entry("exercise credentials", "needs a database"), Map.entry("exercise issue", "needs a database"),
            Map.entry("exercise rotate", "needs a database"), Map.entry("exercise revoke", "needs a database"),
            Map.entry("exercise close", "needs a database"), Map.entry("journal verify", "needs a database"),
            Map.entry("journal show", "needs a database"));

    record Probe(List<String> args, boolean refused) {
    }

    /**
     * How to show that a shared option is read: a value the command must refuse (exit 2 naming the
     * option), or a value that must change its output.
     */
    static Probe probe(String option, boolean hasWide) {
        return switch (option) {
            case "--data" -> new Probe(List.of("--data", "no-such-data-dir"), true);
            case "--regimes-dir" -> new Probe(List.of("--regimes-dir", "no-such-regimes-dir"), true);
            case "--interpretation" -> new Probe(List.of("-I", "no-such-switch=x"), true);
            case "--format" -> new Probe(List.of("--format", "json"), false);
            case "--explain", "--wide" -> new Probe(List.of(option), false);
            default -> null;
        };
    }

    /** A command line's output at 40 columns (so that --wide has something to unfold). */
    static CliTest.Run run(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), Clock.systemDefaultZone(), 40);
        return new CliTest.Run(code, out.toString(), err.toString());
    }

    /** The options a command mixes in from the shared option classes (its own options are its own). */
    static Set<String> shared(CommandLine cl) {
        Set<String> names = new TreeSet<>();
        cl.getCommandSpec().mixins().forEach((name, mixin) -> {
            if (mixin.userObject() instanceof FormatOption || mixin.userObject() instanceof ReportFormatOption
                    || mixin.userObject() instanceof RecordFormatOption
                    || mixin.userObject() instanceof ReadingOption
                    || mixin.userObject() instanceof RegimesDirOption || mixin.userObject() instanceof ExplainOption
                    || mixin.userObject() instanceof WideOption || mixin.userObject() instanceof Options) {
                mixin.options().forEach(o -> names.add(o.longestName()));
            }
        });
        return names;
    }

    @Test
    void probedOrExempt() {
        for (CommandLine cl : commands()) {
            String name = name(cl).replaceFirst("^eurosec ", "");
            assertThat(BASE.containsKey(name) || NOT_PROBED.containsKey(name)).as(name + ": give it a base command line or a reason").isTrue();
        }
    }

    /** Every shared option a command lists is read there: a bad value is refused, or the option changes the output. */
    @Test
    void everySharedOptionAListsDoesSomething() {
        List<String> unused = new ArrayList<>();
        for (CommandLine cl : commands()) {
            String name = name(cl).replaceFirst("^eurosec ", "");
            List<String> base = BASE.get(name);
            if (base == null) {
                continue;
            }
            CliTest.Run plain = run(base);
            assertThat(plain.code()).as(String.join(" ", base) + ": " + plain.err()).isZero();
            for (String option : shared(cl)) {
                Probe p = probe(option, true);
                assertThat(p).as(name + " " + option + ": no probe for it").isNotNull();
                List<String> args = new ArrayList<>(base);
                args.addAll(p.args());
                CliTest.Run r = run(args);
                boolean used = p.refused() ? r.code() == 2 : r.code() == 0 && !r.out().equals(plain.out());
                if (!used) {
                    unused.add(String.join(" ", args) + " (exit " + r.code() + ")");
                }
            }
        }
        assertThat(unused).as("options listed but doing nothing").isEmpty();
    }

    /** The example lines under "Examples:" in a command's help, each as the arguments after `eurosec` (a leading VAR=value dropped). */
    static List<List<String>> examples(CommandLine cl) {
        String[] footer = cl.getCommandSpec().usageMessage().footer();
        List<List<String>> all = new ArrayList<>();
        boolean in = false;
        for (String line : footer) {
            if (line.strip().equals("Examples:")) {
                in = true;
            } else if (in && line.startsWith("  ")) {
                List<String> words = new ArrayList<>();
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(line.strip());
                while (m.find()) {
                    words.add(m.group(1) != null ? m.group(1) : m.group(2));
                }
                while (!words.isEmpty() && words.get(0).matches("[A-Z_]+=.*")) {
                    words.remove(0);
                }
                assertThat(words.get(0)).as(name(cl) + ": " + line).isEqualTo("eurosec");
                all.add(words.subList(1, words.size()));
            }
        }
        return all;
    }

    /**
     * Every command has examples, at least one of its own; each parses, and each that answers from
     * the embedded files alone (and writes no file) runs and exits 0.
     */
    @Test
    void everyCommandHasExamplesThatWork() {
        List<String> failed = new ArrayList<>();
        for (CommandLine cl : commands()) {
            String name = name(cl).replaceFirst("^eurosec ", "");
            List<List<String>> examples = examples(cl);
            assertThat(examples).as(name + ": an Examples section").isNotEmpty();
            assertThat(examples).as(name + ": an example of its own").anyMatch(e -> String.join(" ", e).startsWith(name));
            for (List<String> e : examples) {
                String[] args = e.toArray(String[]::new);
                try {
                    Main.tree(new Main(Clock.systemDefaultZone()), args).parseArgs(args);
                } catch (CommandLine.ParameterException ex) {
                    failed.add(String.join(" ", e) + ": " + ex.getMessage());
                    continue;
                }
                String command = BASE.keySet().stream().filter(b -> String.join(" ", e).startsWith(b + " ") || String.join(" ", e).equals(b))
                        .findFirst().orElse(null);
                if (command != null && !e.contains("--out")) {
                    CliTest.Run r = run(e);
                    if (r.code() != 0) {
                        failed.add(String.join(" ", e) + ": exit " + r.code() + ": " + r.err());
                    }
                }
            }
        }
        assertThat(failed).as("examples that do not parse or run").isEmpty();
    }
}
