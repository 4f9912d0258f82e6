package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eurosec.engine.Commitment;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.engine.PartySpell;
import org.eurosec.engine.Reading;
import org.eurosec.engine.Snapshot;
import org.eurosec.engine.SnapshotBuilder;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Architecture;
import org.eurosec.model.DefenceTerms;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Membership;
import org.eurosec.model.Organisation;
import org.eurosec.model.Provision;
import org.eurosec.model.Recognition;
import org.eurosec.model.Span;
import org.eurosec.model.State;

/**
 * Coverage rows and explanations built from a {@link Snapshot}; subclasses decide how a day's
 * snapshot is found ({@link IntervalCoverage} by segment, {@link RescanCoverage} from scratch).
 */
public abstract class SnapshotCoverage implements CoverageAnalysis {

    protected final SnapshotBuilder builder;
    protected final Architecture architecture;

    protected SnapshotCoverage(SnapshotBuilder builder) {
        this.builder = builder;
        this.architecture = builder.architecture();
    }

    protected abstract Snapshot snapshotOn(LocalDate day);

    public Reading reading() {
        return builder.reading();
    }

    public Architecture architecture() {
        return architecture;
    }

    @Override
    public CoverageResult coverage(LocalDate day, Universe universe) {
        if (!architecture.covers(day)) {
            return new Unknown(day, outside(day));
        }
        Snapshot snap = snapshotOn(day);
        List<StateCoverage> rows = new ArrayList<>();
        Set<String> participants = participants(day);
        for (State s : architecture.states().values()) {
            if (!s.existsOn(day)) {
                continue;
            }
            boolean participating = participants.contains(s.id());
            if (!universe.all() && !inDefaultUniverse(s, participating, participants.isEmpty())) {
                continue;
            }
            if (s.tags().stream().anyMatch(universe.excludeTags()::contains)) {
                continue;
            }
            rows.add(new StateCoverage(s, s.ccodeOn(day), participating, snap.guaranteesOf(s.id()),
                    snap.commitmentsOf(s.id()), Optional.empty()));
        }
        return new Known(day, List.copyOf(rows));
    }

    private static boolean inDefaultUniverse(State s, boolean participating, boolean beforeCsce) {
        if (!beforeCsce) {
            return participating;
        }
        return s.recognition() == Recognition.GENERAL && !s.hasTag("extra-area");
    }

    /** The CSCE/OSCE participating States on a day (any status), or none before the CSCE. */
    public Set<String> participants(LocalDate day) {
        Set<String> out = new java.util.TreeSet<>();
        architecture.organisation(Universe.OSCE).ifPresent(o -> o.members().stream()
                .filter(m -> m.span().contains(day)).forEach(m -> out.add(m.actor())));
        return out;
    }

    public String outside(LocalDate day) {
        return "unknown: " + day + " is outside what the data covers (" + architecture.coversFrom() + " to "
                + architecture.factsCheckedThrough() + "); the answer is neither covered nor not covered";
    }

    @Override
    public Explanation explain(LocalDate day, String stateId) {
        State s = architecture.state(stateId).orElseThrow(() -> new IllegalArgumentException("unknown state '" + stateId + "'"));
        if (!architecture.covers(day)) {
            return Explanation.of(outside(day), List.of());
        }
        if (!s.existsOn(day)) {
            return Explanation.of(s.id() + " does not exist on " + day, s.exists().stream()
                    .map(d -> Explanation.fact("existence " + d.span(), d.provenance())).toList());
        }
        Snapshot snap = snapshotOn(day);
        List<GuaranteeGroup> groups = snap.guaranteesOf(s.id());
        if (!groups.isEmpty()) {
            List<Explanation> because = groups.stream().map(this::explainGroup).toList();
            return Explanation.of(s.id() + " is covered on " + day + ": " + groups.size() + " guarantee(s)", because);
        }
        List<Explanation> because = new ArrayList<>();
        because.add(Explanation.of("no binding instrument in force on " + day
                + " obliges another of its parties to assist " + s.id(), List.of()));
        because.addAll(notCounting(day, s));
        for (Commitment c : snap.commitmentsOf(s.id())) {
            because.add(Explanation.fact("political commitment only (never counts as coverage): " + c.instrument().id(),
                    c.instrument().provenance()));
        }
        return Explanation.of(s.id() + " is not covered on " + day, because);
    }

