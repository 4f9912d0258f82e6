package org.eurosec.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eurosec.model.Architecture;
import org.eurosec.model.Event;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;

/**
 * Runs a scenario's events under one regime and returns the findings. Each event type has one
 * handler ({@link EventHandlers}: membership, treaty, force, military and mechanism events); a
 * handler looks up the provisions of the kinds it understands among the instruments in force on the event's day (never a particular treaty by name) and reads their typed terms through
 * the reading, so a regime or an interpretation changes the answer by changing data.
 */
public final class ScenarioEngine {

    private final Architecture base;

    public ScenarioEngine(Architecture base) {
        this.base = base;
    }

    /**
     * The result of a scenario under one regime: findings in event order, coverage after every event,
     * and the world the events leave (the data with the regime applied and the scenario's signatures,
     * ratifications, accessions and withdrawals in it) with its reading, for any further analysis.
     */
    public record Outcome(String regime, LocalDate asOf, Map<String, String> interpretations, List<Finding> findings,
            List<String> covered, List<String> uncovered, List<Level> levels, Architecture world, Reading reading) {
    }

    /**
     * A level of security: the participating States that hold exactly the same set of binding
     * guarantees (by provision) after the scenario's events; the uncovered form a level of their own.
     */
    public record Level(List<String> provisions, List<String> states) {
    }

    /** The levels of security among {@code states} in a snapshot, largest set of guarantees first. */
    public static List<Level> levels(Snapshot snap, Set<String> states) {
        return levels(snap, states, g -> true);
    }

    /** As {@link #levels(Snapshot, Set)}, counting only the guarantees {@code counts} accepts. */
    public static List<Level> levels(Snapshot snap, Set<String> states, java.util.function.Predicate<GuaranteeGroup> counts) {
        Map<List<String>, List<String>> by = new java.util.TreeMap<>((a, b) -> a.size() != b.size() ? Integer.compare(b.size(), a.size())
                : String.join(",", a).compareTo(String.join(",", b)));
        for (String s : states) {
            List<String> key = snap.guaranteesOf(s).stream().filter(counts).map(g -> g.provision().id()).distinct().sorted().toList();
            by.computeIfAbsent(key, k -> new ArrayList<>()).add(s);
        }
        List<Level> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new Level(k, List.copyOf(v))));
        return List.copyOf(out);
    }

    /**
     * Runs {@code scenario} under {@code regime}, with interpretation choices {@code choices}
     * (id → option) on top of the defaults. Throws {@link UndeclaredClash} when two provisions
     * would decide one question and the regime does not say which prevails.
     */
    public Outcome run(Scenario scenario, Regime regime, Map<String, String> choices) {
        Architecture world = RegimeApplication.apply(base, regime, scenario.eventsOnly());
        EngineRun run = new EngineRun(regime, world, choices);
        LocalDate last = scenario.date();
        List<Event> events = scenario.events();
        for (int k = 0; k < events.size(); k++) {
            Event e = events.get(k);
            int item = scenario.items().get(k);
            run.lastOfItem = k + 1 == events.size() || scenario.items().get(k + 1) != item;
            EventHandlers.handle(run, item, e);
            if (e.on().isAfter(last)) {
                last = e.on();
            }
        }
        Snapshot after = run.builder().snapshot(last);
        List<String> covered = new ArrayList<>();
        List<String> uncovered = new ArrayList<>();
        Set<String> participants = run.participants(last);
        for (String s : participants) {
            (after.covered(s) ? covered : uncovered).add(s);
        }
        return new Outcome(regime.id(), last, run.reading.choices(), List.copyOf(run.findings), covered, uncovered,
                levels(after, participants), run.world, run.reading);
    }

    /** Runs one of the scenario's regime columns: the regime with the column's parameters and interpretations. */
    public Outcome run(Scenario scenario, Scenario.RegimeRun column, Map<String, Regime> regimes, Map<String, String> extraChoices) {
        Regime r = regimes.get(column.regime());
        for (Map.Entry<String, Object> p : column.parameters().entrySet()) {
            r = r.withParameter(p.getKey(), p.getValue());
        }
        Map<String, String> choices = new LinkedHashMap<>(column.interpretations());
        choices.putAll(extraChoices);
        Outcome o = run(scenario, r, choices);
        return new Outcome(column.label(), o.asOf(), o.interpretations(), o.findings(), o.covered(), o.uncovered(), o.levels(), o.world(), o.reading());
    }

    /** Who may block {@code applicant}'s accession to {@code organisation} on {@code day} under a regime. */
    public AccessionDecision accession(Regime regime, Map<String, String> choices, String applicant, String organisation, LocalDate day) {
        EngineRun run = new EngineRun(regime, RegimeApplication.apply(base, regime, false), choices);
        return run.accession(0, applicant, organisation, day);
    }

    static String shorten(String note) {
        String s = note.replaceAll("\\s+", " ").trim();
        return s.length() > 140 ? s.substring(0, 137) + "..." : s;
    }
}
