package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cell that no instrument of its kind makes under the default options, so that {@code compare}
 * calls it missing, while other options (two interpretations, or one with the dataset's dating)
 * make it agree: it is an interpretation, not a {@code no_entry}. The world: a pact of AAA, BBB and
 * CCC signed 1950-06-01, in force 1952-03-01, whose only article restates the prohibition of force
 * (read as non-aggression by force-pledges=atop); BBB's membership is suspended from 1955-01-01
 * (counting only under inactive-membership=legal-membership), as Albania's in the Warsaw Treaty.
 * The ATOP-format file codes non-aggression between every two of them from 1950 to 1959.
 */
class ReconcileMissingByOptionsTest {

    private static final String SRC = ReconcileWorld.SRC;

    @TempDir
    Path dir;

    private Eurosec eurosec;

    @BeforeEach
    void world() throws IOException {
        ReconcileWorld.metaAndStates(dir, "1950-01-01", "AAA", "BBB", "CCC");
        write("organisations/pact.yaml", """
                id: pact
                name: The Pact
                kind: alliance
                founded_by: pact-treaty
                exists: {from: 1952-03-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1952-03-01, source: %1$s}
                  - {state: BBB, from: 1952-03-01, to: 1955-01-01, source: %1$s}
                  - {state: BBB, from: 1955-01-01, status: suspended, source: %1$s}
                  - {state: CCC, from: 1952-03-01, source: %1$s}
                """.formatted(SRC));
        write("instruments/pact-treaty.yaml", """
                id: pact-treaty
                name: Pact Treaty
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: 1950-06-01
                in_force: 1952-03-01
                source: %1$s
                parties: {organisation: pact}
                provisions:
                  - {id: pact-treaty/art-1, kind: non-use-of-force, source: %1$s}
                """.formatted(SRC));
        write("interpretations.yaml", """
                interpretations:
                  - id: inactive-membership
                    question: Does a suspended membership count?
                    default: frozen-counts
                    source: %1$s
                    options:
                      - {id: frozen-counts, description: "frozen counts, suspended does not", party_statuses: [member, frozen]}
                      - {id: legal-membership, description: every member not yet out counts, party_statuses: [member, frozen, suspended]}
                  - id: force-pledges
                    question: Does a restated prohibition of force count as non-aggression?
                    default: distinct
                    source: %1$s
                    options:
                      - {id: distinct, description: it does not}
                      - {id: atop, description: the dataset's reading, counts_as: non-aggression, applies_to: [pact-treaty/art-1]}
                """.formatted(SRC));
        write("crosswalk/atop.yaml", """
                dataset: atop
                name: Alliance Treaty Obligations and Provisions
                version: "5.1"
                dating: signature
                source: %1$s
                alliances:
                  - instrument: pact-treaty
                    id: "9001"
                    source: %1$s
                out_of_scope: []
                """.formatted(SRC));
        eurosec = new Eurosec(new Eurosec.Sources(Optional.of(dir), Optional.empty(), List.of()));
    }

    private void write(String rel, String text) throws IOException {
        ReconcileWorld.write(dir, rel, text);
    }

    private static String atop() {
        List<String> rows = new ArrayList<>();
        rows.add("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul");
        for (int y = 1950; y <= 1959; y++) {
            for (String pair : List.of("1,2", "2,1", "1,3", "3,1", "2,3", "3,2")) {
                rows.add(pair + "," + y + ",0,0,0,1,0");
            }
        }
        return String.join("\n", rows) + "\n";
    }

    private Reconcile.View reconcile() {
        return eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", atop(), "file", Optional.empty(), List.of("non_aggression"), List.of(),
                false));
    }

    private static boolean with(Reconcile.Row r, String state) {
        return r.state1().equals(state) || r.state2().equals(state);
    }

    @Test
    void nothingIsLeftWithoutACause() {
        Reconcile.View v = reconcile();
        // 3 states, 6 directed dyads, 1950-1959, and eurosec codes no non-aggression under the defaults.
        assertThat(v.compared()).isEqualTo(60);
        assertThat(v.disagree()).isEqualTo(60);
        assertThat(v.missing()).containsEntry("no_entry", 0L);
        assertThat(v.byCause()).containsEntry("interpretation", 60L).containsEntry("missing", 0L).containsEntry("unexplained", 0L);
    }

    @Test
    void twoOptionsTogetherExplainASuspendedMembersCells() {
        // BBB from 1955: a party only under legal-membership, its article non-aggression only under atop.
        List<Reconcile.Row> suspended = reconcile().rows().stream().filter(r -> with(r, "BBB") && r.year() >= 1955).toList();
        assertThat(suspended).hasSize(20).allSatisfy(r -> {
            assertThat(r.cause()).isEqualTo("interpretation");
            assertThat(r.interpretation()).contains("force-pledges");
            assertThat(r.option()).contains("atop");
            assertThat(r.note()).hasValueSatisfying(n -> assertThat(n).contains("only together with inactive-membership=legal-membership"));
            assertThat(r.provisions()).containsExactly("pact-treaty/art-1");
        });
    }

    @Test
    void anOptionWithTheDatasetsDatingExplainsTheYearsBeforeEntryIntoForce() {
        // 1950 and 1951: signed, not yet in force; non-aggression only under atop, and only dated from signature.
        List<Reconcile.Row> early = reconcile().rows().stream().filter(r -> r.year() < 1952).toList();
        assertThat(early).hasSize(12).allSatisfy(r -> {
            assertThat(r.cause()).isEqualTo("interpretation");
            assertThat(r.interpretation()).contains("force-pledges");
            assertThat(r.option()).contains("atop");
            assertThat(r.eurosecDate()).contains(LocalDate.of(1952, 3, 1));
            assertThat(r.datasetDate()).contains(LocalDate.of(1950, 6, 1));
            assertThat(r.note()).hasValueSatisfying(n -> assertThat(n).contains("only when dated the atop way")
                    .contains("--convention atop -I force-pledges=atop"));
        });
        // From 1952 to BBB's suspension the option alone explains them.
        assertThat(reconcile().rows().stream().filter(r -> r.year() >= 1952 && !(with(r, "BBB") && r.year() >= 1955))).hasSize(28)
                .allSatisfy(r -> {
                    assertThat(r.option()).contains("atop");
                    assertThat(r.note()).isEmpty();
                });
    }
}
