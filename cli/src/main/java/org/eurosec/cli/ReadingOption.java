package org.eurosec.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** -I, for the commands whose answer depends on the reading of the law (read through {@link Options#interpretations()}). */
final class ReadingOption {

    @Option(names = {"-I", "--interpretation"}, paramLabel = "ID=OPTION",
            description = "Switch a named interpretation (see `eurosec interpretations`). Repeatable.")
    List<String> interpretations = new ArrayList<>();
}
