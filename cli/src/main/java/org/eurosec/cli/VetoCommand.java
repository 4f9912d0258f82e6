package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.engine.AccessionDecision;
import org.eurosec.engine.Finding;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "veto", mixinStandardHelpOptions = true,
        description = {"Who decides a state's accession to an organisation on a day under a regime, and who can block it, with the provision for each."})
final class VetoCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Option(names = "--applicant", required = true, paramLabel = "STATE", description = "The state asking to join, e.g. GEO.")
    String applicant;

    @Option(names = "--organisation", required = true, paramLabel = "ID", description = "The organisation, e.g. nato.")
    String organisation;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class, description = "The day (default: the data's as-of date).")
    LocalDate date;

    @Option(names = "--regime", paramLabel = "ID", defaultValue = "status-quo", description = "The regime (default: status-quo).")
    String regimeId;

    @Override
    public Integer call() {
        Architecture a = options.architecture();
        Map<String, Regime> regimes = options.regimes(a);
        Regime regime = options.regime(regimes, regimeId);
        String state = applicant.trim().toUpperCase(Locale.ROOT);
        String org = organisation.trim().toLowerCase(Locale.ROOT);
        LocalDate day = date != null ? date : a.asOf();
        if (a.state(state).isEmpty()) {
            throw new UserError("--applicant: unknown state '" + applicant + "'; `eurosec actors` lists them");
        }
        if (a.organisation(org).isEmpty()) {
            throw new UserError("--organisation: unknown organisation '" + organisation + "' (known: "
                    + String.join(", ", a.organisations().keySet()) + ")");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!a.covers(day)) {
            String message = "unknown: " + day + " is outside what the data covers (" + a.coversFrom() + " to " + a.asOf() + ")";
            switch (options.format) {
                case JSON -> out.print(Json.write(Json.unknown(day, message)));
                default -> out.println(message);
            }
            return 0;
        }
        if (!a.state(state).get().existsOn(day)) {
            throw new UserError("--applicant: " + state + " does not exist on " + day);
        }
        Architecture world = RegimeApplication.apply(a, regime, false);
        Map<String, String> choices = options.choicesFor(world, List.of(world));
        AccessionDecision d = new ScenarioEngine(a).accession(regime, choices, state, org, day);
        // A state that is already a member has no accession to block: said, not left to an empty list.
        boolean member = a.organisation(org).get().members().stream()
                .anyMatch(m -> m.actor().equals(state) && m.span().contains(day) && m.status().name().equals("MEMBER"));
        switch (options.format) {
            case JSON -> {
                Map<String, Object> j = json(d, options.explain);
                j.put("already_member", member);
                out.print(Json.write(j));
            }
            case CSV -> {
                Table t = new Table("applicant", "organisation", "regime", "as_of", "actor", "provision", "how");
                d.mayBlock().forEach(b -> t.row(d.applicant(), d.organisation(), d.regime(), d.asOf(), b.actor(), b.provision(), b.how()));
                out.print(t.csv());
            }
            default -> {
                out.println("accession of " + d.applicant() + " to " + d.organisation() + " on " + d.asOf() + " under " + d.regime());
                if (member) {
                    out.println(d.applicant() + " is already a member of " + d.organisation() + " on " + d.asOf() + ": there is no accession to block");
                }
                out.println("decided by: " + d.decidedBy().size() + " members (" + d.rule().orElse("no rule in the data")
                        + d.ruleProvision().map(p -> ", " + p).orElse("") + ")");
                d.prohibitedBy().ifPresent(p -> out.println("EXCLUDED: " + p + " forbids this accession whatever the members decide"));
                Map<String, List<AccessionDecision.Block>> byProvision = new LinkedHashMap<>();
                d.mayBlock().forEach(b -> byProvision.computeIfAbsent(b.provision(), k -> new ArrayList<>()).add(b));
                if (byProvision.isEmpty()) {
                    out.println("no single actor can block it");
                }
                byProvision.forEach((p, bs) -> {
                    out.println("may block under " + p + " (" + bs.size() + "): " + String.join(" ", bs.stream().map(AccessionDecision.Block::actor).toList()));
                    out.println("  how: " + bs.get(0).how());
                });
                Table t = Findings.table();
                d.findings().forEach(f -> Findings.row(t, f));
                out.println();
                out.print(t.text());
                if (options.explain) {
                    for (Finding f : d.findings()) {
                        f.explanation().lines().forEach(l -> out.println("  " + l));
                    }
                }
            }
        }
        return 0;
    }

    static Map<String, Object> json(AccessionDecision d, boolean explain) {
        Map<String, Object> m = Json.obj();
        m.put("applicant", d.applicant());
        m.put("organisation", d.organisation());
        m.put("regime", d.regime());
        m.put("as_of", d.asOf().toString());
        m.put("may_block", d.mayBlock().stream().map(b -> {
            Map<String, Object> x = Json.obj();
            x.put("actor", b.actor());
            x.put("provision", b.provision());
            x.put("how", b.how());
            return (Object) x;
        }).toList());
        Map<String, Object> decided = Json.obj();
        decided.put("rule", d.rule().orElse(null));
        decided.put("provision", d.ruleProvision().orElse(null));
        decided.put("actors", d.decidedBy());
        m.put("decided_by", decided);
        m.put("prohibited_by", d.prohibitedBy().orElse(null));
        m.put("findings", d.findings().stream().map(f -> (Object) Findings.json(f, explain)).toList());
        return m;
    }
}
