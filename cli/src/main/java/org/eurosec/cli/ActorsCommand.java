package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.query.Actors;
import org.eurosec.query.Common.UnknownDay;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "actors",
        description = "The states and organisations that existed on a day, with their codes and memberships that day.",
        footer = {"", "Examples:", "  eurosec actors --date 1990-10-03", "  eurosec actors --date 2009-12-01 --exclude microstate --format json"})
final class ActorsCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class, description = "The day (default: today).")
    LocalDate date;

    @Mixin
    StrictOption strictOption;

    @Option(names = "--exclude", paramLabel = "TAG", split = ",", description = "Leave out states with this tag. Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Override
    public Integer call() {
        Actors.View view = options.eurosec().actors(new Actors.Query(Optional.ofNullable(date), exclude, options.interpretations(), strictOption.strict));
        PrintWriter out = spec.commandLine().getOut();
        if (view instanceof UnknownDay u) {
            if (options.format() == Format.JSON) {
                out.print(org.eurosec.query.Json.write(u));
            } else {
                out.println(u.message());
            }
            return 0;
        }
        Actors.Answer k = (Actors.Answer) view;
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(k));
            case CSV -> {
                Table t = new Table("type", "id", "iso3", "ccode", "name", "recognition", "tags", "osce", "memberships");
                for (Actors.StateRow s : k.states()) {
                    t.row("state", s.id(), s.iso3(), s.ccode(), s.name(), s.recognition(), String.join(";", s.tags()), s.osceParticipant(),
                            String.join(";", s.memberships()));
                }
                for (Actors.OrganisationRow o : k.organisations()) {
                    t.row("organisation", o.id(), "", "", o.name(), "", o.kind(), "", o.memberCount() + " members");
                }
                out.print(t.csv());
            }
            default -> {
                Table states = new Table("id", "iso3", "ccode", "name", "recognition", "tags", "osce", "memberships");
                for (Actors.StateRow s : k.states()) {
                    states.row(s.id(), s.iso3(), s.ccode(), s.name(), s.recognition(), String.join(",", s.tags()),
                            s.osceParticipant() ? "yes" : "no", String.join(" ", s.memberships()));
                }
                Table orgs = new Table("id", "name", "kind", "members");
                k.organisations().forEach(o -> orgs.row(o.id(), o.name(), o.kind(), o.memberCount()));
                out.println("States on " + k.asOf());
                out.print(states.text());
                out.println();
                out.println("Organisations on " + k.asOf());
                out.print(orgs.text());
                Provisional.note(out, k.provisional(), k.factsCheckedThrough());
            }
        }
        return 0;
    }
}
