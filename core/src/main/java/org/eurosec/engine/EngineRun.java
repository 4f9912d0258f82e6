package org.eurosec.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;
import org.eurosec.model.Regime;

/**
 * The state of one scenario run, shared by the event handlers: the world as events change it, the
 * reading, the findings so far, and the helpers every handler uses to find provisions, read their
 * terms and explain a finding.
 */
final class EngineRun {
    final Regime regime;
    Architecture world;
    Reading reading;
    private SnapshotBuilder builder;
    final List<Finding> findings = new ArrayList<>();
    /** Consultation participants per instrument, for the conference's "a participant in consultations may propose". */
    final Map<String, Set<String>> consulted = new LinkedHashMap<>();
    private final Map<String, String> choices;
    /** Whether the current event is the last of its item in the scenario file (a batch of ratifications is checked once). */
    boolean lastOfItem = true;

    EngineRun(Regime regime, Architecture world, Map<String, String> choices) {
        this.regime = regime;
        this.choices = choices;
        setWorld(world);
    }

    void setWorld(Architecture a) {
        world = a;
        Reading r = Reading.defaults(a);
        for (Map.Entry<String, String> c : choices.entrySet()) {
            r = r.with(c.getKey(), c.getValue());
        }
        reading = r;
        builder = null;
    }

    SnapshotBuilder builder() {
        if (builder == null) {
            builder = new SnapshotBuilder(world, reading);
        }
        return builder;
    }

    Set<String> participants(LocalDate day) {
        Set<String> out = new TreeSet<>();
        world.organisation("osce").ifPresent(o -> o.members().stream().filter(m -> m.span().contains(day))
                .forEach(m -> out.add(m.actor())));
        return out;
    }

    Set<String> parties(Instrument i, LocalDate day) {
        return builder().partiesOn(i.id(), day).keySet();
    }

    /** Provisions of a kind, in force on the day, in binding or political instruments in force that day. */
    List<Provision> provisions(ProvisionKind kind, LocalDate day) {
        List<Provision> out = new ArrayList<>();
        for (Instrument i : world.instruments().values()) {
            if (!i.inForceOn(day)) {
                continue;
            }
            for (Provision p : i.provisions()) {
                if (p.kind() == kind && i.inForceSpan(p).map(s -> s.contains(day)).orElse(false)) {
                    out.add(p);
                }
            }
        }
        return out;
    }

    Instrument instrumentOf(Provision p) {
        return world.instruments().get(p.instrument());
    }

    /** A provision's typed terms under the run's reading. */
    <T extends ProvisionTerms> T terms(Provision p, Class<T> type) {
        return reading.terms(p, type);
    }

    /** The parties a quorum under {@code i} is counted in on {@code day}: the state parties, and the organisations if the provision says so. */
    int organisationParties(Instrument i, LocalDate day) {
        return Quorum.organisationParties(regime, world, i.id(), day);
    }

    /** What a finding that reads these parameters of {@code p} depends on that is not confirmed. */
    List<String> unconfirmed(Provision p, String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            regime.parameterFor(p.id(), k).filter(Regime.Parameter::unconfirmed).ifPresent(rp -> out.add("regime " + regime.id()
                    + " parameter " + rp.name() + " = " + rp.value() + " (" + rp.provenance().source() + ")"));
        }
        if (out.isEmpty() && p.unconfirmed()) {
            out.add("provision " + p.id() + " (" + p.provenance().note().map(ScenarioEngine::shorten).orElse("flagged unconfirmed in the data")
                    + ")");
        }
        return List.copyOf(out);
    }

    Explanation explain(Provision p, LocalDate day, List<Explanation> more) {
        Instrument i = instrumentOf(p);
        List<Explanation> because = new ArrayList<>();
        boolean hypothetical = regime.instruments().stream().anyMatch(h -> h.instrument().id().equals(i.id()));
        because.add(Explanation.fact(i.id() + " (" + i.legalForce().id() + (hypothetical ? ", hypothetical instrument of regime "
                + regime.id() : "") + ") in force on " + day
                + i.inForceSpan().map(s -> ", " + s).orElse(""), i.provenance()));
        Map<String, String> use = regime.parameterUse().getOrDefault(p.id(), Map.of());
        for (Map.Entry<String, String> u : use.entrySet()) {
            Regime.Parameter rp = regime.parameters().get(u.getValue());
            because.add(Explanation.fact("params." + u.getKey() + " = " + rp.value() + " (regime parameter " + rp.name()
                    + (rp.unconfirmed() ? ", UNCONFIRMED" : "") + ")", rp.provenance()));
        }
        because.addAll(more);
        return Explanation.fact(p.id() + " (" + p.article() + "): " + p.title(), p.provenance(), because);
    }

    Explanation partyFact(Instrument i, String actor, LocalDate day) {
        PartySpell s = builder().partiesOn(i.id(), day).get(actor);
        if (s == null) {
            return Explanation.of(actor + " is not a party to " + i.id() + " on " + day, List.of());
        }
        return Explanation.fact(actor + ": " + s.status() + " of " + s.via() + " " + s.span(), s.provenance());
    }

    void add(int event, String question, Finding.Effect effect, List<String> actors, Provision p, Optional<String> rule,
            Optional<LocalDate> by, OptionalInt quorum, String text, List<String> unconfirmed, Explanation why) {
        Instrument i = instrumentOf(p);
        findings.add(new Finding(event, question, effect, List.copyOf(actors), Optional.of(p.id()), Optional.of(p.article()),
                Optional.of(i.legalForce()), rule, by, quorum, text, unconfirmed, why));
    }

    void addPlain(int event, String question, Finding.Effect effect, List<String> actors, String text, Explanation why) {
        findings.add(new Finding(event, question, effect, List.copyOf(actors), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), OptionalInt.empty(), text, List.of(), why));
    }

    AccessionDecision accession(int n, String applicant, String orgId, LocalDate day) {
        AccessionDecision d = AccessionRules.decide(regime, world, reading, builder(), applicant, orgId, day, n,
                (p, keys) -> unconfirmed(p, keys), (p, more) -> explain(p, day, more));
        findings.addAll(d.findings());
        return d;
    }
}
