package org.eurosec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eurosec.query.Blocs;
import org.eurosec.query.Blocs.BlocRow;
import org.eurosec.query.Blocs.WorldBlocs;
import org.eurosec.query.Worlds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "blocs",
        description = {"The blocs drawn by binding ties between states on a day, per regime.",
                "A bloc is a group in which each state is tied to every other; also listed: the systems the blocs form, the buffer zone "
                        + "of states tied to no one, and the states in several blocs."},
                footer = {"", "Examples:", "  eurosec blocs --date 2009-12-01 --regimes status-quo,est-2009", "  eurosec blocs --scenario est-cis-csto-only.yaml --ties security-treaty"})
final class BlocsCommand implements Callable<Integer> {
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

    @Option(names = "--ties", paramLabel = "KIND", defaultValue = "defence",
            description = "defence (default): a binding obligation to assist, either way; security-treaty: common parties to a binding "
                    + "treaty with a defence, assistance or indivisibility provision, even one that only entitles.")
    String ties;

    @Override
    public Integer call() {
        Blocs.View view = options.eurosec().blocs(new Blocs.Query(views.scope(options), Blocs.tieKind("ties", ties)));
        Table t = new Table("regime", "as_of", "group", "label", "size", "members");
        List<String> summary = new ArrayList<>();
        for (Worlds.Entry e : view.views()) {
            if (WorldsOutput.unknown(e, summary)) {
                continue;
            }
            WorldBlocs b = (WorldBlocs) e;
            for (BlocRow s : b.systems()) {
                t.row(b.regime(), b.asOf(), "system", s.label(), s.size(), String.join(" ", s.members()));
            }
            for (BlocRow s : b.blocs()) {
                t.row(b.regime(), b.asOf(), "bloc", s.label(), s.size(), String.join(" ", s.members()));
            }
            t.row(b.regime(), b.asOf(), "buffer", "tied to no one", b.buffer().size(), String.join(" ", b.buffer()));
            summary.add(b.regime() + " " + b.asOf() + ": " + b.states() + " states, " + b.ties() + " ties; " + b.systems().size()
                    + " system(s) of " + b.systems().stream().map(s -> String.valueOf(s.size())).toList() + "; "
                    + b.blocs().size() + " bloc(s); buffer " + b.buffer().size() + "; in several blocs " + b.inSeveral().size()
                    + (b.inSeveral().isEmpty() ? "" : " (" + String.join(" ", b.inSeveral().keySet()) + ")"));
        }
        WorldsOutput.print(options, spec.commandLine().getOut(), view,
                new org.eurosec.query.Common.Checked(view.provisional(), view.factsCheckedThrough()), List.of(t), summary, "ties: " + view.ties() + " (" + view.tiesMeaning() + ")",
                "system: states linked by any chain of ties; bloc: states each tied to every other; buffer: tied to no one");
        return 0;
    }
}
