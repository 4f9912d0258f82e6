package org.eurosec.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.Universe;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * What an analysis looks at: one day under one or more regimes (each regime's hypothetical
 * treaties in force among all eligible parties), or the world a scenario's events leave under each
 * of its regime columns. Shared by every analysis command as a mixin.
 */
final class Views {

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "The day (default: today; with --scenario, the day of its last event).")
    LocalDate date;

    @Mixin
    StrictOption strictOption;

    @Option(names = {"--regime", "--regimes"}, paramLabel = "ID", split = ",",
            description = "Regimes to compare side by side (default: status-quo); with --scenario, the scenario's columns to show.")
    List<String> regimes = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Analyse the world the scenario's events leave (a path, or the name of a shipped scenario).")
    Path scenario;

    @Option(names = "--all", description = "Every state in the data that exists that day, not only the CSCE/OSCE participants.")
    boolean all;

    @Option(names = "--exclude", paramLabel = "TAG", split = ",", description = "Leave out states with this tag (e.g. microstate).")
    List<String> exclude = new ArrayList<>();

    /** --strict: a day after the facts were last checked is answered unknown. */
    boolean strict() {
        return strictOption.strict;
    }

    /** One world to analyse: a label (the regime or scenario column), the data as that regime makes it, its reading, the day. */
    record View(String label, Architecture world, Reading reading, LocalDate day, Regime regime) {

        IntervalCoverage coverage() {
            return IntervalCoverage.of(world, reading);
        }
    }

    /** The options as the application layer's scope; -I choices come from the shared options. */
    org.eurosec.query.Worlds.Scope scope(Options options) {
        return new org.eurosec.query.Worlds.Scope(java.util.Optional.ofNullable(date), regimes,
                java.util.Optional.ofNullable(scenario).map(s -> org.eurosec.query.Scenarios.Source.named("scenario", s.toString())), all, exclude,
                options.interpretations(), strict());
    }

    Universe universe() {
        return new Universe(all, Set.copyOf(exclude));
    }

    List<View> views(Options options) {
        org.eurosec.query.Eurosec e = options.eurosec();
        Map<String, String> choices = e.choices(options.interpretations());
        List<org.eurosec.query.Eurosec.World> worlds = scenario != null
                ? e.scenarioWorlds(org.eurosec.query.Scenarios.Source.named("scenario", scenario.toString()), regimes, choices, java.util.Optional.ofNullable(date),
                        strict())
                : e.worlds(regimes, choices, java.util.Optional.ofNullable(date), strict());
        return worlds.stream().map(w -> new View(w.label(), w.world(), w.reading(), w.day(), w.regime())).toList();
    }
}
