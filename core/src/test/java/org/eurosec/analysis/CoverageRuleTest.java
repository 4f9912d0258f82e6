package org.eurosec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.eurosec.Fixture;
import org.eurosec.analysis.CoverageAnalysis.CoverageResult;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.CoverageAnalysis.StateCoverage;
import org.eurosec.analysis.CoverageAnalysis.Unknown;
import org.eurosec.engine.Reading;
import org.eurosec.load.ArchitectureLoader;
import org.eurosec.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The coverage rule on the made-up fixture, where each expected answer follows from the fixture's facts by hand. */
class CoverageRuleTest {

    @TempDir
    Path dir;

    private static Known known(CoverageResult r) {
        assertThat(r).isInstanceOf(Known.class);
        return (Known) r;
    }

    private static Map<String, StateCoverage> rows(CoverageResult r) {
        return known(r).states().stream().collect(Collectors.toMap(s -> s.state().id(), s -> s));
    }

    private IntervalCoverage coverage(Fixture f) {
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        return IntervalCoverage.of(a, Reading.defaults(a));
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }

    @Test
    void beforeTheTreatyIsInForceNobodyIsCoveredAndTheUniverseIsTheStatesThatExist() {
        Map<String, StateCoverage> r = rows(coverage(Fixture.minimal(dir)).coverage(d("1949-06-01"), Universe.participating()));
        assertThat(r).containsOnlyKeys("AAA", "BBB", "DDD");
        assertThat(r.values()).noneMatch(StateCoverage::covered);
    }

    @Test
    void membersAreCoveredFromTheDayTheTreatyEntersIntoForceAndOutsidersAreNot() {
        Map<String, StateCoverage> r = rows(coverage(Fixture.minimal(dir)).coverage(d("1950-01-01"), new Universe(true, Set.of())));
        assertThat(r.get("AAA").covered()).isTrue();
        assertThat(r.get("AAA").guarantees()).singleElement().satisfies(g -> {
            assertThat(g.provision().id()).isEqualTo("pact-treaty/art-2");
            assertThat(g.guarantorIds()).containsExactly("BBB");
            assertThat(g.throughId()).isEqualTo("pact");
        });
        assertThat(r.get("CCC").covered()).isFalse();
        assertThat(r.get("DDD").covered()).isFalse();
    }

    @Test
    void aStateIsCoveredFromItsAccessionDayNotFromItsAccessionYear() {
        IntervalCoverage c = coverage(Fixture.minimal(dir));
        Universe all = new Universe(true, Set.of());
        assertThat(rows(c.coverage(d("1955-03-09"), all)).get("CCC").covered()).isFalse();
        assertThat(rows(c.coverage(d("1955-03-10"), all)).get("CCC").covered()).isTrue();
        assertThat(rows(c.coverage(d("1955-03-10"), all)).get("AAA").guarantees().get(0).guarantorIds()).containsExactly("BBB", "CCC");
    }

    @Test
    void aOneWayGuaranteeCoversOnlyItsBeneficiary() {
        IntervalCoverage c = coverage(Fixture.minimal(dir));
        Map<String, StateCoverage> before = rows(c.coverage(d("1960-06-14"), new Universe(true, Set.of())));
        Map<String, StateCoverage> after = rows(c.coverage(d("1960-06-15"), new Universe(true, Set.of())));
        assertThat(before.get("DDD").covered()).isFalse();
        assertThat(after.get("DDD").guarantees()).singleElement().satisfies(g -> {
            assertThat(g.provision().id()).isEqualTo("shield/art-1");
            assertThat(g.guarantorIds()).containsExactly("AAA");
            assertThat(g.throughId()).isEqualTo("shield");
        });
        assertThat(after.get("AAA").guarantees()).extracting(g -> g.provision().id()).containsExactly("pact-treaty/art-2");
    }

    @Test
    void politicalCommitmentsAreListedButNeverCount() {
        Map<String, StateCoverage> r = rows(coverage(Fixture.minimal(dir)).coverage(d("1980-01-01"), Universe.participating()));
        assertThat(r).containsOnlyKeys("AAA", "BBB", "CCC", "DDD");
        assertThat(r.get("BBB").politicalCommitments()).extracting(c -> c.instrument().id()).containsExactly("forum-act");
        assertThat(r.get("BBB").guarantees()).extracting(g -> g.instrument().id()).doesNotContain("forum-act");
    }

