package org.eurosec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eurosec.query.Compare;
import org.eurosec.query.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare",
        description = {"One scenario under several regimes, side by side: a row per event, effect and provision, a column per regime.",
                "A cell shows who the finding concerns; '-' means the regime has no such finding."},
                footer = {"", "Examples:", "  eurosec compare georgia-nato-2009.yaml", "  eurosec compare est-cis-csto-only.yaml --regimes status-quo,est-2009"})
final class CompareCommand implements Callable<Integer> {
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
    WideOption wideOption;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A scenario file, or the name of a shipped one.")
    Path file;

    @Option(names = "--regimes", paramLabel = "IDS", split = ",",
            description = "The regimes to compare (default: the scenario's own list), e.g. status-quo,est-2009,esd-west.")
    List<String> only = new ArrayList<>();

    @Override
    public Integer call() {
        Compare.View v = options.eurosec().compare(new Compare.Query(Scenarios.Source.named("file", file.toString()), only, options.interpretations()));
        PrintWriter out = spec.commandLine().getOut();
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(v));
            case CSV -> out.print(table(v).csv());
            default -> {
                out.println(v.scenario() + " - " + v.date());
                out.print(table(v).text());
                out.println("* rests on a value no published text we could read confirms; `eurosec scenario run` shows which");
            }
        }
        return 0;
    }

    /** A row per event, effect and provision, a column per regime; then coverage and levels per regime. */
    private static Table table(Compare.View v) {
        List<String> headers = new ArrayList<>(List.of("event", "effect", "provision"));
        headers.addAll(v.regimes());
        Table t = new Table(headers.toArray(String[]::new));
        for (Compare.Row r : v.rows()) {
            List<Object> cells = new ArrayList<>(List.of(r.event(), r.effect(), r.provision() == null ? "-" : r.provision()));
            for (String label : v.regimes()) {
                Compare.Cell c = r.cells().get(label);
                cells.add(c == null ? "-" : Findings.actors(c.actors()) + (c.dependsOnUnconfirmed() ? " *" : ""));
            }
            t.row(cells.toArray());
        }
        List<Object> covered = new ArrayList<>(List.of("", "covered", "(count)"));
        List<Object> uncovered = new ArrayList<>(List.of("", "not covered", ""));
        List<Object> levels = new ArrayList<>(List.of("", "levels", "(of security)"));
        v.coverage().forEach((label, c) -> {
            covered.add(c.covered().size());
            uncovered.add(String.join(" ", c.uncovered()));
            levels.add(c.levels());
        });
        t.row(covered.toArray());
        t.row(uncovered.toArray());
        t.row(levels.toArray());
        return t;
    }
}
