package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.engine.CoverageTimeline;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.model.Architecture;
import org.eurosec.model.Dated;
import org.eurosec.model.Instrument;
import org.eurosec.model.Membership;
import org.eurosec.model.Organisation;
import org.eurosec.model.Participation;
import org.eurosec.model.Parties;
import org.eurosec.model.Span;
import org.eurosec.model.State;

/**
 * One state through time: its memberships, its listed treaty participations and the periods in
 * which its set of guarantees stayed the same, read off a {@link CoverageTimeline}.
 */
public final class ActorHistory {

    /** A membership or participation spell, named by what it is in. */
    public record Tie(String in, String kind, Span span, String status, org.eurosec.model.Provenance provenance) {
    }

    /** A guarantee held through a period; the number of guarantors may grow or shrink within it. */
    public record HeldGuarantee(String provision, String through, String assistance, int minGuarantors, int maxGuarantors,
            String legalForce) {
    }

    /** A period in which the state held the same guarantees (none: not covered). */
    public record Period(Span span, List<HeldGuarantee> guarantees) {
        public boolean covered() {
            return !guarantees.isEmpty();
        }
    }

    public record History(State state, List<Tie> ties, List<Period> periods) {
    }

    private final CoverageTimeline timeline;
    private final Architecture architecture;

    public ActorHistory(CoverageTimeline timeline) {
        this.timeline = timeline;
        this.architecture = timeline.builder().architecture();
    }

    public History of(String stateId) {
        State s = architecture.state(stateId).orElseThrow(() -> new IllegalArgumentException("unknown state '" + stateId + "'"));
        return new History(s, ties(s), periods(s));
    }

    private List<Tie> ties(State s) {
        List<Tie> out = new ArrayList<>();
        for (Organisation o : architecture.organisations().values()) {
            for (Membership m : o.members()) {
                if (m.actor().equals(s.id())) {
                    out.add(new Tie(o.id(), "organisation", m.span(), m.status().id(), m.provenance()));
                }
            }
        }
        for (Instrument i : architecture.instruments().values()) {
            if (i.parties() instanceof Parties.Listed listed) {
                for (Participation p : listed.spells()) {
                    if (p.actor().equals(s.id())) {
                        out.add(new Tie(i.id(), "instrument", p.span(), p.status().name().toLowerCase(java.util.Locale.ROOT), p.provenance()));
                    }
                }
            }
        }
        out.sort(Comparator.comparing((Tie t) -> t.span().from()).thenComparing(Tie::in));
        return out;
    }

    private List<Period> periods(State s) {
        List<Period> out = new ArrayList<>();
        LocalDate end = architecture.factsCheckedThrough().plusDays(1);
        for (Dated d : s.exists()) {
            LocalDate day = d.span().from().isBefore(architecture.coversFrom()) ? architecture.coversFrom() : d.span().from();
            LocalDate stop = d.span().to().filter(t -> t.isBefore(end)).orElse(end);
            Map<String, HeldGuarantee> current = null;
            LocalDate runStart = day;
            while (day.isBefore(stop)) {
                Span seg = timeline.segmentOf(day);
                LocalDate next = seg.to().filter(t -> t.isBefore(stop)).orElse(stop);
                Map<String, HeldGuarantee> held = new LinkedHashMap<>();
                for (GuaranteeGroup g : timeline.builder().guaranteesOf(s.id(), day)) {
                    int n = g.guarantors().size();
                    held.put(g.provision().id() + "|" + g.throughId(), new HeldGuarantee(g.provision().id(), g.throughId(),
                            g.provision().defence().orElseThrow().assistance().id(), n, n, g.instrument().legalForce().id()));
                }
                if (current != null && !current.keySet().equals(held.keySet())) {
                    out.add(new Period(new Span(runStart, Optional.of(day)), List.copyOf(current.values())));
                    runStart = day;
                    current = held;
                } else if (current == null) {
                    current = held;
                } else {
                    for (Map.Entry<String, HeldGuarantee> e : held.entrySet()) {
                        HeldGuarantee c = current.get(e.getKey());
                        int n = e.getValue().minGuarantors();
                        current.put(e.getKey(), new HeldGuarantee(c.provision(), c.through(), c.assistance(),
                                Math.min(c.minGuarantors(), n), Math.max(c.maxGuarantors(), n), c.legalForce()));
                    }
                }
                day = next;
            }
            if (current != null) {
                Optional<LocalDate> to = stop.equals(end) && d.span().to().isEmpty() ? Optional.empty() : Optional.of(stop);
                out.add(new Period(new Span(runStart, to), List.copyOf(current.values())));
            }
        }
        return out;
    }
}
