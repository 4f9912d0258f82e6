package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.model.Architecture;
import org.eurosec.model.Interpretation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "interpretations", mixinStandardHelpOptions = true,
        description = "The named interpretation switches, their options and defaults (switch one with -I ID=OPTION).")
final class InterpretationsCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Architecture a = options.architecture();
        PrintWriter out = spec.commandLine().getOut();
        Table t = new Table("interpretation", "option", "default", "description");
        List<Object> json = new ArrayList<>();
        for (Interpretation i : a.interpretations().values()) {
            Map<String, Object> m = Json.obj();
            m.put("id", i.id());
            m.put("question", i.question());
            m.put("default", i.defaultOption());
            List<Object> opts = new ArrayList<>();
            for (Interpretation.Option o : i.options()) {
                t.row(i.id(), o.id(), o.id().equals(i.defaultOption()) ? "yes" : "", o.description());
                Map<String, Object> om = Json.obj();
                om.put("id", o.id());
                om.put("description", o.description());
                opts.add(om);
            }
            m.put("options", opts);
            m.put("source", i.provenance().source());
            json.add(m);
        }
        switch (options.format) {
            case JSON -> out.print(Json.write(json));
            case CSV -> out.print(t.csv());
            default -> {
                for (Interpretation i : a.interpretations().values()) {
                    out.println(i.id() + ": " + i.question());
                }
                out.println();
                out.print(t.text());
            }
        }
        return 0;
    }
}
