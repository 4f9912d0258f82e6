package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eurosec.engine.Expectations;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Event;
import org.eurosec.model.Scenario;
import org.eurosec.query.Common.FindingView;

/**
 * A scenario's events run under each of its regimes: the findings, who is covered afterwards, the
 * levels of security, and whether the findings the file expects hold.
 */
public final class ScenarioRun {

    private ScenarioRun() {
    }

    /**
     * @param scenario the scenario file (a path or a shipped scenario's name)
     * @param regimes only these regime columns (empty: the scenario's own)
     * @param interpretations the choices as ID=OPTION
     * @param explain carry each finding's explanation tree
     */
    public record Query(Scenarios.Source scenario, List<String> regimes, List<String> interpretations, boolean explain) {
        public Query {
            regimes = List.copyOf(regimes);
            interpretations = List.copyOf(interpretations);
        }
    }

    /**
     * The run. {@code description} and {@code events} are for reading the scenario before its
     * findings (the table); they are not part of the JSON.
     */
    public record View(String scenario, LocalDate date, String file, List<Column> regimes, boolean expectationsHold,
            @JsonIgnore String description, @JsonIgnore List<EventLine> events) {
    }

    /** One event of the scenario: its item in the file (several events may share one), kind, day and what happens. */
    public record EventLine(int item, String kind, LocalDate on, String text) {
    }

    /**
     * One regime column after the events. {@code regimeId} is the regime the column runs (its label
     * may differ) and {@code ownChoices} the interpretation choices that are the column's own
     * (those it sets, and the regime's own interpretations), as ID=OPTION; neither is in the JSON.
     */
    public record Column(String regime, LocalDate asOf, Map<String, String> interpretations, List<FindingView> findings, List<String> covered,
            List<String> uncovered, List<Level> levels, List<Expectation> expectations,
            @JsonIgnore String regimeId, @JsonIgnore List<String> ownChoices) {
    }

    /** Participating States holding exactly the same binding guarantees (by provision); none: the uncovered. */
    public record Level(List<String> provisions, List<String> states) {
    }

    /** One expected finding of the file (at its line) and whether it holds. */
    public record Expectation(int line, boolean holds, String message) {
    }

    static View answer(Eurosec e, Query q) {
        Scenarios.Prepared prepared = Scenarios.prepare(e, q.scenario(), q.regimes());
        Map<String, String> choices = e.choices(q.interpretations());
        Scenario s = prepared.scenario();
        List<Column> columns = new ArrayList<>();
        boolean hold = true;
        for (Scenario.RegimeRun column : prepared.columns()) {
            ScenarioEngine.Outcome o = prepared.run(e, column, choices);
            List<Expectations.Check> checks = Expectations.check(o, s.expect().getOrDefault(column.label(), List.of()));
            hold &= checks.stream().allMatch(Expectations.Check::passed);
            List<String> own = o.interpretations().entrySet().stream()
                    .filter(x -> !column.interpretations().isEmpty() && column.interpretations().containsKey(x.getKey())
                            || x.getKey().startsWith(column.regime() + "/"))
                    .map(x -> x.getKey() + "=" + x.getValue()).toList();
            columns.add(new Column(o.regime(), o.asOf(), o.interpretations(), o.findings().stream().map(f -> FindingView.of(f, q.explain())).toList(),
                    o.covered(), o.uncovered(), o.levels().stream().map(l -> new Level(l.provisions(), l.states())).toList(),
                    checks.stream().map(c -> new Expectation(c.expectation().line(), c.passed(), c.message())).toList(), column.regime(), own));
        }
        List<EventLine> events = new ArrayList<>();
        for (int i = 0; i < s.events().size(); i++) {
            Event ev = s.events().get(i);
            events.add(new EventLine(s.items().get(i), ev.kind(), ev.on(), describe(ev)));
        }
        return new View(s.name(), s.date(), s.provenance().file(), columns, hold, s.description(), events);
    }

    /** What an event does, in a few words: who asks, joins, leaves, signs, attacks, moves troops or proposes what. */
    static String describe(Event e) {
        if (e instanceof Event.AccessionRequest r) {
            return r.applicant() + " -> " + r.organisation();
        } else if (e instanceof Event.Accession x) {
            return x.state() + " -> " + x.target();
        } else if (e instanceof Event.Withdrawal x) {
            return x.state() + " leaves " + x.target();
        } else if (e instanceof Event.Signature x) {
            return x.state() + " signs " + x.instrument();
        } else if (e instanceof Event.Ratification x) {
            return x.state() + " ratifies " + x.instrument();
        } else if (e instanceof Event.ArmedAttack x) {
            return x.attacker() + " attacks " + x.victim();
        } else if (e instanceof Event.Threat x) {
            return x.by() + " threatens " + x.against();
        } else if (e instanceof Event.MilitaryActivity x) {
            return x.state() + ": " + x.troops() + " troops, " + x.battleTanks() + " tanks, " + x.acv() + " ACVs, " + x.artillery()
                    + " artillery, starting " + x.starts() + x.notifiedOn().map(d -> ", notified " + d).orElse(", not notified");
        } else if (e instanceof Event.Deployment x) {
            return x.troops() + " troops of " + x.state() + " on " + x.host() + (x.hostConsent() ? " (host consents)" : " (no consent)");
        } else if (e instanceof Event.InformationRequest x) {
            return x.from() + " asks " + x.to() + (x.subject().isEmpty() ? "" : " about " + x.subject());
        } else if (e instanceof Event.ConsultationRequest x) {
            return x.from() + " with " + String.join(" ", x.with());
        } else if (e instanceof Event.ConferenceProposal x) {
            return x.by() + (x.supportedBy().isEmpty() ? "" : ", supported by " + String.join(" ", x.supportedBy()));
        }
        return "";
    }
}
