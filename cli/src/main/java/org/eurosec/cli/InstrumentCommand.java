package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Participation;
import org.eurosec.model.Parties;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "instrument", mixinStandardHelpOptions = true,
        description = {"One treaty or document: its dates, legal force, parties and provisions, each with its source.",
                "Without an id: the list of instruments (in force on --date if given)."})
final class InstrumentCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", arity = "0..1", description = "An instrument id, e.g. north-atlantic-treaty-1949.")
    String id;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "With no id: list only the instruments in force (or, for political ones, adopted) that day.")
    LocalDate date;

    @Override
    public Integer call() {
        Architecture a = options.architecture();
        if (id == null) {
            list(a);
            return 0;
        }
        Instrument i = a.instrument(id.toLowerCase(Locale.ROOT)).orElseThrow(() -> new UserError("unknown instrument '" + id
                + "'; `eurosec instrument` lists them"));
        show(i);
        return 0;
    }

    private static String span(java.util.Optional<Span> s) {
        return s.map(Span::toString).orElse("never in force");
    }

    private void list(Architecture a) {
        PrintWriter out = spec.commandLine().getOut();
        Table t = new Table("id", "legal_force", "in_force", "provisions", "name");
        List<Object> json = new ArrayList<>();
        for (Instrument i : a.instruments().values()) {
            if (date != null && !i.inForceOn(date)) {
                continue;
            }
            t.row(i.id(), i.legalForce().id(), span(i.inForceSpan()), i.provisions().size(), i.name());
            Map<String, Object> m = Json.obj();
            m.put("id", i.id());
            m.put("name", i.name());
            m.put("legal_force", i.legalForce().id());
            m.put("in_force", i.inForceSpan().map(Json::span).orElse(null));
            m.put("provisions", i.provisions().size());
            json.add(m);
        }
        t.print(options.format, out, json);
    }

    private void show(Instrument i) {
        PrintWriter out = spec.commandLine().getOut();
        Table provisions = new Table("provision", "article", "kind", "in_force", "params", "title");
        List<Object> jsonProvisions = new ArrayList<>();
        for (Provision p : i.provisions()) {
            String params = p.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
            provisions.row(p.id(), p.article(), p.kind().id(), span(i.inForceSpan(p)), params + (p.unconfirmed() ? " [UNCONFIRMED]" : ""), p.title());
            jsonProvisions.add(Json.provision(p, Optional.of(i.inForceSpan(p))));
        }
        Table parties = new Table("state", "from", "to", "status", "source");
        List<Object> jsonParties = new ArrayList<>();
        String partiesText;
        if (i.parties() instanceof Parties.OrganisationMembers om) {
            partiesText = "the members of " + om.organisation() + " (see `eurosec actor " + om.organisation() + "`)";
        } else {
            partiesText = "listed below";
            for (Participation p : ((Parties.Listed) i.parties()).spells()) {
                parties.row(p.actor(), p.span().from(), p.span().to().map(Object::toString).orElse(""),
                        p.status().name().toLowerCase(Locale.ROOT), p.provenance().source());
                Map<String, Object> m = Json.obj();
                m.put("state", p.actor());
                m.put("status", p.status().name().toLowerCase(Locale.ROOT));
                m.putAll(Json.span(p.span()));
                jsonParties.add(Json.provenance(m, p.provenance()));
            }
        }
        switch (options.format) {
            case JSON -> {
                Map<String, Object> m = Json.obj();
                m.put("id", i.id());
                m.put("name", i.name());
                m.put("type", i.type());
                m.put("legal_force", i.legalForce().id());
                m.put("dimensions", i.dimensions().stream().map(d -> d.id()).toList());
                m.put("signed", i.signed().map(Object::toString).orElse(null));
                m.put("in_force", i.inForceSpan().map(Json::span).orElse(null));
                Json.provenance(m, i.provenance());
                if (i.parties() instanceof Parties.OrganisationMembers om) {
                    m.put("parties", Map.of("organisation", om.organisation()));
                } else {
                    m.put("parties", jsonParties);
                }
                m.put("provisions", jsonProvisions);
                out.print(Json.write(m));
            }
            case CSV -> out.print(provisions.csv());
            default -> {
                out.println(i.name() + " (" + i.id() + ")");
                out.println(i.type() + ", " + i.legalForce().id() + "; dimensions " + String.join(", ", i.dimensions().stream().map(d -> d.id()).toList())
                        + "; signed " + i.signed().map(Object::toString).orElse("?") + "; in force " + span(i.inForceSpan()));
                out.println("source <" + i.provenance().source() + ">");
                i.provenance().note().ifPresent(n -> out.println("note: " + n));
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
