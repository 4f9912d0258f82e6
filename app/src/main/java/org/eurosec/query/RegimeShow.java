package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.model.Architecture;
import org.eurosec.model.Interpretation;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.Regime;
import org.eurosec.query.Common.ProvisionView;

/** One regime: its instruments and provisions, its parameters (with sources), interpretations and precedence rules. */
public final class RegimeShow {

    private RegimeShow() {
    }

    /** @param id the regime id, e.g. est-2009 */
    public record Query(String id) {
        public static Query of(Params p) {
            return new Query(p.required("id"));
        }
    }

    public record View(String id, String name, String summary, List<InstrumentView> instruments, List<ParameterView> parameters,
            List<InterpretationView> interpretations, List<PrecedenceView> precedence, @JsonUnwrapped Sourced sourced) {
    }

    /**
     * A hypothetical instrument of the regime. {@code eligibleStates} is {@code [osce-participants]}
     * when every CSCE/OSCE participating State may be a party ({@link #openToParticipants()}).
     */
    public record InstrumentView(String id, String name, String legalForce, List<String> dimensions, String takesEffect,
            List<String> eligibleStates, List<String> eligibleOrganisations, List<ProvisionView> provisions, @JsonUnwrapped Sourced sourced) {

        static final String PARTICIPANTS = "osce-participants";

        @JsonIgnore
        public boolean openToParticipants() {
            return eligibleStates.equals(List.of(PARTICIPANTS));
        }
    }

    /** A named value of the regime and the provisions that take it. */
    public record ParameterView(String name, Object value, boolean unconfirmed, List<String> usedBy, String source,
            @JsonProperty("at") String where, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {
    }

    /** An interpretation the regime adds; {@code descriptions} (not in the JSON) say what each option means, in order. */
    public record InterpretationView(String id, String question, @JsonProperty("default") String defaultOption, List<String> options,
            @JsonIgnore List<String> descriptions) {
    }

    /** Which provision prevails over which others (named, or every provision of a kind). */
    public record PrecedenceView(String question, String prevails, List<String> over, List<String> overKinds, @JsonUnwrapped Sourced sourced) {
    }

    static View answer(Eurosec e, Query q) {
        Architecture a = e.architecture();
        Regime r = e.regime(e.regimes(a), "id", q.id());
        List<ParameterView> params = r.parameters().values().stream().map(p -> new ParameterView(p.name(), p.value(), p.unconfirmed(),
                r.parameterUse().entrySet().stream().filter(u -> u.getValue().containsValue(p.name())).map(Map.Entry::getKey).toList(),
                p.provenance().source(), p.provenance().where(), p.provenance().note().orElse(null))).toList();
        List<InstrumentView> instruments = r.instruments().stream().map(h -> new InstrumentView(h.instrument().id(), h.instrument().name(),
                h.instrument().legalForce().id(), h.instrument().dimensions().stream().map(d -> d.id()).toList(), h.takesEffect().id(),
                h.eligible().osceParticipants() ? List.of(InstrumentView.PARTICIPANTS) : h.eligible().states(), h.eligible().organisations(),
                h.instrument().provisions().stream().map(p -> ProvisionView.of(p, Optional.empty())).toList(),
                Sourced.of(h.instrument().provenance()))).toList();
        List<InterpretationView> interpretations = r.interpretations().stream().map(i -> new InterpretationView(i.id(), i.question(),
                i.defaultOption(), i.options().stream().map(Interpretation.Option::id).toList(),
                i.options().stream().map(Interpretation.Option::description).toList())).toList();
        List<PrecedenceView> precedence = r.precedence().stream().map(p -> new PrecedenceView(p.question(), p.prevails(), List.copyOf(p.over()),
                p.overKinds().stream().map(ProvisionKind::id).toList(), Sourced.of(p.provenance()))).toList();
        return new View(r.id(), r.name(), r.summary(), instruments, params, interpretations, precedence, Sourced.of(r.provenance()));
    }
}
