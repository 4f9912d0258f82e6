package org.eurosec.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eurosec.model.Architecture;
import org.eurosec.model.Event;
import org.eurosec.model.Provenance;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads a scenario file: its date, regimes, events and expected findings, checking every id against
 * the data and the regimes, every date against what the data covers, and the order of the events.
 * A problem names the file and line; nothing is half-read.
 */
public final class ScenarioLoader {

    private static final Set<String> SCENARIO_KEYS = Set.of("name", "description", "date", "regimes", "hypothetical_instruments",
            "events", "expect", "source", "note");
    private static final Set<String> EXPECT_KEYS = Set.of("effect", "provision", "event", "includes", "excludes", "count", "quorum",
            "rule", "by", "unconfirmed", "absent", "covered", "uncovered", "levels", "note");
    private static final Map<String, Set<String>> EVENT_KEYS = new LinkedHashMap<>();
    private static final Set<String> EFFECTS = Set.of("entitled", "obliged", "prohibited", "may-block", "decides", "triggers",
            "not-required", "not-entitled", "breached", "covered");

    static {
        EVENT_KEYS.put("accession-request", Set.of("applicant", "organisation"));
        EVENT_KEYS.put("accession", Set.of("state", "states", "organisation", "instrument"));
        EVENT_KEYS.put("withdrawal", Set.of("state", "organisation", "instrument"));
        EVENT_KEYS.put("signature", Set.of("state", "states", "instrument"));
        EVENT_KEYS.put("ratification", Set.of("state", "states", "instrument"));
        EVENT_KEYS.put("armed-attack", Set.of("attacker", "victim"));
        EVENT_KEYS.put("threat", Set.of("by", "against"));
        EVENT_KEYS.put("military-activity", Set.of("state", "troops", "battle_tanks", "acv", "artillery", "starts", "notified_on"));
        EVENT_KEYS.put("deployment", Set.of("state", "host", "troops", "host_consent"));
        EVENT_KEYS.put("information-request", Set.of("from", "to", "subject"));
        EVENT_KEYS.put("consultation-request", Set.of("from", "with", "subject"));
        EVENT_KEYS.put("conference-proposal", Set.of("by", "supported_by", "subject"));
    }

    private ScenarioLoader() {
    }

    public static Scenario load(Path file, String shown, Architecture base, Map<String, Regime> regimes) {
        LoadContext ctx = new LoadContext(shown);
        Nodes n = ctx.nodes(shown);
        Optional<Scenario> scenario = ctx.mapping(file, shown, "scenario").flatMap(root -> scenario(n, root, base, regimes));
        if (ctx.hasProblems() || scenario.isEmpty()) {
            throw new DataException(ctx.ordered());
        }
        return scenario.get();
    }

