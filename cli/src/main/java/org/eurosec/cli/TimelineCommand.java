package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.query.Blocs;
import org.eurosec.query.Timeline;
import org.eurosec.query.Timeline.YearRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "timeline",
        description = {"How coverage, blocs and levels of security changed year by year, per regime.",
                "By default from 1975 to the year the facts were last checked; years outside what the data covers are marked unknown."},
                footer = {"", "Examples:", "  eurosec timeline --from 1990 --to 2010", "  eurosec timeline --from 2005 --to 2012 --regimes status-quo,est-2009 --format csv"})
final class TimelineCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    RegimesDirOption regimesDirOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

    @Mixin
    Views views;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "YEAR", defaultValue = "1975", description = "First year (default 1975, the Helsinki Final Act).")
    int from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last year (default: the year the facts were last checked).")
    Integer to;

    @Option(names = "--on", paramLabel = "MM-DD", defaultValue = "01-01", description = "The day of each year to look at (default 01-01).")
    String on;

    @Option(names = "--ties", paramLabel = "KIND", defaultValue = "defence", description = "Tie kind for blocs: defence (default) or security-treaty.")
    String ties;

    @Override
    public Integer call() {
        var day = Timeline.dayOfYear("on", on);
        var kind = Blocs.tieKind("ties", ties);
        if (views.date != null) {
            throw new UserError("--date does not apply to timeline; use --from, --to and --on");
        }
        Timeline.View view = options.eurosec().timeline(new Timeline.Query(views.scope(options), from, Optional.ofNullable(to), day, kind));
        PrintWriter out = spec.commandLine().getOut();
        Table t = new Table("regime", "as_of", "known", "states", "covered", "uncovered", "systems", "blocs", "buffer", "levels");
        for (YearRow y : view.years()) {
            if (!y.known()) {
                t.row(y.regime(), y.asOf(), "unknown", "", "", "", "", "", "", "");
            } else {
                t.row(y.regime(), y.asOf(), "yes", y.states(), y.covered(), y.states() - y.covered(), y.systems().toString().replace(" ", ""),
                        y.blocs(), y.buffer(), y.levels());
            }
        }
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(view));
            case CSV -> out.print(t.csv());
            default -> {
                out.print(t.text());
                out.println();
                out.println("systems: sizes of the groups of states linked by chains of " + view.ties() + " ties; buffer: states tied to no one;");
                out.println("levels: groups of states holding the same binding guarantees (see `eurosec levels`)");
            }
        }
        return 0;
    }
}
