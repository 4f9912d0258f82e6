package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A party that did not join a fixed-term treaty's renewal, on a world of its own: a league of three
 * (treaty signed 1990-03-01, in force 1991-01-01) whose first term ends 1996-01-01; CCC does not
 * renew (a not-renewed spell from 1996-01-01) and leaves on 2003-06-01. The ATOP-format file
 * written here keeps CCC bound to 2003, as ATOP does with the Collective Security Treaty's
 * non-renewing parties. Under ATOP's signature dating the founders count from 1990; the
 * expectations follow from these dates: CCC's four directed dyads in 1996-2003 (8 years) are the
 * only disagreements, each decided by the interpretation, and its other option agrees on them.
 */
class ReconcileNonRenewalTest {

    private static final String SRC = ReconcileWorld.SRC;

    @TempDir
    Path dir;

    private Eurosec eurosec;

    @BeforeEach
    void world() throws IOException {
        ReconcileWorld.metaAndStates(dir, "1990-01-01", "AAA", "BBB", "CCC");
        ReconcileWorld.write(dir, "organisations/league.yaml", """
                id: league
                name: The League
                kind: alliance
                founded_by: league-treaty
                exists: {from: 1991-01-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1991-01-01, source: %1$s}
                  - {state: BBB, from: 1991-01-01, source: %1$s}
                  - {state: CCC, from: 1991-01-01, to: 1996-01-01, source: %1$s}
                  - {state: CCC, from: 1996-01-01, to: 2003-06-01, status: not-renewed, source: %1$s}
                """.formatted(SRC));
        ReconcileWorld.write(dir, "instruments/league-treaty.yaml", """
                id: league-treaty
                name: League Treaty
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: 1990-03-01
                in_force: 1991-01-01
                source: %1$s
                parties: {organisation: league}
                provisions:
                  - {id: art-4, kind: collective-defence, params: {assistance: automatic}, source: %1$s}
                """.formatted(SRC));
        ReconcileWorld.write(dir, "interpretations.yaml", """
                interpretations:
                  - id: inactive-membership
                    question: Does a frozen membership count?
                    default: frozen-counts
                    source: %1$s
                    options:
                      - {id: frozen-counts, description: frozen counts, party_statuses: [member, frozen]}
                      - {id: active-only, description: only active members, party_statuses: [member]}
                  - id: non-renewal
                    question: Is a party that did not renew still bound?
                    default: ends-with-term
                    source: %1$s
                    options:
                      - {id: ends-with-term, description: bound only for the first term}
                      - {id: bound-until-exit, description: bound until it leaves, party_statuses: [not-renewed]}
                """.formatted(SRC));
        ReconcileWorld.write(dir, "crosswalk/atop.yaml", """
                dataset: atop
                name: Alliance Treaty Obligations and Provisions
                version: "5.1"
                dating: signature
                source: %1$s
                alliances:
                  - instrument: league-treaty
                    id: "9101"
                    source: %1$s
                """.formatted(SRC));
        eurosec = new Eurosec(new Eurosec.Sources(Optional.of(dir), Optional.empty(), List.of()));
    }

    /** Every two of AAA and BBB both ways 1990-2008; CCC with each both ways 1990-2003. */
    static String atop() {
        List<String> rows = new ArrayList<>();
        rows.add("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul");
        for (int y = 1990; y <= 2008; y++) {
            rows.add("1,2," + y + ",1,0,0,0,0");
            rows.add("2,1," + y + ",1,0,0,0,0");
            if (y <= 2003) {
                for (String d : List.of("1,3,", "3,1,", "2,3,", "3,2,")) {
                    rows.add(d + y + ",1,0,0,0,0");
                }
            }
        }
        return String.join("\n", rows) + "\n";
    }

    private Reconcile.View reconcile(List<String> choices) {
        return eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", atop(), "file", Optional.of("atop"), List.of("defence"), choices, false));
    }

    @Test
    void byDefaultTheYearsAfterTheTermAreTheInterpretationsAndNamedSo() {
        Reconcile.View v = reconcile(List.of());
        // 3 states, 6 directed dyads, 19 years (1990-2008).
        assertThat(v.compared()).isEqualTo(6 * 19);
        assertThat(v.disagree()).isEqualTo(4 * 8);
        assertThat(v.byCause()).containsEntry("interpretation", 32L).containsEntry("convention", 0L).containsEntry("fact", 0L)
                .containsEntry("missing", 0L).containsEntry("unexplained", 0L);
        assertThat(v.rows()).hasSize(32).allSatisfy(r -> {
            assertThat(r.year()).isBetween(1996, 2003);
            assertThat(List.of(r.state1(), r.state2())).contains("CCC");
            assertThat(r.dataset()).isEqualTo(1);
            assertThat(r.eurosec()).isZero();
            assertThat(r.interpretation()).contains("non-renewal");
            assertThat(r.option()).contains("bound-until-exit");
            assertThat(r.provisions()).containsExactly("league-treaty/art-4");
        });
        assertThat(v.rows().stream().map(Reconcile.Row::year).distinct().sorted().toList())
                .containsExactly(1996, 1997, 1998, 1999, 2000, 2001, 2002, 2003);
    }

    @Test
    void theOtherOptionAgreesOnEveryOneOfThem() {
        Reconcile.View v = reconcile(List.of("non-renewal=bound-until-exit"));
        assertThat(v.disagree()).isZero();
        assertThat(v.agree()).isEqualTo(6 * 19);
        // The statuses of two interpretations add up: counting only active members leaves the
        // not-renewed spell a party under this option (it is no frozen membership).
        Reconcile.View both = reconcile(List.of("non-renewal=bound-until-exit", "inactive-membership=active-only"));
        assertThat(both.disagree()).isZero();
    }
}
