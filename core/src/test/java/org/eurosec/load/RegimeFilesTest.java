package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eurosec.engine.AccessionDecision;
import org.eurosec.engine.Finding;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.engine.UndeclaredClash;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own regime file: checked like the data, and never allowed to settle a clash silently. */
class RegimeFilesTest {

    static final Architecture BASE = EmbeddedData.load();
    static final String SRC = "https://example.org/source";

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** A two-state pact whose Art. 1 lets each party object to another state's joining an alliance. */
    private String pact(String precedence) {
        return """
                id: bloc
                name: Bloc pact
                source: %s
                %s
                instruments:
                  - eligible: {states: [RUS, BLR]}
                    instrument:
                      id: bloc-pact
                      name: Bloc pact
                      legal_force: binding
                      source: %s
                      provisions:
                        - {id: art-1, kind: indivisibility, title: Any party may object, params: {accession_objection: true}, source: %s}
                """.formatted(SRC, precedence, SRC, SRC);
    }

    private AccessionDecision veto(Map<String, Regime> regimes) {
        return new ScenarioEngine(BASE).accession(regimes.get("bloc"), Map.of(), "GEO", "nato", LocalDate.of(2009, 12, 1));
    }

    @Test
    void anUndeclaredClashIsAnErrorNamingBothProvisions() throws IOException {
        write("bloc.yaml", pact(""));
        Map<String, Regime> regimes = RegimeLoader.load(dir, "mine", BASE);
        assertThatThrownBy(() -> veto(regimes)).isInstanceOf(UndeclaredClash.class)
                .hasMessageContaining("bloc-pact/art-1").hasMessageContaining("north-atlantic-treaty-1949/art-10")
                .hasMessageContaining("regime bloc");
    }

    @Test
    void precedenceOverOneProvisionDoesNotSettleTheOthers() throws IOException {
        write("bloc.yaml", pact("""
                precedence:
                  - {question: accession, prevails: bloc-pact/art-1, over: [north-atlantic-treaty-1949/art-10], source: %s}
                """.formatted(SRC)));
        Map<String, Regime> regimes = RegimeLoader.load(dir, "mine", BASE);
        // Georgia is bound by the OSCE's political free-choice commitments; those decide the question too.
        assertThatThrownBy(() -> veto(regimes)).isInstanceOf(UndeclaredClash.class)
                .hasMessageContaining("bloc-pact/art-1").hasMessageContaining("free-choice");
    }

    @Test
    void theDeclaredWinnerDecides() throws IOException {
        write("bloc.yaml", pact("""
                precedence:
                  - {question: accession, prevails: bloc-pact/art-1, over_kinds: [accession-rule, free-choice-of-alliances], source: %s}
                """.formatted(SRC)));
        AccessionDecision d = veto(RegimeLoader.load(dir, "mine", BASE));
        assertThat(d.mayBlock()).filteredOn(b -> b.provision().equals("bloc-pact/art-1"))
                .extracting(AccessionDecision.Block::actor).containsExactly("BLR", "RUS");
        assertThat(d.decidedBy()).hasSize(28).doesNotContain("RUS");
    }

    @Test
    void whenTheAllianceRulePrevailsTheObjectionBlocksNothing() throws IOException {
        write("bloc.yaml", pact("""
                precedence:
                  - {question: accession, prevails: north-atlantic-treaty-1949/art-10, over: [bloc-pact/art-1], source: %s}
                  - {question: accession, prevails: charter-for-european-security-1999/para-8-free-choice, over: [bloc-pact/art-1], source: %s}
                  - {question: accession, prevails: charter-of-paris-1990/free-choice, over: [bloc-pact/art-1], source: %s}
                  - {question: accession, prevails: helsinki-final-act-1975/principle-1-alliances, over: [bloc-pact/art-1], source: %s}
                """.formatted(SRC, SRC, SRC, SRC)));
        AccessionDecision d = veto(RegimeLoader.load(dir, "mine", BASE));
        assertThat(d.mayBlock()).extracting(AccessionDecision.Block::actor).doesNotContain("RUS", "BLR").hasSize(28);
        assertThat(d.findings()).anyMatch(f -> f.effect() == Finding.Effect.NOT_ENTITLED && f.provision().orElse("").equals("bloc-pact/art-1"));
    }

    @Test
    void everyProblemInARegimeFileIsReportedWithItsLine() throws IOException {
        write("bad.yaml", """
                id: bad
                name: Bad regime
                source: %s
                parameters:
                  unused: {value: 3, source: %s}
                  quorum: {value: 2/3, source: %s}
                interpretations:
                  - id: bad/reading
                    question: Which?
                    default: one
                    source: %s
                    options:
                      - {id: one, description: One, set_params: {nowhere/art-1: {x: true}}}
                precedence:
                  - {question: accession, prevails: no-such/art-9, over_kinds: [accession-rule], source: %s}
                  - {question: membership, prevails: bad-pact/art-1, over: [north-atlantic-treaty-1949/art-10], source: %s}
                instruments:
                  - eligible: {states: [RUS, ZZZ]}
                    instrument:
                      id: north-atlantic-treaty-1949
                      name: Clash of ids
                      legal_force: binding
                      source: %s
                  - instrument:
                      id: bad-pact
                      name: Bad pact
                      legal_force: binding
                      source: %s
                      provisions:
                        - {id: art-1, kind: conference, params: {quorum: $quorum, support: $missing}, source: %s}
                """.formatted(SRC, SRC, SRC, SRC, SRC, SRC, SRC, SRC, SRC));
        List<Problem> problems = RegimeLoader.check(dir, "mine", BASE);
        assertThat(problems).extracting(Problem::toString).anySatisfy(p -> assertThat(p).startsWith("mine/bad.yaml:5:").contains("unused"))
                .anySatisfy(p -> assertThat(p).contains("nowhere/art-1"))
                .anySatisfy(p -> assertThat(p).contains("no-such/art-9"))
                .anySatisfy(p -> assertThat(p).contains("question 'membership'"))
                .anySatisfy(p -> assertThat(p).contains("ZZZ"))
                .anySatisfy(p -> assertThat(p).contains("already in the data"))
                .anySatisfy(p -> assertThat(p).contains("unknown parameter 'missing'"));
        assertThat(problems).allSatisfy(p -> assertThat(p.line()).isPositive());
    }

    @Test
    void theShippedRegimesLoadAndTheStatusQuoIsAlwaysThere() throws IOException {
        Map<String, Regime> shipped = EmbeddedData.regimes(BASE);
        assertThat(shipped).containsKeys("status-quo", "est-2009", "esd-west", "russia-2021");
        assertThat(shipped.get("est-2009").parameters().values()).filteredOn(Regime.Parameter::unconfirmed)
                .extracting(Regime.Parameter::name).contains("extraordinary-decision", "extraordinary-attacker-vote", "eif-ratifications");
        assertThat(RegimeLoader.load(dir, "empty", BASE)).containsOnlyKeys("status-quo");
    }
}
