package org.eurosec.analysis;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.engine.AccessionDecision;
import org.eurosec.engine.AccessionRules;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.engine.Snapshot;
import org.eurosec.engine.SnapshotBuilder;
import org.eurosec.model.Architecture;
import org.eurosec.model.DefenceTerms;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Membership;
import org.eurosec.model.Parties;
import org.eurosec.model.Provenance;
import org.eurosec.model.Provision;
import org.eurosec.model.Regime;

/**
 * What-if accessions: for a regime, a day, an organisation and up to 63 candidate states, every
 * combination of candidates joining the organisation that day (a "future", given as a bit mask).
 * For each future it answers which candidates are covered and, for each candidate that stays out,
 * who could block its accession.
 *
 * <p>{@link #evaluate} works incrementally from what the day looks like before any candidate joins:
 * joining an organisation changes only the guarantees of instruments whose parties are the
 * organisation's members, and only the deciders of an accession. {@link #rebuild} computes the
 * same future from scratch (new memberships, new snapshot, full accession rules) and is the
 * reference the incremental answer is tested against. When a restricting instrument's parties are
 * themselves the organisation's members, the incremental shortcut would not hold, and
 * {@link #evaluate} falls back to {@link #rebuild}.
 */
public final class AccessionFutures {

    /** One future: the candidates in it, those covered, and for each candidate outside, who may block it (empty list: no one). */
    public record Future(long mask, Set<String> joined, Set<String> covered, List<Set<String>> mayBlock, BitSet prohibited) {
    }

    private final Regime regime;
    private final Architecture world;
    private final Reading reading;
    private final String organisation;
    private final LocalDate day;
    private final List<String> candidates;
    private final Snapshot before;
    private final Set<String> members = new TreeSet<>();
    private final List<Provision> guarantees = new ArrayList<>();
    private final List<AccessionDecision> templates = new ArrayList<>();
    private final boolean incremental;
    private final Provenance hypothetical;

    public AccessionFutures(Architecture base, Regime regime, java.util.Map<String, String> choices, String organisation, LocalDate day,
            List<String> candidates) {
        if (candidates.size() > 63) {
            throw new IllegalArgumentException("at most 63 candidates (a future is a 64-bit mask)");
        }
        this.regime = regime;
        this.world = RegimeApplication.apply(base, regime, false);
        Reading r = Reading.defaults(world);
        for (var c : choices.entrySet()) {
            r = r.with(c.getKey(), c.getValue());
        }
        this.reading = r;
        this.organisation = organisation;
        this.day = day;
        this.candidates = List.copyOf(candidates);
        this.hypothetical = new Provenance("https://example.org/what-if", "(what-if)", 0, java.util.Optional.empty(), false);
        SnapshotBuilder builder = new SnapshotBuilder(world, reading);
        this.before = builder.snapshot(day);
        for (Membership m : world.organisations().get(organisation).members()) {
            if (m.span().contains(day) && reading.partyStatuses().contains(m.status())) {
                members.add(m.actor());
            }
        }
        boolean restrictedByMembers = false;
        for (Instrument i : world.instruments().values()) {
            if (!i.inForceOn(day) || i.legalForce() != LegalForce.BINDING) {
                continue;
            }
            boolean viaOrganisation = i.parties() instanceof Parties.OrganisationMembers om && om.organisation().equals(organisation);
            for (Provision p : i.provisions()) {
                if (!i.inForceSpan(p).map(s -> s.contains(day)).orElse(false)) {
                    continue;
                }
                if (viaOrganisation && p.defence().isPresent() && p.defence().get().obligation() == DefenceTerms.Obligation.OBLIGED
                        && reading.voidingCondition(p).isEmpty()) {
                    guarantees.add(p);
                }
                if (viaOrganisation && (p.kind() == org.eurosec.model.ProvisionKind.INDIVISIBILITY
                        || p.kind() == org.eurosec.model.ProvisionKind.NON_ENLARGEMENT)) {
                    restrictedByMembers = true;
                }
            }
        }
        this.incremental = !restrictedByMembers;
        for (String c : candidates) {
            templates.add(AccessionRules.decide(regime, world, reading, builder, c, organisation, day));
        }
    }

