package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.engine.Reading;
import org.eurosec.model.Architecture;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every provision's parameters are checked against its kind when the file is read: a key the kind
 * does not know, or a value the engine reads that is not of its type, is a problem naming the file
 * and the line, whatever the kind family, and whether written in a provision, an interpretation's
 * set_params or a regime parameter.
 */
class ProvisionParametersTest {

    static final Architecture BASE = EmbeddedData.load();
    static final String SRC = "https://example.org/source";

    @TempDir
    Path dir;

    /** A regime of one two-state instrument with one provision of {@code kind} and {@code params}, on line 14 of its file. */
    private Path regime(String kind, String params) throws IOException {
        Path d = dir.resolve("regimes");
        Files.createDirectories(d);
        Files.writeString(d.resolve("pact.yaml"), """
                id: pact
                name: A pact
                source: %s
                parameters:
                  the-quorum: {value: 2/3, source: %s}
                instruments:
                  - eligible: {states: [RUS, BLR]}
                    instrument:
                      id: pact
                      name: Pact
                      legal_force: binding
                      source: %s
                      provisions:
                        - {id: art-1, kind: %s, title: T, params: %s, source: %s}
                        - {id: art-2, kind: conference, title: T, params: {quorum: $the-quorum}, source: %s}
                """.formatted(SRC, SRC, SRC, kind, params, SRC, SRC));
        return d;
    }

