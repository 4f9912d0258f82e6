package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.eurosec.model.Architecture;
import org.eurosec.model.Interpretation;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.Provision;
import org.eurosec.model.Regime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "regime", mixinStandardHelpOptions = true, subcommands = {RegimeCommand.Show.class},
        description = "One regime: `eurosec regime show ID`.")
final class RegimeCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "A regime's instruments and provisions, its parameters (with sources; unconfirmed ones marked), interpretations and precedence rules.")
    static final class Show implements Callable<Integer> {

        @Mixin
        Options options;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "ID", description = "A regime id, e.g. est-2009.")
        String id;

        @Override
        public Integer call() {
            Architecture a = options.architecture();
            Regime r = options.regime(options.regimes(a), id);
            PrintWriter out = spec.commandLine().getOut();
            Table params = new Table("parameter", "value", "unconfirmed", "used_by", "source");
            List<Object> jsonParams = new ArrayList<>();
            for (Regime.Parameter p : r.parameters().values()) {
                List<String> users = r.parameterUse().entrySet().stream().filter(e -> e.getValue().containsValue(p.name()))
                        .map(Map.Entry::getKey).toList();
                params.row(p.name(), p.value(), p.unconfirmed() ? "UNCONFIRMED" : "", String.join(" ", users), p.provenance().source());
                Map<String, Object> m = Json.obj();
                m.put("name", p.name());
                m.put("value", p.value());
                m.put("unconfirmed", p.unconfirmed());
                m.put("used_by", users);
                jsonParams.add(Json.provenance(m, p.provenance()));
            }
            Table provisions = new Table("provision", "kind", "params", "title");
            List<Object> jsonInstruments = new ArrayList<>();
            for (Regime.Hypothetical h : r.instruments()) {
                List<Object> jp = new ArrayList<>();
                for (Provision p : h.instrument().provisions()) {
                    provisions.row(p.id(), p.kind().id(), p.params().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")) + (p.unconfirmed() ? " [UNCONFIRMED]" : ""), p.title());
                    jp.add(Json.provision(p, java.util.Optional.empty()));
                }
                Map<String, Object> m = Json.obj();
                m.put("id", h.instrument().id());
                m.put("name", h.instrument().name());
                m.put("legal_force", h.instrument().legalForce().id());
                m.put("dimensions", h.instrument().dimensions().stream().map(d -> d.id()).toList());
                m.put("takes_effect", h.takesEffect().id());
                m.put("eligible_states", h.eligible().osceParticipants() ? List.of("osce-participants") : h.eligible().states());
                m.put("eligible_organisations", h.eligible().organisations());
                m.put("provisions", jp);
                jsonInstruments.add(Json.provenance(m, h.instrument().provenance()));
            }
            List<Object> jsonInterpretations = new ArrayList<>();
            List<String> interpretationLines = new ArrayList<>();
            for (Interpretation i : r.interpretations()) {
                interpretationLines.add(i.id() + " (default " + i.defaultOption() + "): " + i.question());
                i.options().forEach(o -> interpretationLines.add("  " + o.id() + ": " + o.description()));
                Map<String, Object> m = Json.obj();
                m.put("id", i.id());
                m.put("question", i.question());
                m.put("default", i.defaultOption());
                m.put("options", i.options().stream().map(Interpretation.Option::id).toList());
                jsonInterpretations.add(m);
            }
            List<Object> jsonPrecedence = new ArrayList<>();
            List<String> precedenceLines = new ArrayList<>();
            for (Regime.Precedence p : r.precedence()) {
                List<String> over = new ArrayList<>(p.over());
                p.overKinds().stream().map(ProvisionKind::id).map(k -> "every " + k + " provision").forEach(over::add);
                precedenceLines.add(p.question() + ": " + p.prevails() + " prevails over " + String.join(", ", over));
                Map<String, Object> m = Json.obj();
                m.put("question", p.question());
                m.put("prevails", p.prevails());
                m.put("over", p.over());
                m.put("over_kinds", p.overKinds().stream().map(ProvisionKind::id).toList());
                jsonPrecedence.add(Json.provenance(m, p.provenance()));
            }
            switch (options.format) {
                case JSON -> {
                    Map<String, Object> m = Json.obj();
                    m.put("id", r.id());
                    m.put("name", r.name());
                    m.put("summary", r.summary());
                    m.put("instruments", jsonInstruments);
                    m.put("parameters", jsonParams);
                    m.put("interpretations", jsonInterpretations);
                    m.put("precedence", jsonPrecedence);
                    out.print(Json.write(Json.provenance(m, r.provenance())));
                }
                case CSV -> out.print(provisions.csv());
                default -> {
                    out.println(r.name() + " (" + r.id() + ")");
                    out.println(r.summary());
                    out.println("source <" + r.provenance().source() + ">");
                    for (Regime.Hypothetical h : r.instruments()) {
                        out.println("instrument " + h.instrument().id() + " (" + h.instrument().legalForce().id() + "): takes effect "
                                + h.takesEffect().id() + "; eligible: " + (h.eligible().osceParticipants() ? "the CSCE/OSCE participating States"
                                : String.join(" ", h.eligible().states())) + (h.eligible().organisations().isEmpty() ? ""
                                : " and " + String.join(", ", h.eligible().organisations())));
                    }
                    if (!r.instruments().isEmpty()) {
                        out.println();
                        out.print(provisions.text());
                    }
                    if (!params.isEmpty()) {
                        out.println();
                        out.print(params.text());
                    }
                    if (!interpretationLines.isEmpty()) {
                        out.println();
                        out.println("interpretations:");
                        interpretationLines.forEach(l -> out.println("  " + l));
                    }
                    if (!precedenceLines.isEmpty()) {
                        out.println();
                        out.println("precedence:");
                        precedenceLines.forEach(l -> out.println("  " + l));
                    }
                }
            }
            return 0;
        }
    }
}
