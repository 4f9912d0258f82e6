package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.engine.SnapshotBuilder;
import org.eurosec.model.Architecture;
import org.eurosec.model.Dimension;
import org.eurosec.model.Instrument;
import org.eurosec.model.Membership;
import org.eurosec.model.Organisation;
import org.eurosec.model.Parties;
import org.eurosec.model.ProvisionKind;

/**
 * The brief's "plethora of security organisations", measured on a day: which bodies exist, how
 * their memberships overlap pair by pair, and how their mandates overlap across the four
 * dimensions. A body is an organisation with members that day, or a treaty body: a binding or
 * political instrument in force, with listed parties, that has a conference of the parties (the CFE
 * Joint Consultative Group, the Energy Charter Conference, the conference of the 2009 draft); a
 * conference held in an organisation of the data ({@code params.forum: osce}) is none. Under a regime with
 * such a treaty, the figures show what one more body does.
 */
public final class OrganisationOverlap {

    private OrganisationOverlap() {
    }

    /** A body: its members in the universe, its mandate's dimensions that day and the source of each. */
    public record Body(String id, String name, boolean treatyBody, Set<String> members, Set<Dimension> dimensions,
            Map<Dimension, String> sources) {
    }

    /** Two bodies: shared members, Jaccard index of the memberships, shared dimensions. */
    public record Pair(Body a, Body b, int shared, double jaccard, Set<Dimension> sharedDimensions) {

        /** Both have members in common and a dimension in common: the duplication the brief complains of. */
        public boolean duplicating() {
            return shared > 0 && !sharedDimensions.isEmpty();
        }
    }

    /**
     * The day's figures. {@code perState} is how many bodies each state belongs to; {@code perDimension}
     * counts, for each dimension, the bodies whose mandate covers it and the mean number of such
     * bodies a state of the universe belongs to.
     */
    public record Overlap(LocalDate day, List<Body> bodies, List<Pair> pairs, Map<String, Integer> perState,
            Map<Dimension, DimensionFigures> perDimension) {

        public double meanBodiesPerState() {
            return perState.values().stream().mapToInt(Integer::intValue).average().orElse(0);
        }

        public long duplicatingPairs() {
            return pairs.stream().filter(Pair::duplicating).count();
        }

        public double meanJaccard() {
            return pairs.stream().mapToDouble(Pair::jaccard).average().orElse(0);
        }
    }

    public record DimensionFigures(int bodies, double meanPerState, int statesInTwoOrMore) {
    }

    /**
     * The provision that makes an instrument a body of its own on a day: a conference of the parties
     * in force, of an instrument in force with listed parties, not held in an organisation of the data
     * ({@code params.forum: osce} is no new body).
     */
    public static Optional<org.eurosec.model.Provision> bodyProvision(Architecture a, Instrument i, LocalDate day) {
        if (!i.inForceOn(day) || !(i.parties() instanceof Parties.Listed)) {
            return Optional.empty();
        }
        return i.provisions().stream().filter(p -> p.kind() == ProvisionKind.CONFERENCE
                && !heldInOrganisation(a, p)
                && i.inForceSpan(p).map(s -> s.contains(day)).orElse(false)).findFirst();
    }

    /** Whether a conference provision is held in an organisation of the data ({@code forum}), and so is no body of its own. */
    static boolean heldInOrganisation(Architecture a, org.eurosec.model.Provision conference) {
        return org.eurosec.model.ProvisionTerms.of(conference.kind(), conference.params()) instanceof org.eurosec.model.ProvisionTerms.Conference c
                && c.forum().map(a.organisations()::containsKey).orElse(false);
    }

    /** The overlap among the bodies of the universe's states on {@code day}; empty outside the data. */
    public static Optional<Overlap> of(IntervalCoverage coverage, LocalDate day, Universe universe, boolean withNominal) {
        if (!(coverage.coverage(day, universe) instanceof Known known)) {
            return Optional.empty();
        }
        Set<String> states = new TreeSet<>();
        known.states().forEach(s -> states.add(s.state().id()));
        SnapshotBuilder builder = coverage.timeline().builder();
        Architecture a = builder.architecture();
        List<Body> bodies = new ArrayList<>();
        for (Organisation o : a.organisations().values()) {
            if (!o.exists().span().contains(day)) {
                continue;
            }
            Set<String> members = new TreeSet<>();
            for (Membership m : o.members()) {
                if (m.span().contains(day) && builder.reading().partyStatuses().contains(m.status()) && states.contains(m.actor())) {
                    members.add(m.actor());
                }
            }
            if (!members.isEmpty()) {
                Map<Dimension, String> sources = new EnumMap<>(Dimension.class);
                o.mandate().stream().filter(m -> m.span().contains(day) && (withNominal || !m.nominal()))
                        .forEach(m -> sources.put(m.dimension(), m.provenance().source()));
                bodies.add(new Body(o.id(), o.name(), false, members, o.dimensionsOn(day, withNominal), sources));
            }
        }
        for (Instrument i : a.instruments().values()) {
            if (bodyProvision(a, i, day).isEmpty()) {
                continue;
            }
            Set<String> members = new TreeSet<>(builder.partiesOn(i.id(), day).keySet());
            members.retainAll(states);
            if (!members.isEmpty()) {
                Set<Dimension> dims = i.dimensions().isEmpty() ? EnumSet.noneOf(Dimension.class) : EnumSet.copyOf(i.dimensions());
                Map<Dimension, String> sources = new EnumMap<>(Dimension.class);
                dims.forEach(d -> sources.put(d, i.provenance().source()));
                bodies.add(new Body(i.id(), i.name() + " (conference of the parties)", true, members, dims, sources));
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int x = 0; x < bodies.size(); x++) {
            for (int y = x + 1; y < bodies.size(); y++) {
                Body p = bodies.get(x);
                Body q = bodies.get(y);
                Set<String> both = new TreeSet<>(p.members());
                both.retainAll(q.members());
                Set<String> either = new TreeSet<>(p.members());
                either.addAll(q.members());
                Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
                dims.addAll(p.dimensions());
                dims.retainAll(q.dimensions());
                pairs.add(new Pair(p, q, both.size(), either.isEmpty() ? 0 : (double) both.size() / either.size(), dims));
            }
        }
        Map<String, Integer> perState = new TreeMap<>();
        states.forEach(s -> perState.put(s, 0));
        bodies.forEach(b -> b.members().forEach(m -> perState.merge(m, 1, Integer::sum)));
        Map<Dimension, DimensionFigures> perDimension = new EnumMap<>(Dimension.class);
        for (Dimension d : Dimension.values()) {
            int count = 0;
            Map<String, Integer> n = new TreeMap<>();
            states.forEach(s -> n.put(s, 0));
            for (Body b : bodies) {
                if (b.dimensions().contains(d)) {
                    count++;
                    b.members().forEach(m -> n.merge(m, 1, Integer::sum));
                }
            }
            double mean = n.values().stream().mapToInt(Integer::intValue).average().orElse(0);
            int two = (int) n.values().stream().filter(v -> v >= 2).count();
            perDimension.put(d, new DimensionFigures(count, mean, two));
        }
        return Optional.of(new Overlap(day, List.copyOf(bodies), List.copyOf(pairs), perState, perDimension));
    }
}
