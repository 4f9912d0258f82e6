package org.eurosec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.ScenarioLoader;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;

/** Finding and reading a scenario file: a path, or the name of a scenario shipped in the build. */
final class ScenarioFiles {

    private ScenarioFiles() {
    }

    static Scenario load(Path file, Architecture a, Map<String, Regime> regimes) {
        Path f = file;
        String shown = file.toString();
        if (!Files.exists(f)) {
            Path shipped = EmbeddedData.scenariosDirectory().resolve(file.getFileName().toString());
            if (!Files.exists(shipped)) {
                throw new UserError(file + ": no such file (the shipped scenarios are: " + String.join(", ", shipped()) + ")");
            }
            f = shipped;
            shown = "scenarios/" + file.getFileName();
        }
        if (Files.isDirectory(f)) {
            throw new UserError(file + ": is a directory, not a scenario file");
        }
        return ScenarioLoader.load(f, shown, a, regimes);
    }

    static List<String> shipped() {
        List<String> out = new ArrayList<>();
        try (var s = Files.list(EmbeddedData.scenariosDirectory())) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().forEach(out::add);
        } catch (java.io.IOException e) {
            return out;
        }
        return out;
    }

    /** A scenario ready to run: the data, the regimes, the scenario, the columns asked for and each column's world. */
    record Prepared(Architecture architecture, Map<String, Regime> regimes, Scenario scenario, List<Scenario.RegimeRun> columns,
            Map<String, Architecture> worlds) {

        org.eurosec.engine.ScenarioEngine.Outcome run(Options options, Scenario.RegimeRun column) {
            return new org.eurosec.engine.ScenarioEngine(architecture).run(scenario, column, regimes,
                    options.choicesFor(worlds.get(column.label()), worlds.values()));
        }
    }

    static Prepared prepare(Options options, Path file, List<String> only) {
        Architecture a = options.architecture();
        Map<String, Regime> regimes = options.regimes(a);
        Scenario s = load(file, a, regimes);
        List<Scenario.RegimeRun> columns = columns(s, only, regimes);
        return new Prepared(a, regimes, s, columns, worlds(a, columns, regimes));
    }

    /** Each column's regime applied to history, by column label. */
    static Map<String, Architecture> worlds(Architecture a, List<Scenario.RegimeRun> columns, Map<String, Regime> regimes) {
        Map<String, Architecture> out = new java.util.LinkedHashMap<>();
        columns.forEach(c -> out.put(c.label(), org.eurosec.engine.RegimeApplication.apply(a, regimes.get(c.regime()), false)));
        return out;
    }

    /** The scenario's regime columns, or only those named in {@code only} (each must be known). */
    static List<Scenario.RegimeRun> columns(Scenario s, List<String> only, Map<String, Regime> regimes) {
        if (only.isEmpty()) {
            return s.regimes();
        }
        List<Scenario.RegimeRun> out = new ArrayList<>();
        for (String id : only) {
            String r = id.trim();
            s.regimes().stream().filter(c -> c.label().equals(r)).findFirst().ifPresentOrElse(out::add, () -> {
                if (!regimes.containsKey(r)) {
                    throw new UserError("--regimes: unknown regime '" + r + "' (known: " + String.join(", ", regimes.keySet()) + ")");
                }
                out.add(new Scenario.RegimeRun(r, r, Map.of(), Map.of()));
            });
        }
        return out;
    }
}
