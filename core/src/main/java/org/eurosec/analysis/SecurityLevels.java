package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.engine.ScenarioEngine.Level;
import org.eurosec.engine.Snapshot;
import org.eurosec.model.Architecture;

/**
 * Levels of security, the zones the draft treaty's principle forbids: the states of a universe
 * grouped by the exact set of binding guarantees (by provision) they hold on a day. States with no
 * guarantee form a level of their own. The rule is the one scenario expectations use. With
 * {@code recognisedGuarantorsOnly} (the default reading, interpretation {@code levels-guarantors}),
 * a guarantee counts only if at least one of its guarantors is generally recognised that day
 * ({@link GeneralRecognition}); the others are returned as not counted, never dropped silently.
 */
public final class SecurityLevels {

    private SecurityLevels() {
    }

    /** A guarantee left out of the levels: its beneficiary, provision and guarantors, none generally recognised that day. */
    public record NotCounted(String beneficiary, String provision, List<String> guarantors) {
    }

    /** The levels, most guarantees first, and the guarantees not counted. */
    public record Result(List<Level> levels, List<NotCounted> notCounted) {
    }

    /** The levels on {@code day} counting every guarantee; empty when the data does not cover the day. */
    public static Optional<List<Level>> of(IntervalCoverage coverage, LocalDate day, Universe universe) {
        return of(coverage, day, universe, null, false).map(Result::levels);
    }

    /**
     * The levels on {@code day} in {@code world}; with {@code recognisedGuarantorsOnly}, a guarantee
     * whose guarantors are all not generally recognised that day is not counted. Empty when the data
     * does not cover the day.
     */
    public static Optional<Result> of(IntervalCoverage coverage, LocalDate day, Universe universe, Architecture world,
            boolean recognisedGuarantorsOnly) {
        if (!(coverage.coverage(day, universe) instanceof Known known)) {
            return Optional.empty();
        }
        Set<String> states = new LinkedHashSet<>();
        known.states().forEach(s -> states.add(s.state().id()));
        Snapshot snap = coverage.timeline().on(day);
        if (!recognisedGuarantorsOnly) {
            return Optional.of(new Result(ScenarioEngine.levels(snap, states), List.of()));
        }
        java.util.Map<String, Boolean> recognised = new java.util.HashMap<>();
        java.util.function.Predicate<GuaranteeGroup> counts = g -> g.guarantorIds().stream()
                .anyMatch(x -> recognised.computeIfAbsent(x, y -> GeneralRecognition.on(world, y, day)));
        List<NotCounted> left = new ArrayList<>();
        for (String s : states) {
            snap.guaranteesOf(s).stream().filter(counts.negate()).forEach(g -> left.add(new NotCounted(s, g.provision().id(), g.guarantorIds())));
        }
        return Optional.of(new Result(ScenarioEngine.levels(snap, states, counts), List.copyOf(left)));
    }
}
