package org.eurosec.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.engine.Finding;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Scenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"One scenario under several regimes, side by side: a row per event, effect and provision, a column per regime.",
                "A cell shows who the finding concerns; '-' means the regime has no such finding."})
final class CompareCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "A scenario file, or the name of a shipped one.")
    Path file;

    @Option(names = "--regimes", paramLabel = "IDS", split = ",",
            description = "The regimes to compare (default: the scenario's own list), e.g. status-quo,est-2009,esd-west.")
    List<String> only = new ArrayList<>();

    private record Key(int event, String effect, String provision) {
    }

    @Override
    public Integer call() {
        ScenarioFiles.Prepared prepared = ScenarioFiles.prepare(options, file, only);
        Scenario s = prepared.scenario();
        Map<Key, Map<String, List<Finding>>> rows = new LinkedHashMap<>();
        Map<String, ScenarioEngine.Outcome> outcomes = new LinkedHashMap<>();
        for (Scenario.RegimeRun c : prepared.columns()) {
            ScenarioEngine.Outcome o = prepared.run(options, c);
            outcomes.put(c.label(), o);
            for (Finding f : o.findings()) {
                rows.computeIfAbsent(new Key(f.event(), f.effect().id(), f.provision().orElse("-")), k -> new LinkedHashMap<>())
                        .computeIfAbsent(c.label(), k -> new ArrayList<>()).add(f);
            }
        }
        List<Key> keys = new ArrayList<>(rows.keySet());
        keys.sort((x, y) -> x.event() != y.event() ? Integer.compare(x.event(), y.event()) : 0);
        List<String> headers = new ArrayList<>(List.of("event", "effect", "provision"));
        headers.addAll(outcomes.keySet());
        Table t = new Table(headers.toArray(String[]::new));
        List<Object> jsonRows = new ArrayList<>();
        for (Key k : keys) {
            List<Object> cells = new ArrayList<>(List.of(k.event(), k.effect(), k.provision()));
            Map<String, Object> jsonCells = Json.obj();
            for (String label : outcomes.keySet()) {
                List<Finding> fs = rows.get(k).getOrDefault(label, List.of());
                if (fs.isEmpty()) {
                    cells.add("-");
                    continue;
                }
                List<String> actors = fs.stream().flatMap(f -> f.actors().stream()).distinct().toList();
                cells.add(Findings.actors(actors) + (fs.stream().anyMatch(Finding::dependsOnUnconfirmed) ? " *" : ""));
                Map<String, Object> cell = Json.obj();
                cell.put("actors", actors);
                cell.put("text", fs.stream().map(Finding::text).toList());
                cell.put("depends_on_unconfirmed", fs.stream().anyMatch(Finding::dependsOnUnconfirmed));
                jsonCells.put(label, cell);
            }
            t.row(cells.toArray());
            Map<String, Object> row = Json.obj();
            row.put("event", k.event());
            row.put("effect", k.effect());
            row.put("provision", "-".equals(k.provision()) ? null : k.provision());
            row.put("cells", jsonCells);
            jsonRows.add(row);
        }
        List<Object> covered = new ArrayList<>(List.of("", "covered", "(count)"));
        List<Object> uncovered = new ArrayList<>(List.of("", "not covered", ""));
        List<Object> levels = new ArrayList<>(List.of("", "levels", "(of security)"));
        Map<String, Object> jsonCoverage = Json.obj();
        outcomes.forEach((label, o) -> {
            covered.add(o.covered().size());
            uncovered.add(String.join(" ", o.uncovered()));
            levels.add(o.levels().size());
            Map<String, Object> m = Json.obj();
            m.put("as_of", o.asOf().toString());
            m.put("covered", o.covered());
            m.put("uncovered", o.uncovered());
            m.put("levels", o.levels().size());
            jsonCoverage.put(label, m);
        });
        t.row(covered.toArray());
        t.row(uncovered.toArray());
        t.row(levels.toArray());
        PrintWriter out = spec.commandLine().getOut();
        switch (options.format) {
            case JSON -> {
                Map<String, Object> m = Json.obj();
                m.put("scenario", s.name());
                m.put("date", s.date().toString());
                m.put("regimes", new ArrayList<>(outcomes.keySet()));
                m.put("rows", jsonRows);
                m.put("coverage", jsonCoverage);
                out.print(Json.write(m));
            }
            case CSV -> out.print(t.csv());
            default -> {
                out.println(s.name() + " - " + s.date());
                out.print(t.text());
                out.println("* rests on a value no published text we could read confirms; `eurosec scenario run` shows which");
            }
        }
        return 0;
    }
}
