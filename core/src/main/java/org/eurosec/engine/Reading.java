package org.eurosec.engine;

import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eurosec.model.Architecture;
import org.eurosec.model.Interpretation;
import org.eurosec.model.MembershipStatus;

/**
 * One reading of the law: the option chosen for each interpretation in the data. Defaults come
 * from the data; {@link #with} changes one and refuses an unknown interpretation or option.
 */
public final class Reading {

    /** Statuses that make a member a party when no interpretation says otherwise. */
    public static final Set<MembershipStatus> PLAIN_PARTY_STATUSES = Collections.unmodifiableSet(EnumSet.of(MembershipStatus.MEMBER));

    private final Architecture architecture;
    private final Map<String, String> choices;
    /** Terms already read, by provision (the provisions of one architecture; compared by identity). */
    private final Map<org.eurosec.model.Provision, org.eurosec.model.ProvisionTerms> terms =
            Collections.synchronizedMap(new java.util.IdentityHashMap<>());

    /** {@link #countsAs}, by provision id, made on first use (a pure function of the choices). */
    private volatile Map<String, Set<org.eurosec.model.ProvisionKind>> countedAs;

    /**
     * The chosen option of each interpretation, resolved once (a reading is immutable): the engine
     * asks for them per provision and party, and a search of the options each time dominated the
     * derivation of the research panels.
     */
    private final Map<String, Interpretation.Option> chosen = new java.util.HashMap<>();

    private Reading(Architecture architecture, Map<String, String> choices) {
        this.architecture = architecture;
        this.choices = Collections.unmodifiableMap(choices);
        for (Interpretation i : architecture.interpretations().values()) {
            i.option(choices.get(i.id())).ifPresent(o -> chosen.put(i.id(), o));
        }
    }

    public static Reading defaults(Architecture architecture) {
        Map<String, String> choices = new LinkedHashMap<>();
        architecture.interpretations().values().forEach(i -> choices.put(i.id(), i.defaultOption()));
        return new Reading(architecture, choices);
    }

    /** This reading with one interpretation switched; throws {@link IllegalArgumentException} naming the choices. */
    public Reading with(String interpretationId, String optionId) {
        Interpretation interpretation = architecture.interpretations().get(interpretationId);
        if (interpretation == null) {
            throw new IllegalArgumentException("unknown interpretation '" + interpretationId + "' (known: "
                    + String.join(", ", architecture.interpretations().keySet()) + ")");
        }
        if (interpretation.option(optionId).isEmpty()) {
            throw new IllegalArgumentException("interpretation '" + interpretationId + "' has no option '" + optionId
                    + "' (options: " + String.join(", ", interpretation.options().stream().map(Interpretation.Option::id).toList()) + ")");
        }
        Map<String, String> next = new LinkedHashMap<>(choices);
        next.put(interpretationId, optionId);
        return new Reading(architecture, next);
    }

    public Map<String, String> choices() {
        return choices;
    }

    private Interpretation.Option chosen(Interpretation i) {
        Interpretation.Option o = chosen.get(i.id());
        if (o == null) {
            throw new java.util.NoSuchElementException("interpretation '" + i.id() + "' has no option '" + choices.get(i.id()) + "'");
        }
        return o;
    }

    /** The membership statuses that make a member of an organisation a party to the organisation's treaties. */
    public Set<MembershipStatus> partyStatuses() {
        Set<MembershipStatus> out = EnumSet.noneOf(MembershipStatus.class);
        boolean any = false;
        for (Interpretation i : architecture.interpretations().values()) {
            Interpretation.Option o = chosen(i);
            if (o.partyStatuses().isPresent()) {
                out.addAll(o.partyStatuses().get());
                any = true;
            }
        }
        return any ? Collections.unmodifiableSet(out) : PLAIN_PARTY_STATUSES;
    }

