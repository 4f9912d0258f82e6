package org.eurosec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.load.ArchitectureLoader;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.Problem;
import org.eurosec.model.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a data directory (the embedded one, or --data DIR): sources, ids, dates, spells;",
                "then the regimes (embedded, or --regimes-dir DIR) and the scenarios (shipped, or --scenarios DIR) against it.",
                "Prints file:line: message for each problem and exits 2 if there is any."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--scenarios", paramLabel = "DIR",
            description = "Check the scenario files in DIR instead of the shipped ones.")
    Path scenarios;

    @Override
    public Integer call() {
        Path dir = options.data != null ? options.data : EmbeddedData.directory();
        String shown = options.data != null ? options.data.toString().replaceAll("/+$", "") : "data";
        if (options.data != null && !Files.isDirectory(dir)) {
            throw new UserError("--data " + dir + ": not a directory");
        }
        List<Problem> problems = new ArrayList<>(ArchitectureLoader.check(dir, shown));
        String more = "";
        if (problems.isEmpty()) {
            Architecture a = ArchitectureLoader.load(dir, shown);
            Path regimesDir = options.regimesDir != null ? options.regimesDir : EmbeddedData.regimesDirectory();
            String regimesShown = options.regimesDir != null ? options.regimesDir.toString().replaceAll("/+$", "") : "regimes";
            if (!Files.isDirectory(regimesDir)) {
                throw new UserError("--regimes-dir " + regimesDir + ": not a directory");
            }
            List<Problem> regimeProblems = org.eurosec.load.RegimeLoader.check(regimesDir, regimesShown, a);
            problems.addAll(regimeProblems);
            if (regimeProblems.isEmpty()) {
                var regimes = org.eurosec.load.RegimeLoader.load(regimesDir, regimesShown, a);
                Path scenariosDir = scenarios != null ? scenarios : EmbeddedData.scenariosDirectory();
                String scenariosShown = scenarios != null ? scenarios.toString().replaceAll("/+$", "") : "scenarios";
                if (!Files.isDirectory(scenariosDir)) {
                    throw new UserError("--scenarios " + scenariosDir + ": not a directory");
                }
                int count = 0;
                try (var files = Files.list(scenariosDir)) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                        count++;
                        try {
                            org.eurosec.load.ScenarioLoader.load(f, scenariosShown + "/" + f.getFileName(), a, regimes);
                        } catch (org.eurosec.load.DataException e) {
                            problems.addAll(e.problems());
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new UserError(scenariosDir + ": cannot list: " + e.getMessage());
                }
                more = "; " + regimesShown + ": " + regimes.size() + " regimes; " + scenariosShown + ": " + count + " scenarios";
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.format == Format.JSON) {
            Map<String, Object> m = Json.obj();
            m.put("data", shown);
            m.put("valid", problems.isEmpty());
            List<Object> ps = new ArrayList<>();
            for (Problem p : problems) {
                Map<String, Object> pm = Json.obj();
                pm.put("file", p.file());
                pm.put("line", p.line());
                pm.put("message", p.message());
                ps.add(pm);
            }
            m.put("problems", ps);
            out.print(Json.write(m));
        } else if (options.format == Format.CSV) {
            Table t = new Table("file", "line", "message");
            problems.forEach(p -> t.row(p.file(), p.line(), p.message()));
            out.print(t.csv());
        } else if (problems.isEmpty()) {
            Architecture a = ArchitectureLoader.load(dir, shown);
            long provisions = a.instruments().values().stream().mapToLong(i -> i.provisions().size()).sum();
            long spells = a.organisations().values().stream().mapToLong(o -> o.members().size()).sum();
            out.println(shown + ": ok — " + a.states().size() + " states, " + a.organisations().size() + " organisations ("
                    + spells + " membership spells), " + a.instruments().size() + " instruments (" + provisions
                    + " provisions), " + a.interpretations().size() + " interpretations; covers " + a.coversFrom() + " to " + a.asOf() + more);
        } else {
            problems.forEach(err::println);
            err.println(problems.size() + " problem(s)");
        }
        return problems.isEmpty() ? 0 : 2;
    }
}
