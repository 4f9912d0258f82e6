package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The commands built programmatically for start-up ({@link Specs}) are the commands their
 * annotations declare: the same options with the same attributes, in the same mixins, the same help
 * text, and the same values after parsing the same command lines.
 */
class SpecsTest {

    /** The commands {@link Specs} builds; at least the root's usual companion, coverage. */
    private static List<String> programmatic() {
        List<String> names = new ArrayList<>();
        for (String name : Main.COMMANDS) {
            if (Specs.command(name) != null) {
                names.add(name);
            }
        }
        assertThat(names).contains("coverage");
        return names;
    }

    /** What picocli's model says of one option, as text to compare. */
    private static String describe(OptionSpec o) {
        return String.join(" | ", List.of(Arrays.toString(o.names()), Arrays.toString(o.description()), String.valueOf(o.descriptionKey()),
                String.valueOf(o.paramLabel()), o.arity().toString(), o.type().getName(), Arrays.toString(o.auxiliaryTypes()),
                String.valueOf(o.splitRegex()), String.valueOf(o.defaultValue()), String.valueOf(o.usageHelp()), String.valueOf(o.versionHelp()),
                String.valueOf(o.hidden()), String.valueOf(o.required()), String.valueOf(o.negatable()), String.valueOf(o.interactive()),
                String.valueOf(o.showDefaultValue()), String.valueOf(o.order()), String.valueOf((Object) o.getValue()),
                Arrays.stream(o.converters()).map(c -> c.getClass().getName()).toList().toString()));
    }

    private static Map<String, String> options(CommandSpec s) {
        Map<String, String> m = new LinkedHashMap<>();
        s.options().forEach(o -> m.put(o.longestName(), describe(o)));
        return m;
    }

    private static List<String> positionals(CommandSpec s) {
        return s.positionalParameters().stream().map(p -> String.join(" | ", List.of(p.index().toString(), p.arity().toString(),
                Arrays.toString(p.description()), String.valueOf(p.descriptionKey()), String.valueOf(p.paramLabel()), p.type().getName(),
                String.valueOf(p.required()), String.valueOf(p.hidden()), String.valueOf((Object) p.getValue())))).toList();
    }

    private static Map<String, String> mixins(CommandSpec s) {
        Map<String, String> m = new LinkedHashMap<>();
        s.mixins().forEach((name, mixin) -> m.put(name, options(mixin).keySet().toString()
                + (name.equals("mixinStandardHelpOptions") ? "" : " " + mixin.userObject().getClass().getName())));
        return m;
    }

    private static String usage(CommandSpec s) {
        return new CommandLine(s).getUsageMessage(CommandLine.Help.Ansi.OFF);
    }

    private static void assertSame(CommandSpec built, CommandSpec annotated) {
        assertThat(built.name()).isEqualTo(annotated.name());
        assertThat(options(built)).isEqualTo(options(annotated));
        assertThat(positionals(built)).isEqualTo(positionals(annotated));
        assertThat(mixins(built)).isEqualTo(mixins(annotated));
        assertThat(built.version()).isEqualTo(annotated.version());
        assertThat(usage(built)).isEqualTo(usage(annotated));
    }

    @Test
    void theRootIsWhatMainsAnnotationsDeclare() {
        assertSame(Specs.root(new Main(Clock.systemDefaultZone())), new CommandLine(new Main(Clock.systemDefaultZone())).getCommandSpec());
    }

    @Test
    void eachBuiltCommandIsWhatItsAnnotationsDeclare() {
        for (String name : programmatic()) {
            assertSame(Specs.command(name), new CommandLine(Main.command(name)).getCommandSpec());
        }
    }

    /** Command lines that are wrong are refused by both models with the same message. */
    @Test
    void bothRefuseTheSameLinesAlike() {
        List<String[]> lines = List.of(new String[] {"coverage", "--date", "2009-13-01"}, new String[] {"coverage", "--format", "xml"},
                new String[] {"coverage", "--nope"}, new String[] {"veto", "--applicant", "GEO"}, new String[] {"actor"},
                new String[] {"actor", "UKR", "RUS"}, new String[] {"instrument", "a", "b"}, new String[] {"veto", "--date"});
        for (String[] args : lines) {
            CommandLine built = new CommandLine(Specs.root(new Main(Clock.systemDefaultZone())));
            built.addSubcommand(args[0], Specs.command(args[0]));
            CommandLine annotated = new CommandLine(new Main(Clock.systemDefaultZone()));
            annotated.addSubcommand(args[0], Main.command(args[0]));
            String line = String.join(" ", args);
            assertThat(refusal(built, args)).as(line).isNotEmpty().isEqualTo(refusal(annotated, args));
        }
    }

    private static String refusal(CommandLine cl, String[] args) {
        try {
            cl.parseArgs(args);
            return "";
        } catch (CommandLine.ParameterException e) {
            return e.getMessage();
        }
    }

    /** Both models, as subcommands of their roots, parse the same command lines into the same values. */
    @Test
    void bothParseTheSameLinesAlike() {
        List<String[]> lines = List.of(
                new String[] {"coverage", "--date", "2009-12-01", "--format", "json", "--strict", "--all", "--exclude", "microstate,x",
                        "--exclude", "y", "--state", "UKR,GEO", "--regime", "est-2009", "--scenario", "s.yaml", "-I", "a=b", "-I", "c=d",
                        "--regimes-dir", "r", "--data", "d", "--explain", "--wide"},
                new String[] {"coverage"}, new String[] {"coverage", "--format", "CSV"}, new String[] {"coverage", "-h"},
                new String[] {"veto", "--applicant", "GEO", "--organisation", "nato", "--date", "2009-12-01", "--regime", "est-2009", "--strict"},
                new String[] {"veto", "--applicant", "GEO", "--organisation", "nato"}, new String[] {"actor", "UKR", "--format", "json", "--explain"},
                new String[] {"instrument"}, new String[] {"instrument", "--date", "2009-12-01", "--regimes-dir", "r"},
                new String[] {"instrument", "north-atlantic-treaty-1949", "--wide"});
        for (String[] args : lines) {
            CommandLine built = new CommandLine(Specs.root(new Main(Clock.systemDefaultZone())));
            built.addSubcommand(args[0], Specs.command(args[0]));
            CommandLine annotated = new CommandLine(new Main(Clock.systemDefaultZone()));
            annotated.addSubcommand(args[0], Main.command(args[0]));
            CommandSpec b = built.parseArgs(args).subcommand().commandSpec();
            CommandSpec a = annotated.parseArgs(args).subcommand().commandSpec();
            String line = String.join(" ", args);
            assertThat(options(b)).as(line).isEqualTo(options(a));
            assertThat(b.commandLine().isUsageHelpRequested()).as(line).isEqualTo(a.commandLine().isUsageHelpRequested());
            if (args[0].equals("coverage") && args.length > 5) {
                CoverageCommand c = (CoverageCommand) b.userObject();
                assertThat(c.date).hasToString("2009-12-01");
                assertThat(c.exclude).containsExactly("microstate", "x", "y");
                assertThat(c.options.format()).isEqualTo(Format.JSON);
                assertThat(c.options.interpretations()).containsExactly("a=b", "c=d");
                assertThat(c.options.explain()).isTrue();
                assertThat(c.options.regimesDir()).hasToString("r");
            }
        }
    }
}
