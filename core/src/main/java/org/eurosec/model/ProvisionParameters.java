package org.eurosec.model;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The closed set of parameters each provision kind takes: those the engine reads (typed, with the
 * values it accepts, read into the kind's {@link ProvisionTerms} record) and those the data only
 * records (shown, never interpreted). The loader refuses any other key and any read value outside
 * its type, naming the file and line; {@code regimes/README.md}'s table is generated from here.
 */
public final class ProvisionParameters {

    private ProvisionParameters() {
    }

    /** What a read parameter's value must be. */
    public enum Type {
        FLAG("true or false"),
        WHOLE("a whole number"),
        PERIOD("an ISO-8601 period such as P30D or P1Y, 'none-stated' (the text sets none) or 'unknown' (the text sets one we cannot read)"),
        QUORUM("a fraction a/b of the parties (e.g. 4/5) or a whole number of parties"),
        DATE("a date YYYY-MM-DD"),
        MONTH_DAY("a day of the year MM-DD"),
        /** One of a closed set of words ({@link Param#allowed}). */
        WORD("one of"),
        /** A list of words from a closed set. */
        WORDS("a list of"),
        TEXT("text"),
        /** A list of ids (states or organisations). */
        IDS("a list of ids"),
        /** Read into {@link DefenceTerms}, which checks it. */
        DEFENCE("as for a guarantee");

        private final String says;

        Type(String says) {
            this.says = says;
        }
    }

    /**
     * One parameter of a kind. {@code read}: the engine, the exercise or an analysis reads it; a
     * recorded parameter is kept and shown but means nothing to them.
     */
    public record Param(String key, Type type, List<String> allowed, boolean read, String meaning) {

        /** What the value must be, in words, for error messages and the README. */
        public String expects() {
            return switch (type) {
                case WORD -> "one of " + String.join(", ", allowed);
                case WORDS -> "a list of " + String.join(", ", allowed);
                default -> type.says;
            };
        }

        /** Why {@code value} is not a value of this parameter, or empty when it is. */
        public Optional<String> problem(Object value) {
            boolean ok = switch (type) {
                case FLAG -> value instanceof Boolean;
                case WHOLE -> whole(value).isPresent();
                case PERIOD -> ProvisionTerms.Deadline.of(value).isPresent();
                case QUORUM -> quorum(value).isPresent();
                case DATE -> date(value).isPresent();
                case MONTH_DAY -> monthDay(value).isPresent();
                case WORD -> value != null && !(value instanceof List<?>) && !(value instanceof Map<?, ?>)
                        && allowed.contains(String.valueOf(value));
                case WORDS -> value instanceof List<?> l && !l.isEmpty() && l.stream().allMatch(x -> allowed.contains(String.valueOf(x)));
                case TEXT -> value != null && !(value instanceof List<?>) && !(value instanceof Map<?, ?>);
                case IDS -> value instanceof List<?> l && l.stream().allMatch(x -> x instanceof String);
                case DEFENCE -> true;
            };
            return ok ? Optional.empty() : Optional.of("'" + value + "' is not a value of params." + key + ": give " + expects());
        }
    }

    private static Param read(String key, Type type, String meaning) {
        return new Param(key, type, List.of(), true, meaning);
    }

    private static Param word(String key, List<String> allowed, String meaning) {
        return new Param(key, Type.WORD, List.copyOf(allowed), true, meaning);
    }

    private static Param words(String key, List<String> allowed, String meaning) {
        return new Param(key, Type.WORDS, List.copyOf(allowed), true, meaning);
    }

    private static List<Param> recorded(String... keys) {
        return Arrays.stream(keys).map(k -> new Param(k, Type.TEXT, List.of(), false, "")).toList();
    }

    private static List<Param> of(List<Param> read, List<Param> recorded) {
        List<Param> all = new ArrayList<>(read);
        all.addAll(recorded);
        return List.copyOf(all);
    }

    /** {@code unconfirmed: true} in params flags the provision like the provision's own {@code unconfirmed}. */
    public static final Param UNCONFIRMED = new Param("unconfirmed", Type.FLAG, List.of(), true,
            "the provision rests on a source that does not confirm it");

    private static final List<Param> DEFENCE = of(List.of(
            new Param("obligation", Type.DEFENCE, ids(DefenceTerms.Obligation.values()), true, "obliged (default) or only entitled to assist"),
            new Param("assistance", Type.DEFENCE, ids(DefenceTerms.Assistance.values()), true, "required when obliged: automatic or discretionary"),
            new Param("consent_required", Type.DEFENCE, List.of(), true, "true: only with the victim's consent"),
            new Param("conditions", Type.DEFENCE, List.of(), true, "kebab-case terms limiting the undertaking (readings may void it)"),
            new Param("guarantors", Type.DEFENCE, List.of(), true, "state ids that guarantee (default: every party)"),
            new Param("beneficiaries", Type.DEFENCE, List.of(), true, "state ids guaranteed (default: every party)"),
            new Param("means", Type.DEFENCE, List.of(), true, "what assistance the text names"),
            new Param("scope", Type.DEFENCE, List.of(), true, "where or against what the guarantee applies")),
            recorded("caveat", "ends_when_security_council_acts", "immediate", "nato_primacy", "report_to_security_council",
                    "scope_defined_by", "un_charter_art_51"));

    private static final Map<ProvisionKind, List<Param>> PARAMS = new EnumMap<>(ProvisionKind.class);

    static {
        PARAMS.put(ProvisionKind.COLLECTIVE_DEFENCE, DEFENCE);
        PARAMS.put(ProvisionKind.MUTUAL_ASSISTANCE, DEFENCE);
        PARAMS.put(ProvisionKind.INDIVISIBILITY, of(List.of(
                read("accession_objection", Type.FLAG, "true: any party may object to another state's accession to an alliance (needs a `precedence` entry)")),
                recorded("alliance_conduct", "core_security_interests", "equal_security", "includes_alliance_measures", "no_dividing_lines",
                        "no_pre_eminent_responsibility", "no_sphere_of_influence", "not_at_expense_of_others", "significantly_affecting",
                        "territory_clause")));
        PARAMS.put(ProvisionKind.NON_ENLARGEMENT, of(List.of(
                read("organisation", Type.TEXT, "the organisation that admits no new member"),
                read("applicants", Type.IDS, "the states it covers (default: every applicant)")), List.of()));
        PARAMS.put(ProvisionKind.FREE_CHOICE_OF_ALLIANCES, of(List.of(),
                recorded("includes_neutrality", "includes_treaties_of_alliance", "may_change", "third_party_veto", "wording")));
        PARAMS.put(ProvisionKind.EXTRAORDINARY_CONFERENCE, of(List.of(
                words("triggers", ids(ProvisionTerms.Trigger.values()), "what lets the victim have it convened"),
                read("convener", Type.TEXT, "who convenes it (default: the depositary)"),
                read("convene_within", Type.PERIOD, "by when it meets (default: at once)"),
                read("quorum", Type.QUORUM, "the parties that must attend (default: none stated)"),
                word("decision", ids(ProvisionTerms.Decision.values()), "how it decides (default: as its rules say)"),
                word("attacker_vote", ids(ProvisionTerms.AttackerVote.values()), "whether an attacking party votes (default: counted)"),
                read("organisations_count", Type.FLAG, "true: the regime's eligible organisations count as parties in the quorum (default: false)")),
                recorded("binding", "max_duration_weeks", "opens_within_days", "trigger")));
        PARAMS.put(ProvisionKind.CONFERENCE, of(List.of(
                word("proposer", ids(ProvisionTerms.Proposer.values()), "who may propose convening it (without it, no one can in a scenario or exercise)"),
                read("support", Type.QUORUM, "the parties that must support the proposal (default: none)"),
                read("quorum", Type.QUORUM, "the parties that must attend (default: none stated)"),
                word("decision", ids(ProvisionTerms.Decision.values()), "how it decides (default: as its rules say)"),
                read("binding", Type.FLAG, "true: its decisions bind the parties"),
                read("convene_within", Type.PERIOD, "by when it meets (default: the exercise's voting window)"),
                read("organisations_count", Type.FLAG, "true: the regime's eligible organisations count as parties in quorums (default: false)"),
                read("forum", Type.TEXT, "an organisation of the data it is held in (then it is no new body)")),
                recorded("amendment_rule", "bodies", "convened", "convener", "council_frequency", "decision_rule", "first_after_months",
                        "first_review_after_years", "follow_up_meetings", "interval_years", "review_interval_years", "trigger_requests")));
        PARAMS.put(ProvisionKind.CONSULTATION, of(List.of(
                read("on_request", Type.FLAG, "true: a party may request it"),
                read("hold_within", Type.PERIOD, "by when it is held (default: no time limit; the exercise's setting)"),
                read("others_may_join", Type.FLAG, "true: the other parties may take part"),
                read("trigger", Type.TEXT, "mentioning a threat, an attack or the use of force makes the victim entitled to call it"),
                read("reply_within_hours", Type.WHOLE, "the reply time for a request about unusual military activities")),
                recorded("all_states_forum", "all_states_meeting_within_hours", "any_party_may_raise_issue", "bilateral_meeting_within_hours",
                        "body", "consensus_definition", "convened", "crisis_consultation", "deadline", "decision_rule", "decisions",
                        "decisions_defined_by", "forum", "initiator", "meetings", "quorum", "scope", "timing", "veto_over_other_side")));
        PARAMS.put(ProvisionKind.INFORMATION_REQUEST, of(List.of(
                read("channel", Type.TEXT, "how the request is made"),
                read("reply_within", Type.PERIOD, "by when the requested party replies (default: no time limit; the exercise's setting)"),
                read("depositary", Type.TEXT, "who the depositary is"),
                read("depositary_duty", Type.TEXT, "what the depositary must do (mentioning 'all Parties': passes request and reply on)")),
                List.of()));
        List<Param> thresholds = List.of(
                read("threshold_troops", Type.WHOLE, "troops (any one threshold reached suffices)"),
                read("threshold_battle_tanks", Type.WHOLE, "battle tanks"),
                read("threshold_acv", Type.WHOLE, "armoured combat vehicles"),
                read("threshold_artillery", Type.WHOLE, "artillery pieces"));
        List<Param> notification = new ArrayList<>(thresholds);
        notification.add(read("notice_days", Type.WHOLE, "days of prior notice"));
        notification.add(read("mechanism", Type.TEXT, "annual-exchange-of-military-information: the annual exchange"));
        notification.add(read("due", Type.MONTH_DAY, "the annual exchange's day (default: 12-15)"));
        PARAMS.put(ProvisionKind.CSBM_NOTIFICATION, of(notification,
                recorded("activity", "any_one_threshold_suffices", "artillery_definition", "notice_hours", "politically_binding", "protocol",
                        "threshold_air_sorties", "threshold_amphibious_or_parachute_troops", "timing", "valid_as_of", "zone", "zone_note")));
        PARAMS.put(ProvisionKind.OBSERVATION, of(thresholds,
                recorded("any_one_threshold_suffices", "basis", "evaluation_visits_max_per_year", "evaluation_visits_per_60_units",
                        "first_distribution_max_share_of_passive", "inspection_max_hours", "inspection_starts_within_hours",
                        "inspections_max_accepted_per_year", "inspections_max_from_same_state_per_year",
                        "max_inspections_of_same_group_member_per_year", "max_per_year", "max_share_from_same_state",
                        "max_share_of_quota_from_one_state", "max_share_over_one_state", "max_simultaneous_visits", "max_visits_per_unit_per_year",
                        "mechanism", "obligation", "passive_quota", "quota_under_5_max_from_same_state", "reciprocity", "redistribution_forum",
                        "reply_within_hours", "right_and_obligation", "threshold_amphibious_or_parachute_troops", "values_confirmed",
                        "visits_per_60_units")));
        PARAMS.put(ProvisionKind.DEPLOYMENT_LIMIT, of(List.of(
                read("organisation", Type.TEXT, "the organisation whose members' territory is limited"),
                read("hosts_joined_after", Type.DATE, "the limit covers hosts that joined the organisation after this day"),
                read("includes_non_members", Type.FLAG, "true: it covers hosts outside the organisation too")),
                recorded("by", "condition", "exception", "form", "host_nation_consent", "legally_binding", "limit", "substantial_defined",
                        "weapon", "where")));
        PARAMS.put(ProvisionKind.ENTRY_INTO_FORCE, of(List.of(
                read("ratifications", Type.WHOLE, "ratifications needed"),
                word("rule", ids(ProvisionTerms.EntryRule.values()), "instead of a number"),
                read("after", Type.PERIOD, "delay after the last ratification needed (default: none)")),
                recorded("automatic_renewal", "delay_days", "depositary", "extension_from", "instruments_required", "later_ratifiers_delay_days",
                        "met", "must_include", "provisional_application", "required", "term_years", "termination_notice_days", "threshold")));
        PARAMS.put(ProvisionKind.WITHDRAWAL, of(List.of(
                read("notice", Type.PERIOD, "notice period (none: effective on notice; 'unknown': no effective day can be computed)"),
                read("available_from", Type.DATE, "the first day a party may withdraw")),
                recorded("available_after", "conference_opens_days_after_notice", "duration", "earliest_after_years_in_force",
                        "effect_after_months", "extension", "ground", "lapses_on", "notice_days", "notice_months", "notice_timing", "notify",
                        "period", "rejoin_via", "renewal", "statement_of_events_required", "sunset_clause_years", "term",
                        "withdrawal_agreement")));
        PARAMS.put(ProvisionKind.SELF_DEFENCE, of(List.of(
                read("until", Type.TEXT, "how long the right lasts")),
                recorded("collective", "individual", "obligation", "report_to_security_council", "trigger", "un_charter_art_51")));
        PARAMS.put(ProvisionKind.COLLECTIVE_SECURITY, of(List.of(
                read("decider", Type.TEXT, "the body that decides on collective measures (without it, none is reported)"),
                read("decision_rule", Type.TEXT, "how that body decides")),
                recorded("articles", "binding_on_members", "body", "permanent_members_veto", "trigger")));
        PARAMS.put(ProvisionKind.ACCESSION_RULE, of(List.of(), recorded("conditions", "consent_of", "council", "decider", "depositary",
                "eligible", "eligible_organisations", "eligible_states", "european_parliament", "instrument", "ratification", "rule")));
        PARAMS.put(ProvisionKind.ARMS_CEILING, of(List.of(), recorded("acv", "acv_active", "aifv_and_hacv", "area", "artillery",
                "artillery_active", "attack_helicopters", "battle_tanks", "battle_tanks_active", "combat_aircraft", "groups", "hacv", "kiev_md",
                "max_above_13000_troops_or_300_tanks_per_year", "max_above_40000_troops_or_900_tanks_per_3_years",
                "max_simultaneous_above_13000_troops_or_300_tanks", "notify_after_withdrawal_days", "of_which_above_25000_troops_or_400_tanks",
                "per", "reached_months_after_eif", "replaces", "temporary_deployment_max", "temporary_deployment_max_per_state",
                "values_confirmed", "zone", "zone_iv_2", "zone_iv_3_active", "zone_iv_4_active_central")));
        PARAMS.put(ProvisionKind.COOPERATION, of(List.of(), recorded("body", "dimension", "dimensions", "field", "hierarchy", "institutions",
                "no_supply_disruption", "operational_document", "organisations", "partner", "principle", "relies_on_nato_military_authorities")));
        PARAMS.put(ProvisionKind.DISPUTE_SETTLEMENT, of(List.of(), recorded("fora", "means", "parties")));
        PARAMS.put(ProvisionKind.NO_CONFLICTING_OBLIGATIONS, of(List.of(), recorded("existing_engagements_declared_compatible",
                "future_conflicting_engagements_prohibited", "no_alliance_against_a_party", "no_conflicting_alliances", "priority")));
        PARAMS.put(ProvisionKind.NON_USE_OF_FORCE, of(List.of(), recorded("consistent_with", "erga_omnes", "mutual", "protects", "reaffirms",
                "scope")));
        PARAMS.put(ProvisionKind.PRINCIPLE, of(List.of(), recorded("adds", "algerian_departments_until", "amends", "body",
                "common_defence_requires", "decision", "decision_rule", "decisions", "defines_scope_of", "forces_vessels_aircraft_in_or_over",
                "guarantee", "meets", "new_organisation", "principle", "replaces", "respects_nato_obligations",
                "respects_specific_character_of_certain_member_states_policy", "southern_limit", "territory", "then",
                "un_security_council_primary_responsibility", "weu_as_defence_arm")));
        PARAMS.put(ProvisionKind.REGIONAL_ARRANGEMENT, of(List.of(), recorded("articles", "enforcement_requires", "report_to_security_council")));
        PARAMS.put(ProvisionKind.NON_AGGRESSION, List.of());
        PARAMS.put(ProvisionKind.OFFENCE, List.of());
        PARAMS.put(ProvisionKind.NEUTRALITY, List.of());
        for (ProvisionKind k : ProvisionKind.values()) {
            if (!PARAMS.containsKey(k)) {
                throw new IllegalStateException("no parameters declared for kind " + k.id());
            }
        }
    }

    /** Every parameter of a kind, read ones first ({@code unconfirmed} is accepted for every kind besides). */
    public static List<Param> of(ProvisionKind kind) {
        return PARAMS.get(kind);
    }

    /** The parameters of a kind that the engine reads. */
    public static List<Param> read(ProvisionKind kind) {
        return PARAMS.get(kind).stream().filter(Param::read).toList();
    }

    public static Optional<Param> param(ProvisionKind kind, String key) {
        if (key.equals(UNCONFIRMED.key())) {
            return Optional.of(UNCONFIRMED);
        }
        return PARAMS.get(kind).stream().filter(p -> p.key().equals(key)).findFirst();
    }

    /** The keys a kind accepts, sorted, for messages. */
    public static List<String> known(ProvisionKind kind) {
        TreeSet<String> keys = new TreeSet<>();
        PARAMS.get(kind).forEach(p -> keys.add(p.key()));
        keys.add(UNCONFIRMED.key());
        return List.copyOf(keys);
    }

    /** Why {@code key} is no parameter of {@code kind}, or empty when it is one. */
    public static Optional<String> unknownKey(ProvisionKind kind, String key) {
        if (param(kind, key).isPresent()) {
            return Optional.empty();
        }
        return Optional.of("unknown parameter '" + key + "' for kind " + kind.id() + "; known: " + String.join(", ", known(kind)));
    }

    /**
     * Why {@code key: value} is no valid parameter of {@code kind}: an unknown key, or a read value
     * outside its type. Regime references ({@code $name}) are checked once resolved.
     */
    public static Optional<String> problem(ProvisionKind kind, String key, Object value) {
        Optional<Param> p = param(kind, key);
        if (p.isEmpty()) {
            return unknownKey(kind, key);
        }
        if (!p.get().read() || (value instanceof String s && s.startsWith("$"))) {
            return Optional.empty();
        }
        return p.get().problem(value);
    }

    /** Why {@code value} is no value of a known parameter {@code key} of {@code kind}; empty for an unknown key (reported where it is written). */
    public static Optional<String> valueProblem(ProvisionKind kind, String key, Object value) {
        return param(kind, key).isPresent() ? problem(kind, key, value) : Optional.empty();
    }

    // ------------------------------------------------------------------ value readers (shared with ProvisionTerms)

    static Optional<Long> whole(Object v) {
        if (v instanceof Long || v instanceof Integer) {
            long n = ((Number) v).longValue();
            return n >= 0 ? Optional.of(n) : Optional.empty();
        }
        if (v instanceof String s && s.trim().matches("\\d{1,18}")) {
            return Optional.of(Long.parseLong(s.trim()));
        }
        return Optional.empty();
    }

    static Optional<String> quorum(Object v) {
        if (v == null || v instanceof Boolean || v instanceof List<?> || v instanceof Map<?, ?>) {
            return Optional.empty();
        }
        String s = String.valueOf(v).trim();
        if (s.matches("\\d{1,9}")) {
            return Optional.of(s);
        }
        if (s.matches("\\d{1,9}/\\d{1,9}")) {
            long num = Long.parseLong(s.substring(0, s.indexOf('/')));
            long den = Long.parseLong(s.substring(s.indexOf('/') + 1));
            return den > 0 && num <= den ? Optional.of(s) : Optional.empty();
        }
        return Optional.empty();
    }

    static Optional<LocalDate> date(Object v) {
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(String.valueOf(v).trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static Optional<MonthDay> monthDay(Object v) {
        if (v == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MonthDay.parse("--" + String.valueOf(v).trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static List<String> ids(Enum<?>[] values) {
        return Arrays.stream(values).map(v -> v.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
    }

    // ------------------------------------------------------------------ the README table

    /** The "Parameters the engine reads" table of {@code regimes/README.md}, generated from the declarations above. */
    public static String markdownTable() {
        Map<List<Param>, List<ProvisionKind>> rows = new LinkedHashMap<>();
        for (ProvisionKind k : ProvisionKind.values()) {
            List<Param> read = read(k);
            if (!read.isEmpty() || k == ProvisionKind.FREE_CHOICE_OF_ALLIANCES) {
                rows.computeIfAbsent(read, x -> new ArrayList<>()).add(k);
            }
        }
        StringBuilder b = new StringBuilder("| kind | params the engine reads |\n| --- | --- |\n");
        rows.forEach((params, kinds) -> {
            b.append("| ").append(String.join(", ", kinds.stream().map(k -> "`" + k.id() + "`").toList())).append(" | ");
            if (params.isEmpty()) {
                b.append("none; its presence entitles the applicant and decides the accession question too");
            }
            List<String> cells = new ArrayList<>();
            for (Param p : params) {
                String values = switch (p.type()) {
                    case WORD, WORDS -> " (" + String.join(" / ", p.allowed().stream().map(a -> "`" + a + "`").toList()) + ")";
                    case DEFENCE -> p.allowed().isEmpty() ? "" : " (" + String.join(" / ", p.allowed().stream().map(a -> "`" + a + "`").toList()) + ")";
                    case FLAG -> " (flag)";
                    case WHOLE -> " (number)";
                    case PERIOD -> " (period)";
                    case QUORUM -> " (fraction or number)";
                    case DATE -> " (date)";
                    case MONTH_DAY -> " (MM-DD)";
                    case IDS -> " (list of ids)";
                    case TEXT -> "";
                };
                cells.add("`" + p.key() + "`" + values + ": " + p.meaning());
            }
            b.append(String.join("; ", cells)).append(" |\n");
        });
        return b.toString();
    }

    /** Every kind's recorded (not read) parameters, for documentation. */
    public static Map<ProvisionKind, List<String>> recordedKeys() {
        Map<ProvisionKind, List<String>> out = new EnumMap<>(ProvisionKind.class);
        PARAMS.forEach((k, ps) -> out.put(k, ps.stream().filter(p -> !p.read()).map(Param::key).toList()));
        return Collections.unmodifiableMap(out);
    }
}
