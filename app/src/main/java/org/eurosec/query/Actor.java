package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eurosec.analysis.ActorHistory;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.model.Architecture;
import org.eurosec.model.Dated;
import org.eurosec.model.Organisation;
import org.eurosec.model.Rule;
import org.eurosec.model.State;
import org.eurosec.query.Common.ExplanationView;
import org.eurosec.query.Common.SpanView;

/** One actor through time: a state's memberships, treaties and coverage periods, or an organisation's rules and members. */
public final class Actor {

    private Actor() {
    }

    /**
     * @param id a state id (any case) or an organisation id (any case)
     * @param interpretations the choices as ID=OPTION (they decide a state's coverage)
     * @param explain carry each coverage period's explanation tree
     */
    public record Query(String id, List<String> interpretations, boolean explain) {
        public Query {
            interpretations = List.copyOf(interpretations);
        }

        public static Query of(Params p) {
            return new Query(p.required("id"), p.values("interpretation"), false);
        }
    }

    /** A state's history ({@link StateView}) or an organisation's ({@link OrganisationView}). */
    public sealed interface View permits StateView, OrganisationView {
    }

    /**
     * A state through time. {@code ccode}: its COW number near the day the facts were last checked. {@code coversFrom}
     * and {@code dataAsOf} (not in the JSON) are the days the data covers, which the periods lie in.
     */
    public record StateView(String id, String iso3, String name, Integer ccode, List<CodeView> ccodes, Integer gwCode, String recognition,
            Set<String> tags, List<String> predecessors, List<SpellView> exists, List<TieView> memberships, List<PeriodView> coveragePeriods,
            Map<String, String> reading, @JsonIgnore LocalDate coversFrom, @JsonIgnore LocalDate dataAsOf) implements View {
    }

    /** A COW number and, unless it holds for all time, the span it holds in. */
    public record CodeView(int ccode, @JsonInclude(JsonInclude.Include.NON_NULL) @JsonUnwrapped SpanView span) {
    }

    /** A span of days with the source that dates it. */
    public record SpellView(@JsonUnwrapped SpanView span, @JsonUnwrapped Sourced sourced) {
        static SpellView of(Dated d) {
            return new SpellView(SpanView.of(d.span()), Sourced.of(d.provenance()));
        }
    }

    /**
     * A membership or participation spell in {@code in} (an organisation's or an instrument's id, {@code kind}
     * says which), with that body's {@code name} so that a reader never has to make do with the id.
     */
    public record TieView(String in, String name, String kind, String status, @JsonUnwrapped SpanView span, @JsonUnwrapped Sourced sourced) {
    }

    /** A period in which the state held the same guarantees (none: not covered). */
    public record PeriodView(@JsonUnwrapped SpanView span, boolean covered, List<HeldView> guarantees,
            @JsonInclude(JsonInclude.Include.NON_NULL) ExplanationView explanation) {
    }

    /** A guarantee held through a period; the number of its guarantors may change within it. */
    public record HeldView(String provision, String through, String assistance, String legalForce, int guarantorsMin, int guarantorsMax) {
    }

    /** An organisation: its founding instrument, its existence, its rules and its membership spells. */
    public record OrganisationView(String id, String name, String kind, String foundedBy, SpellView exists, RuleView accession,
            RuleView decisions, List<MemberView> members) implements View {
    }

    /** How an organisation decides (accession or other decisions) and the provision that says so. */
    public record RuleView(String rule, String provision, @JsonUnwrapped Sourced sourced) {
        static RuleView of(Rule r) {
            return new RuleView(r.kind().id(), r.provision().orElse(null), Sourced.of(r.provenance()));
        }
    }

    /** One membership spell of a state in the organisation. */
    public record MemberView(String state, String status, @JsonUnwrapped SpanView span, @JsonUnwrapped Sourced sourced) {
    }

    static View answer(Eurosec e, Query q) {
        Architecture a = e.architecture();
        Optional<State> state = a.state(q.id().trim().toUpperCase(Locale.ROOT));
        if (state.isPresent()) {
            IntervalCoverage coverage = IntervalCoverage.of(a, e.reading(a, e.choices(q.interpretations())));
            return state(a, coverage, new ActorHistory(coverage.timeline()).of(state.get().id()), q.explain());
        }
        Optional<Organisation> org = a.organisation(q.id().trim().toLowerCase(Locale.ROOT));
        if (org.isPresent()) {
            return organisation(org.get());
        }
        throw new QueryException.UnknownId("id", "actor", q.id(), "unknown actor '" + q.id()
                + "': not a state id (e.g. UKR) nor an organisation id (one of " + String.join(", ", a.organisations().keySet()) + ")");
    }

    private static StateView state(Architecture a, IntervalCoverage coverage, ActorHistory.History h, boolean explain) {
        State s = h.state();
        List<CodeView> codes = s.ccodes().stream()
                .map(c -> new CodeView(c.ccode(), c.span().from().equals(LocalDate.MIN) ? null : SpanView.of(c.span()))).toList();
        List<TieView> ties = h.ties().stream()
                .map(t -> new TieView(t.in(), bodyName(a, t.in()), t.kind(), t.status(), SpanView.of(t.span()), Sourced.of(t.provenance()))).toList();
        List<PeriodView> periods = new ArrayList<>();
        for (ActorHistory.Period p : h.periods()) {
            List<HeldView> gs = p.guarantees().stream().map(g -> new HeldView(g.provision(), g.through(), g.assistance(), g.legalForce(),
                    g.minGuarantors(), g.maxGuarantors())).toList();
            periods.add(new PeriodView(SpanView.of(p.span()), p.covered(), gs,
                    explain ? ExplanationView.of(coverage.explain(p.span().from(), s.id())) : null));
        }
        return new StateView(s.id(), s.iso3(), s.name(), Common.code(s.ccodeNear(a.factsCheckedThrough())), codes, Common.code(s.gwCode()),
                s.recognition().name().toLowerCase(Locale.ROOT), s.tags(), s.predecessors(), s.exists().stream().map(SpellView::of).toList(),
                ties, periods, coverage.reading().choices(), a.coversFrom(), a.factsCheckedThrough());
    }

    /** The name of the organisation or instrument with this id (the id itself if the data names neither). */
    static String bodyName(Architecture a, String id) {
        return a.organisation(id).map(Organisation::name)
                .or(() -> a.instrument(id).map(org.eurosec.model.Instrument::name)).orElse(id);
    }

    private static OrganisationView organisation(Organisation o) {
        List<MemberView> members = o.members().stream().map(m -> new MemberView(m.actor(), m.status().id(),
                SpanView.of(m.span()), Sourced.of(m.provenance()))).toList();
        return new OrganisationView(o.id(), o.name(), o.kind(), o.foundedBy().orElse(null), SpellView.of(o.exists()),
                o.accession().map(RuleView::of).orElse(null), o.decisions().map(RuleView::of).orElse(null), members);
    }
}