    @Test
    void aFrozenMembershipCountsByDefaultAndNotUnderTheActiveOnlyReading() {
        Fixture f = Fixture.minimal(dir);
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        LocalDate day = d("2024-02-22");
        Map<String, StateCoverage> byDefault = rows(IntervalCoverage.of(a, Reading.defaults(a)).coverage(day, Universe.participating()));
        Map<String, StateCoverage> activeOnly = rows(IntervalCoverage.of(a, Reading.defaults(a).with("inactive-membership", "active-only"))
                .coverage(day, Universe.participating()));
        assertThat(byDefault.get("CCC").covered()).isTrue();
        assertThat(activeOnly.get("CCC").covered()).isFalse();
        assertThat(byDefault.get("AAA").guarantees().get(0).guarantorIds()).containsExactly("BBB", "CCC");
        assertThat(activeOnly.get("AAA").guarantees().get(0).guarantorIds()).containsExactly("BBB");
        assertThat(rows(IntervalCoverage.of(a, Reading.defaults(a).with("inactive-membership", "active-only"))
                .coverage(d("2024-02-21"), Universe.participating())).get("CCC").covered()).isTrue();
    }

    @Test
    void daysOutsideTheDataAreUnknownNotUncovered() {
        IntervalCoverage c = coverage(Fixture.minimal(dir));
        assertThat(c.coverage(d("1948-12-31"), Universe.participating())).isInstanceOf(Unknown.class);
        assertThat(c.coverage(d("2026-01-02"), Universe.participating())).isInstanceOf(Unknown.class)
                .satisfies(u -> assertThat(((Unknown) u).message()).contains("outside what the data covers"));
        assertThat(c.coverage(d("2026-01-01"), Universe.participating())).isInstanceOf(Known.class);
        assertThat(c.coverage(d("1949-01-01"), Universe.participating())).isInstanceOf(Known.class);
    }

    @Test
    void aDayAfterTheCheckIsReadForwardWithScheduledChangesAndMarkedProvisional() {
        // DDD joins the pact on a day after the facts were last checked (2026-01-01): a scheduled accession.
        Fixture f = Fixture.minimal(dir);
        f.write("organisations/pact.yaml", """
                id: pact
                name: The Pact
                kind: alliance
                founded_by: pact-treaty
                exists: {from: 1950-01-01, source: %1$s}
                accession: {rule: unanimous-invitation, provision: pact-treaty/art-3, source: %1$s}
                decisions: {rule: consensus, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1950-01-01, source: %1$s}
                  - {state: BBB, from: 1950-01-01, source: %1$s}
                  - {state: CCC, from: 1955-03-10, to: 2024-02-22, source: %1$s}
                  - {state: CCC, from: 2024-02-22, status: frozen, source: %1$s}
                  - {state: DDD, from: 2026-03-01, source: %1$s}
                """.formatted(Fixture.SRC));
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        assertThat(a.provisional(d("2026-01-01"))).isFalse();
        assertThat(a.provisional(d("2026-01-02"))).isTrue();
        Architecture forward = a.readThrough(d("2026-06-01"));
        assertThat(forward.factsCheckedThrough()).isEqualTo(d("2026-01-01"));
        IntervalCoverage c = IntervalCoverage.of(forward, Reading.defaults(forward));
        Map<String, StateCoverage> before = rows(c.coverage(d("2026-02-28"), Universe.participating()));
        Map<String, StateCoverage> after = rows(c.coverage(d("2026-03-01"), Universe.participating()));
        assertThat(before.get("DDD").guarantees()).extracting(g -> g.provision().id()).containsExactly("shield/art-1");
        assertThat(after.get("DDD").guarantees()).extracting(g -> g.provision().id()).contains("pact-treaty/art-2");
        assertThat(c.coverage(d("2026-06-02"), Universe.participating())).isInstanceOf(Unknown.class);
        // The strict reading of the same facts leaves those days unknown.
        assertThat(coverage(f).coverage(d("2026-03-01"), Universe.participating())).isInstanceOf(Unknown.class);
    }

    @Test
    void excludingATagDropsThoseStates() {
        Map<String, StateCoverage> r = rows(coverage(Fixture.minimal(dir)).coverage(d("1980-01-01"),
                new Universe(false, Set.of("microstate"))));
        assertThat(r).containsOnlyKeys("AAA", "BBB", "CCC");
    }

