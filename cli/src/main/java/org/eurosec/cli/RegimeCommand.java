package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eurosec.query.Common.ProvisionView;
import org.eurosec.query.RegimeShow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "regime", subcommands = {RegimeCommand.Show.class},
        description = "One regime: `eurosec regime show ID`.",
        footer = {"", "Examples:", "  eurosec regime show est-2009"})
final class RegimeCommand implements Runnable {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show",
            description = "A regime's instruments and provisions, its parameters (with sources; unconfirmed ones marked), interpretations and precedence rules.",
            footer = {"", "Examples:", "  eurosec regime show est-2009", "  eurosec regime show esd-west --format json"})
    static final class Show implements Callable<Integer> {
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

        @Parameters(paramLabel = "ID", description = "A regime id, e.g. est-2009.")
        String id;

        @Override
        public Integer call() {
            RegimeShow.View r = options.eurosec().regimeShow(new RegimeShow.Query(id));
            PrintWriter out = spec.commandLine().getOut();
            switch (options.format()) {
                case JSON -> out.print(org.eurosec.query.Json.write(r));
                case CSV -> out.print(provisions(r).csv());
                default -> {
                    out.println(r.name() + " (" + r.id() + ")");
                    out.println(r.summary());
                    out.println("source <" + r.sourced().source() + ">");
                    for (RegimeShow.InstrumentView h : r.instruments()) {
                        out.println("instrument " + h.id() + " (" + h.legalForce() + "): takes effect " + h.takesEffect() + "; eligible: "
                                + (h.openToParticipants() ? "the CSCE/OSCE participating States" : String.join(" ", h.eligibleStates()))
                                + (h.eligibleOrganisations().isEmpty() ? "" : " and " + String.join(", ", h.eligibleOrganisations())));
                    }
                    if (!r.instruments().isEmpty()) {
                        out.println();
                        out.print(provisions(r).text());
                    }
                    if (!r.parameters().isEmpty()) {
                        Table params = new Table("parameter", "value", "unconfirmed", "used_by", "source");
                        r.parameters().forEach(p -> params.row(p.name(), p.value(), p.unconfirmed() ? "UNCONFIRMED" : "", String.join(" ", p.usedBy()),
                                p.source()));
                        out.println();
                        out.print(params.text());
                    }
                    if (!r.interpretations().isEmpty()) {
                        out.println();
                        out.println("interpretations:");
                        for (RegimeShow.InterpretationView i : r.interpretations()) {
                            out.println("  " + i.id() + " (default " + i.defaultOption() + "): " + i.question());
                            for (int k = 0; k < i.options().size(); k++) {
                                out.println("    " + i.options().get(k) + ": " + i.descriptions().get(k));
                            }
                        }
                    }
                    if (!r.precedence().isEmpty()) {
                        out.println();
                        out.println("precedence:");
                        for (RegimeShow.PrecedenceView p : r.precedence()) {
                            List<String> over = new ArrayList<>(p.over());
                            p.overKinds().stream().map(k -> "every " + k + " provision").forEach(over::add);
                            out.println("  " + p.question() + ": " + p.prevails() + " prevails over " + String.join(", ", over));
                        }
                    }
                }
            }
            return 0;
        }

        /** Every provision of the regime's instruments: id, kind, its parameters as key=value, its title. */
        private static Table provisions(RegimeShow.View r) {
            Table t = new Table("provision", "kind", "params", "title");
            for (RegimeShow.InstrumentView h : r.instruments()) {
                for (ProvisionView p : h.provisions()) {
                    Map<?, ?> params = p.params() instanceof Map<?, ?> m ? m : Map.of();
                    t.row(p.id(), p.kind(), params.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "))
                            + (p.unconfirmed() ? " [UNCONFIRMED]" : ""), p.title());
                }
            }
            return t;
        }
    }
}
