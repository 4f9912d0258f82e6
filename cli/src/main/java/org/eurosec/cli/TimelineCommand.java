package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.analysis.SecurityTimeline;
import org.eurosec.analysis.SecurityTimeline.Year;
import org.eurosec.analysis.TieKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = {"How coverage, blocs and levels of security changed year by year (1975 to the data's as-of year by default),",
                "per regime. Years outside what the data covers are marked unknown."})
final class TimelineCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Mixin
    Views views;

    @Spec
    CommandSpec spec;

    @Option(names = "--from", paramLabel = "YEAR", defaultValue = "1975", description = "First year (default 1975, the Helsinki Final Act).")
    int from;

    @Option(names = "--to", paramLabel = "YEAR", description = "Last year (default: the data's as-of year).")
    Integer to;

    @Option(names = "--on", paramLabel = "MM-DD", defaultValue = "01-01", description = "The day of each year to look at (default 01-01).")
    String on;

    @Option(names = "--ties", paramLabel = "KIND", defaultValue = "defence", description = "Tie kind for blocs: defence (default) or security-treaty.")
    String ties;

    @Override
    public Integer call() {
        MonthDay md;
        try {
            md = MonthDay.parse("--" + on.trim());
        } catch (DateTimeParseException e) {
            throw new UserError("--on: '" + on + "' is not a day of the year (MM-DD, e.g. 12-01)");
        }
        TieKind kind = TieKind.byId(ties.trim()).orElseThrow(() -> new UserError("--ties: '" + ties + "' is not a tie kind (defence, security-treaty)"));
        if (views.date != null) {
            throw new UserError("--date does not apply to timeline; use --from, --to and --on");
        }
        PrintWriter out = spec.commandLine().getOut();
        Table t = new Table("regime", "as_of", "known", "states", "covered", "uncovered", "systems", "blocs", "buffer", "levels");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Views.View v : views.views(options)) {
            int last = to != null ? to : v.world().asOf().getYear();
            if (from < 1900 || last > 2100 || last < from) {
                throw new UserError("--from/--to: the years must run forwards between 1900 and 2100 (got " + from + " to " + last + ")");
            }
            for (Year y : SecurityTimeline.years(v.coverage(), from, last, md, views.universe(), kind)) {
                if (!y.known()) {
                    t.row(v.label(), y.day(), "unknown", "", "", "", "", "", "", "");
                } else {
                    t.row(v.label(), y.day(), "yes", y.states(), y.covered(), y.states() - y.covered(),
                            y.systems().toString().replace(" ", ""), y.blocs(), y.buffer(), y.levels());
                }
                Map<String, Object> m = Json.obj();
                m.put("regime", v.label());
                m.put("as_of", y.day().toString());
                m.put("known", y.known());
                if (y.known()) {
                    m.put("states", y.states());
                    m.put("covered", y.covered());
                    m.put("uncovered", y.uncovered());
                    m.put("systems", y.systems());
                    m.put("blocs", y.blocs());
                    m.put("buffer", y.buffer());
                    m.put("levels", y.levels());
                }
                rows.add(m);
            }
        }
        switch (options.format) {
            case JSON -> {
                Map<String, Object> root = Json.obj();
                root.put("ties", kind.id());
                root.put("years", rows);
                out.print(Json.write(root));
            }
            case CSV -> out.print(t.csv());
            default -> {
                out.print(t.text());
                out.println();
                out.println("systems: sizes of the groups of states linked by chains of " + kind.id() + " ties; buffer: states tied to no one;");
                out.println("levels: groups of states holding the same binding guarantees (see `eurosec levels`)");
            }
        }
        return 0;
    }
}
