package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;

/** The scenarios shipped in the build: file, name, day, regime columns and number of events, each read against the data and regimes. */
public final class ScenarioList {

    private ScenarioList() {
    }

    /** The list takes no input beyond where the data and regimes come from. */
    public record Query() {
        public static Query of(Params p) {
            return new Query();
        }
    }

    /** The shipped scenarios by file name; written as a JSON array. */
    public record View(@JsonValue List<Row> scenarios) {
    }

    /** One shipped scenario: {@code id} is its file name without {@code .yaml}, {@code regimes} its regime columns. */
    public record Row(String file, String id, String name, String description, LocalDate date, List<String> regimes, int events) {
    }

    static View answer(Eurosec e, Query q) {
        Architecture a = e.architecture();
        Map<String, Regime> regimes = e.regimes(a);
        List<Row> rows = new ArrayList<>();
        for (String file : Scenarios.shipped()) {
            Scenario s = Scenarios.load(new Scenarios.Source(EmbeddedData.scenariosDirectory().resolve(file), "scenarios/" + file, "file"),
                    a, regimes);
            rows.add(new Row(file, file.substring(0, file.length() - ".yaml".length()), s.name(), s.description().strip(), s.date(),
                    s.regimes().stream().map(Scenario.RegimeRun::label).toList(), s.events().size()));
        }
        return new View(rows);
    }
}
