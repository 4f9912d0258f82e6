package org.eurosec.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A scenario file: a date, the regimes to compare, the events in the order they happen, and what
 * each regime is expected to find. {@code eventsOnly} makes hypothetical instruments take effect
 * only through the scenario's signatures and ratifications. One item of the file's event list can
 * stand for several events ({@code states: [A, B]}); {@code items} gives each event its item's
 * number, from 1, which is the number findings and expectations use.
 */
public record Scenario(
        String name,
        String description,
        LocalDate date,
        List<RegimeRun> regimes,
        boolean eventsOnly,
        List<Event> events,
        List<Integer> items,
        Map<String, List<Expectation>> expect,
        Provenance provenance) {

    /**
     * One regime as the scenario runs it: {@code label} names the column (the regime id unless the
     * file says {@code as:}); {@code interpretations} and {@code parameters} vary the regime for
     * this run, e.g. the literal reading of a principle or another ratification threshold.
     */
    public record RegimeRun(String label, String regime, Map<String, String> interpretations, Map<String, Object> parameters) {
    }

    /**
     * One expected finding, or a negative expectation ({@code absent}), matched against a regime's
     * findings. Empty fields match anything. {@code includes}/{@code excludes}/{@code count} apply to
     * the union of the actors of the matching findings; {@code covered}/{@code uncovered} to coverage
     * on the scenario's date after every event.
     */
    public record Expectation(
            java.util.Optional<String> effect,
            java.util.Optional<String> provision,
            java.util.Optional<Integer> event,
            List<String> includes,
            List<String> excludes,
            java.util.Optional<Integer> count,
            java.util.Optional<Integer> quorum,
            java.util.Optional<String> rule,
            java.util.Optional<LocalDate> by,
            java.util.Optional<Boolean> unconfirmed,
            boolean absent,
            List<String> covered,
            List<String> uncovered,
            java.util.Optional<Integer> levels,
            int line) {
    }
}