    @Test
    void anEntitlementIsNoGuaranteeAndTheExplanationSaysSo() {
        Fixture f = Fixture.minimal(dir);
        f.shield("obligation: entitled, guarantors: [AAA], beneficiaries: [DDD]");
        IntervalCoverage c = coverage(f);
        assertThat(rows(c.coverage(d("1970-01-01"), new Universe(true, Set.of()))).get("DDD").covered()).isFalse();
        assertThat(String.join("\n", c.explain(d("1970-01-01"), "DDD").lines()))
                .contains("DDD is not covered").contains("shield/art-1 only entitles");
    }

    @Test
    void aProvisionAddedLaterCountsOnlyFromItsOwnDate() {
        Fixture f = Fixture.minimal(dir);
        f.write("instruments/forum-act.yaml", """
                id: forum-act
                name: Forum Act
                legal_force: binding
                in_force: 1975-08-01
                source: %1$s
                parties: {organisation: osce}
                provisions:
                  - {id: art-9, kind: mutual-assistance, in_force: 2000-01-01, params: {assistance: automatic}, source: %1$s}
                """.formatted(Fixture.SRC));
        IntervalCoverage c = coverage(f);
        assertThat(rows(c.coverage(d("1999-12-31"), Universe.participating())).get("DDD").guarantees())
                .extracting(g -> g.provision().id()).containsExactly("shield/art-1");
        assertThat(rows(c.coverage(d("2000-01-01"), Universe.participating())).get("DDD").guarantees())
                .extracting(g -> g.provision().id()).containsExactly("forum-act/art-9", "shield/art-1");
    }

    @Test
    void theExplanationNamesProvisionSpellsAndSources() {
        IntervalCoverage c = coverage(Fixture.minimal(dir));
        List<String> lines = c.explain(d("1960-06-15"), "DDD").lines();
        assertThat(lines.get(0)).isEqualTo("DDD is covered on 1960-06-15: 1 guarantee(s)");
        String all = String.join("\n", lines);
        assertThat(all).contains("guaranteed under shield/art-1").contains("d/instruments/shield.yaml:")
                .contains("beneficiary DDD: party of shield [1960-06-15, open)").contains("AAA: party of shield")
                .contains("<" + Fixture.SRC + ">");
    }

    @Test
    void theActorHistoryMergesPeriodsWithTheSameGuarantees() {
        IntervalCoverage c = coverage(Fixture.minimal(dir));
        ActorHistory.History h = new ActorHistory(c.timeline()).of("CCC");
        assertThat(h.periods()).extracting(p -> p.span().toString() + " " + p.covered()).containsExactly(
                "[1950-01-01, 1955-03-10) false",
                "[1955-03-10, open) true");
        assertThat(h.periods().get(1).guarantees()).singleElement().satisfies(g -> {
            assertThat(g.provision()).isEqualTo("pact-treaty/art-2");
            assertThat(g.minGuarantors()).isEqualTo(2);
        });
        assertThat(h.ties()).extracting(t -> t.in() + " " + t.status()).containsExactly("pact member", "osce member", "pact frozen");
    }

    @Test
    void aConditionCanEmptyAGuaranteeUnderANamedReading() {
        Fixture f = Fixture.minimal(dir);
        f.shield("assistance: discretionary, conditions: [subject-to-mutual-agreement], guarantors: [AAA], beneficiaries: [DDD]");
        f.write("interpretations.yaml", """
                interpretations:
                  - id: agreed-assistance
                    question: Is help subject to mutual agreement a guarantee?
                    default: not-a-guarantee
                    source: %1$s
                    options:
                      - {id: not-a-guarantee, description: no, exclude_conditions: [subject-to-mutual-agreement]}
                      - {id: counts, description: yes}
                """.formatted(Fixture.SRC));
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        Universe all = new Universe(true, Set.of());
        IntervalCoverage byDefault = IntervalCoverage.of(a, Reading.defaults(a));
        IntervalCoverage counts = IntervalCoverage.of(a, Reading.defaults(a).with("agreed-assistance", "counts"));
        assertThat(rows(byDefault.coverage(d("1970-01-01"), all)).get("DDD").covered()).isFalse();
        assertThat(String.join("\n", byDefault.explain(d("1970-01-01"), "DDD").lines()))
                .contains("shield/art-1 is no guarantee under this reading: condition subject-to-mutual-agreement (agreed-assistance=not-a-guarantee)");
        assertThat(rows(counts.coverage(d("1970-01-01"), all)).get("DDD").guarantees()).singleElement()
                .satisfies(g -> assertThat(g.provision().defence().get().conditions()).containsExactly("subject-to-mutual-agreement"));
    }
}