    public List<String> candidates() {
        return candidates;
    }

    /** The future from the day's state plus the joining candidates' guarantees and votes. */
    public Future evaluate(long mask) {
        if (!incremental) {
            return rebuild(mask);
        }
        Set<String> joined = joined(mask);
        Set<String> deciders = new TreeSet<>(members);
        deciders.addAll(joined);
        Set<String> covered = new TreeSet<>();
        List<Set<String>> mayBlock = new ArrayList<>();
        BitSet prohibited = new BitSet();
        for (int k = 0; k < candidates.size(); k++) {
            String c = candidates.get(k);
            boolean in = (mask & (1L << k)) != 0;
            if (before.covered(c) || in && guaranteed(c, deciders)) {
                covered.add(c);
            }
            if (in) {
                mayBlock.add(Set.of());
                continue;
            }
            AccessionDecision t = templates.get(k);
            Set<String> blockers = new TreeSet<>();
            boolean membersBlock = t.mayBlock().stream().anyMatch(b -> members.contains(b.actor()) && b.provision().equals(t.ruleProvision().orElse("")));
            if (membersBlock) {
                blockers.addAll(deciders);
            }
            t.mayBlock().stream().filter(b -> !b.provision().equals(t.ruleProvision().orElse(""))).forEach(b -> blockers.add(b.actor()));
            blockers.remove(c);
            mayBlock.add(blockers);
            if (t.prohibitedBy().isPresent()) {
                prohibited.set(k);
            }
        }
        return new Future(mask, joined, covered, mayBlock, prohibited);
    }

    private boolean guaranteed(String c, Set<String> parties) {
        for (Provision p : guarantees) {
            DefenceTerms t = p.defence().orElseThrow();
            if (!t.beneficiaries().isEmpty() && !t.beneficiaries().contains(c)) {
                continue;
            }
            for (String g : parties) {
                if (!g.equals(c) && (t.guarantors().isEmpty() || t.guarantors().contains(g)) && !reading.excludesGuarantor(p.id(), g)) {
                    return true;
                }
            }
        }
        return false;
    }

    private Set<String> joined(long mask) {
        Set<String> out = new TreeSet<>();
        for (int k = 0; k < candidates.size(); k++) {
            if ((mask & (1L << k)) != 0) {
                out.add(candidates.get(k));
            }
        }
        return out;
    }

    /** The same future computed from scratch: memberships added to the facts, a new snapshot, the full accession rules. */
    public Future rebuild(long mask) {
        Set<String> joined = joined(mask);
        Architecture a = world;
        for (String c : joined) {
            if (!members.contains(c)) {
                a = RegimeApplication.join(a, organisation, c, day, hypothetical);
            }
        }
        SnapshotBuilder builder = new SnapshotBuilder(a, reading);
        Snapshot snap = builder.snapshot(day);
        Set<String> covered = new TreeSet<>();
        List<Set<String>> mayBlock = new ArrayList<>();
        BitSet prohibited = new BitSet();
        for (int k = 0; k < candidates.size(); k++) {
            String c = candidates.get(k);
            List<GuaranteeGroup> g = snap.guaranteesOf(c);
            if (!g.isEmpty()) {
                covered.add(c);
            }
            if (joined.contains(c)) {
                mayBlock.add(Set.of());
                continue;
            }
            AccessionDecision d = AccessionRules.decide(regime, a, reading, builder, c, organisation, day);
            Set<String> blockers = new TreeSet<>();
            d.mayBlock().forEach(b -> blockers.add(b.actor()));
            blockers.remove(c);
            mayBlock.add(blockers);
            if (d.prohibitedBy().isPresent()) {
                prohibited.set(k);
            }
        }
        return new Future(mask, joined, covered, mayBlock, prohibited);
    }
}