    private static Optional<Scenario> scenario(Nodes n, Node root, Architecture base, Map<String, Regime> regimes) {
        return n.topFields(root, "scenario", SCENARIO_KEYS).flatMap(f -> {
            Optional<String> name = f.requiredString("name");
            String description = f.string("description").orElse("");
            Optional<LocalDate> date = f.requiredDate("date");
            date.ifPresent(d -> within(n, f.line("date"), "scenario date", d, base));
            List<Scenario.RegimeRun> runs = new ArrayList<>();
            for (Node rn : f.list("regimes")) {
                regimeRun(n, rn, base, regimes).ifPresent(r -> {
                    if (runs.stream().anyMatch(x -> x.label().equals(r.label()))) {
                        n.problem(rn, "regime column '" + r.label() + "' appears twice (give the second one 'as: another-name')");
                    } else {
                        runs.add(r);
                    }
                });
            }
            if (!f.has("regimes")) {
                n.problem(f.line(), "scenario has no 'regimes' (a list of regime ids, e.g. [status-quo, est-2009])");
            }
            List<String> regimeIds = runs.stream().map(Scenario.RegimeRun::label).toList();
            boolean eventsOnly = f.string("hypothetical_instruments").map(v -> {
                if (!v.equals("events") && !v.equals("all-eligible")) {
                    n.problem(f.line("hypothetical_instruments"), "hypothetical_instruments must be 'events' or 'all-eligible'");
                }
                return v.equals("events");
            }).orElse(false);
            String source = f.string("source").orElse(n.file());
            Set<String> instruments = new java.util.HashSet<>(base.instruments().keySet());
            regimes.values().forEach(r -> r.instruments().forEach(h -> instruments.add(h.instrument().id())));
            List<Event> events = new ArrayList<>();
            List<Integer> items = new ArrayList<>();
            LocalDate previous = date.orElse(null);
            int itemNo = 0;
            for (Node item : f.list("events")) {
                itemNo++;
                for (Event e : event(n, item, date.orElse(null), source, base, instruments)) {
                    items.add(itemNo);
                    if (previous != null && e.on().isBefore(previous)) {
                        n.problem(e.at().line(), "event on " + e.on() + " comes before the previous one (" + previous
                                + "): list events in the order they happen, none before the scenario's date");
                    }
                    previous = e.on();
                    events.add(e);
                }
            }
            Map<String, List<Scenario.Expectation>> expect = new LinkedHashMap<>();
            f.node("expect").ifPresent(en -> {
                if (!(en instanceof MappingNode map)) {
                    n.problem(en, "expect must map regime ids to lists of expected findings");
                    return;
                }
                for (NodeTuple t : map.getValue()) {
                    String regime = t.getKeyNode() instanceof ScalarNode s ? s.getValue() : "?";
                    if (!regimeIds.contains(regime)) {
                        n.problem(t.getKeyNode(), "expect: regime '" + regime + "' is not in this scenario's regimes");
                    }
                    List<Scenario.Expectation> list = new ArrayList<>();
                    for (Node xn : n.items(t.getValueNode(), "expect." + regime)) {
                        expectation(n, xn, regime, items.isEmpty() ? 0 : items.get(items.size() - 1), base).ifPresent(list::add);
                    }
                    expect.put(regime, List.copyOf(list));
                }
            });
            if (name.isEmpty() || date.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Scenario(name.get(), description, date.get(), List.copyOf(runs), eventsOnly, List.copyOf(events),
                    List.copyOf(items),
                    Collections.unmodifiableMap(expect), new Provenance(source, n.file(), f.line(), f.string("note"), false)));
        });
    }

    private static final Set<String> RUN_KEYS = Set.of("regime", "as", "interpretations", "parameters", "note");

