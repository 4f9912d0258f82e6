package org.eurosec.mechanism;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.engine.Deadlines;
import org.eurosec.engine.Quorum;
import org.eurosec.engine.Reading;
import org.eurosec.engine.SnapshotBuilder;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;
import org.eurosec.model.Regime;

/**
 * The rules an exercise runs by, read once from the regime's instrument on the exercise's day: who
 * the parties are, and for each mechanism the provision, its deadline, its support, quorum and
 * decision rule. Where the text sets no time limit, the exercise's own setting applies and is
 * marked as such; where the regime marks a value unconfirmed, so does the rule.
 */
public record ProcedureRules(String instrument, LocalDate day, List<String> parties, Optional<Information> information,
        Optional<Consultation> consultation, Optional<Conference> conference, Optional<Extraordinary> extraordinary,
        Optional<Notification> notification, Optional<Observation> observation, Optional<AnnualExchange> annualExchange, Settings settings) {

    /**
     * Prior notification of military activities (the Vienna Document in force that day): at least
     * {@code noticeDays} before the start when any threshold is reached ({@code thresholds}: troops,
     * battle_tanks, acv, artillery).
     */
    public record Notification(String provision, int noticeDays, Map<String, Long> thresholds, boolean unconfirmed) {
    }

    /** Invitation of observers to activities reaching these thresholds. */
    public record Observation(String provision, Map<String, Long> thresholds, boolean unconfirmed) {
    }

    /** The annual exchange of military information, due on {@code due} (MM-DD) each year. */
    public record AnnualExchange(String provision, java.time.MonthDay due, boolean unconfirmed) {
    }

    /** Whether any of {@code forces} reaches its threshold, and which do. */
    public static List<String> reached(Map<String, Long> thresholds, Map<String, Integer> forces) {
        List<String> out = new ArrayList<>();
        thresholds.forEach((k, t) -> {
            Integer v = forces.get(k);
            if (v != null && v >= t) {
                out.add(v + " " + k.replace('_', ' ') + " (threshold " + t + ")");
            }
        });
        return out;
    }

    /** The shortest time limit an exercise may set for itself: deadlines are kept in days. */
    public static final Period SHORTEST = Period.ofDays(1);
    /** The longest: beyond a year a procedure outlives any exercise, and a deadline far enough out cannot be computed at all. */
    public static final Period LONGEST = Period.ofYears(1);
    /** The fewest state parties a mechanism works between: one to ask, propose or notify, another to answer, support or vote. */
    public static final int FEWEST_PARTIES = 2;

    /** A value refused when an exercise is created: the field (as the API names it, snake_case) and why. */
    public record Refusal(String field, String message) {
    }

    /** Time limits the text leaves open, set per exercise (ISO-8601 periods). */
    public record Settings(Period replyWithin, Period holdWithin, Period supportWindow, Period votingWindow) {
        public static Settings defaults() {
            return new Settings(Period.ofDays(10), Period.ofDays(14), Period.ofDays(7), Period.ofDays(2));
        }

        /**
         * The settings outside {@link #SHORTEST}..{@link #LONGEST}, each measured from {@code day} (so P12M,
         * P1Y and P365D pass, P366D does not from a day after February): empty when all are sane.
         */
        public List<Refusal> refusals(LocalDate day) {
            List<Refusal> out = new ArrayList<>();
            bounded("reply_within", replyWithin, day, out);
            bounded("hold_within", holdWithin, day, out);
            bounded("support_window", supportWindow, day, out);
            bounded("voting_window", votingWindow, day, out);
            return out;
        }

        private static void bounded(String field, Period p, LocalDate day, List<Refusal> out) {
            String bounds = " (between " + SHORTEST + " and " + LONGEST + ")";
            if (p.isNegative() || p.isZero()) {
                out.add(new Refusal(field, p + " is not a positive period: no part of it may be negative or all zero" + bounds));
                return;
            }
            // Compared by the day each would end on; components too large to add are too long in any case.
            boolean tooLong = p.toTotalMonths() > LONGEST.toTotalMonths() || p.getDays() > 366
                    || day.plus(p).isAfter(day.plus(LONGEST));
            if (tooLong) {
                out.add(new Refusal(field, p + " is longer than " + LONGEST + bounds));
            } else if (day.plus(p).isBefore(day.plus(SHORTEST))) {
                out.add(new Refusal(field, p + " is shorter than " + SHORTEST + bounds));
            }
        }
    }

    /** A time limit and where it comes from: the text, or the exercise's setting. */
    public record Limit(Period period, boolean fromText) {
        public String describe() {
            return Deadlines.words(period) + (fromText ? "" : " (exercise setting: the text sets no time limit)");
        }
    }

    /** {@code passedToAll}: the text has the depositary pass request and reply on to every party. */
    public record Information(String provision, Limit replyWithin, boolean passedToAll, List<String> unconfirmed) {
    }

    public record Consultation(String provision, Limit holdWithin, boolean othersMayJoin, List<String> unconfirmed) {
    }

    public record Conference(String provision, Optional<Quorum> support, Optional<Quorum> quorum, String decision,
            boolean proposerMustHaveConsulted, Limit supportWindow, Limit votingWindow, List<String> unconfirmed) {
    }

    public record Extraordinary(String provision, Optional<Quorum> quorum, String decision, String attackerVote, Limit votingWindow,
            List<String> unconfirmed) {
    }

    public static ProcedureRules of(Architecture world, Reading reading, Regime regime, LocalDate day, Settings settings) {
        return of(world, reading, regime, day, settings, java.util.Optional.empty());
    }

    /**
     * The rules of {@code regime} on {@code day} under {@code instrument}, or, when none is named, the
     * regime's first own instrument with a mechanism. A regime without one (the status quo) must name
     * the instrument; the message lists those in force that day that have a mechanism.
     */
    public static ProcedureRules of(Architecture world, Reading reading, Regime regime, LocalDate day, Settings settings,
            java.util.Optional<String> instrument) {
        List<Instrument> own = new ArrayList<>();
        regime.instruments().forEach(h -> own.add(world.instruments().get(h.instrument().id())));
        List<Instrument> withMechanism = world.instruments().values().stream().filter(i -> i.inForceOn(day) && hasMechanism(i)).toList();
        Instrument chosen = null;
        if (instrument.isPresent()) {
            chosen = world.instruments().get(instrument.get());
            if (chosen == null || !withMechanism.contains(chosen)) {
                throw new IllegalArgumentException("instrument '" + instrument.get() + "' is not in force on " + day
                        + " with a mechanism; those that are: " + String.join(", ", withMechanism.stream().map(Instrument::id).toList()));
            }
        } else {
            chosen = own.stream().filter(i -> i.inForceOn(day) && hasMechanism(i)).findFirst().orElse(null);
        }
        if (chosen == null) {
            throw new IllegalArgumentException("regime " + regime.id() + " has no instrument of its own with an information, conference or"
                    + " extraordinary-conference mechanism in force on " + day + "; name one of those in force: "
                    + String.join(", ", withMechanism.stream().map(Instrument::id).toList()));
        }
        Instrument inst = chosen;
        Set<String> parties = new TreeSet<>(new SnapshotBuilder(world, reading).partiesOn(inst.id(), day).keySet());
        parties.removeIf(p -> world.state(p).isEmpty());
        int n = parties.size();
        Optional<Information> info = first(inst, ProvisionKind.INFORMATION_REQUEST, day).map(p -> {
            ProvisionTerms.InformationRequest t = reading.terms(p, ProvisionTerms.InformationRequest.class);
            return new Information(p.id(), limit(t.replyWithin(), settings.replyWithin()), t.passedToAll(),
                    unconfirmed(regime, p, "reply_within", "depositary_duty"));
        });
        Optional<Consultation> cons = first(inst, ProvisionKind.CONSULTATION, day)
                .filter(p -> reading.terms(p, ProvisionTerms.Consultation.class).onRequest())
                .map(p -> {
                    ProvisionTerms.Consultation t = reading.terms(p, ProvisionTerms.Consultation.class);
                    return new Consultation(p.id(), limit(t.holdWithin(), settings.holdWithin()), t.othersMayJoin(),
                            unconfirmed(regime, p, "hold_within"));
                });
        // Quorums are counted as the scenario engine counts them: the state parties, and the regime's organisations where the provision says so.
        int organisations = Quorum.organisationParties(regime, world, inst.id(), day);
        Optional<Conference> conf = first(inst, ProvisionKind.CONFERENCE, day)
                .filter(p -> reading.terms(p, ProvisionTerms.Conference.class).proposer().isPresent())
                .map(p -> {
                    ProvisionTerms.Conference t = reading.terms(p, ProvisionTerms.Conference.class);
                    int base = n + (t.organisationsCount() ? organisations : 0);
                    return new Conference(p.id(), t.support().flatMap(q -> Quorum.of(q, base)), t.quorum().flatMap(q -> Quorum.of(q, base)),
                            t.decisionText(), t.proposerMustHaveConsulted(), new Limit(settings.supportWindow(), false),
                            limit(t.conveneWithin(), settings.votingWindow()), unconfirmed(regime, p, "support", "quorum", "decision"));
                });
        Optional<Extraordinary> extra = first(inst, ProvisionKind.EXTRAORDINARY_CONFERENCE, day).map(p -> {
            ProvisionTerms.ExtraordinaryConference t = reading.terms(p, ProvisionTerms.ExtraordinaryConference.class);
            int base = n + (t.organisationsCount() ? organisations : 0);
            return new Extraordinary(p.id(), t.quorum().flatMap(q -> Quorum.of(q, base)), t.decisionText(), t.attackerVote().id(),
                    new Limit(settings.votingWindow(), false), unconfirmed(regime, p, "quorum", "decision", "attacker_vote"));
        });
        // The confidence- and security-building measures come from the Vienna Document in force that day, whatever the regime.
        Optional<Notification> note = Optional.empty();
        Optional<Observation> obs = Optional.empty();
        Optional<AnnualExchange> annual = Optional.empty();
        List<Instrument> csbm = world.instruments().values().stream().filter(i -> i.inForceOn(day))
                .sorted(java.util.Comparator.comparing((Instrument i) -> i.effectiveFrom().orElse(LocalDate.MIN)).reversed()).toList();
        for (Instrument i : csbm) {
            for (Provision p : i.provisions()) {
                if (!i.inForceSpan(p).map(x -> x.contains(day)).orElse(false)
                        || (p.kind() != ProvisionKind.CSBM_NOTIFICATION && p.kind() != ProvisionKind.OBSERVATION)) {
                    continue;
                }
                ProvisionTerms.Thresholds terms = reading.terms(p, ProvisionTerms.Thresholds.class);
                Map<String, Long> t = terms.asMap();
                if (note.isEmpty() && p.kind() == ProvisionKind.CSBM_NOTIFICATION && !t.isEmpty() && terms.noticeDays().isPresent()) {
                    note = Optional.of(new Notification(p.id(), (int) terms.noticeDays().getAsLong(), t, p.unconfirmed()));
                } else if (obs.isEmpty() && p.kind() == ProvisionKind.OBSERVATION && !t.isEmpty()) {
                    obs = Optional.of(new Observation(p.id(), t, p.unconfirmed()));
                } else if (annual.isEmpty() && p.kind() == ProvisionKind.CSBM_NOTIFICATION && terms.annualExchange()) {
                    annual = Optional.of(new AnnualExchange(p.id(), terms.due(), p.unconfirmed()));
                }
            }
        }
        return new ProcedureRules(inst.id(), day, List.copyOf(parties), info, cons, conf, extra, note, obs, annual, settings);
    }

    private static boolean hasMechanism(Instrument i) {
        return i.provisions().stream().anyMatch(p -> p.kind() == ProvisionKind.CONFERENCE || p.kind() == ProvisionKind.INFORMATION_REQUEST
                || p.kind() == ProvisionKind.EXTRAORDINARY_CONFERENCE);
    }

    private static Optional<Provision> first(Instrument i, ProvisionKind kind, LocalDate day) {
        return i.provisions().stream().filter(p -> p.kind() == kind && i.inForceSpan(p).map(s -> s.contains(day)).orElse(true)).findFirst();
    }

    private static Limit limit(Optional<ProvisionTerms.Deadline> value, Period otherwise) {
        return value.flatMap(ProvisionTerms.Deadline::period).map(p -> new Limit(p, true)).orElse(new Limit(otherwise, false));
    }

    private static List<String> unconfirmed(Regime regime, Provision p, String... keys) {
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            regime.parameterFor(p.id(), k).filter(Regime.Parameter::unconfirmed)
                    .ifPresent(rp -> out.add(rp.name() + " = " + rp.value() + " (" + rp.provenance().source() + ")"));
        }
        return List.copyOf(out);
    }

    /**
     * What makes these rules unfit to run an exercise: a setting outside its bounds, or fewer than
     * {@link #FEWEST_PARTIES} state parties to the instrument on the day (before it was signed, or
     * after it ended, there is no one to act). Empty when an exercise can run by them. Only a new
     * exercise is held to this: one already journaled replays by the rules it was created with.
     */
    public List<Refusal> refusals() {
        List<Refusal> out = new ArrayList<>(settings.refusals(day));
        if (parties.size() < FEWEST_PARTIES) {
            out.add(new Refusal("day", instrument + " has " + (parties.isEmpty() ? "no state parties" : "only one state party (" + parties.get(0) + ")")
                    + " on " + day + "; its mechanisms need at least " + FEWEST_PARTIES + ": choose a day on which it is in force with its parties"));
        }
        return out;
    }

    /** Whether a state is a party (the list is sorted). */
    public boolean isParty(String state) {
        return java.util.Collections.binarySearch(parties, state) >= 0;
    }

    /**
     * The rules' own copy of a party's code, equal to {@code state}, or {@code state} itself if it is
     * not a party. Procedures keep this copy, so the code read from each request is not held once per
     * procedure for as long as the exercise is in memory.
     */
    public String party(String state) {
        int i = java.util.Collections.binarySearch(parties, state);
        return i >= 0 ? parties.get(i) : state;
    }

    /** The rules as a plain map, for the journal's first entry and the API. */
    public Map<String, Object> describe() {
        Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("instrument", instrument);
        m.put("day", day.toString());
        m.put("parties", parties);
        information.ifPresent(x -> m.put("information", Map.of("provision", x.provision(), "reply_within", x.replyWithin().describe(),
                "passed_on_to_all_parties", x.passedToAll(), "unconfirmed", x.unconfirmed())));
        consultation.ifPresent(x -> m.put("consultation", Map.of("provision", x.provision(), "hold_within", x.holdWithin().describe(),
                "others_may_join", x.othersMayJoin(), "unconfirmed", x.unconfirmed())));
        conference.ifPresent(x -> m.put("conference", Map.of("provision", x.provision(), "support", x.support().map(Quorum::text).orElse("none stated"),
                "quorum", x.quorum().map(Quorum::text).orElse("none stated"), "decision", x.decision(),
                "proposer_must_have_consulted", x.proposerMustHaveConsulted(), "support_window", x.supportWindow().describe(),
                "voting_window", x.votingWindow().describe(), "unconfirmed", x.unconfirmed())));
        extraordinary.ifPresent(x -> m.put("extraordinary_conference", Map.of("provision", x.provision(),
                "quorum", x.quorum().map(Quorum::text).orElse("none stated"), "decision", x.decision(), "attacker_vote", x.attackerVote(),
                "voting_window", x.votingWindow().describe(), "unconfirmed", x.unconfirmed())));
        notification.ifPresent(x -> m.put("notification", Map.of("provision", x.provision(), "notice_days", x.noticeDays(),
                "thresholds", x.thresholds(), "unconfirmed", x.unconfirmed())));
        observation.ifPresent(x -> m.put("observation", Map.of("provision", x.provision(), "thresholds", x.thresholds(), "unconfirmed", x.unconfirmed())));
        annualExchange.ifPresent(x -> m.put("annual_exchange", Map.of("provision", x.provision(), "due", x.due().toString().substring(2),
                "unconfirmed", x.unconfirmed())));
        return m;
    }
}
