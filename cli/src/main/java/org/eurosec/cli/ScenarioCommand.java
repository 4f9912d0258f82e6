package org.eurosec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.model.Scenario;
import org.eurosec.query.ScenarioRun;
import org.eurosec.query.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "scenario", subcommands = {ScenarioCommand.Run.class, ScenarioCommand.ListShipped.class},
        description = "Run a scenario and check its expected findings (`scenario run FILE`), or list the shipped ones (`scenario list`).",
        footer = {"", "Examples:", "  eurosec scenario list", "  eurosec scenario run georgia-nato-2009.yaml"})
final class ScenarioCommand implements Runnable {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "list", description = "The shipped scenarios: file, name, day, regime columns, events.",
        footer = {"", "Examples:", "  eurosec scenario list", "  eurosec scenario list --format json"})
    static final class ListShipped implements Callable<Integer> {
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

        @Override
        public Integer call() {
            org.eurosec.query.ScenarioList.View view = options.eurosec().scenarios(new org.eurosec.query.ScenarioList.Query());
            Table t = new Table("file", "date", "regimes", "events", "name");
            view.scenarios().forEach(s -> t.row(s.file(), s.date(), String.join(",", s.regimes()), s.events(), s.name()));
            t.print(options.format(), spec.commandLine().getOut(), view);
            return 0;
        }
    }

    @Command(name = "run",
            description = {"Runs a scenario's events under each of its regimes and prints the findings, then checks the findings the file expects.",
                    "Exit status 3 when an expected finding does not hold."},
                    footer = {"", "Examples:", "  eurosec scenario run georgia-nato-2009.yaml", "  eurosec scenario run armed-attack-2009.yaml --explain"})
    static final class Run implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption help;


        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        FormatOption formatOption;
        @picocli.CommandLine.Mixin
        ReadingOption readingOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @picocli.CommandLine.Mixin
        ExplainOption explainOption;
        @picocli.CommandLine.Mixin
        WideOption wideOption;

        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "FILE", description = "A scenario file, or the name of a shipped one (e.g. georgia-nato-2009.yaml).")
        Path file;

        @Option(names = "--regimes", paramLabel = "IDS", split = ",", description = "Only these of the scenario's regimes (or other regimes).")
        List<String> only = new ArrayList<>();

        @Override
        public Integer call() {
            ScenarioRun.View v = options.eurosec().scenarioRun(new ScenarioRun.Query(Scenarios.Source.named("file", file.toString()), only,
                    options.interpretations(), options.explain()));
            PrintWriter out = spec.commandLine().getOut();
            switch (options.format()) {
                case JSON -> out.print(org.eurosec.query.Json.write(v));
                case CSV -> {
                    Table csv = new Table("regime", "event", "effect", "provision", "legal_force", "actors", "by", "quorum", "unconfirmed", "finding");
                    for (ScenarioRun.Column c : v.regimes()) {
                        c.findings().forEach(f -> csv.row(c.regime(), f.event(), f.effect(), f.provision() == null ? "" : f.provision(),
                                f.legalForce() == null ? "" : f.legalForce(), String.join(" ", f.actors()), f.by() == null ? "" : f.by(),
                                f.quorum() == null ? "" : String.valueOf(f.quorum()), !f.dependsOnUnconfirmed().isEmpty(), f.text()));
                    }
                    out.print(csv.csv());
                }
                default -> text(v, out);
            }
            return v.expectationsHold() ? 0 : 3;
        }

        private void text(ScenarioRun.View v, PrintWriter out) {
            out.println(v.scenario() + " - " + v.date());
            if (!v.description().isEmpty()) {
                out.println(v.description().strip());
            }
            List<ScenarioRun.EventLine> events = v.events();
            for (int i = 0; i < events.size(); i++) {
                ScenarioRun.EventLine e = events.get(i);
                int j = i;
                while (j + 1 < events.size() && events.get(j + 1).item() == e.item()) {
                    j++;
                }
                String text = j == i ? e.text() : (j - i + 1) + " events: " + String.join("; ",
                        events.subList(i, j + 1).stream().map(ScenarioRun.EventLine::text).toList());
                out.println("  event " + e.item() + ": " + e.kind() + " on " + e.on() + " " + text);
                i = j;
            }
            for (ScenarioRun.Column c : v.regimes()) {
                out.println();
                out.println("== " + c.regime() + (c.regimeId().equals(c.regime()) ? "" : " (regime " + c.regimeId() + ")")
                        + "  [" + String.join(", ", c.ownChoices()) + "]");
                Table t = Findings.table();
                c.findings().forEach(f -> Findings.row(t, f));
                out.print(t.text());
                out.println("covered on " + c.asOf() + ": " + c.covered().size() + "; not covered: " + String.join(" ", c.uncovered()));
                out.println("levels of security (participating States grouped by the guarantees they hold): " + c.levels().size());
                for (ScenarioRun.Level l : c.levels()) {
                    out.println("  " + (l.provisions().isEmpty() ? "no guarantee" : String.join(" + ", l.provisions())) + ": "
                            + String.join(" ", l.states()));
                }
                if (options.explain()) {
                    for (org.eurosec.query.Common.FindingView f : c.findings()) {
                        f.explanation().lines().forEach(l -> out.println("  " + l));
                    }
                }
                for (ScenarioRun.Expectation x : c.expectations()) {
                    out.println((x.holds() ? "  PASS " : "  FAIL ") + x.message());
                }
            }
            out.println(v.expectationsHold() ? "\nevery expected finding holds" : "\nsome expected findings do not hold");
        }
    }
}