    /** {@code est-2009}, or {@code {regime: est-2009, as: est-2009-literal, interpretations: {id: option}, parameters: {name: value}}}. */
    private static Optional<Scenario.RegimeRun> regimeRun(Nodes n, Node node, Architecture base, Map<String, Regime> regimes) {
        if (node instanceof ScalarNode s) {
            if (!regimes.containsKey(s.getValue())) {
                n.problem(node, "unknown regime '" + s.getValue() + "' (known: " + String.join(", ", regimes.keySet()) + ")");
                return Optional.empty();
            }
            return Optional.of(new Scenario.RegimeRun(s.getValue(), s.getValue(), Map.of(), Map.of()));
        }
        return n.fields(node, "regime entry", RUN_KEYS).flatMap(f -> {
            Optional<String> id = f.requiredString("regime");
            if (id.isEmpty()) {
                return Optional.empty();
            }
            Regime r = regimes.get(id.get());
            if (r == null) {
                n.problem(f.line("regime"), "unknown regime '" + id.get() + "' (known: " + String.join(", ", regimes.keySet()) + ")");
                return Optional.empty();
            }
            String label = f.string("as").orElse(id.get());
            Map<String, String> choices = new LinkedHashMap<>();
            f.node("interpretations").ifPresent(in -> {
                if (Nodes.plain(in) instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> {
                        String iid = String.valueOf(k);
                        org.eurosec.model.Interpretation known = base.interpretations().get(iid);
                        if (known == null) {
                            known = r.interpretations().stream().filter(x -> x.id().equals(iid)).findFirst().orElse(null);
                        }
                        if (known == null) {
                            n.problem(in, "regime " + id.get() + ": unknown interpretation '" + iid + "'");
                        } else if (known.option(String.valueOf(v)).isEmpty()) {
                            n.problem(in, "interpretation '" + iid + "' has no option '" + v + "' (options: " + String.join(", ",
                                    known.options().stream().map(org.eurosec.model.Interpretation.Option::id).toList()) + ")");
                        } else {
                            choices.put(iid, String.valueOf(v));
                        }
                    });
                } else {
                    n.problem(in, "interpretations must map interpretation ids to options");
                }
            });
            Map<String, Object> parameters = new LinkedHashMap<>();
            f.node("parameters").ifPresent(pn -> {
                if (Nodes.plain(pn) instanceof Map<?, ?> m) {
                    m.forEach((k, v) -> {
                        if (!r.parameters().containsKey(String.valueOf(k))) {
                            n.problem(pn, "regime " + id.get() + " has no parameter '" + k + "' (parameters: "
                                    + String.join(", ", r.parameters().keySet()) + ")");
                        } else if (r.parameterProblem(String.valueOf(k), v).isPresent()) {
                            n.problem(pn, r.parameterProblem(String.valueOf(k), v).get());
                        } else {
                            parameters.put(String.valueOf(k), v);
                        }
                    });
                } else {
                    n.problem(pn, "parameters must map parameter names to values");
                }
            });
            return Optional.of(new Scenario.RegimeRun(label, id.get(), Map.copyOf(choices), Map.copyOf(parameters)));
        });
    }

    private static void within(Nodes n, int line, String what, LocalDate d, Architecture base) {
        if (!base.covers(d)) {
            n.problem(line, what + " " + d + " is outside what the data covers (" + base.coversFrom() + " to " + base.factsCheckedThrough() + ", the day its facts were last checked)");
        }
    }

    private static List<Event> event(Nodes n, Node item, LocalDate scenarioDate, String source, Architecture base, Set<String> instruments) {
        if (!(item instanceof MappingNode map) || map.getValue().size() != 1 || !(map.getValue().get(0).getKeyNode() instanceof ScalarNode k)) {
            n.problem(item, "an event is one 'kind: {fields}' pair; kinds: " + String.join(", ", EVENT_KEYS.keySet()));
            return List.of();
        }
        String kind = k.getValue();
        if (!EVENT_KEYS.containsKey(kind)) {
            n.problem(k, "unknown event kind '" + kind + "' (kinds: " + String.join(", ", EVENT_KEYS.keySet()) + ")");
            return List.of();
        }
        Set<String> allowed = new java.util.HashSet<>(EVENT_KEYS.get(kind));
        allowed.add("on");
        allowed.add("note");
        String what = kind + " event";
        Optional<Nodes.Fields> fo = n.fields(map.getValue().get(0).getValueNode(), what, allowed);
        if (fo.isEmpty()) {
            return List.of();
        }
        Nodes.Fields f = fo.get();
        int line = Nodes.line(item);
        Provenance at = new Provenance(source, n.file(), line, f.string("note"), false);
        LocalDate on = f.date("on").orElse(scenarioDate);
        if (on == null) {
            return List.of();
        }
        if (f.has("on")) {
            within(n, f.line("on"), what + " 'on'", on, base);
        }
        List<Event> out = new ArrayList<>();
        switch (kind) {
            case "accession-request" -> {
                Optional<String> a = state(n, f, "applicant", base, on);
                Optional<String> o = organisation(n, f, "organisation", base);
                if (a.isPresent() && o.isPresent()) {
                    out.add(new Event.AccessionRequest(on, a.get(), o.get(), at));
                }
            }
            case "accession", "withdrawal" -> {
                Optional<Event.Target> target = target(n, f, base, instruments, what);
                for (String s : states(n, f, base, on, kind.equals("accession"))) {
                    target.ifPresent(t -> out.add(kind.equals("accession") ? new Event.Accession(on, s, t, at) : new Event.Withdrawal(on, s, t, at)));
                }
            }
            case "signature", "ratification" -> {
                Optional<String> i = f.requiredString("instrument");
                i.ifPresent(v -> {
                    if (!instruments.contains(v)) {
                        n.problem(f.line("instrument"), what + ": unknown instrument id '" + v + "'");
                    }
                });
                for (String s : states(n, f, base, on, true)) {
                    i.filter(instruments::contains).ifPresent(v -> out.add(kind.equals("signature")
                            ? new Event.Signature(on, s, v, at) : new Event.Ratification(on, s, v, at)));
                }
            }
            case "armed-attack" -> {
                Optional<String> a = state(n, f, "attacker", base, on);
                Optional<String> v = state(n, f, "victim", base, on);
                if (a.isPresent() && v.isPresent()) {
                    out.add(new Event.ArmedAttack(on, a.get(), v.get(), at));
                }
            }
            case "threat" -> {
                Optional<String> a = state(n, f, "by", base, on);
                Optional<String> v = state(n, f, "against", base, on);
                if (a.isPresent() && v.isPresent()) {
                    out.add(new Event.Threat(on, a.get(), v.get(), at));
                }
            }
            case "military-activity" -> {
                Optional<String> s = state(n, f, "state", base, on);
                long troops = count(n, f, "troops");
                long tanks = count(n, f, "battle_tanks");
                long acv = count(n, f, "acv");
                long artillery = count(n, f, "artillery");
                LocalDate starts = f.date("starts").orElse(on);
                Optional<LocalDate> notified = f.date("notified_on");
                s.ifPresent(v -> out.add(new Event.MilitaryActivity(on, v, troops, tanks, acv, artillery, starts, notified, at)));
            }
            case "deployment" -> {
                Optional<String> s = state(n, f, "state", base, on);
                Optional<String> h = state(n, f, "host", base, on);
                long troops = count(n, f, "troops");
                boolean consent = f.has("host_consent") && f.flag("host_consent");
                if (s.isPresent() && h.isPresent()) {
                    out.add(new Event.Deployment(on, s.get(), h.get(), troops, consent, at));
                }
            }
            case "information-request" -> {
                Optional<String> a = state(n, f, "from", base, on);
                Optional<String> b = state(n, f, "to", base, on);
                if (a.isPresent() && b.isPresent()) {
                    out.add(new Event.InformationRequest(on, a.get(), b.get(), f.string("subject").orElse(""), at));
                }
            }
            case "consultation-request" -> {
                Optional<String> a = state(n, f, "from", base, on);
                List<String> with = stateList(n, f, "with", base, on);
                a.ifPresent(v -> out.add(new Event.ConsultationRequest(on, v, with, f.string("subject").orElse(""), at)));
            }
            case "conference-proposal" -> {
                Optional<String> a = state(n, f, "by", base, on);
                List<String> support = stateList(n, f, "supported_by", base, on);
                a.ifPresent(v -> out.add(new Event.ConferenceProposal(on, v, support, f.string("subject").orElse(""), at)));
            }
            default -> throw new IllegalStateException(kind);
        }
        return out;
    }

    /** A state an event names: known to the data, and in existence on the event's day {@code on}. */
    private static Optional<String> state(Nodes n, Nodes.Fields f, String key, Architecture base, LocalDate on) {
        return f.requiredString(key).filter(v -> known(n, f, key, v, base, on));
    }

    private static List<String> stateList(Nodes n, Nodes.Fields f, String key, Architecture base, LocalDate on) {
        List<String> out = new ArrayList<>();
        for (String v : f.strings(key)) {
            if (known(n, f, key, v, base, on)) {
                out.add(v);
            }
        }
        return out;
    }

    private static boolean known(Nodes n, Nodes.Fields f, String key, String v, Architecture base, LocalDate on) {
        org.eurosec.model.State s = base.states().get(v);
        if (s == null) {
            n.problem(f.line(key), f.what() + ": unknown state '" + v + "' in '" + key + "'");
            return false;
        }
        if (base.covers(on) && !s.existsOn(on)) {
            n.problem(f.line(key), f.what() + ": state " + v + " in '" + key + "' does not exist on " + on + " (the event's day)"
                    + existence(s));
            return false;
        }
        return true;
    }

    /** " (it exists FROM to TO, ...)" from the state's existence spells. */
    private static String existence(org.eurosec.model.State s) {
        List<String> spells = new ArrayList<>();
        s.exists().forEach(x -> spells.add("from " + x.span().from() + x.span().to().map(t -> " to " + t).orElse("")));
        return spells.isEmpty() ? "" : "; it exists " + String.join(", ", spells);
    }

    /** {@code state: X} or {@code states: [X, Y]} (the latter only where several may act at once). */
    private static List<String> states(Nodes n, Nodes.Fields f, Architecture base, LocalDate on, boolean many) {
        if (f.has("state") && f.has("states")) {
            n.problem(f.line("states"), f.what() + ": give 'state' or 'states', not both");
            return List.of();
        }
        if (f.has("states") && many) {
            return stateList(n, f, "states", base, on);
        }
        return state(n, f, "state", base, on).map(List::of).orElse(List.of());
    }

    private static Optional<String> organisation(Nodes n, Nodes.Fields f, String key, Architecture base) {
        return f.requiredString(key).filter(v -> {
            if (!base.organisations().containsKey(v)) {
                n.problem(f.line(key), f.what() + ": unknown organisation '" + v + "' (known: "
                        + String.join(", ", base.organisations().keySet()) + ")");
                return false;
            }
            return true;
        });
    }

    private static Optional<Event.Target> target(Nodes n, Nodes.Fields f, Architecture base, Set<String> instruments, String what) {
        if (f.has("organisation") == f.has("instrument")) {
            n.problem(f.line(), what + ": give exactly one of 'organisation' or 'instrument'");
            return Optional.empty();
        }
        if (f.has("organisation")) {
            return organisation(n, f, "organisation", base).map(o -> new Event.Target(o, true));
        }
        return f.string("instrument").filter(v -> {
            if (!instruments.contains(v)) {
                n.problem(f.line("instrument"), what + ": unknown instrument id '" + v + "'");
                return false;
            }
            return true;
        }).map(v -> new Event.Target(v, false));
    }

    private static long count(Nodes n, Nodes.Fields f, String key) {
        return f.string(key).map(v -> {
            try {
                long x = Long.parseLong(v.replace("_", ""));
                if (x < 0) {
                    n.problem(f.line(key), f.what() + ": '" + key + "' must not be negative");
                }
                return x;
            } catch (NumberFormatException e) {
                n.problem(f.line(key), f.what() + ": '" + key + "' must be a whole number, got '" + v + "'");
                return 0L;
            }
        }).orElse(0L);
    }

    private static Optional<Scenario.Expectation> expectation(Nodes n, Node node, String regime, int events, Architecture base) {
        return n.fields(node, "expected finding for " + regime, EXPECT_KEYS).map(f -> {
            Optional<String> effect = f.string("effect");
            effect.ifPresent(e -> {
                if (!EFFECTS.contains(e)) {
                    n.problem(f.line("effect"), "effect '" + e + "' is not one of: " + String.join(", ", new java.util.TreeSet<>(EFFECTS)));
                }
            });
            Optional<Integer> event = f.string("event").map(v -> intOf(n, f, "event", v));
            event.ifPresent(e -> {
                if (e < 1 || e > events) {
                    n.problem(f.line("event"), "event " + e + " does not exist (the scenario has " + events + " events, numbered from 1)");
                }
            });
            List<String> includes = f.strings("includes");
            List<String> excludes = f.strings("excludes");
            List<String> covered = f.strings("covered");
            List<String> uncovered = f.strings("uncovered");
            for (String key : List.of("includes", "excludes", "covered", "uncovered")) {
                for (String s : f.strings(key)) {
                    if (!base.states().containsKey(s)) {
                        n.problem(f.line(key), "unknown state '" + s + "' in '" + key + "'");
                    }
                }
            }
            return new Scenario.Expectation(effect, f.string("provision"), event, includes, excludes,
                    f.string("count").map(v -> intOf(n, f, "count", v)), f.string("quorum").map(v -> intOf(n, f, "quorum", v)),
                    f.string("rule"), f.date("by"), f.has("unconfirmed") ? Optional.of(f.flag("unconfirmed")) : Optional.empty(),
                    f.has("absent") && f.flag("absent"), covered, uncovered, f.string("levels").map(v -> intOf(n, f, "levels", v)),
                    f.line());
        });
    }

    private static int intOf(Nodes n, Nodes.Fields f, String key, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            n.problem(f.line(key), "'" + key + "' must be a whole number, got '" + v + "'");
            return -1;
        }
    }
}
