package org.eurosec.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.eurosec.engine.Expectations;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.ScenarioLoader;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code scenarios/} is a test: each regime it names is run and every expected finding
 * it states must hold. The expectations are written from the treaty texts and the data, not from
 * the engine's output.
 */
class ShippedScenariosTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Map<String, Regime> REGIMES = EmbeddedData.regimes(BASE);

    static Stream<Path> scenarios() throws IOException {
        try (Stream<Path> s = Files.list(Path.of("..", "scenarios"))) {
            return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList().stream();
        }
    }

    @Test
    void scenariosShip() throws IOException {
        assertThat(scenarios()).hasSizeGreaterThanOrEqualTo(6);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void expectationsHold(Path file) {
        Scenario s = ScenarioLoader.load(file, "scenarios/" + file.getFileName(), BASE, REGIMES);
        assertThat(s.expect()).as("a shipped scenario states what each regime must find").isNotEmpty();
        ScenarioEngine engine = new ScenarioEngine(BASE);
        for (Scenario.RegimeRun column : s.regimes()) {
            String regime = column.label();
            ScenarioEngine.Outcome o = engine.run(s, column, REGIMES, Map.of());
            List<Expectations.Check> checks = Expectations.check(o, s.expect().getOrDefault(regime, List.of()));
            List<String> failed = checks.stream().filter(c -> !c.passed()).map(c -> regime + ": " + c.message()).toList();
            assertThat(failed).as(file.getFileName() + " under " + regime + "; findings:\n"
                    + String.join("\n", o.findings().stream().map(f -> "  [" + f.event() + "] " + f.effect().id() + " "
                            + f.provision().orElse("-") + " " + f.actors().size() + " " + f.text()).toList())).isEmpty();
        }
    }
}
