package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Each line of a command's or an option's description is whole: picocli starts every element of a
 * description on a new line, so an element that stops mid-sentence breaks the help there (validate's
 * description and --report-unconfirmed read "... and the scenarios" / "(shipped, ...) against it."). A line
 * followed by another must end its sentence, or introduce what follows with a colon.
 */
class HelpSentencesTest {

    /** A line ends a sentence or introduces what follows. */
    private static boolean whole(String line) {
        String s = line.strip();
        return s.isEmpty() || s.matches("(?s).*[.:?!)]$");
    }

    /** The lines of {@code description} that another follows although they stop mid-sentence, named by {@code where}. */
    private static void cut(String where, String[] description, List<String> cut) {
        for (int i = 0; i + 1 < description.length; i++) {
            if (!whole(description[i])) {
                cut.add(where + ": " + description[i]);
            }
        }
    }

    @Test
    void noDescriptionLineStopsMidSentence() {
        List<String> cut = new ArrayList<>();
        for (CommandLine cl : HelpTextTest.commands()) {
            String name = HelpTextTest.name(cl);
            cut(name, cl.getCommandSpec().usageMessage().description(), cut);
            cl.getCommandSpec().options().forEach(o -> cut(name + " " + o.longestName(), o.description(), cut));
            cl.getCommandSpec().positionalParameters().forEach(p -> cut(name + " " + p.paramLabel(), p.description(), cut));
        }
        assertThat(cut).isEmpty();
    }
}
