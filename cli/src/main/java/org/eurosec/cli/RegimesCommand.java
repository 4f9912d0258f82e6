package org.eurosec.cli;

import java.util.concurrent.Callable;
import org.eurosec.query.Regimes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "regimes",
        description = {"The regimes: sets of instruments applied on top of history (`eurosec regime show ID` for one).",
                "With --regimes-dir DIR, the regime files in DIR, checked against the data."},
                footer = {"", "Examples:", "  eurosec regimes", "  eurosec regimes --format json"})
final class RegimesCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    RegimesDirOption regimesDirOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Regimes.View view = options.eurosec().regimes(new Regimes.Query());
        Table t = new Table("id", "instruments", "parameters", "unconfirmed", "name");
        for (Regimes.Row r : view.regimes()) {
            t.row(r.id(), r.instruments().isEmpty() ? "(history only)" : String.join(" ", r.instruments()), r.parameters(), r.unconfirmedParameters(),
                    r.name());
        }
        t.print(options.format(), spec.commandLine().getOut(), view);
        return 0;
    }
}