    /** The state's ties on a day that do not make a guarantee, each saying why. */
    private List<Explanation> notCounting(LocalDate day, State s) {
        List<Explanation> out = new ArrayList<>();
        for (Organisation o : architecture.organisations().values()) {
            for (Membership m : o.members()) {
                if (m.actor().equals(s.id()) && m.span().contains(day)) {
                    boolean party = builder.reading().partyStatuses().contains(m.status());
                    out.add(Explanation.fact(s.id() + " is " + m.status().id() + " of " + o.id() + " " + m.span()
                            + (party ? "" : " (under this reading that status does not make it a party)"), m.provenance()));
                }
            }
        }
        for (Instrument i : architecture.instruments().values()) {
            if (!i.inForceOn(day) || i.legalForce() != LegalForce.BINDING || !builder.partiesOn(i.id(), day).containsKey(s.id())) {
                continue;
            }
            for (Provision p : i.provisions()) {
                if (p.defence().isPresent() && p.defence().get().obligation() == DefenceTerms.Obligation.ENTITLED) {
                    out.add(Explanation.fact(p.id() + " only entitles parties to assist, so it gives no guarantee", p.provenance()));
                } else if (p.defence().isPresent() && builder.reading().voidingCondition(p).isPresent()) {
                    out.add(Explanation.fact(p.id() + " is no guarantee under this reading: condition "
                            + builder.reading().voidingCondition(p).get(), p.provenance()));
                } else if (p.defence().isPresent() && i.inForceSpan(p).map(sp -> !sp.contains(day)).orElse(true)) {
                    out.add(Explanation.fact(p.id() + " is not in force on " + day
                            + i.inForceSpan(p).map(sp -> " (in force " + sp + ")").orElse(""), p.provenance()));
                }
            }
        }
        return out;
    }

    private Explanation explainGroup(GuaranteeGroup g) {
        Provision p = g.provision();
        DefenceTerms t = p.defence().orElseThrow();
        List<Explanation> because = new ArrayList<>();
        Instrument i = g.instrument();
        because.add(Explanation.fact(i.id() + " (" + i.legalForce().id() + ") in force "
                + i.inForceSpan().map(Span::toString).orElse("never"), i.provenance()));
        if (p.inForce().isPresent() || p.ended().isPresent()) {
            because.add(Explanation.fact(p.id() + " itself in force " + g.provisionInForce(), p.provenance()));
        }
        because.add(party(g.beneficiary(), "beneficiary "));
        List<Explanation> guarantors = g.guarantors().stream().map(ps -> party(ps, "")).toList();
        because.add(Explanation.of(g.guarantors().size() + " guarantor(s)", guarantors));
        String claim = "guaranteed under " + p.id() + " (" + p.article() + (p.title().isEmpty() ? "" : ": " + p.title()) + ")"
                + " through " + g.throughId() + "; assistance " + t.assistance().id()
                + (t.consentRequired() ? ", victim's consent required" : "")
                + (t.conditions().isEmpty() ? "" : ", conditions: " + String.join(", ", t.conditions()))
                + (p.unconfirmed() ? "; UNCONFIRMED parameter" : "");
        return Explanation.fact(claim, p.provenance(), because);
    }

    private Explanation party(PartySpell ps, String prefix) {
        return Explanation.fact(prefix + ps.actor() + ": " + ps.status() + " of " + ps.via() + " " + ps.span(), ps.provenance());
    }
}
