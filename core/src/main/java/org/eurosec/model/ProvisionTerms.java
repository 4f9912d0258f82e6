package org.eurosec.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The typed reading of a provision's parameters, one record per kind family: what the scenario
 * engine, the exercise's rules and the analyses read, each parameter with its one default here.
 * {@link #of} builds it from parameters the loader has checked against {@link ProvisionParameters}
 * (an interpretation's {@code set_params} applied first, by the reading). Guarantees keep their own
 * typed terms in {@link DefenceTerms}.
 */
public sealed interface ProvisionTerms {

    /** The terms of {@code kind} from checked parameter values. */
    static ProvisionTerms of(ProvisionKind kind, Map<String, Object> params) {
        return switch (kind) {
            case INDIVISIBILITY -> new Indivisibility(flag(params, "accession_objection"));
            case NON_ENLARGEMENT -> new NonEnlargement(text(params, "organisation"),
                    Optional.ofNullable(params.get("applicants")).map(ProvisionTerms::strings));
            case EXTRAORDINARY_CONFERENCE -> new ExtraordinaryConference(
                    Optional.ofNullable(params.get("triggers")).map(ProvisionTerms::strings).orElse(List.of()).stream()
                            .flatMap(t -> word(Trigger.values(), t).stream()).toList(),
                    text(params, "convener"), deadline(params, "convene_within"), quorum(params, "quorum"),
                    word(params, "decision", Decision.values()), word(params, "attacker_vote", AttackerVote.values()).orElse(AttackerVote.COUNTED),
                    flag(params, "organisations_count"));
            case CONFERENCE -> new Conference(word(params, "proposer", Proposer.values()), quorum(params, "support"), quorum(params, "quorum"),
                    word(params, "decision", Decision.values()), flag(params, "binding"), deadline(params, "convene_within"),
                    flag(params, "organisations_count"), text(params, "forum"));
            case CONSULTATION -> new Consultation(flag(params, "on_request"), deadline(params, "hold_within"), flag(params, "others_may_join"),
                    text(params, "trigger"), whole(params, "reply_within_hours"));
            case INFORMATION_REQUEST -> new InformationRequest(text(params, "channel"), deadline(params, "reply_within"),
                    text(params, "depositary"), text(params, "depositary_duty"));
            case CSBM_NOTIFICATION, OBSERVATION -> new Thresholds(whole(params, "threshold_troops"), whole(params, "threshold_battle_tanks"),
                    whole(params, "threshold_acv"), whole(params, "threshold_artillery"),
                    kind == ProvisionKind.CSBM_NOTIFICATION ? whole(params, "notice_days") : OptionalLong.empty(),
                    kind == ProvisionKind.CSBM_NOTIFICATION ? text(params, "mechanism") : Optional.empty(),
                    kind == ProvisionKind.CSBM_NOTIFICATION ? Optional.ofNullable(params.get("due")).flatMap(ProvisionParameters::monthDay)
                            .orElse(Thresholds.ANNUAL_EXCHANGE_DUE) : Thresholds.ANNUAL_EXCHANGE_DUE);
            case DEPLOYMENT_LIMIT -> new DeploymentLimit(text(params, "organisation"),
                    Optional.ofNullable(params.get("hosts_joined_after")).flatMap(ProvisionParameters::date), flag(params, "includes_non_members"));
            case ENTRY_INTO_FORCE -> new EntryIntoForce(whole(params, "ratifications"), word(params, "rule", EntryRule.values()),
                    deadline(params, "after"));
            case WITHDRAWAL -> new Withdrawal(deadline(params, "notice"),
                    Optional.ofNullable(params.get("available_from")).flatMap(ProvisionParameters::date));
            case SELF_DEFENCE -> new SelfDefence(text(params, "until"));
            case COLLECTIVE_SECURITY -> new CollectiveSecurity(text(params, "decider"), text(params, "decision_rule"));
            case COLLECTIVE_DEFENCE, MUTUAL_ASSISTANCE -> new Guarantee();
            case FREE_CHOICE_OF_ALLIANCES, OFFENCE, NEUTRALITY, NON_AGGRESSION, ACCESSION_RULE, ARMS_CEILING, NON_USE_OF_FORCE,
                    REGIONAL_ARRANGEMENT, NO_CONFLICTING_OBLIGATIONS, DISPUTE_SETTLEMENT, COOPERATION, PRINCIPLE -> new Recorded();
        };
    }

    // ------------------------------------------------------------------ the records

    /** {@code accessionObjection}: any party may object to another state's accession to an alliance. */
    record Indivisibility(boolean accessionObjection) implements ProvisionTerms {
    }

    /** {@code applicants} empty: every applicant. */
    record NonEnlargement(Optional<String> organisation, Optional<List<String>> applicants) implements ProvisionTerms {
        public boolean covers(String applicant) {
            return applicants.map(a -> a.contains(applicant)).orElse(true);
        }
    }

    /**
     * A conference convened at once after an attack or a threat. Unstated: no quorum, the decision
     * "as its rules say", the attacker's vote counted, organisations not counted.
     */
    record ExtraordinaryConference(List<Trigger> triggers, Optional<String> convener, Optional<Deadline> conveneWithin,
            Optional<String> quorum, Optional<Decision> decision, AttackerVote attackerVote, boolean organisationsCount)
            implements ProvisionTerms {
        public String convenerText() {
            return convener.orElse("the depositary");
        }

        public String decisionText() {
            return Decision.text(decision);
        }
    }

    /** A conference of the parties; without a {@code proposer} rule no one can have it convened. */
    record Conference(Optional<Proposer> proposer, Optional<String> support, Optional<String> quorum, Optional<Decision> decision,
            boolean binding, Optional<Deadline> conveneWithin, boolean organisationsCount, Optional<String> forum) implements ProvisionTerms {
        public String decisionText() {
            return Decision.text(decision);
        }

        public boolean proposerMustHaveConsulted() {
            return proposer.orElse(null) == Proposer.CONSULTATION_PARTICIPANT;
        }
    }

    record Consultation(boolean onRequest, Optional<Deadline> holdWithin, boolean othersMayJoin, Optional<String> trigger,
            OptionalLong replyWithinHours) implements ProvisionTerms {
        /** Whether the trigger names a threat, an attack or the use of force (the victim may then call it). */
        public boolean triggeredByForce() {
            String t = trigger.orElse("");
            return t.contains("threat") || t.contains("attack") || t.contains("use-of-force");
        }
    }

    record InformationRequest(Optional<String> channel, Optional<Deadline> replyWithin, Optional<String> depositary,
            Optional<String> depositaryDuty) implements ProvisionTerms {
        /** Whether the depositary passes request and reply on to every party. */
        public boolean passedToAll() {
            return depositaryDuty.orElse("").contains("all Parties");
        }
    }

    /**
     * Notification or observation thresholds (any one reached suffices) and, for notification, the
     * notice in days and the annual exchange's day.
     */
    record Thresholds(OptionalLong thresholdTroops, OptionalLong thresholdBattleTanks, OptionalLong thresholdAcv, OptionalLong thresholdArtillery,
            OptionalLong noticeDays,
            Optional<String> mechanism, MonthDay due) implements ProvisionTerms {
        /** The Vienna Document's annual exchange of military information: not later than 15 December. */
        public static final MonthDay ANNUAL_EXCHANGE_DUE = MonthDay.of(12, 15);

        /** The thresholds that are set, keyed troops, battle_tanks, acv, artillery. */
        public Map<String, Long> asMap() {
            Map<String, Long> m = new LinkedHashMap<>();
            thresholdTroops.ifPresent(v -> m.put("troops", v));
            thresholdBattleTanks.ifPresent(v -> m.put("battle_tanks", v));
            thresholdAcv.ifPresent(v -> m.put("acv", v));
            thresholdArtillery.ifPresent(v -> m.put("artillery", v));
            return m;
        }

        public boolean annualExchange() {
            return mechanism.map("annual-exchange-of-military-information"::equals).orElse(false);
        }
    }

    record DeploymentLimit(Optional<String> organisation, Optional<LocalDate> hostsJoinedAfter, boolean includesNonMembers)
            implements ProvisionTerms {
    }

    record EntryIntoForce(OptionalLong ratifications, Optional<EntryRule> rule, Optional<Deadline> after) implements ProvisionTerms {
        public boolean stated() {
            return ratifications.isPresent() || rule.isPresent();
        }
    }

    /** {@code notice} absent: the withdrawal takes effect on notice. */
    record Withdrawal(Optional<Deadline> notice, Optional<LocalDate> availableFrom) implements ProvisionTerms {
    }

    record SelfDefence(Optional<String> until) implements ProvisionTerms {
    }

    record CollectiveSecurity(Optional<String> decider, Optional<String> decisionRule) implements ProvisionTerms {
    }

    /** A guarantee: its typed terms are {@link Provision#defence()}. */
    record Guarantee() implements ProvisionTerms {
    }

    /** A kind whose parameters are recorded and shown, not read. */
    record Recorded() implements ProvisionTerms {
    }

    // ------------------------------------------------------------------ value types

    /** A time limit as written: an ISO period, or a word saying the text sets none or one we cannot read. */
    record Deadline(Optional<Period> period, String written) {
        public static Optional<Deadline> of(Object value) {
            if (value == null) {
                return Optional.empty();
            }
            String v = String.valueOf(value).trim();
            if (v.equals("none-stated") || v.equals("unknown")) {
                return Optional.of(new Deadline(Optional.empty(), v));
            }
            try {
                Period p = Period.parse(v);
                return p.isNegative() ? Optional.empty() : Optional.of(new Deadline(Optional.of(p), v));
            } catch (DateTimeParseException e) {
                return Optional.empty();
            }
        }

        /** Whether the text has a period we cannot read ('unknown'), as opposed to none at all. */
        public boolean unknown() {
            return written.equals("unknown");
        }
    }

    enum Trigger {
        ARMED_ATTACK, THREAT_OF_ARMED_ATTACK;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    enum Decision {
        CONSENSUS, UNANIMITY;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** A decision rule in words; an unstated one is left to the body's own rules. */
        public static String text(Optional<Decision> d) {
            return d.map(Decision::id).orElse("as its rules say");
        }
    }

    enum AttackerVote {
        COUNTED, NOT_COUNTED;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    enum Proposer {
        CONSULTATION_PARTICIPANT, ANY_PARTY;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    enum EntryRule {
        MORE_THAN_HALF_OF_SIGNATORIES;

        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    // ------------------------------------------------------------------ readers

    private static boolean flag(Map<String, Object> params, String key) {
        return Boolean.TRUE.equals(params.get(key));
    }

    private static Optional<String> text(Map<String, Object> params, String key) {
        return Optional.ofNullable(params.get(key)).map(String::valueOf);
    }

    private static OptionalLong whole(Map<String, Object> params, String key) {
        Optional<Long> v = Optional.ofNullable(params.get(key)).flatMap(ProvisionParameters::whole);
        return v.isPresent() ? OptionalLong.of(v.get()) : OptionalLong.empty();
    }

    private static Optional<String> quorum(Map<String, Object> params, String key) {
        return Optional.ofNullable(params.get(key)).flatMap(ProvisionParameters::quorum);
    }

    private static Optional<Deadline> deadline(Map<String, Object> params, String key) {
        return Optional.ofNullable(params.get(key)).flatMap(Deadline::of);
    }

    private static List<String> strings(Object v) {
        return v instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(v));
    }

    private static <E extends Enum<E>> Optional<E> word(Map<String, Object> params, String key, E[] values) {
        return Optional.ofNullable(params.get(key)).flatMap(v -> word(values, String.valueOf(v)));
    }

    private static <E extends Enum<E>> Optional<E> word(E[] values, String id) {
        for (E e : values) {
            if (e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(id)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
