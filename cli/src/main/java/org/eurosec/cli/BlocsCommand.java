package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.analysis.BlocAnalysis;
import org.eurosec.analysis.BlocAnalysis.Bloc;
import org.eurosec.analysis.BlocAnalysis.BlocResult;
import org.eurosec.analysis.BlocAnalysis.Blocs;
import org.eurosec.analysis.CliqueBlocs;
import org.eurosec.analysis.TieKind;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "blocs", mixinStandardHelpOptions = true,
        description = {"The blocs drawn by binding ties between states on a day: groups in which each state is tied to every other,",
                "the systems they form, the buffer zone of states tied to no one, and the states in several blocs."})
final class BlocsCommand implements Callable<Integer> {

    @Mixin
    Options options;

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
        TieKind kind = TieKind.byId(ties.trim()).orElseThrow(() -> new UserError("--ties: '" + ties + "' is not a tie kind (defence, security-treaty)"));
        List<Map<String, Object>> json = new ArrayList<>();
        Table t = new Table("regime", "as_of", "group", "label", "size", "members");
        PrintWriter out = spec.commandLine().getOut();
        List<String> summary = new ArrayList<>();
        for (Views.View v : views.views(options)) {
            BlocResult r = new CliqueBlocs(v.coverage()).blocs(v.day(), views.universe(), kind);
            if (r instanceof BlocAnalysis.Unknown) {
                Views.unknown(v, json, summary);
                continue;
            }
            Blocs b = (Blocs) r;
            json.add(json(v.label(), b));
            for (Bloc s : b.systems()) {
                t.row(v.label(), b.day(), "system", s.label(), s.members().size(), String.join(" ", s.members()));
            }
            for (Bloc s : b.blocs()) {
                t.row(v.label(), b.day(), "bloc", s.label(), s.members().size(), String.join(" ", s.members()));
            }
            t.row(v.label(), b.day(), "buffer", "tied to no one", b.buffer().size(), String.join(" ", b.buffer()));
            summary.add(v.label() + " " + b.day() + ": " + b.states().size() + " states, " + b.ties() + " ties; " + b.systems().size()
                    + " system(s) of " + b.systems().stream().map(s -> String.valueOf(s.members().size())).toList() + "; "
                    + b.blocs().size() + " bloc(s); buffer " + b.buffer().size() + "; in several blocs " + b.inSeveral().size()
                    + (b.inSeveral().isEmpty() ? "" : " (" + String.join(" ", b.inSeveral().keySet()) + ")"));
        }
        Map<String, Object> root = Json.obj();
        root.put("ties", kind.id());
        root.put("ties_meaning", kind.meaning());
        Views.print(options, out, root, json, List.of(t), summary, "ties: " + kind.id() + " (" + kind.meaning() + ")",
                "system: states linked by any chain of ties; bloc: states each tied to every other; buffer: tied to no one");
        return 0;
    }

    static Map<String, Object> json(String label, Blocs b) {
        Map<String, Object> m = Json.obj();
        m.put("regime", label);
        m.put("as_of", b.day().toString());
        m.put("known", true);
        m.put("states", b.states().size());
        m.put("ties", b.ties());
        m.put("systems", b.systems().stream().map(BlocsCommand::json).toList());
        m.put("blocs", b.blocs().stream().map(BlocsCommand::json).toList());
        m.put("buffer", b.buffer());
        m.put("in_several", b.inSeveral());
        return m;
    }

    static Map<String, Object> json(Bloc s) {
        Map<String, Object> m = Json.obj();
        m.put("label", s.label());
        m.put("size", s.members().size());
        m.put("members", s.members());
        m.put("ties_through", s.through());
        m.put("provisions", s.provisions());
        return m;
    }
}
