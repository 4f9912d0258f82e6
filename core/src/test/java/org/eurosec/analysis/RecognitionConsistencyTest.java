package org.eurosec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eurosec.analysis.RecognitionConsistency.Silence;
import org.eurosec.analysis.RecognitionConsistency.StateRecord;
import org.eurosec.analysis.RecognitionConsistency.Verdict;
import org.eurosec.engine.Reading;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Recognitions;
import org.junit.jupiter.api.Test;

/** The verdict follows from each state's acts in data/recognitions.yaml, recomputed here case by case. */
class RecognitionConsistencyTest {

    static final Architecture A = EmbeddedData.load();
    static final IntervalCoverage COVERAGE = IntervalCoverage.of(A, Reading.defaults(A));
    static final LocalDate DAY = LocalDate.of(2009, 12, 1);

    static Map<String, Verdict> verdicts(Silence silence, Set<String> aside) {
        List<StateRecord> r = RecognitionConsistency.of(COVERAGE, DAY, Universe.participating(), silence, aside).orElseThrow();
        return r.stream().collect(Collectors.toMap(s -> s.state().id(), StateRecord::verdict));
    }

    @Test
    void aStateIsInconsistentExactlyWhenItRecognisesOneCaseAndRefusesOrIgnoresAnotherNotItsOwn() {
        Map<String, Verdict> v = verdicts(Silence.INTEGRITY, Set.of());
        for (Map.Entry<String, Verdict> e : v.entrySet()) {
            String s = e.getKey();
            boolean recognisesOne = false;
            boolean notAnother = false;
            for (Recognitions.Case c : A.recognitions().cases()) {
                if (c.parent().equals(s) || c.entity().equals(s) || !A.state(c.entity()).orElseThrow().existsOn(DAY)) {
                    continue;
                }
                boolean recognised = A.recognitions().acts().stream().anyMatch(x -> x.entity().equals(c.entity()) && x.by().equals(s)
                        && x.stance() == Recognitions.Stance.RECOGNISES && x.standsOn(DAY));
                recognisesOne |= recognised;
                notAnother |= !recognised;
            }
            assertThat(e.getValue() == Verdict.INCONSISTENT).as(s).isEqualTo(recognisesOne && notAnother);
        }
        assertThat(v.get("RUS")).isEqualTo(Verdict.INCONSISTENT);
        assertThat(v.get("ESP")).isEqualTo(Verdict.CONSISTENT_INTEGRITY);
    }

    @Test
    void theReadingsChangeTheVerdicts() {
        // Setting Kosovo aside as sui generis leaves the United States with refusals only.
        assertThat(verdicts(Silence.INTEGRITY, Set.of()).get("USA")).isEqualTo(Verdict.INCONSISTENT);
        assertThat(verdicts(Silence.INTEGRITY, Set.of("XKX")).get("USA")).isEqualTo(Verdict.CONSISTENT_INTEGRITY);
        // Albania recognised Kosovo and said nothing explicit on the others: inconsistent only if silence counts.
        assertThat(verdicts(Silence.INTEGRITY, Set.of()).get("ALB")).isEqualTo(Verdict.INCONSISTENT);
        assertThat(verdicts(Silence.ABSTAIN, Set.of()).get("ALB")).isEqualTo(Verdict.CONSISTENT_SELF_DETERMINATION);
        // Before 2008 Kosovo is no case: the Western states' record is one of refusals and silence.
        Map<String, Verdict> y2000 = RecognitionConsistency.of(COVERAGE, LocalDate.of(2000, 1, 1), Universe.participating(), Silence.INTEGRITY, Set.of())
                .orElseThrow().stream().collect(Collectors.toMap(s -> s.state().id(), StateRecord::verdict));
        assertThat(y2000.get("USA")).isEqualTo(Verdict.CONSISTENT_INTEGRITY);
        assertThat(y2000.get("TUR")).as("Turkey recognises Northern Cyprus, not the others").isEqualTo(Verdict.INCONSISTENT);
    }
}
