package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
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
        collect(Main.tree(new Main(Clock.systemDefaultZone()), new String[] {"--help"}), all);
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
}
