package org.eurosec.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Membership;
import org.eurosec.model.Organisation;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionTerms;
import org.eurosec.model.Regime;
import org.eurosec.model.Rule;
import org.eurosec.model.RuleKind;

/**
 * The accession question: may {@code applicant} join {@code organisation}, who decides, who can stop it.
 *
 * <ul>
 * <li>The organisation's accession rule gives the decision to its members of the day; under
 *     unanimity, consensus, a unanimous invitation or a treaty amendment each member can stop it.</li>
 * <li>A binding provision can restrict the accession from outside the organisation: an
 *     indivisibility principle read as letting any party object ({@code accession_objection: true}),
 *     or a non-enlargement undertaking naming the organisation.</li>
 * <li>A restriction and the organisation's own rule, or a free-choice-of-alliances provision
 *     binding the applicant, decide the same question. The regime must declare which prevails;
 *     an undeclared pair is an {@link UndeclaredClash}. A restriction bites only where it prevails
 *     over every provision it clashes with.</li>
 * </ul>
 */
public final class AccessionRules {

    private AccessionRules() {
    }

    private static final Set<RuleKind> EACH_MEMBER_BLOCKS = Set.of(RuleKind.UNANIMOUS_INVITATION, RuleKind.UNANIMITY,
            RuleKind.CONSENSUS, RuleKind.TREATY_AMENDMENT);

    /** The decision on a world (a regime already applied), without scenario bookkeeping. */
    public static AccessionDecision decide(Regime regime, Architecture world, Reading reading, SnapshotBuilder builder, String applicant,
            String orgId, LocalDate day) {
        return decide(regime, world, reading, builder, applicant, orgId, day, 0, (p, keys) -> p.unconfirmed() ? List.of(p.id()) : List.of(),
                (p, more) -> Explanation.fact(p.id() + ": " + p.title(), p.provenance(), more));
    }

