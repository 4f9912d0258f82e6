package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scenario file a user writes: every mistake is named with its line, nothing is half-read. */
class ScenarioFilesTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Map<String, Regime> REGIMES = EmbeddedData.regimes(BASE);

    @TempDir
    Path dir;

    private DataException problems(String text) throws IOException {
        Path f = dir.resolve("s.yaml");
        Files.writeString(f, text);
        return catchThrowableOfType(() -> ScenarioLoader.load(f, "s.yaml", BASE, REGIMES), DataException.class);
    }

    @Test
    void mistakesAreNamedWithTheirLines() throws IOException {
        DataException e = problems("""
                name: Broken
                date: 2009-12-01
                regimes: [status-quo, est-2010]
                events:
                  - accession-request: {applicant: XYZ, organisation: nato}
                  - armed-attack: {attacker: RUS, victim: GEO, on: 2009-11-01}
                  - military-activity: {state: RUS, troops: many}
                  - invasion: {by: RUS}
                  - ratification: {instrument: no-such-treaty, state: RUS}
                expect:
                  esd-west:
                    - {effect: vetoes}
                """);
        assertThat(e).isNotNull();
        assertThat(e.problems()).extracting(Problem::toString)
                .anySatisfy(p -> assertThat(p).startsWith("s.yaml:3:").contains("unknown regime 'est-2010'"))
                .anySatisfy(p -> assertThat(p).startsWith("s.yaml:5:").contains("unknown state 'XYZ'"))
                .anySatisfy(p -> assertThat(p).startsWith("s.yaml:6:").contains("comes before"))
                .anySatisfy(p -> assertThat(p).startsWith("s.yaml:7:").contains("whole number"))
                .anySatisfy(p -> assertThat(p).startsWith("s.yaml:8:").contains("unknown event kind 'invasion'"))
                .anySatisfy(p -> assertThat(p).startsWith("s.yaml:9:").contains("no-such-treaty"))
                .anySatisfy(p -> assertThat(p).startsWith("s.yaml:11:").contains("not in this scenario's regimes"))
                .anySatisfy(p -> assertThat(p).startsWith("s.yaml:12:").contains("'vetoes'"));
    }

    @Test
    void aDateOutsideTheDataIsRefused() throws IOException {
        DataException e = problems("""
                name: Too early
                date: 1930-01-01
                regimes: [status-quo]
                events: []
                """);
        assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("outside what the data covers"));
    }

    @Test
    void aColumnCanVaryARegime() throws IOException {
        Path f = dir.resolve("ok.yaml");
        Files.writeString(f, """
                name: Variant
                date: 2009-12-01
                regimes:
                  - {regime: est-2009, as: lower-quorum, parameters: {extraordinary-quorum: 2/3}, interpretations: {est-2009/indivisibility-veto: literal-text}}
                events:
                  - ratification: {instrument: est-2009, states: [RUS, BLR]}
                """);
        Scenario s = ScenarioLoader.load(f, "ok.yaml", BASE, REGIMES);
        assertThat(s.regimes()).singleElement().satisfies(r -> {
            assertThat(r.label()).isEqualTo("lower-quorum");
            assertThat(r.parameters()).containsEntry("extraordinary-quorum", "2/3");
        });
        assertThat(s.events()).hasSize(2);
        assertThat(s.items()).containsExactly(1, 1);
        Files.writeString(f, """
                name: Bad variant
                date: 2009-12-01
                regimes:
                  - {regime: est-2009, parameters: {no-such: 1}, interpretations: {est-2009/indivisibility-veto: maybe}}
                """);
        DataException e = catchThrowableOfType(() -> ScenarioLoader.load(f, "ok.yaml", BASE, REGIMES), DataException.class);
        assertThat(e.problems()).extracting(Problem::message).anySatisfy(m -> assertThat(m).contains("no parameter 'no-such'"))
                .anySatisfy(m -> assertThat(m).contains("no option 'maybe'"));
    }
}
