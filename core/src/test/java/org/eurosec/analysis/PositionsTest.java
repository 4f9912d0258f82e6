package org.eurosec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eurosec.analysis.StatedPositions.Held;
import org.eurosec.analysis.StatedPositions.Stance;
import org.eurosec.analysis.StatedPositions.Verdict;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Positions;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;

/** Regime answers read from provisions; positions as of a day; verdicts recomputed from the statements. */
class PositionsTest {

    static final Architecture A = EmbeddedData.load();
    static final Map<String, Regime> REGIMES = EmbeddedData.regimes(A);
    static final LocalDate DAY = LocalDate.of(2009, 12, 1);

    static Map<String, String> answers(String regime, Map<String, String> choices) {
        Architecture w = RegimeApplication.apply(A, REGIMES.get(regime), false);
        Reading r = Reading.defaults(w);
        for (var c : choices.entrySet()) {
            r = r.with(c.getKey(), c.getValue());
        }
        return RegimeChoices.of(REGIMES.get(regime), w, r, DAY).stream()
                .collect(Collectors.toMap(RegimeChoices.Choice::question, RegimeChoices.Choice::answer, (x, y) -> x, LinkedHashMap::new));
    }

    @Test
    void eachRegimesAnswersFollowFromItsProvisions() {
        assertThat(answers("est-2009", Map.of())).containsExactly(Map.entry("architecture", "new"), Map.entry("form", "binding"),
                Map.entry("scope", "hard-security"), Map.entry("veto", "veto"));
        // The literal reading of Art. 1 gives no party an objection: no veto left in the draft.
        assertThat(answers("est-2009", Map.of("est-2009/indivisibility-veto", "literal-text"))).containsEntry("veto", "free-choice");
        assertThat(answers("esd-west", Map.of())).containsExactly(Map.entry("architecture", "existing"), Map.entry("form", "political"),
                Map.entry("scope", "comprehensive"), Map.entry("veto", "free-choice"));
        assertThat(answers("status-quo", Map.of())).containsEntry("form", "political").containsEntry("veto", "free-choice")
                .containsEntry("scope", "comprehensive");
        assertThat(answers("russia-2021", Map.of())).containsEntry("veto", "veto").containsEntry("form", "binding");
    }

    @Test
    void aStateBlocksExactlyWhenOneOfItsLatestStatementsContradictsAnAnswer() {
        Set<String> actors = new java.util.TreeSet<>();
        A.positions().statements().forEach(s -> {
            if (A.state(s.actor()).isPresent()) {
                actors.add(s.actor());
            }
        });
        Map<String, Map<String, Held>> held = StatedPositions.on(A, DAY, actors, false);
        // Latest on or before the day: nothing said after DAY is used.
        held.values().forEach(m -> m.values().forEach(h -> assertThat(h.statement().date()).isBeforeOrEqualTo(DAY)));
        Map<String, String> est = answers("est-2009", Map.of());
        for (Verdict v : StatedPositions.judge(held, est)) {
            boolean contradicts = false;
            for (Positions.Statement s : A.positions().statements()) {
                if (!s.actor().equals(v.actor()) || s.date().isAfter(DAY)) {
                    continue;
                }
                Held h = held.get(v.actor()).get(s.question());
                boolean latest = h.statement() == s;
                contradicts |= latest && !s.answer().equals(Positions.OPEN) && !s.answer().equals(est.get(s.question()));
            }
            assertThat(v.stance() == Stance.BLOCKS).as(v.actor()).isEqualTo(contradicts);
        }
        // The brief's reading: Washington rejects the draft; Paris only showed interest.
        Map<String, Stance> by = StatedPositions.judge(held, est).stream().collect(Collectors.toMap(Verdict::actor, Verdict::stance));
        assertThat(by.get("USA")).isEqualTo(Stance.BLOCKS);
        assertThat(by.get("FRA")).isNotEqualTo(Stance.BLOCKS);
    }

    @Test
    void variantsCoverAllSixteenCombinationsFewestBlockersFirst() {
        Map<String, Map<String, Held>> held = StatedPositions.on(A, DAY, List.of("RUS", "USA", "FRA", "DEU", "POL"), false);
        List<StatedPositions.Variant> v = StatedPositions.variants(A.positions().questions(), held);
        assertThat(v).hasSize(16);
        assertThat(v.stream().map(StatedPositions.Variant::answers).distinct()).hasSize(16);
        for (int i = 1; i < v.size(); i++) {
            assertThat(v.get(i).blockers().size()).isGreaterThanOrEqualTo(v.get(i - 1).blockers().size());
        }
        for (StatedPositions.Variant x : v) {
            assertThat(x.blockers()).isEqualTo(StatedPositions.judge(held, x.answers()).stream()
                    .filter(y -> y.stance() == Stance.BLOCKS).map(Verdict::actor).toList());
        }
    }

    @Test
    void theLatestStatementReplacesTheMostRecentEarlierOneWithAnotherAnswer() {
        LocalDate day = LocalDate.of(2010, 12, 31);
        Map<String, Map<String, Held>> held = StatedPositions.on(A, day, List.of("RUS"), false);
        for (Held h : held.get("RUS").values()) {
            // Recomputed from the statements: the earlier ones on the question that answer otherwise, the latest of them.
            java.util.Optional<Positions.Statement> expected = A.positions().statements().stream()
                    .filter(s -> s.actor().equals("RUS") && s.question().equals(h.question()) && !s.date().isAfter(day))
                    .filter(s -> s != h.statement() && !s.answer().equals(h.answer()) && s.date().isBefore(h.statement().date()))
                    .max(java.util.Comparator.comparing(Positions.Statement::date));
            assertThat(h.supersedes().map(Positions.Statement::date)).as(h.question()).isEqualTo(expected.map(Positions.Statement::date));
        }
    }

    @Test
    void theProposerAcceptsItsProposalWithItsContraryStatementsSetAside() {
        LocalDate day = LocalDate.of(2010, 12, 31);
        Map<String, Map<String, Held>> held = StatedPositions.on(A, day, List.of("RUS", "USA"), false);
        Map<String, String> est = answers("est-2009", Map.of());
        Map<String, Verdict> plain = StatedPositions.judge(held, est).stream().collect(Collectors.toMap(Verdict::actor, v -> v));
        Map<String, Verdict> proposer = StatedPositions.judge(held, est, java.util.Optional.of("RUS")).stream()
                .collect(Collectors.toMap(Verdict::actor, v -> v));
        // Judged on statements alone, whatever Russia's latest statements contradict makes it block; as proposer it accepts,
        // and exactly those statements are set aside. Another state's verdict does not change.
        assertThat(proposer.get("RUS").stance()).isEqualTo(Stance.ACCEPTS);
        assertThat(proposer.get("RUS").objections()).isEmpty();
        assertThat(proposer.get("RUS").setAside()).isEqualTo(plain.get("RUS").objections());
        assertThat(plain.get("RUS").stance() == Stance.BLOCKS).isEqualTo(!plain.get("RUS").objections().isEmpty());
        assertThat(proposer.get("USA")).isEqualTo(plain.get("USA"));
        assertThat(REGIMES.get("est-2009").proposal()).hasValueSatisfying(p -> assertThat(p.actor()).isEqualTo("RUS"));
        assertThat(REGIMES.get("esd-west").proposal()).isEmpty();
    }
}
