package org.eurosec.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named set of instruments applied on top of history: the status quo adds nothing, Russia's 2009
 * draft adds the European Security Treaty, a user's variant adds what its file says. Hypothetical
 * instruments use the data's instrument shape; {@link Hypothetical} says who may join them and how
 * they take effect. {@code parameters} are the regime's named values (a quorum, a threshold), each
 * with its source and an {@code unconfirmed} flag; {@code parameterUse} records which provision
 * parameter took which named value, so that findings can say what they depend on.
 */
public record Regime(
        String id,
        String name,
        String summary,
        List<Hypothetical> instruments,
        Map<String, Parameter> parameters,
        Map<String, Map<String, String>> parameterUse,
        List<Interpretation> interpretations,
        List<Precedence> precedence,
        Provenance provenance,
        Optional<Proposal> proposal) {

    /**
     * Who proposed the regime's text and when ({@code proposed_by:} in the regime file), so that the
     * positions question can read "the proposer accepts its own proposal" (a named interpretation).
     */
    public record Proposal(String actor, LocalDate date, Provenance provenance) {
    }

    /** How a hypothetical instrument takes effect. */
    public enum TakesEffect {
        /** "Had it been in force among all eligible parties on that day": every eligible state is a party. */
        ALL_ELIGIBLE,
        /** Only through signature and ratification events and the instrument's entry-into-force rule. */
        EVENTS;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /**
     * Who may become a party: the CSCE/OSCE participating States of each day (the draft's "from
     * Vancouver to Vladivostok"), listed states, and organisations that may sign.
     */
    public record Eligibility(boolean osceParticipants, List<String> states, List<String> organisations) {
    }

    /** A hypothetical instrument of the regime. {@code from}: the first day it may be in force. */
    public record Hypothetical(Instrument instrument, Eligibility eligible, TakesEffect takesEffect, Optional<LocalDate> from) {
    }

    /** A named value of the regime, with where it came from. */
    public record Parameter(String name, Object value, Provenance provenance) {
        public boolean unconfirmed() {
            return provenance.unconfirmed();
        }
    }

    /**
     * Which provision prevails where two could decide the same question: {@code prevails} over each
     * provision in {@code over} and over every provision of a kind in {@code overKinds}.
     */
    public record Precedence(String question, String prevails, Set<String> over, Set<ProvisionKind> overKinds, Provenance provenance) {
        public boolean covers(String winner, Provision loser) {
            return prevails.equals(winner) && (over.contains(loser.id()) || overKinds.contains(loser.kind()));
        }
    }

    /**
     * This regime with one named parameter set to another value, everywhere the regime's provisions
     * use it. The parameter keeps its source and is marked as the user's own value in a note.
     */
    public Regime withParameter(String name, Object value) {
        Parameter old = parameters.get(name);
        if (old == null) {
            throw new IllegalArgumentException("regime " + id + " has no parameter '" + name + "' (parameters: "
                    + String.join(", ", parameters.keySet()) + ")");
        }
        parameterProblem(name, value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        java.util.Map<String, Parameter> ps = new java.util.LinkedHashMap<>(parameters);
        Provenance p = old.provenance();
        ps.put(name, new Parameter(name, value, new Provenance(p.source(), p.file(), p.line(),
                Optional.of("set to " + value + " for this run (the regime says " + old.value() + ")"), p.unconfirmed())));
        List<Hypothetical> hs = new java.util.ArrayList<>();
        for (Hypothetical h : instruments) {
            Instrument i = h.instrument();
            List<Provision> provisions = new java.util.ArrayList<>();
            for (Provision pr : i.provisions()) {
                Map<String, String> use = parameterUse.getOrDefault(pr.id(), Map.of());
                if (!use.containsValue(name)) {
                    provisions.add(pr);
                    continue;
                }
                java.util.Map<String, Object> params = new java.util.LinkedHashMap<>(pr.params());
                use.forEach((key, param) -> {
                    if (param.equals(name)) {
                        params.put(key, value);
                    }
                });
                provisions.add(new Provision(pr.id(), pr.instrument(), pr.article(), pr.kind(), pr.title(),
                        java.util.Collections.unmodifiableMap(params), pr.defence(), pr.inForce(), pr.ended(), pr.provenance()));
            }
            hs.add(new Hypothetical(new Instrument(i.id(), i.name(), i.type(), i.legalForce(), i.dimensions(), i.signed(), i.inForce(),
                    i.ended(), i.parties(), List.copyOf(provisions), i.provenance(), i.inForceBasis()), h.eligible(), h.takesEffect(), h.from()));
        }
        return new Regime(id, name, summary, List.copyOf(hs), java.util.Collections.unmodifiableMap(ps), parameterUse, interpretations,
                precedence, provenance, proposal);
    }

    /** Why {@code value} cannot be the value of parameter {@code name} (a provision that uses it reads another type), or empty. */
    public Optional<String> parameterProblem(String name, Object value) {
        for (Hypothetical h : instruments) {
            for (Provision pr : h.instrument().provisions()) {
                for (Map.Entry<String, String> u : parameterUse.getOrDefault(pr.id(), Map.of()).entrySet()) {
                    if (u.getValue().equals(name)) {
                        Optional<String> problem = ProvisionParameters.valueProblem(pr.kind(), u.getKey(), value);
                        if (problem.isPresent()) {
                            return Optional.of("regime " + id + " parameter " + name + " (used by " + pr.id() + ", kind " + pr.kind().id() + "): "
                                    + problem.get());
                        }
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The named parameter a provision's parameter was taken from, if any. */
    public Optional<Parameter> parameterFor(String provisionId, String key) {
        Map<String, String> use = parameterUse.get(provisionId);
        return use == null ? Optional.empty() : Optional.ofNullable(parameters.get(use.get(key)));
    }
}
