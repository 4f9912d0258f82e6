package org.eurosec.query;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.load.DataException;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.ScenarioLoader;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;

/**
 * Finding, reading and running a scenario file: a path, or the name of a scenario shipped in the
 * build. A scenario's problems are the caller's (the file came with the question), named with the
 * file as the caller knows it: a path, {@code scenarios/NAME.yaml} or "uploaded scenario".
 */
public final class Scenarios {

    private Scenarios() {
    }

    /** Where a scenario comes from: its file, the name its problems give it, and the field that brought it. */
    public record Source(Path file, String shownAs, String field) {
        /** A path or a shipped scenario's name, as the command line and the API's {@code scenario} parameter take it. */
        public static Source named(String field, String pathOrName) {
            return new Source(Path.of(pathOrName), pathOrName, field);
        }
    }

    /** The shipped scenarios' file names (NAME.yaml), sorted: they are part of the build. */
    public static List<String> shipped() {
        return Shipped.NAMES;
    }

    private static final class Shipped {
        static final List<String> NAMES = list();

        private static List<String> list() {
            List<String> out = new ArrayList<>();
            try (var s = Files.list(EmbeddedData.scenariosDirectory())) {
                s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().forEach(out::add);
            } catch (IOException e) {
                return List.of();
            }
            return List.copyOf(out);
        }
    }

    /** A shipped scenario named by the API: its file name, checked against the shipped ones (never a path). */
    public static String shippedName(String field, String name) {
        String file = name.endsWith(".yaml") ? name : name + ".yaml";
        if (!file.matches("[a-z0-9][a-z0-9-]{0,99}\\.yaml") || !shipped().contains(file)) {
            throw new QueryException.UnknownId(field, "scenario", name, "no shipped scenario '" + name + "' (shipped: "
                    + String.join(", ", shipped().stream().map(n -> n.substring(0, n.length() - 5)).toList()) + ")");
        }
        return file;
    }

    /** Reads a scenario against the data and the regimes; a path that does not exist is looked up among the shipped ones (NAME or NAME.yaml). */
    public static Scenario load(Source source, Architecture a, Map<String, Regime> regimes) {
        Path f = source.file();
        String shown = source.shownAs();
        if (!Files.exists(f)) {
            String name = f.getFileName().toString();
            Path shipped = EmbeddedData.scenariosDirectory().resolve(name.endsWith(".yaml") ? name : name + ".yaml");
            if (!Files.exists(shipped)) {
                throw new QueryException.UnknownId(source.field(), "scenario", source.shownAs(), source.shownAs()
                        + ": no such file (the shipped scenarios are: " + String.join(", ", shipped()) + ")");
            }
            f = shipped;
            shown = "scenarios/" + f.getFileName();
        }
        if (Files.isDirectory(f)) {
            throw new QueryException.InvalidParameter(source.field(), source.shownAs() + ": is a directory, not a scenario file");
        }
        try {
            return ScenarioLoader.load(f, shown, a, regimes);
        } catch (DataException e) {
            throw new QueryException.DataProblems(source.field(), e.problems(), false, "scenario");
        }
    }

    /** A scenario ready to run: the data, the regimes, the scenario, the columns asked for and each column's world. */
    public record Prepared(Architecture architecture, Map<String, Regime> regimes, Scenario scenario, List<Scenario.RegimeRun> columns,
            Map<String, Architecture> worlds) {

        /** Runs one column with the question's choices (those that apply in its world). */
        public ScenarioEngine.Outcome run(Eurosec e, Scenario.RegimeRun column, Map<String, String> choices) {
            return Eurosec.data("regime", () -> new ScenarioEngine(architecture).run(scenario, column, regimes,
                    e.choicesFor(worlds.get(column.label()), worlds.values(), choices)));
        }
    }

    /** Loads a scenario and the columns asked for ({@code only}; empty: all of the scenario's). */
    public static Prepared prepare(Eurosec e, Source source, List<String> only) {
        Architecture a = e.architecture();
        Map<String, Regime> regimes = e.regimes(a);
        Scenario s = load(source, a, regimes);
        List<Scenario.RegimeRun> columns = columns(s, only, regimes);
        Map<String, Architecture> worlds = new LinkedHashMap<>();
        columns.forEach(c -> worlds.put(c.label(), RegimeApplication.apply(a, regimes.get(c.regime()), false)));
        return new Prepared(a, regimes, s, columns, worlds);
    }

    /** The scenario's regime columns, or only those named in {@code only} (each must be a column or a known regime). */
    static List<Scenario.RegimeRun> columns(Scenario s, List<String> only, Map<String, Regime> regimes) {
        if (only.isEmpty()) {
            return s.regimes();
        }
        List<Scenario.RegimeRun> out = new ArrayList<>();
        for (String id : only) {
            String r = id.trim();
            s.regimes().stream().filter(c -> c.label().equals(r)).findFirst().ifPresentOrElse(out::add, () -> {
                if (!regimes.containsKey(r)) {
                    throw new QueryException.UnknownId("regimes", "regime", r, "unknown regime '" + r + "' (known: "
                            + String.join(", ", regimes.keySet()) + ")");
                }
                out.add(new Scenario.RegimeRun(r, r, Map.of(), Map.of()));
            });
        }
        return out;
    }
}
