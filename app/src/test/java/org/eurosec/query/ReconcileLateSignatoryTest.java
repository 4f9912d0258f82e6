package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A state that signed a treaty after its signature but before its entry into force becomes a party
 * on the day it enters into force, like the original signatories (Azerbaijan, Georgia and Belarus
 * under the Collective Security Treaty). Dated the dataset's way it binds from its own signature,
 * which the crosswalk gives as an accession, not from the treaty's. The world: a pact signed by AAA
 * and BBB on 1949-03-01, in force 1951-01-01 for them and CCC, which signed on 1950-06-01; the
 * ATOP-format file codes AAA-BBB from 1949 and CCC with both from 1950.
 */
class ReconcileLateSignatoryTest {

    private static final String SRC = ReconcileWorld.SRC;

    @TempDir
    Path dir;

    private Eurosec eurosec;

    @BeforeEach
    void world() throws IOException {
        ReconcileWorld.metaAndStates(dir, "1949-01-01", "AAA", "BBB", "CCC");
        write("organisations/pact.yaml", """
                id: pact
                name: The Pact
                kind: alliance
                founded_by: pact-treaty
                exists: {from: 1951-01-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1951-01-01, source: %1$s}
                  - {state: BBB, from: 1951-01-01, source: %1$s}
                  - {state: CCC, from: 1951-01-01, source: %1$s}
                """.formatted(SRC));
        write("instruments/pact-treaty.yaml", """
                id: pact-treaty
                name: Pact Treaty
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: 1949-03-01
                in_force: 1951-01-01
                source: %1$s
                parties: {organisation: pact}
                provisions:
                  - {id: art-4, kind: collective-defence, params: {assistance: automatic}, source: %1$s}
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
                    accessions:
                      - {states: [CCC], signed: 1950-06-01, source: %1$s}
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
        for (int y = 1949; y <= 1960; y++) {
            rows.add("1,2," + y + ",1,0,0,0,0");
            rows.add("2,1," + y + ",1,0,0,0,0");
            if (y >= 1950) {
                rows.add("1,3," + y + ",1,0,0,0,0");
                rows.add("3,1," + y + ",1,0,0,0,0");
                rows.add("2,3," + y + ",1,0,0,0,0");
                rows.add("3,2," + y + ",1,0,0,0,0");
            }
        }
        return String.join("\n", rows) + "\n";
    }

    private Reconcile.View reconcile(Optional<String> convention) {
        return eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", atop(), "file", convention, List.of("defence"), List.of(), false));
    }

    @Test
    void theLateSignatoryIsDatedFromItsOwnSignature() {
        Reconcile.View v = reconcile(Optional.empty());
        // 3 states, 6 directed dyads, 1949-1960. eurosec binds all from 1951: AAA-BBB differ in 1949 and
        // 1950, CCC with AAA and BBB in 1950 only - all by convention.
        assertThat(v.compared()).isEqualTo(6 * 12);
        assertThat(v.disagree()).isEqualTo(4 + 4);
        assertThat(v.byCause()).containsEntry("convention", 8L).containsEntry("unexplained", 0L);
        assertThat(v.rows().stream().filter(r -> r.state1().equals("CCC") || r.state2().equals("CCC"))).hasSize(4).allSatisfy(r -> {
            assertThat(r.year()).isEqualTo(1950);
            assertThat(r.eurosecDate()).contains(LocalDate.of(1951, 1, 1));
            assertThat(r.datasetDate()).contains(LocalDate.of(1950, 6, 1));
        });
        assertThat(v.rows().stream().filter(r -> r.year() == 1949)).hasSize(2)
                .allSatisfy(r -> assertThat(r.datasetDate()).contains(LocalDate.of(1949, 3, 1)));
    }

    @Test
    void datedTheDatasetsWayTheLateSignatoryAgreesWithItsOwnYear() {
        // Were CCC dated from the treaty's signature it would be bound in 1949, four cells the file does not code.
        Reconcile.View v = reconcile(Optional.of("atop"));
        assertThat(v.disagree()).isZero();
        assertThat(v.agree()).isEqualTo(6 * 12);
    }
}
