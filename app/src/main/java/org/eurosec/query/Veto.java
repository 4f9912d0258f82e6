package org.eurosec.query;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eurosec.engine.AccessionDecision;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Architecture;
import org.eurosec.model.MembershipStatus;
import org.eurosec.model.Organisation;
import org.eurosec.model.Regime;
import org.eurosec.query.Common.FindingView;
import org.eurosec.query.Common.UnknownDay;

/** Who decides a state's accession to an organisation on a day under a regime, and who can block it, with the provision for each. */
public final class Veto {

    private Veto() {
    }

    /**
     * @param applicant the state asking to join (any case)
     * @param organisation the organisation (any case)
     * @param date the day (empty: today)
     * @param regime the regime whose treaties count as in force among all eligible parties
     * @param interpretations the choices as ID=OPTION
     * @param explain carry each finding's explanation tree
     * @param strict a day after the facts were last checked is unknown (otherwise answered provisionally)
     */
    public record Query(String applicant, String organisation, Optional<LocalDate> date, String regime, List<String> interpretations,
            boolean explain, boolean strict) {
        public Query {
            interpretations = List.copyOf(interpretations);
        }

        public Query(String applicant, String organisation, Optional<LocalDate> date, String regime, List<String> interpretations,
                boolean explain) {
            this(applicant, organisation, date, regime, interpretations, explain, false);
        }

        public static Query of(Params p) {
            return new Query(p.required("applicant"), p.required("organisation"), p.date("date"), p.one("regime").orElse("status-quo"),
                    p.values("interpretation"), false, p.flag("strict"));
        }
    }

    /** The answer: the day is covered by the data ({@link Answer}) or it is not ({@link UnknownDay}). */
    public sealed interface View permits Answer, UnknownDay {
    }

    /**
     * The decision. {@code alreadyMember}: the applicant is a full member of the organisation that
     * day, so there is no accession to block (said, not left to an empty {@code may_block}).
     */
    public record Answer(String applicant, String organisation, String regime, LocalDate asOf, boolean provisional, LocalDate factsCheckedThrough,
            List<BlockView> mayBlock, Decided decidedBy, String prohibitedBy, List<FindingView> findings, boolean alreadyMember) implements View {
    }

    /** An actor that can stop the accession alone, the provision that lets it, and how. */
    public record BlockView(String actor, String provision, String how) {
    }

    /** The organisation's rule for accession, its provision, and the actors it gives the decision to. */
    public record Decided(String rule, String provision, List<String> actors) {
    }

    static View answer(Eurosec e, Query q) {
        Architecture base = e.architecture();
        Map<String, Regime> regimes = e.regimes(base);
        Regime regime = e.regime(regimes, "regime", q.regime());
        String state = q.applicant().trim().toUpperCase(Locale.ROOT);
        String org = q.organisation().trim().toLowerCase(Locale.ROOT);
        LocalDate day = e.day(q.date());
        Architecture a = Eurosec.through(base, day, q.strict());
        if (a.state(state).isEmpty()) {
            throw new QueryException.UnknownId("applicant", "state", q.applicant(), "unknown state '" + q.applicant() + "' " + Common.knownStates(a));
        }
        Optional<Organisation> organisation = a.organisation(org);
        if (organisation.isEmpty()) {
            throw new QueryException.UnknownId("organisation", "organisation", q.organisation(), "unknown organisation '" + q.organisation()
                    + "' (known: " + String.join(", ", a.organisations().keySet()) + ")");
        }
        if (!a.covers(day)) {
            return new UnknownDay(day, "unknown: " + day + " is outside what the data covers (" + a.coversFrom() + " to " + a.factsCheckedThrough() + ")");
        }
        if (!a.state(state).get().existsOn(day)) {
            throw new QueryException.InvalidParameter("applicant", state + " does not exist on " + day);
        }
        Architecture world = RegimeApplication.apply(a, regime, false);
        Map<String, String> choices = e.choicesFor(world, List.of(world), e.choices(q.interpretations()));
        AccessionDecision d = Eurosec.data("regime", () -> new ScenarioEngine(a).accession(regime, choices, state, org, day));
        Common.Checked checked = Common.Checked.of(base, Optional.of(day), q.strict());
        return new Answer(d.applicant(), d.organisation(), d.regime(), d.asOf(), checked.provisional(), checked.factsCheckedThrough(),
                d.mayBlock().stream().map(b -> new BlockView(b.actor(), b.provision(), b.how())).toList(),
                new Decided(d.rule().orElse(null), d.ruleProvision().orElse(null), d.decidedBy()), d.prohibitedBy().orElse(null),
                d.findings().stream().map(f -> FindingView.of(f, q.explain())).toList(), member(organisation.get(), state, day));
    }

    /** Whether {@code state} holds a full membership of {@code o} on {@code day}, from the organisation's membership spells. */
    static boolean member(Organisation o, String state, LocalDate day) {
        return o.members().stream().anyMatch(m -> m.actor().equals(state) && m.span().contains(day) && m.status() == MembershipStatus.MEMBER);
    }
}