    static AccessionDecision decide(Regime regime, Architecture world, Reading reading, SnapshotBuilder builder, String applicant,
            String orgId, LocalDate day, int event, BiFunction<Provision, String[], List<String>> unconfirmed,
            BiFunction<Provision, List<Explanation>, Explanation> explain) {
        Organisation org = world.organisations().get(orgId);
        String question = "accession of " + applicant + " to " + orgId;
        List<Finding> findings = new ArrayList<>();
        Set<String> members = new TreeSet<>();
        List<Explanation> memberFacts = new ArrayList<>();
        for (Membership m : org.members()) {
            if (m.span().contains(day) && reading.partyStatuses().contains(m.status())) {
                members.add(m.actor());
                memberFacts.add(Explanation.fact(m.actor() + ": " + m.status().id() + " of " + orgId + " " + m.span(),
                        m.provenance()));
            }
        }
        Optional<Rule> rule = org.accession();
        Optional<Provision> ruleProvision = rule.flatMap(Rule::provision).flatMap(world::provision);
        List<AccessionDecision.Block> blocks = new ArrayList<>();
        if (members.contains(applicant)) {
            findings.add(new Finding(event, question, Finding.Effect.NOT_REQUIRED, List.of(applicant), ruleProvision.map(Provision::id),
                    ruleProvision.map(Provision::article), Optional.empty(), rule.map(r -> r.kind().id()), Optional.empty(), OptionalInt.empty(),
                    applicant + " is already a member of " + orgId + " on " + day, List.of(), Explanation.of("membership in the data", List.of())));
            return new AccessionDecision(applicant, orgId, regime.id(), day, rule.map(r -> r.kind().id()), ruleProvision.map(Provision::id),
                    List.copyOf(members), List.of(), Optional.empty(), List.copyOf(findings));
        }
        // The organisation's own rule.
        String ruleText = rule.map(r -> r.kind().id()).orElse("no accession rule in the data");
        Explanation ruleWhy = ruleProvision.map(p -> explain.apply(p, List.of(Explanation.of(members.size() + " members on " + day + ": "
                + String.join(" ", members), memberFacts)))).orElse(rule.map(r -> Explanation.fact("accession rule of " + orgId + ": " + ruleText,
                r.provenance())).orElse(Explanation.of("no accession rule recorded for " + orgId, List.of())));
        findings.add(new Finding(event, question, Finding.Effect.DECIDES, List.copyOf(members), ruleProvision.map(Provision::id),
                ruleProvision.map(Provision::article), ruleProvision.map(p -> world.instruments().get(p.instrument()).legalForce()),
                Optional.of(ruleText), Optional.empty(), OptionalInt.empty(),
                "the " + members.size() + " members of " + orgId + " decide (" + ruleText + ")", List.of(), ruleWhy));
        boolean eachBlocks = rule.map(r -> EACH_MEMBER_BLOCKS.contains(r.kind())).orElse(false);
        if (eachBlocks) {
            String how = "withholding its consent (" + ruleText + ")";
            members.forEach(m -> blocks.add(new AccessionDecision.Block(m, ruleProvision.map(Provision::id).orElse(orgId + " accession rule"), how)));
            findings.add(new Finding(event, question, Finding.Effect.MAY_BLOCK, List.copyOf(members), ruleProvision.map(Provision::id),
                    ruleProvision.map(Provision::article), ruleProvision.map(p -> world.instruments().get(p.instrument()).legalForce()),
                    Optional.of(ruleText), Optional.empty(), OptionalInt.empty(),
                    "each of the " + members.size() + " members can block by " + how, List.of(), ruleWhy));
        }

        // Provisions that could decide the same question the other way.
        List<Provision> opposing = new ArrayList<>();
        ruleProvision.ifPresent(opposing::add);
        List<Provision> restricting = new ArrayList<>();
        for (Instrument i : world.instruments().values()) {
            if (!i.inForceOn(day)) {
                continue;
            }
            Set<String> parties = builder.partiesOn(i.id(), day).keySet();
            for (Provision p : i.provisions()) {
                if (!i.inForceSpan(p).map(s -> s.contains(day)).orElse(false)) {
                    continue;
                }
                if (p.kind() == ProvisionKind.FREE_CHOICE_OF_ALLIANCES && parties.contains(applicant)) {
                    opposing.add(p);
                    findings.add(new Finding(event, question, Finding.Effect.ENTITLED, List.of(applicant), Optional.of(p.id()),
                            Optional.of(p.article()), Optional.of(i.legalForce()), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                            applicant + " is free to choose its security arrangements, including treaties of alliance ("
                                    + i.legalForce().id() + ")", unconfirmed.apply(p, new String[0]), explain.apply(p, List.of())));
                }
                if (i.legalForce() != LegalForce.BINDING) {
                    continue;
                }
                boolean objection = p.kind() == ProvisionKind.INDIVISIBILITY
                        && reading.terms(p, ProvisionTerms.Indivisibility.class).accessionObjection();
                boolean nonEnlargement = p.kind() == ProvisionKind.NON_ENLARGEMENT
                        && reading.terms(p, ProvisionTerms.NonEnlargement.class).organisation().map(orgId::equals).orElse(false)
                        && reading.terms(p, ProvisionTerms.NonEnlargement.class).covers(applicant);
                if (objection || nonEnlargement) {
                    restricting.add(p);
                }
            }
        }
        Optional<String> prohibitedBy = Optional.empty();
        for (Provision r : restricting) {
            Instrument i = world.instruments().get(r.instrument());
            List<Provision> loses = new ArrayList<>();
            List<Provision> wins = new ArrayList<>();
            for (Provision o : opposing) {
                if (declared(regime, r.id(), o)) {
                    loses.add(o);
                } else if (declared(regime, o.id(), r)) {
                    wins.add(o);
                } else {
                    throw new UndeclaredClash(regime.id(), regime.provenance().file(), "whether " + applicant + " may join " + orgId, r.id(), o.id());
                }
            }
            List<Explanation> precedence = new ArrayList<>();
            for (Regime.Precedence d : regime.precedence()) {
                if (d.prevails().equals(r.id()) || wins.stream().anyMatch(w -> d.prevails().equals(w.id()))) {
                    List<String> over = new ArrayList<>(d.over());
                    d.overKinds().forEach(k -> over.add("every " + k.id() + " provision"));
                    precedence.add(Explanation.fact("precedence: " + d.prevails() + " prevails over " + String.join(", ", over)
                            + " (regime " + regime.id() + ")", d.provenance()));
                }
            }
            reading.paramSetBy(r, "accession_objection").ifPresent(x -> precedence.add(Explanation.of("reading: " + x, List.of())));
            Set<String> parties = builder.partiesOn(i.id(), day).keySet();
            if (!wins.isEmpty()) {
                findings.add(new Finding(event, question, Finding.Effect.NOT_ENTITLED, List.copyOf(parties), Optional.of(r.id()),
                        Optional.of(r.article()), Optional.of(i.legalForce()), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        r.id() + " gives no one outside " + orgId + " a way to stop the accession: "
                                + String.join(", ", wins.stream().map(Provision::id).toList()) + " prevail" + (wins.size() == 1 ? "s" : ""),
                        unconfirmed.apply(r, new String[] {"accession_objection"}), explain.apply(r, precedence)));
                continue;
            }
            if (r.kind() == ProvisionKind.NON_ENLARGEMENT) {
                prohibitedBy = Optional.of(r.id());
                List<String> bound = members.stream().filter(parties::contains).toList();
                findings.add(new Finding(event, question, Finding.Effect.PROHIBITED, bound, Optional.of(r.id()), Optional.of(r.article()),
                        Optional.of(i.legalForce()), Optional.empty(), Optional.empty(), OptionalInt.empty(),
                        bound.size() + " member" + (bound.size() == 1 ? "" : "s") + " of " + orgId + " (parties to " + i.id()
                                + ") undertook not to admit " + applicant + ": the accession is excluded whatever the members decide",
                        unconfirmed.apply(r, new String[0]), explain.apply(r, precedence)));
                continue;
            }
            Set<String> objectors = new LinkedHashSet<>();
            parties.stream().filter(a -> !a.equals(applicant)).forEach(objectors::add);
            Optional<Provision> enforcement = i.provisions().stream().filter(p -> p.kind() == ProvisionKind.NO_CONFLICTING_OBLIGATIONS).findFirst();
            String how = "objects that the accession affects its security; " + r.id() + " (" + reading.paramSetBy(r, "accession_objection")
                    .orElse("as encoded") + ")" + enforcement.map(e -> " read with " + e.id()).orElse("") + " prevails over "
                    + String.join(", ", loses.stream().map(Provision::id).toList());
            objectors.forEach(a -> blocks.add(new AccessionDecision.Block(a, r.id(), how)));
            List<Explanation> why = new ArrayList<>(precedence);
            enforcement.ifPresent(e -> why.add(Explanation.fact(e.id() + ": " + e.title(), e.provenance())));
            why.add(Explanation.of(objectors.size() + " parties of " + i.id() + " on " + day + " besides " + applicant,
                    builder.partiesOn(i.id(), day).values().stream().filter(ps -> objectors.contains(ps.actor()))
                            .map(ps -> Explanation.fact(ps.actor() + ": " + ps.status() + " of " + ps.via() + " " + ps.span(), ps.provenance()))
                            .toList()));
            List<String> unconf = new ArrayList<>(unconfirmed.apply(r, new String[] {"accession_objection"}));
            enforcement.ifPresent(e -> unconf.addAll(unconfirmed.apply(e, new String[0])));
            findings.add(new Finding(event, question, Finding.Effect.MAY_BLOCK, List.copyOf(objectors), Optional.of(r.id()),
                    Optional.of(r.article()), Optional.of(i.legalForce()), Optional.of("any party objects"), Optional.empty(), OptionalInt.empty(),
                    objectors.size() + " parties of " + i.id() + " can each block: a party " + how,
                    List.copyOf(unconf), explain.apply(r, why)));
        }
        return new AccessionDecision(applicant, orgId, regime.id(), day, rule.map(r -> r.kind().id()), ruleProvision.map(Provision::id),
                List.copyOf(members), List.copyOf(blocks), prohibitedBy, List.copyOf(findings));
    }

    private static boolean declared(Regime regime, String winner, Provision loser) {
        return regime.precedence().stream().anyMatch(p -> p.question().equals("accession") && p.covers(winner, loser));
    }
}
