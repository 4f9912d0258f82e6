package org.eurosec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.engine.Expectations;
import org.eurosec.engine.Finding;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scenario", mixinStandardHelpOptions = true, subcommands = {ScenarioCommand.Run.class, ScenarioCommand.ListShipped.class},
        description = "Scenarios: `eurosec scenario run FILE`, `eurosec scenario list`.")
final class ScenarioCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The shipped scenarios: file, name, day, regime columns, events.")
    static final class ListShipped implements Callable<Integer> {

        @Mixin
        Options options;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            org.eurosec.query.ScenarioList.View view = options.eurosec().scenarios(new org.eurosec.query.ScenarioList.Query());
            Table t = new Table("file", "date", "regimes", "events", "name");
            view.scenarios().forEach(s -> t.row(s.file(), s.date(), String.join(",", s.regimes()), s.events(), s.name()));
            t.print(options.format, spec.commandLine().getOut(), view);
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true,
            description = {"Runs a scenario's events under each of its regimes and prints the findings, then checks the findings the file expects.",
                    "Exit status 3 when an expected finding does not hold."})
    static final class Run implements Callable<Integer> {

        @Mixin
        Options options;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A scenario file, or the name of a shipped one (e.g. georgia-nato-2009.yaml).")
        Path file;

        @Option(names = "--regimes", paramLabel = "IDS", split = ",", description = "Only these of the scenario's regimes (or other regimes).")
        List<String> only = new ArrayList<>();

        @Override
        public Integer call() {
            ScenarioFiles.Prepared prepared = ScenarioFiles.prepare(options, file, only);
            Scenario s = prepared.scenario();
            PrintWriter out = spec.commandLine().getOut();
            List<Object> json = new ArrayList<>();
            Table csv = new Table("regime", "event", "effect", "provision", "legal_force", "actors", "by", "quorum", "unconfirmed", "finding");
            boolean allPass = true;
            if (options.format == Format.TABLE) {
                out.println(s.name() + " - " + s.date());
                if (!s.description().isEmpty()) {
                    out.println(s.description().strip());
                }
                for (int i = 0; i < s.events().size(); i++) {
                    var e = s.events().get(i);
                    int j = i;
                    while (j + 1 < s.events().size() && s.items().get(j + 1).equals(s.items().get(i))) {
                        j++;
                    }
                    String text = j == i ? eventText(e) : (j - i + 1) + " events: " + String.join("; ",
                            s.events().subList(i, j + 1).stream().map(ScenarioCommand::eventText).toList());
                    out.println("  event " + s.items().get(i) + ": " + e.kind() + " on " + e.on() + " " + text);
                    i = j;
                }
            }
            for (Scenario.RegimeRun column : prepared.columns()) {
                ScenarioEngine.Outcome o = prepared.run(options, column);
                List<Expectations.Check> checks = Expectations.check(o, s.expect().getOrDefault(column.label(), List.of()));
                allPass &= checks.stream().allMatch(Expectations.Check::passed);
                switch (options.format) {
                    case JSON -> json.add(outcomeJson(o, checks, options.explain));
                    case CSV -> o.findings().forEach(f -> csv.row(o.regime(), f.event(), f.effect().id(), f.provision().orElse(""),
                            f.legalForce().map(l -> l.id()).orElse(""), String.join(" ", f.actors()), f.by().map(Object::toString).orElse(""),
                            f.quorum().isPresent() ? String.valueOf(f.quorum().getAsInt()) : "", f.dependsOnUnconfirmed(), f.text()));
                    default -> {
                        out.println();
                        out.println("== " + o.regime() + (column.regime().equals(column.label()) ? "" : " (regime " + column.regime() + ")")
                                + "  [" + String.join(", ", o.interpretations().entrySet().stream()
                                        .filter(x -> !column.interpretations().isEmpty() && column.interpretations().containsKey(x.getKey())
                                                || x.getKey().startsWith(column.regime() + "/"))
                                        .map(x -> x.getKey() + "=" + x.getValue()).toList()) + "]");
                        Table t = Findings.table();
                        o.findings().forEach(f -> Findings.row(t, f));
                        out.print(t.text());
                        out.println("covered on " + o.asOf() + ": " + o.covered().size() + "; not covered: " + String.join(" ", o.uncovered()));
                        out.println("levels of security (participating States grouped by the guarantees they hold): " + o.levels().size());
                        for (ScenarioEngine.Level l : o.levels()) {
                            out.println("  " + (l.provisions().isEmpty() ? "no guarantee" : String.join(" + ", l.provisions())) + ": "
                                    + String.join(" ", l.states()));
                        }
                        if (options.explain) {
                            for (Finding f : o.findings()) {
                                f.explanation().lines().forEach(l -> out.println("  " + l));
                            }
                        }
                        for (Expectations.Check c : checks) {
                            out.println((c.passed() ? "  PASS " : "  FAIL ") + c.message());
                        }
                    }
                }
            }
            switch (options.format) {
                case JSON -> {
                    Map<String, Object> m = Json.obj();
                    m.put("scenario", s.name());
                    m.put("date", s.date().toString());
                    m.put("file", s.provenance().file());
                    m.put("regimes", json);
                    m.put("expectations_hold", allPass);
                    out.print(Json.write(m));
                }
                case CSV -> out.print(csv.csv());
                default -> out.println(allPass ? "\nevery expected finding holds" : "\nsome expected findings do not hold");
            }
            return allPass ? 0 : 3;
        }
    }

    static String eventText(org.eurosec.model.Event e) {
        if (e instanceof org.eurosec.model.Event.AccessionRequest r) {
            return r.applicant() + " -> " + r.organisation();
        } else if (e instanceof org.eurosec.model.Event.Accession x) {
            return x.state() + " -> " + x.target();
        } else if (e instanceof org.eurosec.model.Event.Withdrawal x) {
            return x.state() + " leaves " + x.target();
        } else if (e instanceof org.eurosec.model.Event.Signature x) {
            return x.state() + " signs " + x.instrument();
        } else if (e instanceof org.eurosec.model.Event.Ratification x) {
            return x.state() + " ratifies " + x.instrument();
        } else if (e instanceof org.eurosec.model.Event.ArmedAttack x) {
            return x.attacker() + " attacks " + x.victim();
        } else if (e instanceof org.eurosec.model.Event.Threat x) {
            return x.by() + " threatens " + x.against();
        } else if (e instanceof org.eurosec.model.Event.MilitaryActivity x) {
            return x.state() + ": " + x.troops() + " troops, " + x.battleTanks() + " tanks, " + x.acv() + " ACVs, " + x.artillery()
                    + " artillery, starting " + x.starts() + x.notifiedOn().map(d -> ", notified " + d).orElse(", not notified");
        } else if (e instanceof org.eurosec.model.Event.Deployment x) {
            return x.troops() + " troops of " + x.state() + " on " + x.host() + (x.hostConsent() ? " (host consents)" : " (no consent)");
        } else if (e instanceof org.eurosec.model.Event.InformationRequest x) {
            return x.from() + " asks " + x.to() + (x.subject().isEmpty() ? "" : " about " + x.subject());
        } else if (e instanceof org.eurosec.model.Event.ConsultationRequest x) {
            return x.from() + " with " + String.join(" ", x.with());
        } else if (e instanceof org.eurosec.model.Event.ConferenceProposal x) {
            return x.by() + (x.supportedBy().isEmpty() ? "" : ", supported by " + String.join(" ", x.supportedBy()));
        }
        return "";
    }

    static Map<String, Object> outcomeJson(ScenarioEngine.Outcome o, List<Expectations.Check> checks, boolean explain) {
        Map<String, Object> m = Json.obj();
        m.put("regime", o.regime());
        m.put("as_of", o.asOf().toString());
        m.put("interpretations", o.interpretations());
        m.put("findings", o.findings().stream().map(f -> (Object) Findings.json(f, explain)).toList());
        m.put("covered", o.covered());
        m.put("uncovered", o.uncovered());
        m.put("levels", o.levels().stream().map(l -> {
            Map<String, Object> x = Json.obj();
            x.put("provisions", l.provisions());
            x.put("states", l.states());
            return (Object) x;
        }).toList());
        m.put("expectations", checks.stream().map(c -> {
            Map<String, Object> x = Json.obj();
            x.put("line", c.expectation().line());
            x.put("holds", c.passed());
            x.put("message", c.message());
            return (Object) x;
        }).toList());
        return m;
    }
}
