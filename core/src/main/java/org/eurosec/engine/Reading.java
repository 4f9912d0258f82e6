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

    private Reading(Architecture architecture, Map<String, String> choices) {
        this.architecture = architecture;
        this.choices = Collections.unmodifiableMap(choices);
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
        return i.option(choices.get(i.id())).orElseThrow();
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
     * A provision's parameter as this reading sees it: the value a chosen option sets for it
     * ({@code set_params}), or else the value in the data.
     */
    public java.util.Optional<Object> param(org.eurosec.model.Provision p, String key) {
        for (Interpretation i : architecture.interpretations().values()) {
            Map<String, Object> set = chosen(i).setParams().get(p.id());
            if (set != null && set.containsKey(key)) {
                return java.util.Optional.ofNullable(set.get(key));
            }
        }
        return java.util.Optional.ofNullable(p.params().get(key));
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
