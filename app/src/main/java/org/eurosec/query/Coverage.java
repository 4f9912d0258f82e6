package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.analysis.CoverageAnalysis.CoverageResult;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.CoverageAnalysis.StateCoverage;
import org.eurosec.analysis.CoverageAnalysis.Unknown;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.Universe;
import org.eurosec.engine.Commitment;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.model.Architecture;
import org.eurosec.model.DefenceTerms;
import org.eurosec.query.Common.ExplanationView;
import org.eurosec.query.Common.UnknownDay;

/** Who is and who is not covered by a binding defence guarantee on a day, and by which provisions. */
public final class Coverage {

    private Coverage() {
    }

    /**
     * @param date the day (empty: today)
     * @param regime the regime whose treaties count as in force among all eligible parties
     * @param all every state that exists that day, not only the CSCE/OSCE participants
     * @param exclude leave out states with these tags
     * @param states only these states (empty: all)
     * @param interpretations the choices as ID=OPTION
     * @param explain carry each state's explanation tree
     * @param strict a day after the facts were last checked is unknown (otherwise answered provisionally)
     * @param scenario look at the world a scenario's events leave instead of history: {@code regime} is then the
     *     scenario's column, and the day defaults to its last event's
     */
    public record Query(Optional<LocalDate> date, String regime, boolean all, List<String> exclude, List<String> states,
            List<String> interpretations, boolean explain, boolean strict, Optional<Scenarios.Source> scenario) {
        public Query {
            exclude = List.copyOf(exclude);
            states = List.copyOf(states);
            interpretations = List.copyOf(interpretations);
        }

        public Query(Optional<LocalDate> date, String regime, boolean all, List<String> exclude, List<String> states,
                List<String> interpretations, boolean explain) {
            this(date, regime, all, exclude, states, interpretations, explain, false);
        }

        /** A day under a regime (no scenario). */
        public Query(Optional<LocalDate> date, String regime, boolean all, List<String> exclude, List<String> states,
                List<String> interpretations, boolean explain, boolean strict) {
            this(date, regime, all, exclude, states, interpretations, explain, strict, Optional.empty());
        }

        public static Query of(Params p) {
            List<String> regimes = p.list("regime");
            if (regimes.size() > 1) {
                throw new QueryException.InvalidParameter("regime", "coverage answers for one regime at a time, not " + regimes.size()
                        + " (levels, blocs and compare put regimes side by side)");
            }
            Optional<Scenarios.Source> scenario = p.one("scenario").map(name -> Compare.shipped("scenario", name.trim()));
            return new Query(p.date("date"), regime(regimes.isEmpty() ? null : regimes.get(0), scenario), p.flag("all"), p.list("exclude"),
                    p.list("state"), p.values("interpretation"), false, p.flag("strict"), scenario);
        }

        /**
         * The regime asked for, or the default: status-quo for a day of history, and with a scenario
         * the scenario's first column (empty here, chosen once the scenario is read).
         */
        public static String regime(String asked, Optional<Scenarios.Source> scenario) {
            if (asked != null && !asked.isBlank()) {
                return asked.trim();
            }
            return scenario.isPresent() ? "" : "status-quo";
        }
    }

    /** The answer: the day is covered by the data ({@link Answer}) or it is not ({@link UnknownDay}). */
    public sealed interface View permits Answer, UnknownDay {
    }

    /** {@code provisional}: the day lies after {@code facts_checked_through} and is answered from the facts as last checked. */
    public record Answer(LocalDate asOf, boolean known, boolean provisional, LocalDate factsCheckedThrough, String universe, List<String> excludedTags,
            String regime, Map<String, String> reading, long coveredCount, List<String> uncovered, List<StateRow> states) implements View {
    }

    /**
     * One state's row. {@code coverageUnconfirmed}: covered, but every guarantee it holds rests on an
     * unconfirmed fact (each guarantee's {@code unconfirmed_facts} names them), so "covered" is itself unconfirmed.
     */
    public record StateRow(String iso3, Integer ccode, Integer gwCode, String id, String name, boolean covered, boolean coverageUnconfirmed,
            boolean participating, String recognition, Set<String> tags, List<GuaranteeRow> guarantees, List<PoliticalRow> politicalCommitments,
            @JsonInclude(JsonInclude.Include.NON_NULL) ExplanationView explanation) {
    }

    /**
     * A guarantee a state holds: the provision, the organisation or treaty it comes through, who owes it and on what terms.
     * {@code unconfirmed}: the provision's text or terms are unconfirmed; {@code unconfirmedFacts}: every fact the guarantee
     * rests on that the data marks unconfirmed (the provision's text, the instrument's dates, the holder's party spell).
     */
    public record GuaranteeRow(String provision, String article, String kind, String through, String instrument, List<String> guarantors,
            int guarantorCount, String legalForce, String assistance, boolean consentRequired, Object conditions, String scope,
            boolean unconfirmed, List<UnconfirmedFact> unconfirmedFacts, String source) {
    }

    /** A fact a guarantee rests on that the data marks unconfirmed: {@code fact} is text, dates or party-spell; {@code of} what it belongs to. */
    public record UnconfirmedFact(String fact, String of) {
    }

