package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import picocli.CommandLine;

import org.junit.jupiter.api.Test;

/**
 * Main builds only the subcommand a command line names (the others, when the root usage or a root error may list them,
 * are stand-ins from its table of summaries); the table it builds from must match the commands' own names.
 */
class MainTreeTest {

    @Test
    void eachEntryBuildsTheCommandOfItsName() {
        Main.COMMANDS.forEach(name -> assertThat(new CommandLine(Main.command(name)).getCommandName()).as(name).isEqualTo(name));
    }

    /** Whether the tree's subcommand {@code name} is the command itself, with its options (else the stand-in from Main.SUMMARIES, with none). */
    private static boolean built(CommandLine tree, String name) {
        return !tree.getSubcommands().get(name).getCommandSpec().options().isEmpty();
    }

    /**
     * The handlers picocli is given are a named class, not lambdas: a lambda implementing one of picocli's
     * (Java 5) handler interfaces keeps that interface, and the classes built on it, out of the class-data archive.
     */
    @Test
    void theHandlersAreANamedClassTheArchiveCanHold() {
        CommandLine cl = Main.tree(new Main(Clock.systemDefaultZone()), new String[] {"coverage"});
        PrintWriter w = new PrintWriter(new StringWriter());
        Main.handle(cl, w, w);
        for (Object handler : new Object[] {cl.getParameterExceptionHandler(), cl.getExecutionExceptionHandler(), cl.getExecutionStrategy()}) {
            assertThat(handler.getClass().isHidden()).as(handler.getClass().getName()).isFalse();
            assertThat(handler.getClass().getEnclosingClass()).isEqualTo(Main.class);
        }
    }

    @Test
    void anythingElseBuildsWhatItNamesAndStandsInForTheRest() {
        CommandLine misspelt = Main.tree(new Main(Clock.systemDefaultZone()), new String[] {"coverge"});
        Main.COMMANDS.forEach(name -> assertThat(built(misspelt, name)).as(name).isFalse());
        CommandLine help = Main.tree(new Main(Clock.systemDefaultZone()), new String[] {"help", "coverage"});
        assertThat(built(help, "help")).isTrue();
        assertThat(built(help, "coverage")).isTrue();
        assertThat((Object) help.getSubcommands().get("coverage").getCommand()).isInstanceOf(CoverageCommand.class);
        assertThat(built(help, "veto")).isFalse();
        CommandLine full = Main.fullTree(new Main(Clock.systemDefaultZone()));
        assertThat(full.getSubcommands().keySet()).containsExactlyElementsOf(Main.COMMANDS).allMatch(name -> built(full, name));
    }

    @Test
    void aNamedCommandBuildsOnlyItselfAndAnythingElseListsAll() {
        Main root = new Main(Clock.systemDefaultZone());
        assertThat(Main.tree(root, new String[] {"veto", "--help"}).getSubcommands().keySet()).containsExactly("veto");
        for (String[] usage : new String[][] {{}, {"--help"}, {"-h"}}) {
            // the root usage alone lists the commands from Main.SUMMARIES without building any
            CommandLine alone = Main.tree(new Main(Clock.systemDefaultZone()), usage);
            assertThat(alone.getSubcommands()).isEmpty();
            assertThat(alone.getHelpFactory()).isInstanceOf(Main.RootUsageFactory.class);
        }
        assertThat(Main.tree(new Main(Clock.systemDefaultZone()), new String[] {"help", "coverage"}).getSubcommands().keySet())
                .containsExactlyElementsOf(Main.COMMANDS);
        assertThat(Main.tree(new Main(Clock.systemDefaultZone()), new String[] {"coverge"}).getSubcommands().keySet())
                .containsExactlyElementsOf(Main.COMMANDS);
        assertThat(Main.tree(new Main(Clock.systemDefaultZone()), new String[] {"--version"}).getSubcommands()).isEmpty();
        assertThat(Main.tree(new Main(Clock.systemDefaultZone()), new String[] {"-V"}).getSubcommands()).isEmpty();
    }

    @Test
    void theUsageStillListsEveryCommandAndHelpNamesOne() {
        StringWriter out = new StringWriter();
        PrintWriter w = new PrintWriter(out);
        assertThat(Main.run(new String[] {"--help"}, w, w, Clock.systemDefaultZone())).isZero();
        for (String name : Main.COMMANDS) {
            assertThat(out.toString()).containsPattern("(?m)^\\s+" + name + "\\s");
        }
        StringWriter help = new StringWriter();
        PrintWriter h = new PrintWriter(help);
        assertThat(Main.run(new String[] {"help", "veto"}, h, h, Clock.systemDefaultZone())).isZero();
        assertThat(help.toString()).contains("Usage: eurosec veto");
    }
}
