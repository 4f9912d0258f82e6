package org.eurosec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.ScenarioLoader;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An accession event asks "is the state already a member?" the way coverage does: a spell whose
 * status makes no party under the reading (Azerbaijan's not-renewed CSTO spell after 1999, under the
 * default non-renewal=ends-with-term) is no membership, so the accession goes ahead; under
 * non-renewal=bound-until-exit the same spell is a membership and the accession is not required.
 */
class AccessionStatusTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Map<String, Regime> REGIMES = EmbeddedData.regimes(BASE);

    @Test
    void notRenewedSpellIsMembershipOnlyUnderTheReadingThatMakesItOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("aze-csto.yaml");
        Files.writeString(file, """
                name: Azerbaijan accedes to the CSTO (2010)
                description: Azerbaijan, which did not join the 1999 renewal, accedes again.
                date: 2010-01-01
                regimes:
                  - status-quo
                  - {regime: status-quo, as: bound, interpretations: {non-renewal: bound-until-exit}}
                events:
                  - accession: {state: AZE, organisation: csto}
                """);
        Scenario s = ScenarioLoader.load(file, "aze-csto.yaml", BASE, REGIMES);
        ScenarioEngine engine = new ScenarioEngine(BASE);

        ScenarioEngine.Outcome byDefault = engine.run(s, s.regimes().get(0), REGIMES, Map.of());
        assertThat(texts(byDefault)).noneMatch(t -> t.contains("already a member"));
        assertThat(byDefault.world().organisations().get("csto").members())
                .anyMatch(m -> m.actor().equals("AZE") && m.status() == org.eurosec.model.MembershipStatus.MEMBER
                        && m.span().contains(java.time.LocalDate.of(2010, 1, 1)));
        // Azerbaijan becomes a party to the Collective Security Treaty by acceding: it gains its guarantee.
        assertThat(byDefault.findings()).anyMatch(f -> f.effect() == Finding.Effect.COVERED && f.actors().contains("AZE"));

        ScenarioEngine.Outcome bound = engine.run(s, s.regimes().get(1), REGIMES, Map.of());
        assertThat(texts(bound)).contains("AZE is already a member of csto on 2010-01-01");
    }

    private static List<String> texts(ScenarioEngine.Outcome o) {
        return o.findings().stream().map(Finding::text).toList();
    }
}
