package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "regimes", mixinStandardHelpOptions = true,
        description = {"The regimes: sets of instruments applied on top of history (`eurosec regime show ID` for one).",
                "With --regimes-dir DIR, the regime files in DIR, checked against the data."})
final class RegimesCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Architecture a = options.architecture();
        Map<String, Regime> regimes = options.regimes(a);
        PrintWriter out = spec.commandLine().getOut();
        Table t = new Table("id", "instruments", "parameters", "unconfirmed", "name");
        List<Object> json = new ArrayList<>();
        for (Regime r : regimes.values()) {
            long unconfirmed = r.parameters().values().stream().filter(Regime.Parameter::unconfirmed).count();
            List<String> ids = r.instruments().stream().map(h -> h.instrument().id()).toList();
            t.row(r.id(), ids.isEmpty() ? "(history only)" : String.join(" ", ids), r.parameters().size(), unconfirmed, r.name());
            Map<String, Object> m = Json.obj();
            m.put("id", r.id());
            m.put("name", r.name());
            m.put("summary", r.summary());
            m.put("instruments", ids);
            m.put("parameters", r.parameters().size());
            m.put("unconfirmed_parameters", unconfirmed);
            json.add(Json.provenance(m, r.provenance()));
        }
        t.print(options.format, out, json);
        return 0;
    }
}
