package org.eurosec.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.model.Scenario;

/**
 * Checks a scenario's expected findings against what the engine found. A finding matches an
 * expectation when every field the expectation gives (effect, provision, event, quorum, rule,
 * deadline, unconfirmed) agrees; {@code includes}, {@code excludes} and {@code count} then apply
 * to the union of the matching findings' actors. {@code absent} inverts: no finding may match.
 */
public final class Expectations {

    private Expectations() {
    }

    /** One expectation's verdict, with a message that says what was expected and what was found. */
    public record Check(Scenario.Expectation expectation, boolean passed, String message) {
    }

    public static List<Check> check(ScenarioEngine.Outcome outcome, List<Scenario.Expectation> expected) {
        List<Check> out = new ArrayList<>();
        for (Scenario.Expectation x : expected) {
            out.add(check(outcome, x));
        }
        return out;
    }

    static Check check(ScenarioEngine.Outcome o, Scenario.Expectation x) {
        List<String> problems = new ArrayList<>();
        for (String s : x.covered()) {
            if (!o.covered().contains(s)) {
                problems.add(s + " expected covered on " + o.asOf() + ", is not");
            }
        }
        for (String s : x.uncovered()) {
            if (!o.uncovered().contains(s)) {
                problems.add(s + " expected uncovered on " + o.asOf() + ", is " + (o.covered().contains(s) ? "covered" : "not in the listing"));
            }
        }
        if (x.levels().isPresent() && x.levels().get() != o.levels().size()) {
            problems.add(o.levels().size() + " levels of security on " + o.asOf() + ", expected " + x.levels().get());
        }
        boolean aboutFindings = x.effect().isPresent() || x.provision().isPresent() || x.event().isPresent() || !x.includes().isEmpty()
                || !x.excludes().isEmpty() || x.count().isPresent() || x.quorum().isPresent() || x.rule().isPresent() || x.by().isPresent()
                || x.unconfirmed().isPresent();
        if (aboutFindings) {
            List<Finding> matching = o.findings().stream().filter(f -> matches(f, x)).toList();
            Set<String> actors = new TreeSet<>();
            matching.forEach(f -> actors.addAll(f.actors()));
            String what = describe(x);
            if (x.absent()) {
                List<Finding> offending = x.includes().isEmpty() ? matching
                        : matching.stream().filter(f -> f.actors().stream().anyMatch(x.includes()::contains)).toList();
                if (!offending.isEmpty()) {
                    problems.add("expected no finding " + what + ", found: " + offending.get(0).text());
                }
            } else if (matching.isEmpty()) {
                problems.add("expected a finding " + what + ", found none");
            } else {
                List<String> missing = x.includes().stream().filter(s -> !actors.contains(s)).toList();
                if (!missing.isEmpty()) {
                    problems.add("findings " + what + " do not include " + String.join(", ", missing));
                }
                List<String> present = x.excludes().stream().filter(actors::contains).toList();
                if (!present.isEmpty()) {
                    problems.add("findings " + what + " include " + String.join(", ", present) + ", expected not");
                }
                if (x.count().isPresent() && x.count().get() != actors.size()) {
                    problems.add("findings " + what + " concern " + actors.size() + " actors, expected " + x.count().get());
                }
            }
        }
        String message = problems.isEmpty() ? "ok: " + describe(x) : String.join("; ", problems);
        return new Check(x, problems.isEmpty(), message);
    }

    private static boolean matches(Finding f, Scenario.Expectation x) {
        return x.effect().map(e -> e.equals(f.effect().id())).orElse(true)
                && x.provision().map(p -> f.provision().map(p::equals).orElse(false)).orElse(true)
                && x.event().map(e -> e == f.event()).orElse(true)
                && x.quorum().map(q -> f.quorum().isPresent() && f.quorum().getAsInt() == q).orElse(true)
                && x.rule().map(r -> f.rule().map(r::equals).orElse(false)).orElse(true)
                && x.by().map(b -> f.by().map(b::equals).orElse(false)).orElse(true)
                && x.unconfirmed().map(u -> u == f.dependsOnUnconfirmed()).orElse(true);
    }

    static String describe(Scenario.Expectation x) {
        List<String> parts = new ArrayList<>();
        x.effect().ifPresent(e -> parts.add("effect " + e));
        x.provision().ifPresent(p -> parts.add("under " + p));
        x.event().ifPresent(e -> parts.add("on event " + e));
        x.quorum().ifPresent(q -> parts.add("quorum " + q));
        x.rule().ifPresent(r -> parts.add("rule " + r));
        x.by().ifPresent(b -> parts.add("by " + b));
        x.unconfirmed().ifPresent(u -> parts.add(u ? "resting on an unconfirmed value" : "resting on confirmed values"));
        if (!x.includes().isEmpty()) {
            parts.add("including " + String.join(" ", x.includes()));
        }
        if (!x.excludes().isEmpty()) {
            parts.add("excluding " + String.join(" ", x.excludes()));
        }
        x.count().ifPresent(c -> parts.add(c + " actors"));
        if (!x.covered().isEmpty()) {
            parts.add("covered " + String.join(" ", x.covered()));
        }
        if (!x.uncovered().isEmpty()) {
            parts.add("uncovered " + String.join(" ", x.uncovered()));
        }
        x.levels().ifPresent(l -> parts.add(l + " levels of security"));
        return (x.absent() ? "none " : "") + String.join(", ", parts) + " (line " + x.line() + ")";
    }
}
