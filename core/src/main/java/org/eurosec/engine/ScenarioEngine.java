package org.eurosec.engine;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Architecture;
import org.eurosec.model.DefenceTerms;
import org.eurosec.model.Event;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Organisation;
import org.eurosec.model.ParticipationStatus;
import org.eurosec.model.Parties;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.Regime;
import org.eurosec.model.Scenario;

/**
 * Runs a scenario's events under one regime and returns the findings. Each event kind has one
 * handler; a handler looks up the provisions of the kinds it understands among the instruments in
 * force on the event's day (never a particular treaty by name) and reads their parameters through
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
        Map<List<String>, List<String>> by = new java.util.TreeMap<>((a, b) -> a.size() != b.size() ? Integer.compare(b.size(), a.size())
                : String.join(",", a).compareTo(String.join(",", b)));
        for (String s : states) {
            List<String> key = snap.guaranteesOf(s).stream().map(g -> g.provision().id()).distinct().sorted().toList();
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
        Run run = new Run(regime, world, choices);
        LocalDate last = scenario.date();
        List<Event> events = scenario.events();
        for (int k = 0; k < events.size(); k++) {
            Event e = events.get(k);
            int item = scenario.items().get(k);
            run.lastOfItem = k + 1 == events.size() || scenario.items().get(k + 1) != item;
            run.event(item, e);
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
        Run run = new Run(regime, RegimeApplication.apply(base, regime, false), choices);
        return run.accession(0, applicant, organisation, day);
    }

    /** The state of one run: the world as events change it, the reading, and what has happened so far. */
    private final class Run {
        final Regime regime;
        Architecture world;
        Reading reading;
        SnapshotBuilder builder;
        final List<Finding> findings = new ArrayList<>();
        /** Consultation participants per instrument, for the conference's "a participant in consultations may propose". */
        final Map<String, Set<String>> consulted = new LinkedHashMap<>();
        final Map<String, String> choices;
        /** Whether the current event is the last of its item in the scenario file (a batch of ratifications is checked once). */
        boolean lastOfItem = true;

        Run(Regime regime, Architecture world, Map<String, String> choices) {
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

        Optional<Object> param(Provision p, String key) {
            return reading.param(p, key);
        }

        Optional<Long> number(Provision p, String key) {
            return param(p, key).flatMap(v -> {
                if (v instanceof Number num) {
                    return Optional.of(num.longValue());
                }
                try {
                    return Optional.of(Long.parseLong(String.valueOf(v).trim()));
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            });
        }

        String text(Provision p, String key, String otherwise) {
            return param(p, key).map(String::valueOf).orElse(otherwise);
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

        // ------------------------------------------------------------------ events

        void event(int n, Event e) {
            Optional<String> instrument = e instanceof Event.Signature s ? Optional.of(s.instrument())
                    : e instanceof Event.Ratification r ? Optional.of(r.instrument())
                    : e instanceof Event.Accession a && !a.target().organisation() ? Optional.of(a.target().id())
                    : e instanceof Event.Withdrawal w && !w.target().organisation() ? Optional.of(w.target().id()) : Optional.empty();
            if (instrument.isPresent() && !world.instruments().containsKey(instrument.get())) {
                addPlain(n, e.kind() + " of " + instrument.get(), Finding.Effect.NOT_ENTITLED, List.of(), instrument.get()
                        + " is not part of regime " + regime.id() + ": the event has no effect here", Explanation.of("regime " + regime.id()
                        + " has no instrument " + instrument.get(), List.of()));
                return;
            }
            if (e instanceof Event.AccessionRequest r) {
                accession(n, r.applicant(), r.organisation(), r.on());
            } else if (e instanceof Event.Accession a) {
                accede(n, a);
            } else if (e instanceof Event.Withdrawal w) {
                withdraw(n, w);
            } else if (e instanceof Event.Signature s) {
                sign(n, s.state(), s.instrument(), s.on(), ParticipationStatus.SIGNED, s);
            } else if (e instanceof Event.Ratification r) {
                sign(n, r.state(), r.instrument(), r.on(), ParticipationStatus.RATIFIED, r);
            } else if (e instanceof Event.ArmedAttack a) {
                attack(n, a.attacker(), a.victim(), a.on(), true);
            } else if (e instanceof Event.Threat t) {
                attack(n, t.by(), t.against(), t.on(), false);
            } else if (e instanceof Event.MilitaryActivity m) {
                activity(n, m);
            } else if (e instanceof Event.Deployment d) {
                deployment(n, d);
            } else if (e instanceof Event.InformationRequest r) {
                information(n, r);
            } else if (e instanceof Event.ConsultationRequest c) {
                consultation(n, c);
            } else if (e instanceof Event.ConferenceProposal c) {
                conference(n, c);
            }
        }

        AccessionDecision accession(int n, String applicant, String orgId, LocalDate day) {
            AccessionDecision d = AccessionRules.decide(this.regime, world, reading, builder(), applicant, orgId, day, n,
                    (p, keys) -> unconfirmed(p, keys), (p, more) -> explain(p, day, more));
            findings.addAll(d.findings());
            return d;
        }

        void accede(int n, Event.Accession a) {
            Snapshot before = builder().snapshot(a.on());
            if (a.target().organisation()) {
                Organisation o = world.organisations().get(a.target().id());
                boolean already = o.members().stream().anyMatch(m -> m.actor().equals(a.state()) && m.span().contains(a.on()));
                if (already) {
                    addPlain(n, a.state() + " accedes to " + o.id(), Finding.Effect.NOT_REQUIRED, List.of(a.state()),
                            a.state() + " is already a member of " + o.id() + " on " + a.on(), Explanation.of("membership in the data", List.of()));
                    return;
                }
                setWorld(RegimeApplication.join(world, o.id(), a.state(), a.on(), a.at()));
            } else {
                setWorld(RegimeApplication.participate(world, a.target().id(), a.state(), a.on(), ParticipationStatus.RATIFIED, a.at()));
            }
            coverageChange(n, a.state(), a.target().id(), a.on(), before, "joins");
        }

        void coverageChange(int n, String state, String target, LocalDate day, Snapshot before, String verb) {
            Snapshot after = builder().snapshot(day);
            List<String> gained = new ArrayList<>();
            List<Explanation> why = new ArrayList<>();
            for (GuaranteeGroup g : after.guaranteesOf(state)) {
                if (before.guaranteesOf(state).stream().noneMatch(b -> b.provision().id().equals(g.provision().id()))) {
                    gained.add(g.provision().id());
                    why.add(Explanation.fact(g.provision().id() + ": " + g.guarantors().size() + " guarantor(s)", g.provision().provenance()));
                }
            }
            String question = state + " " + verb + " " + target;
            if (!gained.isEmpty()) {
                Provision first = world.provision(gained.get(0)).orElseThrow();
                add(n, question, Finding.Effect.COVERED, List.of(state), first, Optional.empty(), Optional.of(day), OptionalInt.empty(),
                        state + " is covered from " + day + " under " + String.join(", ", gained), List.of(),
                        Explanation.of(state + " gains binding guarantees", why));
            } else {
                addPlain(n, question, Finding.Effect.NOT_REQUIRED, List.of(state), state + " gains no binding guarantee by this step"
                        + (after.covered(state) ? " (it was covered already)" : ""), Explanation.of("coverage before and after " + day, List.of()));
            }
        }

        void withdraw(int n, Event.Withdrawal w) {
            String instrumentId = w.target().organisation()
                    ? world.organisations().get(w.target().id()).foundedBy().orElse("")
                    : w.target().id();
            Optional<Provision> rule = world.instrument(instrumentId).stream().flatMap(i -> i.provisions().stream())
                    .filter(p -> p.kind() == ProvisionKind.WITHDRAWAL).findFirst();
            LocalDate effective = w.on();
            String question = w.state() + " withdraws from " + w.target().id();
            if (rule.isPresent()) {
                Provision p = rule.get();
                Optional<Period> notice = param(p, "notice").flatMap(Deadlines::parse);
                Optional<LocalDate> availableFrom = param(p, "available_from").map(String::valueOf).map(LocalDate::parse);
                if (availableFrom.isPresent() && w.on().isBefore(availableFrom.get())) {
                    add(n, question, Finding.Effect.NOT_ENTITLED, List.of(w.state()), p, Optional.empty(), Optional.of(availableFrom.get()),
                            OptionalInt.empty(), "withdrawal is open only from " + availableFrom.get(), unconfirmed(p, "available_from"),
                            explain(p, w.on(), List.of()));
                    return;
                }
                if (notice.isEmpty() && param(p, "notice").isPresent()) {
                    add(n, question, Finding.Effect.NOT_REQUIRED, List.of(w.state()), p, Optional.empty(), Optional.empty(),
                            OptionalInt.empty(), "notice given " + w.on() + "; the notice period is not known (" + param(p, "notice").get()
                                    + "), so the day the withdrawal takes effect cannot be computed; " + w.state() + " is treated as a party until then",
                            unconfirmed(p, "notice"), explain(p, w.on(), List.of()));
                    return;
                }
                if (notice.isPresent()) {
                    effective = Deadlines.after(w.on(), notice.get());
                }
                add(n, question, Finding.Effect.TRIGGERS, List.of(w.state()), p, Optional.empty(), Optional.of(effective), OptionalInt.empty(),
                        notice.map(x -> "notice given " + w.on() + "; " + w.state() + " ceases to be a party on " + Deadlines.after(w.on(), x)
                                + " (" + Deadlines.words(x) + " after notice; see the date rule in Deadlines)")
                                .orElse("the text sets no notice period: the withdrawal takes effect on notice, " + w.on()),
                        unconfirmed(p, "notice"), explain(p, w.on(), List.of()));
            } else {
                addPlain(n, question, Finding.Effect.TRIGGERS, List.of(w.state()), "no withdrawal provision in the data for "
                        + w.target().id() + "; the withdrawal is taken to take effect on " + w.on(), Explanation.of("no withdrawal provision", List.of()));
            }
            Snapshot before = builder().snapshot(effective);
            if (w.target().organisation()) {
                setWorld(RegimeApplication.leave(world, w.target().id(), w.state(), effective));
            } else {
                setWorld(RegimeApplication.participate(world, w.target().id(), w.state(), effective, ParticipationStatus.WITHDRAWN, w.at()));
            }
            Snapshot after = builder().snapshot(effective);
            if (before.covered(w.state()) && !after.covered(w.state())) {
                addPlain(n, question, Finding.Effect.NOT_REQUIRED, List.of(w.state()), w.state() + " is no longer covered from " + effective,
                        Explanation.of("coverage before and after " + effective, List.of()));
            }
        }

        void sign(int n, String state, String instrumentId, LocalDate day, ParticipationStatus status, Event e) {
            Instrument before = world.instruments().get(instrumentId);
            if (!(before.parties() instanceof Parties.Listed)) {
                addPlain(n, state + " " + e.kind() + " " + instrumentId, Finding.Effect.NOT_ENTITLED, List.of(state), instrumentId
                        + "'s parties are an organisation's members; join the organisation instead", Explanation.of("parties by membership", List.of()));
                return;
            }
            if (status == ParticipationStatus.SIGNED) {
                addPlain(n, state + " signs " + instrumentId, Finding.Effect.NOT_REQUIRED, List.of(state), state + " signs " + instrumentId
                        + ": a signatory is not a party and does not count towards entry into force until it ratifies",
                        Explanation.fact("signature of " + instrumentId + " on " + day, e.at()));
            }
            Snapshot beforeSnap = before.inForceOn(day) ? builder().snapshot(day) : null;
            setWorld(RegimeApplication.participate(world, instrumentId, state, day, status, e.at()));
            Instrument i = world.instruments().get(instrumentId);
            if (i.inForceOn(day) || status != ParticipationStatus.RATIFIED || !lastOfItem) {
                if (status == ParticipationStatus.RATIFIED && beforeSnap != null) {
                    coverageChange(n, state, instrumentId, day, beforeSnap, "ratifies");
                }
                return;
            }
            Optional<Provision> eif = i.provisions().stream().filter(p -> p.kind() == ProvisionKind.ENTRY_INTO_FORCE
                    && (param(p, "ratifications").isPresent() || param(p, "rule").isPresent())).findFirst();
            if (eif.isEmpty()) {
                return;
            }
            Provision p = eif.get();
            Parties.Listed listed = (Parties.Listed) i.parties();
            Set<String> ratified = new TreeSet<>();
            Set<String> signatories = new TreeSet<>();
            listed.spells().stream().filter(s -> s.span().contains(day)).forEach(s -> {
                signatories.add(s.actor());
                if (s.status() == ParticipationStatus.RATIFIED) {
                    ratified.add(s.actor());
                }
            });
            Optional<Long> needed = number(p, "ratifications");
            Optional<Period> delay = param(p, "after").flatMap(Deadlines::parse);
            int required;
            String basis;
            if (needed.isPresent()) {
                required = needed.get().intValue();
                basis = required + " ratifications";
            } else if ("more-than-half-of-signatories".equals(text(p, "rule", ""))) {
                required = signatories.size() / 2 + 1;
                basis = "more than half of " + signatories.size() + " signatories = " + required;
            } else {
                return;
            }
            String question = "entry into force of " + instrumentId;
            if (ratified.size() >= required) {
                LocalDate from = delay.map(x -> Deadlines.after(day, x)).orElse(day);
                add(n, question, Finding.Effect.TRIGGERS, List.copyOf(ratified), p, Optional.of(basis), Optional.of(from), OptionalInt.of(required),
                        instrumentId + " enters into force on " + from + ": " + ratified.size() + " of the " + basis + " deposited"
                                + delay.map(x -> " (" + Deadlines.words(x) + " after the last)").orElse(""),
                        unconfirmed(p, "ratifications", "after"), explain(p, day, List.of()));
                setWorld(RegimeApplication.enterIntoForce(world, instrumentId, from));
            } else {
                add(n, question, Finding.Effect.NOT_REQUIRED, List.copyOf(ratified), p, Optional.of(basis), Optional.empty(), OptionalInt.of(required),
                        instrumentId + " is not in force: " + ratified.size() + " of the " + basis + " deposited; "
                                + (required - ratified.size()) + " more needed",
                        unconfirmed(p, "ratifications", "after"), explainNotInForce(p, day));
            }
        }

        Explanation explainNotInForce(Provision p, LocalDate day) {
            Instrument i = instrumentOf(p);
            return Explanation.fact(p.id() + " (" + p.article() + "): " + p.title(), p.provenance(),
                    List.of(Explanation.fact(i.id() + " not yet in force on " + day, i.provenance())));
        }

        void attack(int n, String attacker, String victim, LocalDate day, boolean armed) {
            String what = armed ? "armed attack by " + attacker + " on " + victim : "threat of armed attack by " + attacker + " against " + victim;
            String trigger = armed ? "armed-attack" : "threat-of-armed-attack";
            if (armed) {
                for (GuaranteeGroup g : builder().snapshot(day).guaranteesOf(victim)) {
                    Provision p = g.provision();
                    DefenceTerms t = p.defence().orElseThrow();
                    List<String> guarantors = g.guarantors().stream().map(PartySpell::actor).filter(a -> !a.equals(attacker)).toList();
                    boolean attackerParty = g.guarantors().stream().anyMatch(s -> s.actor().equals(attacker));
                    add(n, what, Finding.Effect.OBLIGED, guarantors, p, Optional.of(t.assistance().id() + " assistance"), Optional.empty(),
                            OptionalInt.empty(), guarantors.size() + " part" + (guarantors.size() == 1 ? "y is" : "ies are") + " obliged to assist "
                                    + victim + " (" + t.assistance().id() + t.means().map(m -> ", " + m).orElse("") + ")"
                                    + (t.consentRequired() ? "; only with " + victim + "'s consent" : "")
                                    + (t.conditions().isEmpty() ? "" : "; conditions: " + String.join(", ", t.conditions()))
                                    + (attackerParty ? "; the attacker is itself a party and is left out" : ""),
                            unconfirmed(p), explain(p, day, List.of(partyFact(g.instrument(), victim, day),
                                    Explanation.of(guarantors.size() + " guarantor(s)", g.guarantors().stream()
                                            .filter(x -> !x.actor().equals(attacker))
                                            .map(x -> Explanation.fact(x.actor() + ": " + x.status() + " of " + x.via() + " " + x.span(),
                                                    x.provenance())).toList()))));
                }
            }
            for (Provision p : provisions(ProvisionKind.COLLECTIVE_DEFENCE, day)) {
                entitled(n, what, p, attacker, victim, day, armed);
            }
            for (Provision p : provisions(ProvisionKind.MUTUAL_ASSISTANCE, day)) {
                entitled(n, what, p, attacker, victim, day, armed);
            }
            if (armed) {
                for (Provision p : provisions(ProvisionKind.SELF_DEFENCE, day)) {
                    Instrument i = instrumentOf(p);
                    if (i.legalForce() == LegalForce.BINDING && parties(i, day).contains(victim)) {
                        add(n, what, Finding.Effect.ENTITLED, List.of(victim), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                                victim + " may defend itself, alone or with others at its request"
                                        + param(p, "until").map(u -> " (the right lasts until: " + String.valueOf(u).replace('-', ' ') + ")").orElse(""),
                                unconfirmed(p), explain(p, day, List.of(partyFact(i, victim, day))));
                    }
                }
            }
            for (Provision p : provisions(ProvisionKind.NON_USE_OF_FORCE, day)) {
                Instrument i = instrumentOf(p);
                if (parties(i, day).contains(attacker) && parties(i, day).contains(victim)) {
                    add(n, what, Finding.Effect.PROHIBITED, List.of(attacker), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            attacker + (armed ? "'s attack" : "'s threat") + " is contrary to " + p.id() + " (" + i.legalForce().id() + ")",
                            unconfirmed(p), explain(p, day, List.of(partyFact(i, attacker, day), partyFact(i, victim, day))));
                }
            }
            for (Provision p : provisions(ProvisionKind.EXTRAORDINARY_CONFERENCE, day)) {
                Instrument i = instrumentOf(p);
                if (!listParam(p, "triggers").contains(trigger) || !parties(i, day).contains(victim)) {
                    continue;
                }
                extraordinary(n, what, p, i, attacker, victim, day);
            }
            for (Provision p : provisions(ProvisionKind.CONSULTATION, day)) {
                Instrument i = instrumentOf(p);
                String t = text(p, "trigger", "");
                if ((t.contains("threat") || t.contains("attack") || t.contains("use-of-force")) && parties(i, day).contains(victim)) {
                    add(n, what, Finding.Effect.ENTITLED, List.of(victim), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            victim + " may call for consultations of the parties of " + i.id() + " (" + i.legalForce().id() + ")", unconfirmed(p),
                            explain(p, day, List.of(partyFact(i, victim, day))));
                }
            }
            for (Provision p : provisions(ProvisionKind.COLLECTIVE_SECURITY, day)) {
                Instrument i = instrumentOf(p);
                if (i.legalForce() == LegalForce.BINDING && parties(i, day).contains(victim) && param(p, "decider").isPresent()) {
                    add(n, what, Finding.Effect.DECIDES, List.of(text(p, "decider", "")), p, param(p, "decision_rule").map(String::valueOf),
                            Optional.empty(), OptionalInt.empty(), "the " + text(p, "decider", "").replace('-', ' ')
                                    + " may decide on collective measures (" + text(p, "decision_rule", "its rule").replace('-', ' ') + ")", unconfirmed(p),
                            explain(p, day, List.of()));
                }
            }
        }

        List<String> listParam(Provision p, String key) {
            Object v = param(p, key).orElse(null);
            if (v instanceof List<?> l) {
                return l.stream().map(String::valueOf).toList();
            }
            return v == null ? List.of() : List.of(String.valueOf(v));
        }

        void entitled(int n, String what, Provision p, String attacker, String victim, LocalDate day, boolean armed) {
            Instrument i = instrumentOf(p);
            if (!armed || p.defence().isEmpty() || p.defence().get().obligation() != DefenceTerms.Obligation.ENTITLED
                    || i.legalForce() != LegalForce.BINDING || !parties(i, day).contains(victim)) {
                return;
            }
            DefenceTerms t = p.defence().get();
            List<String> others = parties(i, day).stream().filter(a -> !a.equals(victim) && !a.equals(attacker)).toList();
            add(n, what, Finding.Effect.ENTITLED, others, p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                    others.size() + " parties may (are not obliged to) treat the attack on " + victim + " as an attack on themselves"
                            + (t.consentRequired() ? " and assist with " + victim + "'s consent" : "")
                            + (t.conditions().isEmpty() ? "" : "; conditions: " + String.join(", ", t.conditions())),
                    unconfirmed(p), explain(p, day, List.of(partyFact(i, victim, day))));
        }

        void extraordinary(int n, String what, Provision p, Instrument i, String attacker, String victim, LocalDate day) {
            Set<String> parties = parties(i, day);
            int orgs = Boolean.TRUE.equals(param(p, "organisations_count").orElse(false)) ? organisationParties(i, day) : 0;
            int base = parties.size() + orgs;
            Optional<Quorum> quorum = Quorum.of(param(p, "quorum").orElse(null), base);
            String convener = text(p, "convener", "the depositary");
            Optional<Period> within = param(p, "convene_within").flatMap(Deadlines::parse);
            LocalDate by = within.map(x -> Deadlines.after(day, x)).orElse(day);
            String decision = text(p, "decision", "as its rules say");
            String attackerVote = text(p, "attacker_vote", "counted");
            boolean attackerParty = parties.contains(attacker);
            List<String> voters = parties.stream().filter(a -> !(attackerParty && a.equals(attacker) && attackerVote.equals("not-counted"))).toList();
            StringBuilder t = new StringBuilder();
            t.append(victim).append(" notifies; ").append(convener).append(" convenes the extraordinary conference ")
                    .append(within.isEmpty() ? "at once (" + by + ")" : "by " + by).append("; quorum ")
                    .append(quorum.map(Quorum::text).orElse("not stated"))
                    .append(orgs > 0 ? " (" + orgs + " organisations counted with the states)" : " (states only)")
                    .append("; decides by ").append(decision);
            if (attackerParty) {
                t.append("; ").append(attacker).append(" is a party and its vote is ").append(attackerVote.replace('-', ' '))
                        .append(" (").append(voters.size()).append(" votes)");
            } else {
                t.append("; ").append(attacker).append(" is not a party");
            }
            List<String> unconf = unconfirmed(p, "quorum", "decision", "attacker_vote", "convene_within");
            add(n, what, Finding.Effect.TRIGGERS, List.of(victim, convener), p, Optional.of(decision), Optional.of(by),
                    quorum.map(q -> OptionalInt.of(q.required())).orElse(OptionalInt.empty()), t.toString(), unconf,
                    explain(p, day, List.of(partyFact(i, victim, day),
                            Explanation.of(parties.size() + " state parties on " + day + ": " + String.join(" ", parties), List.of()))));
            add(n, what, Finding.Effect.DECIDES, voters, p, Optional.of(decision), Optional.empty(),
                    quorum.map(q -> OptionalInt.of(q.required())).orElse(OptionalInt.empty()),
                    voters.size() + " parties decide on collective measures by " + decision
                            + (decision.equals("unanimity") || decision.equals("consensus") ? ": each of them can stop the decision" : ""),
                    unconf, explain(p, day, List.of()));
        }

        int organisationParties(Instrument i, LocalDate day) {
            for (Regime.Hypothetical h : regime.instruments()) {
                if (h.instrument().id().equals(i.id())) {
                    return (int) h.eligible().organisations().stream().map(world.organisations()::get)
                            .filter(o -> o.exists().span().contains(day)).count();
                }
            }
            return 0;
        }

        void activity(int n, Event.MilitaryActivity m) {
            String what = "military activity of " + m.state() + " from " + m.starts() + " (" + m.troops() + " troops, "
                    + m.battleTanks() + " battle tanks, " + m.acv() + " ACVs, " + m.artillery() + " artillery pieces)";
            boolean any = false;
            for (Provision p : provisions(ProvisionKind.CSBM_NOTIFICATION, m.on())) {
                if (number(p, "threshold_troops").isEmpty() || !parties(instrumentOf(p), m.on()).contains(m.state())) {
                    continue;
                }
                any = true;
                List<String> over = over(p, m);
                Optional<Period> notice = number(p, "notice_days").map(d -> Period.ofDays(d.intValue()));
                LocalDate by = notice.map(x -> Deadlines.before(m.starts(), x)).orElse(m.starts());
                List<String> unconf = unconfirmed(p, "threshold_troops", "notice_days");
                if (over.isEmpty()) {
                    add(n, what, Finding.Effect.NOT_REQUIRED, List.of(m.state()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            "below every notification threshold (" + thresholds(p) + "): no prior notification required", unconf,
                            explain(p, m.on(), List.of()));
                } else if (m.notifiedOn().isPresent() && m.notifiedOn().get().isAfter(by)) {
                    add(n, what, Finding.Effect.BREACHED, List.of(m.state()), p, Optional.empty(), Optional.of(by), OptionalInt.empty(),
                            "notification was due by " + by + " (" + notice.map(Deadlines::words).orElse("") + " before the start) because "
                                    + String.join(", ", over) + "; it came on " + m.notifiedOn().get(), unconf, explain(p, m.on(), List.of()));
                } else {
                    add(n, what, Finding.Effect.OBLIGED, List.of(m.state()), p, Optional.empty(), Optional.of(by), OptionalInt.empty(),
                            m.state() + " must notify all participating States by " + by + " (" + notice.map(Deadlines::words).orElse("")
                                    + " before the start) because " + String.join(", ", over), unconf, explain(p, m.on(), List.of()));
                }
            }
            for (Provision p : provisions(ProvisionKind.OBSERVATION, m.on())) {
                if (number(p, "threshold_troops").isEmpty() || !parties(instrumentOf(p), m.on()).contains(m.state())) {
                    continue;
                }
                any = true;
                List<String> over = over(p, m);
                List<String> unconf = unconfirmed(p, "threshold_troops", "threshold_battle_tanks");
                if (over.isEmpty()) {
                    add(n, what, Finding.Effect.NOT_REQUIRED, List.of(m.state()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            "below every observation threshold (" + thresholds(p) + "): no observers need be invited", unconf,
                            explain(p, m.on(), List.of()));
                } else {
                    add(n, what, Finding.Effect.OBLIGED, List.of(m.state()), p, Optional.empty(), Optional.of(m.starts()), OptionalInt.empty(),
                            m.state() + " must invite observers from all participating States because " + String.join(", ", over), unconf,
                            explain(p, m.on(), List.of()));
                }
            }
            if (!any) {
                addPlain(n, what, Finding.Effect.NOT_REQUIRED, List.of(m.state()), "no notification or observation provision with thresholds binds "
                        + m.state() + " on " + m.on(), Explanation.of("no CSBM provision applies", List.of()));
            }
        }

        List<String> over(Provision p, Event.MilitaryActivity m) {
            List<String> out = new ArrayList<>();
            check(out, p, "threshold_troops", m.troops(), "troops");
            check(out, p, "threshold_battle_tanks", m.battleTanks(), "battle tanks");
            check(out, p, "threshold_acv", m.acv(), "armoured combat vehicles");
            check(out, p, "threshold_artillery", m.artillery(), "artillery pieces");
            return out;
        }

        void check(List<String> out, Provision p, String key, long value, String what) {
            number(p, key).ifPresent(t -> {
                if (value >= t) {
                    out.add(value + " " + what + " reach the threshold of " + t);
                }
            });
        }

        String thresholds(Provision p) {
            List<String> out = new ArrayList<>();
            number(p, "threshold_troops").ifPresent(t -> out.add(t + " troops"));
            number(p, "threshold_battle_tanks").ifPresent(t -> out.add(t + " battle tanks"));
            number(p, "threshold_acv").ifPresent(t -> out.add(t + " ACVs"));
            number(p, "threshold_artillery").ifPresent(t -> out.add(t + " artillery pieces"));
            return String.join(", ", out);
        }

        void deployment(int n, Event.Deployment d) {
            String what = "deployment of " + d.troops() + " troops of " + d.state() + " on the territory of " + d.host()
                    + (d.hostConsent() ? " with its consent" : " without its consent");
            boolean any = false;
            if (!d.hostConsent()) {
                for (Provision p : provisions(ProvisionKind.NON_USE_OF_FORCE, d.on())) {
                    Instrument i = instrumentOf(p);
                    if (i.legalForce() == LegalForce.BINDING && parties(i, d.on()).contains(d.state()) && parties(i, d.on()).contains(d.host())) {
                        any = true;
                        add(n, what, Finding.Effect.PROHIBITED, List.of(d.state()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                                "stationing forces on another party's territory without its consent is contrary to " + p.id(), unconfirmed(p),
                                explain(p, d.on(), List.of()));
                    }
                }
            }
            List<String> unchecked = new ArrayList<>();
            for (Provision p : provisions(ProvisionKind.DEPLOYMENT_LIMIT, d.on())) {
                Instrument i = instrumentOf(p);
                Optional<String> hostsJoinedAfter = param(p, "hosts_joined_after").map(String::valueOf);
                Optional<String> org = param(p, "organisation").map(String::valueOf);
                if (!parties(i, d.on()).contains(d.state())) {
                    continue;
                }
                if (hostsJoinedAfter.isEmpty() || org.isEmpty()) {
                    unchecked.add(p.id());
                    continue;
                }
                LocalDate line = LocalDate.parse(hostsJoinedAfter.get());
                Organisation o = world.organisations().get(org.get());
                boolean hostIsNewMember = o != null && o.members().stream().anyMatch(m -> m.actor().equals(d.host()) && m.span().contains(d.on())
                        && m.span().from().isAfter(line));
                boolean hostOutside = o != null && o.members().stream().noneMatch(m -> m.actor().equals(d.host()) && m.span().contains(d.on()));
                boolean limited = hostIsNewMember || (hostOutside && Boolean.TRUE.equals(param(p, "includes_non_members").orElse(false)));
                any = true;
                add(n, what, limited ? Finding.Effect.PROHIBITED : Finding.Effect.NOT_REQUIRED, List.of(d.state()), p, Optional.empty(),
                        Optional.empty(), OptionalInt.empty(), limited
                                ? "no deployment on the territory of " + d.host() + ": " + (hostIsNewMember ? "it joined " + org.get() + " after " + line
                                        : "it is not a member of " + org.get()) + " (" + i.legalForce().id() + ")"
                                : d.host() + " was a member of " + org.get() + " on " + line + ": the limit does not apply",
                        unconfirmed(p), explain(p, d.on(), List.of()));
            }
            if (!any) {
                addPlain(n, what, Finding.Effect.NOT_REQUIRED, List.of(d.state()), "no provision in force sets a limit the engine can apply to "
                        + "this deployment" + (unchecked.isEmpty() ? "" : "; limits stated in terms it cannot check (weapons, 'substantial' "
                        + "forces, intentions): " + String.join(", ", unchecked)), Explanation.of("no checkable deployment limit applies", List.of()));
            }
        }

        void information(int n, Event.InformationRequest r) {
            String what = r.from() + " asks " + r.to() + " for information" + (r.subject().isEmpty() ? "" : " on " + r.subject());
            boolean any = false;
            for (Provision p : provisions(ProvisionKind.INFORMATION_REQUEST, r.on())) {
                Instrument i = instrumentOf(p);
                Set<String> parties = parties(i, r.on());
                if (!parties.contains(r.from())) {
                    continue;
                }
                any = true;
                if (!parties.contains(r.to())) {
                    add(n, what, Finding.Effect.NOT_ENTITLED, List.of(r.from()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            r.to() + " is not a party to " + i.id(), unconfirmed(p), explain(p, r.on(), List.of(partyFact(i, r.to(), r.on()))));
                    continue;
                }
                add(n, what, Finding.Effect.ENTITLED, List.of(r.from()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        r.from() + " may ask " + text(p, "channel", "through the channels the text names"), unconfirmed(p, "channel"),
                        explain(p, r.on(), List.of(partyFact(i, r.from(), r.on()))));
                Optional<Period> reply = param(p, "reply_within").flatMap(Deadlines::parse);
                add(n, what, Finding.Effect.OBLIGED, List.of(r.to()), p, Optional.empty(), reply.map(x -> Deadlines.after(r.on(), x)),
                        OptionalInt.empty(), r.to() + " must reply" + reply.map(x -> " by " + Deadlines.after(r.on(), x) + " ("
                                + Deadlines.words(x) + " after the request)").orElse(" (the text sets no time limit)"),
                        unconfirmed(p, "reply_within"), explain(p, r.on(), List.of(partyFact(i, r.to(), r.on()))));
                param(p, "depositary_duty").map(String::valueOf).ifPresent(duty -> add(n, what, Finding.Effect.OBLIGED,
                        List.of(text(p, "depositary", "the depositary")), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        "the depositary " + duty, unconfirmed(p, "depositary_duty"), explain(p, r.on(), List.of())));
            }
            if ("unusual-military-activity".equals(r.subject())) {
                for (Provision p : provisions(ProvisionKind.CONSULTATION, r.on())) {
                    Instrument i = instrumentOf(p);
                    Optional<Long> hours = number(p, "reply_within_hours");
                    if (hours.isEmpty() || !parties(i, r.on()).contains(r.from()) || !parties(i, r.on()).contains(r.to())) {
                        continue;
                    }
                    any = true;
                    LocalDate by = Deadlines.after(r.on(), Deadlines.hours(hours.get()));
                    add(n, what, Finding.Effect.OBLIGED, List.of(r.to()), p, Optional.empty(), Optional.of(by), OptionalInt.empty(),
                            r.to() + " must reply within " + hours.get() + " hours (by " + by + ", counted in whole days)",
                            unconfirmed(p), explain(p, r.on(), List.of()));
                }
            }
            if (!any) {
                addPlain(n, what, Finding.Effect.NOT_ENTITLED, List.of(r.from()), "no information-request provision in force (in the data or the regime) gives " + r.from()
                        + " a right to this information", Explanation.of("no information-request provision applies", List.of()));
            }
        }

        void consultation(int n, Event.ConsultationRequest c) {
            String what = c.from() + " requests consultations" + (c.with().isEmpty() ? "" : " with " + String.join(", ", c.with()))
                    + (c.subject().isEmpty() ? "" : " on " + c.subject());
            boolean any = false;
            for (Provision p : provisions(ProvisionKind.CONSULTATION, c.on())) {
                Instrument i = instrumentOf(p);
                Set<String> parties = parties(i, c.on());
                if (!parties.contains(c.from()) || !Boolean.TRUE.equals(param(p, "on_request").orElse(false))) {
                    continue;
                }
                List<String> outside = c.with().stream().filter(s -> !parties.contains(s)).toList();
                if (!outside.isEmpty()) {
                    add(n, what, Finding.Effect.NOT_ENTITLED, outside, p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            String.join(", ", outside) + " not a party to " + i.id(), unconfirmed(p), explain(p, c.on(), List.of()));
                    continue;
                }
                any = true;
                Optional<Period> within = param(p, "hold_within").flatMap(Deadlines::parse);
                List<String> participants = new ArrayList<>();
                participants.add(c.from());
                participants.addAll(c.with());
                consulted.computeIfAbsent(i.id(), k -> new LinkedHashSet<>()).addAll(participants);
                add(n, what, Finding.Effect.TRIGGERS, participants, p, Optional.empty(), within.map(x -> Deadlines.after(c.on(), x)),
                        OptionalInt.empty(), "consultations under " + p.id() + " among " + String.join(", ", participants)
                                + within.map(x -> ", to be held by " + Deadlines.after(c.on(), x)).orElse(" (the text sets no time limit)"),
                        unconfirmed(p, "hold_within"), explain(p, c.on(), List.of()));
                if (Boolean.TRUE.equals(param(p, "others_may_join").orElse(false))) {
                    List<String> others = parties.stream().filter(s -> !participants.contains(s)).toList();
                    add(n, what, Finding.Effect.ENTITLED, others, p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            others.size() + " other parties may take part in the consultations", unconfirmed(p, "others_may_join"),
                            explain(p, c.on(), List.of()));
                }
            }
            if (!any) {
                addPlain(n, what, Finding.Effect.NOT_ENTITLED, List.of(c.from()), "no consultation mechanism in force (in the data or the regime) lets " + c.from()
                        + " request these consultations", Explanation.of("no consultation provision applies", List.of()));
            }
        }

        void conference(int n, Event.ConferenceProposal c) {
            String what = c.by() + " proposes to convene a conference" + (c.subject().isEmpty() ? "" : " on " + c.subject());
            boolean any = false;
            for (Provision p : provisions(ProvisionKind.CONFERENCE, c.on())) {
                Instrument i = instrumentOf(p);
                Set<String> parties = parties(i, c.on());
                if (!parties.contains(c.by()) || param(p, "proposer").isEmpty()) {
                    continue;
                }
                any = true;
                if ("consultation-participant".equals(text(p, "proposer", ""))
                        && !consulted.getOrDefault(i.id(), Set.of()).contains(c.by())) {
                    add(n, what, Finding.Effect.NOT_ENTITLED, List.of(c.by()), p, Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            "only a party that took part in consultations under " + i.id() + " may propose the conference; "
                                    + c.by() + " has not", unconfirmed(p, "proposer"), explain(p, c.on(), List.of()));
                    continue;
                }
                List<String> support = new ArrayList<>();
                support.add(c.by());
                c.supportedBy().stream().filter(parties::contains).filter(s -> !support.contains(s)).forEach(support::add);
                int base = parties.size() + (Boolean.TRUE.equals(param(p, "organisations_count").orElse(false)) ? organisationParties(i, c.on()) : 0);
                Optional<Quorum> needed = Quorum.of(param(p, "support").orElse(null), base);
                Optional<Quorum> quorum = Quorum.of(param(p, "quorum").orElse(null), base);
                String decision = text(p, "decision", "as its rules say");
                List<String> unconf = unconfirmed(p, "support", "quorum", "decision", "convene_within");
                if (needed.isPresent() && !needed.get().met(support.size())) {
                    add(n, what, Finding.Effect.NOT_ENTITLED, support, p, Optional.of(decision), Optional.empty(),
                            OptionalInt.of(needed.get().required()), "the proposal has " + support.size() + " supporting part"
                                    + (support.size() == 1 ? "y" : "ies") + "; convening needs " + needed.get().text() + ": not convened", unconf,
                            explain(p, c.on(), List.of()));
                    continue;
                }
                Optional<Period> within = param(p, "convene_within").flatMap(Deadlines::parse);
                add(n, what, Finding.Effect.TRIGGERS, support, p, Optional.of(decision), within.map(x -> Deadlines.after(c.on(), x)),
                        quorum.map(q -> OptionalInt.of(q.required())).orElse(OptionalInt.empty()),
                        "the conference is convened" + needed.map(q -> " (support: " + support.size() + ", " + q.text() + ")").orElse("")
                                + "; it can decide with " + quorum.map(Quorum::text).orElse("no quorum stated") + "; decisions by " + decision
                                + (Boolean.TRUE.equals(param(p, "binding").orElse(false)) ? ", binding on the parties" : ""),
                        unconf, explain(p, c.on(), List.of()));
                add(n, what, Finding.Effect.DECIDES, List.copyOf(parties), p, Optional.of(decision), Optional.empty(),
                        quorum.map(q -> OptionalInt.of(q.required())).orElse(OptionalInt.empty()),
                        parties.size() + " parties decide by " + decision, unconf, explain(p, c.on(), List.of()));
            }
            if (!any) {
                addPlain(n, what, Finding.Effect.NOT_ENTITLED, List.of(c.by()), "no conference mechanism in force (in the data or the regime) lets " + c.by()
                        + " propose a conference", Explanation.of("no conference provision with a proposer rule applies", List.of()));
            }
        }
    }

    static String shorten(String note) {
        String s = note.replaceAll("\\s+", " ").trim();
        return s.length() > 140 ? s.substring(0, 137) + "..." : s;
    }
}
