package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.eurosec.query.Interpretations;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "interpretations",
        description = "The named interpretation switches, their options and defaults (switch one with -I ID=OPTION).",
        footer = {"", "Examples:", "  eurosec interpretations", "  eurosec interpretations --format json"})
final class InterpretationsCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Interpretations.View view = options.eurosec().interpretations(new Interpretations.Query());
        PrintWriter out = spec.commandLine().getOut();
        Table t = new Table("interpretation", "option", "default", "description");
        for (Interpretations.Row i : view.interpretations()) {
            for (Interpretations.OptionView o : i.options()) {
                t.row(i.id(), o.id(), o.id().equals(i.defaultOption()) ? "yes" : "", o.description());
            }
        }
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(view));
            case CSV -> out.print(t.csv());
            default -> {
                for (Interpretations.Row i : view.interpretations()) {
                    out.println(i.id() + ": " + i.question());
                }
                out.println();
                out.print(t.text());
            }
        }
        return 0;
    }
}