    private List<String> problems(Path regimes) {
        return RegimeLoader.check(regimes, "regimes", BASE).stream().map(Problem::toString).toList();
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
        "extraordinary-conference | {attacker_votes: not-counted} | unknown parameter 'attacker_votes' for kind extraordinary-conference; known: attacker_vote, binding, convene_within, convener, decision,",
        "extraordinary-conference | {quorum: four-fifths-ish}     | 'four-fifths-ish' is not a value of params.quorum: give a fraction a/b of the parties (e.g. 4/5) or a whole number of parties",
        "extraordinary-conference | {attacker_vote: ignored}      | 'ignored' is not a value of params.attacker_vote: give one of counted, not-counted",
        "extraordinary-conference | {triggers: [invasion]}        | is not a value of params.triggers: give a list of armed-attack, threat-of-armed-attack",
        "conference               | {decision: majority}          | 'majority' is not a value of params.decision: give one of consensus, unanimity",
        "conference               | {support: 7/5}                | '7/5' is not a value of params.support: give a fraction",
        "conference               | {organisations_count: maybe}  | 'maybe' is not a value of params.organisations_count: give true or false",
        "consultation             | {hold_within: two weeks}      | 'two weeks' is not a value of params.hold_within: give an ISO-8601 period such as P30D",
        "consultation             | {reply_within_hours: many}    | 'many' is not a value of params.reply_within_hours: give a whole number",
        "information-request      | {reply_within: soon}          | 'soon' is not a value of params.reply_within: give an ISO-8601 period",
        "csbm-notification        | {threshold_troops: lots}      | 'lots' is not a value of params.threshold_troops: give a whole number",
        "csbm-notification        | {due: December}               | 'December' is not a value of params.due: give a day of the year MM-DD",
        "observation              | {threshold_tanks: 300}        | unknown parameter 'threshold_tanks' for kind observation; known:",
        "deployment-limit         | {hosts_joined_after: 1997-13-45} | '1997-13-45' is not a value of params.hosts_joined_after: give a date YYYY-MM-DD",
        "entry-into-force         | {rule: two-thirds}            | 'two-thirds' is not a value of params.rule: give one of more-than-half-of-signatories",
        "withdrawal               | {notice: a year}              | 'a year' is not a value of params.notice: give an ISO-8601 period",
        "indivisibility           | {accession_objection: perhaps} | 'perhaps' is not a value of params.accession_objection: give true or false",
        "non-enlargement          | {organisation: nato, applicants: UKR} | 'UKR' is not a value of params.applicants: give a list of ids",
        "mutual-assistance        | {obligaton: obliged, assistance: automatic} | unknown parameter 'obligaton' for kind mutual-assistance; known:",
        "principle                | {anything_new: 1}             | unknown parameter 'anything_new' for kind principle; known:",
    })
    void aBadParameterIsAProblemAtItsLine(String kind, String params, String message) throws IOException {
        List<String> problems = problems(regime(kind, params));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("regimes/pact.yaml:14: provision pact/art-1: ").contains(message));
    }

    @Test
    void goodParametersOfEveryFamilyLoadAndReadAsTyped() throws IOException {
        assertThat(problems(regime("extraordinary-conference",
                "{triggers: [armed-attack], quorum: 3/4, decision: consensus, attacker_vote: not-counted, convene_within: P2D, organisations_count: true}")))
                .isEmpty();
        Regime r = RegimeLoader.load(regime("extraordinary-conference",
                "{triggers: [armed-attack], quorum: 3/4, decision: consensus, attacker_vote: not-counted, convene_within: P2D}"), "regimes", BASE)
                .get("pact");
        Architecture world = RegimeApplication.apply(BASE, r, false);
        Provision p = world.provision("pact/art-1").orElseThrow();
        ProvisionTerms.ExtraordinaryConference t = Reading.defaults(world).terms(p, ProvisionTerms.ExtraordinaryConference.class);
        assertThat(t.triggers()).containsExactly(ProvisionTerms.Trigger.ARMED_ATTACK);
        assertThat(t.quorum()).contains("3/4");
        assertThat(t.decision()).contains(ProvisionTerms.Decision.CONSENSUS);
        assertThat(t.attackerVote()).isEqualTo(ProvisionTerms.AttackerVote.NOT_COUNTED);
        assertThat(t.conveneWithin().flatMap(ProvisionTerms.Deadline::period)).contains(Period.ofDays(2));
        assertThat(t.organisationsCount()).isFalse();
        // The regime parameter's value reads through the same record.
        ProvisionTerms.Conference c = Reading.defaults(world).terms(world.provision("pact/art-2").orElseThrow(), ProvisionTerms.Conference.class);
        assertThat(c.quorum()).contains("2/3");
        assertThat(c.proposer()).isEmpty();
    }

    @Test
    void eachParameterHasOneDefaultInItsRecord() {
        ProvisionTerms.ExtraordinaryConference x = (ProvisionTerms.ExtraordinaryConference) ProvisionTerms.of(ProvisionKind.EXTRAORDINARY_CONFERENCE,
                Map.of());
        assertThat(x.attackerVote()).isEqualTo(ProvisionTerms.AttackerVote.COUNTED);
        assertThat(x.decisionText()).isEqualTo("as its rules say");
        assertThat(x.convenerText()).isEqualTo("the depositary");
        assertThat(x.quorum()).isEmpty();
        ProvisionTerms.Thresholds th = (ProvisionTerms.Thresholds) ProvisionTerms.of(ProvisionKind.CSBM_NOTIFICATION, Map.of());
        assertThat(th.due()).isEqualTo(java.time.MonthDay.of(12, 15));
        assertThat(ProvisionTerms.of(ProvisionKind.NON_ENLARGEMENT, Map.of("organisation", "nato")))
                .isInstanceOfSatisfying(ProvisionTerms.NonEnlargement.class, n -> assertThat(n.covers("UKR")).isTrue());
    }

    @Test
    void anIllValuedRegimeParameterIsAProblemAtItsValue() throws IOException {
        Path d = regime("principle", "{}");
        Path f = d.resolve("pact.yaml");
        Files.writeString(f, Files.readString(f).replace("{value: 2/3,", "{value: two-thirds-ish,"));
        assertThat(problems(d)).anySatisfy(p -> assertThat(p).startsWith("regimes/pact.yaml:5: regime pact parameter the-quorum (used by pact/art-2, "
                + "kind conference): 'two-thirds-ish' is not a value of params.quorum"));
    }

    @Test
    void anIllValuedSetParamsIsAProblemAtItsLine() throws IOException {
        Path d = regime("indivisibility", "{accession_objection: true}");
        Path f = d.resolve("pact.yaml");
        Files.writeString(f, Files.readString(f).replace("instruments:\n", """
                interpretations:
                  - id: pact/veto
                    question: Veto?
                    default: yes-veto
                    source: %s
                    options:
                      - {id: yes-veto, description: Yes, set_params: {pact/art-1: {accession_objection: true}}}
                      - {id: no-veto, description: No, set_params: {pact/art-1: {accession_objection: perhaps, accession_objections: false}}}
                precedence:
                  - {question: accession, prevails: pact/art-1, over_kinds: [accession-rule, free-choice-of-alliances], source: %s}
                instruments:
                """.formatted(SRC, SRC)));
        List<String> problems = problems(d);
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("regimes/pact.yaml:13: interpretation pact/veto set_params.pact/art-1: ")
                .contains("'perhaps' is not a value of params.accession_objection: give true or false"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("regimes/pact.yaml:13: ")
                .contains("unknown parameter 'accession_objections' for kind indivisibility"));
    }

    @Test
    void aScenarioColumnCannotSetAParameterToAValueItsProvisionCannotRead() {
        Regime est = EmbeddedData.regimes(BASE).get("est-2009");
        assertThat(est.parameterProblem("extraordinary-quorum", "3/4")).isEmpty();
        assertThat(est.parameterProblem("extraordinary-quorum", "most")).get().asString()
                .contains("'most' is not a value of params.quorum");
        assertThatThrownBy(() -> est.withParameter("extraordinary-attacker-vote", "sometimes")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("give one of counted, not-counted");
    }
}