    /** A political (not binding) commitment a state takes part in: counted, never coverage. */
    public record PoliticalRow(String instrument, String name, String through, String legalForce, String source) {
    }

    static View answer(Eurosec e, Query q) {
        Architecture base = e.architecture();
        Common.knownTags(base, "exclude", q.exclude());
        LocalDate day;
        Architecture a;
        IntervalCoverage coverage;
        String regime = q.regime();
        if (q.scenario().isPresent()) {
            Eurosec.World w;
            try {
                w = e.scenarioWorlds(q.scenario().get(), q.regime().isEmpty() ? List.of() : List.of(q.regime()),
                        e.choices(q.interpretations()), q.date(), q.strict()).get(0);
            } catch (QueryException.UnknownId u) {
                // the scenario's columns are asked for as "regimes" elsewhere; coverage names its one column "regime"
                throw u.field().equals("regimes") ? new QueryException.UnknownId("regime", u.kind(), u.id(), u.getMessage()) : u;
            }
            regime = w.label();
            day = w.day();
            a = w.world();
            coverage = IntervalCoverage.of(a, w.reading());
        } else {
            day = e.day(q.date());
            a = Eurosec.through(e.world(base, e.regimes(base), "regime", q.regime()), day, q.strict());
            coverage = IntervalCoverage.of(a, e.reading(a, e.choices(q.interpretations())));
        }
        Universe universe = new Universe(q.all(), Set.copyOf(q.exclude()));
        Set<String> wanted = new TreeSet<>();
        for (String s : q.states()) {
            String id = s.trim().toUpperCase(Locale.ROOT);
            if (a.state(id).isEmpty()) {
                throw new QueryException.UnknownId("state", "state", s, "unknown state id '" + s + "' " + Common.knownStates(a));
            }
            wanted.add(id);
        }
        CoverageResult result = coverage.coverage(day, wanted.isEmpty() ? universe : new Universe(true, universe.excludeTags()));
        if (result instanceof Unknown u) {
            return new UnknownDay(day, u.message());
        }
        Known k = (Known) result;
        List<StateRow> rows = new ArrayList<>();
        for (StateCoverage s : k.states()) {
            if (!wanted.isEmpty() && !wanted.contains(s.state().id())) {
                continue;
            }
            List<GuaranteeRow> gs = new ArrayList<>();
            for (GuaranteeGroup g : s.guarantees()) {
                DefenceTerms t = g.provision().defence().orElseThrow();
                gs.add(new GuaranteeRow(g.provision().id(), g.provision().article(), g.provision().kind().id(), g.throughId(), g.instrument().id(),
                        g.guarantorIds(), g.guarantors().size(), g.instrument().legalForce().id(), t.assistance().id(), t.consentRequired(),
                        t.conditions(), t.scope().orElse(null), g.provision().unconfirmed(), unconfirmedFacts(g), g.provision().provenance().source()));
            }
            boolean coverageUnconfirmed = s.covered() && !gs.isEmpty() && gs.stream().noneMatch(g -> g.unconfirmedFacts().isEmpty());
            List<PoliticalRow> pol = new ArrayList<>();
            for (Commitment c : s.politicalCommitments()) {
                pol.add(new PoliticalRow(c.instrument().id(), c.instrument().name(), c.party().via(), c.instrument().legalForce().id(),
                        c.instrument().provenance().source()));
            }
            rows.add(new StateRow(s.state().iso3(), Common.code(s.ccode()), Common.code(s.state().gwCode()), s.state().id(), s.state().name(),
                    s.covered(), coverageUnconfirmed, s.participating(), s.state().recognition().name().toLowerCase(Locale.ROOT), s.state().tags(), gs, pol,
                    q.explain() ? ExplanationView.of(coverage.explain(day, s.state().id())) : null));
        }
        Map<String, String> reading = new LinkedHashMap<>(coverage.reading().choices());
        Common.Checked checked = Common.Checked.of(base, Optional.of(day), q.strict());
        return new Answer(k.day(), true, checked.provisional(), checked.factsCheckedThrough(), q.all() ? "all-states" : "osce-participating-states", q.exclude(), regime, reading,
                rows.stream().filter(StateRow::covered).count(), rows.stream().filter(r -> !r.covered()).map(StateRow::iso3).toList(), rows);
    }

    /** The facts a guarantee rests on that the data marks unconfirmed, each named with what it is. */
    public static List<UnconfirmedFact> unconfirmedFacts(GuaranteeGroup g) {
        List<UnconfirmedFact> out = new ArrayList<>();
        if (g.provision().unconfirmed()) {
            out.add(new UnconfirmedFact("text", g.provision().id()));
        }
        if (g.instrument().provenance().unconfirmed()) {
            out.add(new UnconfirmedFact("dates", g.instrument().id()));
        }
        if (g.beneficiary().provenance().unconfirmed()) {
            out.add(new UnconfirmedFact("party-spell", g.beneficiary().actor() + " in " + g.beneficiary().via()));
        }
        return out;
    }
}