    /** The condition, if any, that makes a provision no guarantee under this reading. */
    public java.util.Optional<String> voidingCondition(org.eurosec.model.Provision p) {
        for (Interpretation i : architecture.interpretations().values()) {
            Interpretation.Option o = chosen(i);
            for (String c : p.defence().map(d -> d.conditions()).orElse(java.util.List.of())) {
                if (o.excludeConditions().contains(c)) {
                    return java.util.Optional.of(c + " (" + i.id() + "=" + o.id() + ")");
                }
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * A provision's typed terms as this reading sees them: its parameters with the values a chosen
     * option sets for it ({@code set_params}) in place of those in the data.
     */
    public org.eurosec.model.ProvisionTerms terms(org.eurosec.model.Provision p) {
        return terms.computeIfAbsent(p, x -> org.eurosec.model.ProvisionTerms.of(x.kind(), params(x)));
    }

    /** {@link #terms(org.eurosec.model.Provision)} of a provision whose kind has terms of {@code type}. */
    public <T extends org.eurosec.model.ProvisionTerms> T terms(org.eurosec.model.Provision p, Class<T> type) {
        org.eurosec.model.ProvisionTerms t = terms(p);
        if (!type.isInstance(t)) {
            throw new IllegalArgumentException(p.id() + " is a " + p.kind().id() + " provision, not " + type.getSimpleName());
        }
        return type.cast(t);
    }

    /** A provision's parameters under this reading: the data's, with what the chosen options set. */
    public Map<String, Object> params(org.eurosec.model.Provision p) {
        Map<String, Object> set = new LinkedHashMap<>();
        for (Interpretation i : architecture.interpretations().values()) {
            Map<String, Object> s = chosen(i).setParams().get(p.id());
            if (s != null) {
                s.forEach(set::putIfAbsent);
            }
        }
        if (set.isEmpty()) {
            return p.params();
        }
        Map<String, Object> out = new LinkedHashMap<>(p.params());
        out.putAll(set);
        return Collections.unmodifiableMap(out);
    }

    /** The interpretation whose chosen option sets a provision's parameter, as {@code id=option}, if one does. */
    public java.util.Optional<String> paramSetBy(org.eurosec.model.Provision p, String key) {
        for (Interpretation i : architecture.interpretations().values()) {
            Map<String, Object> set = chosen(i).setParams().get(p.id());
            if (set != null && set.containsKey(key)) {
                return java.util.Optional.of(i.id() + "=" + chosen(i).id());
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * Whether a chosen option says that the state that proposed a regime accepts it whatever its
     * other statements say (read by the positions question; the regime file names the proposer).
     */
    public boolean proposerAccepts() {
        return architecture.interpretations().values().stream().anyMatch(i -> chosen(i).proposerAccepts());
    }

    /**
     * Whether a chosen option says that the levels of security count only guarantees given by
     * generally recognised states ({@code analysis.GeneralRecognition}).
     */
    public boolean recognisedGuarantorsOnly() {
        return architecture.interpretations().values().stream().anyMatch(i -> chosen(i).recognisedGuarantorsOnly());
    }

    /**
     * The obligation kinds the chosen options count a provision as in the research panels, besides its
     * own ({@code counts_as} with {@code applies_to}); empty for almost every provision.
     */
    public Set<org.eurosec.model.ProvisionKind> countsAs(org.eurosec.model.Provision p) {
        Map<String, Set<org.eurosec.model.ProvisionKind>> m = countedAs;
        if (m == null) {
            m = new java.util.HashMap<>();
            for (Interpretation i : architecture.interpretations().values()) {
                Interpretation.Option o = chosen(i);
                if (o.countsAs().isPresent()) {
                    for (String id : o.appliesTo()) {
                        m.computeIfAbsent(id, k -> EnumSet.noneOf(org.eurosec.model.ProvisionKind.class)).add(o.countsAs().get());
                    }
                }
            }
            countedAs = m;
        }
        return m.getOrDefault(p.id(), Set.of());
    }

    /** Whether the chosen options take {@code state} out of the guarantors under {@code provisionId}. */
    public boolean excludesGuarantor(String provisionId, String state) {
        for (Interpretation i : architecture.interpretations().values()) {
            Interpretation.Option o = chosen(i);
            if (o.appliesTo().contains(provisionId) && o.excludeGuarantors().contains(state)) {
                return true;
            }
        }
        return false;
    }
}
