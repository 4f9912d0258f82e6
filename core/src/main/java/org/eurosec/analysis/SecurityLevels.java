package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.engine.ScenarioEngine.Level;

/**
 * Levels of security, the zones the draft treaty's principle forbids: the states of a universe
 * grouped by the exact set of binding guarantees (by provision) they hold on a day. States with no
 * guarantee form a level of their own. The rule is the one scenario expectations use.
 */
public final class SecurityLevels {

    private SecurityLevels() {
    }

    /** The levels on {@code day}, most guarantees first; empty when the data does not cover the day. */
    public static Optional<List<Level>> of(IntervalCoverage coverage, LocalDate day, Universe universe) {
        if (!(coverage.coverage(day, universe) instanceof Known known)) {
            return Optional.empty();
        }
        Set<String> states = new LinkedHashSet<>();
        known.states().forEach(s -> states.add(s.state().id()));
        return Optional.of(ScenarioEngine.levels(coverage.timeline().on(day), states));
    }
}
