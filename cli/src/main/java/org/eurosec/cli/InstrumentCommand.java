package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.query.Common.ProvisionView;
import org.eurosec.query.Common.SpanView;
import org.eurosec.query.Instruments;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "instrument",
        description = {"One treaty or document: its dates, legal force, parties and provisions, each with its source.",
                "Without an id: the list of instruments (in force on --date if given)."},
                footer = {"", "Examples:", "  eurosec instrument north-atlantic-treaty-1949", "  eurosec instrument --date 2009-12-01"})
final class InstrumentCommand implements Callable<Integer> {
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

    @Parameters(paramLabel = "ID", arity = "0..1", description = "An instrument id, e.g. north-atlantic-treaty-1949.")
    String id;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "With no id: list only the instruments in force (or, for political ones, adopted) that day.")
    LocalDate date;

    @Override
    public Integer call() {
        if (id == null) {
            list(options.eurosec().instruments(new Instruments.ListQuery(Optional.ofNullable(date))));
        } else {
            show(options.eurosec().instrument(new Instruments.Query(id)));
        }
        return 0;
    }

    private static String span(SpanView s) {
        return s == null ? "never in force" : "[" + s.from() + ", " + (s.to() == null ? "open" : s.to()) + ")";
    }

    private void list(Instruments.ListView v) {
        Table t = new Table("id", "legal_force", "in_force", "provisions", "name");
        for (Instruments.Summary i : v.instruments()) {
            t.row(i.id(), i.legalForce(), span(i.inForce()), i.provisions(), i.name());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (options.format() == Format.JSON) {
            out.print(org.eurosec.query.Json.write(v));
        } else {
            t.print(options.format(), out, List.of());
        }
    }

    private void show(Instruments.View i) {
        PrintWriter out = spec.commandLine().getOut();
        Table provisions = new Table("provision", "article", "kind", "in_force", "params", "title");
        for (ProvisionView p : i.provisions()) {
            provisions.row(p.id(), p.article(), p.kind(), span(p.inForce() == null ? null : p.inForce().span()),
                    Instruments.params(p.params()) + (p.unconfirmed() ? " [UNCONFIRMED]" : ""), p.title());
        }
        Table parties = new Table("state", "from", "to", "status", "source");
        for (Instruments.PartyRow p : i.listed()) {
            parties.row(p.state(), p.from(), p.to() == null ? "" : p.to(), p.status(), p.source());
        }
        String partiesText = i.organisation().map(o -> "the members of " + o + " (see `eurosec actor " + o + "`)").orElse("listed below");
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(i));
            case CSV -> out.print(provisions.csv());
            default -> {
                out.println(i.name() + " (" + i.id() + ")");
                out.println(i.type() + ", " + i.legalForce() + "; dimensions " + String.join(", ", i.dimensions())
                        + "; signed " + (i.signed() == null ? "?" : i.signed()) + "; in force " + span(i.inForce()));
                out.println("source <" + i.source() + ">");
                if (i.note() != null) {
                    out.println("note: " + i.note());
                }
                out.println("parties: " + partiesText);
                if (!parties.isEmpty()) {
                    out.print(parties.text());
                }
                out.println();
                out.print(provisions.text());
            }
        }
    }
}
