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
        return org.eurosec.query.Scenarios.load(org.eurosec.query.Scenarios.Source.named("file", file.toString()), a, regimes);
    }

    static List<String> shipped() {
        return org.eurosec.query.Scenarios.shipped();
    }

    /** A scenario ready to run: the data, the regimes, the scenario, the columns asked for and each column's world. */
    record Prepared(org.eurosec.query.Scenarios.Prepared p) {
        Architecture architecture() {
            return p.architecture();
        }

        Map<String, Regime> regimes() {
            return p.regimes();
        }

        Scenario scenario() {
            return p.scenario();
        }

        List<Scenario.RegimeRun> columns() {
            return p.columns();
        }

        Map<String, Architecture> worlds() {
            return p.worlds();
        }

        org.eurosec.engine.ScenarioEngine.Outcome run(Options options, Scenario.RegimeRun column) {
            return p.run(options.eurosec(), column, options.choices());
        }
    }

    static Prepared prepare(Options options, Path file, List<String> only) {
        return new Prepared(org.eurosec.query.Scenarios.prepare(options.eurosec(), org.eurosec.query.Scenarios.Source.named("file", file.toString()), only));
    }
}
