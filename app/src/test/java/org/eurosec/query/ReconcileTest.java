package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
 * Reconciliation on a small world of its own: five states, a pact (signed 1949-06-01, in force
 * 1950-01-01; CCC accedes 1955-03-10 after a protocol signed 1954-05-01 and freezes its membership
 * in 1980) and a DDD-EEE assistance treaty (signed 1959-12-20, in force 1960-01-01 to 1971-01-01),
 * against an ATOP-format file written for the test. Each kind of disagreement is planted once, and
 * the expected counts follow from the dates above, not from running the engine.
 */
class ReconcileTest {

    private static final String SRC = ReconcileWorld.SRC;

    @TempDir
    Path dir;

    private Eurosec eurosec;

    @BeforeEach
    void world() throws IOException {
        ReconcileWorld.metaAndStates(dir, "1949-01-01", "AAA", "BBB", "CCC", "DDD", "EEE");
        write("organisations/pact.yaml", """
                id: pact
                name: The Pact
                kind: alliance
                founded_by: pact-treaty
                exists: {from: 1950-01-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1950-01-01, source: %1$s}
                  - {state: BBB, from: 1950-01-01, source: %1$s}
                  - {state: CCC, from: 1955-03-10, to: 1980-01-01, source: %1$s}
                  - {state: CCC, from: 1980-01-01, status: frozen, source: %1$s}
                """.formatted(SRC));
        write("instruments/pact-treaty.yaml", """
                id: pact-treaty
                name: Pact Treaty
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: 1949-06-01
                in_force: 1950-01-01
                source: %1$s
                parties: {organisation: pact}
                provisions:
                  - {id: art-5, kind: collective-defence, params: {assistance: automatic}, source: %1$s}
                """.formatted(SRC));
        write("instruments/ddd-eee.yaml", """
                id: ddd-eee
                name: DDD-EEE Treaty of Assistance
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: 1959-12-20
                in_force: 1960-01-01
                ended: 1971-01-01
                source: %1$s
                parties:
                  - {state: DDD, from: 1960-01-01, to: 1971-01-01, status: ratified, source: %1$s}
                  - {state: EEE, from: 1960-01-01, to: 1971-01-01, status: ratified, source: %1$s}
                provisions:
                  - {id: art-1, kind: mutual-assistance, params: {assistance: automatic}, source: %1$s}
                """.formatted(SRC));
        write("interpretations.yaml", """
                interpretations:
                  - id: inactive-membership
                    question: Does a frozen membership count?
                    default: frozen-counts
                    source: %1$s
                    options:
                      - {id: frozen-counts, description: frozen counts, party_statuses: [member, frozen]}
                      - {id: active-only, description: only active members, party_statuses: [member]}
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
                      - {states: [CCC], signed: 1954-05-01, source: %1$s}
                  - instrument: ddd-eee
                    id: "9002"
                    source: %1$s
                    differences:
                      - {kinds: [defence], states: [DDD, EEE], from: 1971, to: 1975, note: the dataset runs the treaty to its formal expiry in 1975, source: %1$s}
                out_of_scope:
                  - {name: BBB-EEE declaration, kinds: [defence], states: [BBB], with: [EEE], from: 1980, to: 1981, note: a declaration without an assistance clause, source: %1$s}
                not_encoded:
                  - {name: BBB-EEE treaty of 1982, kinds: [defence], states: [EEE], with: [BBB], from: 1982, to: 1982, note: its security article was not read, unconfirmed: true, source: %1$s}
                """.formatted(SRC));
        eurosec = new Eurosec(new Eurosec.Sources(Optional.of(dir), Optional.empty(), List.of()));
    }

    private void write(String rel, String text) throws IOException {
        ReconcileWorld.write(dir, rel, text);
    }

    /**
     * The file: AAA and BBB both ways 1949-1990 (AAA towards BBB missing in 1960); CCC with AAA and
     * BBB 1954-1979; DDD and EEE 1959-1975; BBB and EEE 1980-1982; AAA towards EEE in 1985.
     */
    static String atop() {
        List<String> rows = new ArrayList<>();
        rows.add("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul");
        for (int y = 1949; y <= 1990; y++) {
            if (y != 1960) {
                rows.add("1,2," + y + ",1,0,0,0,1");
            }
            rows.add("2,1," + y + ",1,0,0,0,1");
        }
        for (int y = 1954; y <= 1979; y++) {
            rows.add("3,1," + y + ",1,0,0,0,0");
            rows.add("1,3," + y + ",1,0,0,0,0");
            rows.add("3,2," + y + ",1,0,0,0,0");
            rows.add("2,3," + y + ",1,0,0,0,0");
        }
        for (int y = 1959; y <= 1975; y++) {
            rows.add("4,5," + y + ",1,0,0,0,0");
            rows.add("5,4," + y + ",1,0,0,0,0");
        }
        for (int y = 1980; y <= 1982; y++) {
            rows.add("2,5," + y + ",1,0,0,0,0");
            rows.add("5,2," + y + ",1,0,0,0,0");
        }
        rows.add("1,5,1985,1,0,0,0,0");
        return String.join("\n", rows) + "\n";
    }

    private Reconcile.View reconcile(String csv, Optional<String> convention, List<String> choices) {
        return eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", csv, "file", convention, List.of("defence"), choices, false));
    }

    private static List<Reconcile.Row> rows(Reconcile.View v, String cause) {
        return v.rows().stream().filter(r -> r.cause().equals(cause)).toList();
    }

    @Test
    void everyDisagreementGetsTheCausePlantedForIt() {
        Reconcile.View v = reconcile(atop(), Optional.empty(), List.of());
        assertThat(v.years()).containsExactly(1949, 1990);
        // 5 states, 20 directed dyads, 42 years.
        assertThat(v.compared()).isEqualTo(840);
        assertThat(v.byCause()).containsEntry("convention", 8L).containsEntry("interpretation", 44L).containsEntry("fact", 10L)
                .containsEntry("missing", 7L).containsEntry("unexplained", 1L);
        assertThat(v.disagree()).isEqualTo(70);
        assertThat(v.agree()).isEqualTo(770);
        assertThat(v.unexplained()).isEqualTo(1);
        assertThat(v.byKind().get("defence").agree()).isEqualTo(770);
    }

    @Test
    void aConventionRowNamesTheInstrumentAndBothDates() {
        Reconcile.View v = reconcile(atop(), Optional.empty(), List.of());
        // The pact's founders: ATOP from signature (1949), eurosec from entry into force (1950).
        assertThat(rows(v, "convention")).anySatisfy(r -> {
            assertThat(r.year()).isEqualTo(1949);
            assertThat(List.of(r.state1(), r.state2())).containsExactly("AAA", "BBB");
            assertThat(r.dataset()).isEqualTo(1);
            assertThat(r.eurosec()).isZero();
            assertThat(r.instrument()).contains("pact-treaty");
            assertThat(r.eurosecDate()).contains(LocalDate.of(1950, 1, 1));
            assertThat(r.datasetDate()).contains(LocalDate.of(1949, 6, 1));
        });
        // CCC: from its accession protocol's signature (1954) in ATOP, from accession (1955) in eurosec.
        assertThat(rows(v, "convention").stream().filter(r -> r.year() == 1954)).hasSize(4).allSatisfy(r -> {
            assertThat(r.eurosecDate()).contains(LocalDate.of(1955, 3, 10));
            assertThat(r.datasetDate()).contains(LocalDate.of(1954, 5, 1));
        });
        assertThat(rows(v, "convention").stream().filter(r -> r.year() == 1959)).hasSize(2)
                .allSatisfy(r -> assertThat(r.instrument()).contains("ddd-eee"));
    }

    @Test
    void anInterpretationRowNamesTheOptionThatWouldAgreeAndThatOptionDoesAgree() {
        Reconcile.View v = reconcile(atop(), Optional.empty(), List.of());
        List<Reconcile.Row> rows = rows(v, "interpretation");
        assertThat(rows).hasSize(44).allSatisfy(r -> {
            assertThat(r.year()).isBetween(1980, 1990);
            assertThat(List.of(r.state1(), r.state2())).contains("CCC");
            assertThat(r.dataset()).isZero();
            assertThat(r.interpretation()).contains("inactive-membership");
            assertThat(r.option()).contains("active-only");
            assertThat(r.provisions()).containsExactly("pact-treaty/art-5");
        });
        Reconcile.View chosen = reconcile(atop(), Optional.empty(), List.of("inactive-membership=active-only"));
        assertThat(rows(chosen, "interpretation")).isEmpty();
        assertThat(chosen.agree()).isEqualTo(770 + 44);
    }

    @Test
    void aFactRowCarriesTheCrosswalkNoteAndSourceWhereEurosecIsAbsent() {
        Reconcile.View v = reconcile(atop(), Optional.empty(), List.of());
        assertThat(rows(v, "fact")).hasSize(10).allSatisfy(r -> {
            assertThat(r.year()).isBetween(1971, 1975);
            assertThat(r.dataset()).isEqualTo(1);
            assertThat(r.eurosec()).isZero();
            assertThat(r.instrument()).contains("ddd-eee");
            assertThat(r.provisions()).containsExactly("ddd-eee/art-1");
            assertThat(r.note()).hasValueSatisfying(n -> assertThat(n).contains("formal expiry"));
            assertThat(r.source()).contains(SRC);
        });
    }

    @Test
    void aMissingRowIsAPledgeNoEurosecInstrumentMakesAndTheCrosswalkSaysWhetherItIsOutOfScopeOrNotEncoded() {
        Reconcile.View v = reconcile(atop(), Optional.empty(), List.of());
        List<Reconcile.Row> missing = rows(v, "missing");
        // BBB-EEE both ways 1980-1982: a declaration left out on purpose (1980-1981), a treaty not read yet (1982).
        assertThat(missing.stream().filter(r -> r.state1().equals("BBB") || r.state2().equals("BBB"))).hasSize(6)
                .allSatisfy(r -> assertThat(r.source()).contains(SRC));
        assertThat(missing.stream().filter(r -> r.year() <= 1981 && r.state2().matches("BBB|EEE"))).hasSize(4)
                .allSatisfy(r -> assertThat(r.note()).contains("out of scope: BBB-EEE declaration. a declaration without an assistance clause"));
        assertThat(missing.stream().filter(r -> r.year() == 1982)).hasSize(2)
                .allSatisfy(r -> assertThat(r.note()).contains("not encoded: BBB-EEE treaty of 1982. its security article was not read"));
        assertThat(missing.stream().filter(r -> r.state1().equals("AAA"))).singleElement().satisfies(r -> {
            assertThat(r.year()).isEqualTo(1985);
            assertThat(r.state2()).isEqualTo("EEE");
            assertThat(r.note()).isEmpty();
            assertThat(r.source()).isEmpty();
        });
        assertThat(v.missing()).containsExactly(java.util.Map.entry("out_of_scope", 4L), java.util.Map.entry("not_encoded", 2L),
                java.util.Map.entry("no_entry", 1L));
        assertThat(v.byCause()).containsEntry("missing", 7L);
    }

    @Test
    void aCellOnlyEurosecCodesWithNoReasonStaysUnexplained() {
        Reconcile.View v = reconcile(atop(), Optional.empty(), List.of());
        assertThat(rows(v, "unexplained")).singleElement().satisfies(r -> {
            assertThat(r.year()).isEqualTo(1960);
            assertThat(List.of(r.state1(), r.state2())).containsExactly("AAA", "BBB");
            assertThat(r.dataset()).isZero();
            assertThat(r.eurosec()).isEqualTo(1);
            assertThat(r.provisions()).containsExactly("pact-treaty/art-5");
        });
    }

    @Test
    void underTheDatasetsConventionTheConventionRowsAgree() {
        Reconcile.View v = reconcile(atop(), Optional.of("atop"), List.of());
        assertThat(v.convention()).isEqualTo("atop");
        assertThat(v.byCause()).containsEntry("convention", 0L).containsEntry("interpretation", 44L).containsEntry("fact", 10L);
        assertThat(v.agree()).isEqualTo(770 + 8);
    }

    @Test
    void aFileWithoutThePledgesEurosecHasLeavesThemAllToBeExplained() {
        // Two rows of zeros naming AAA, BBB, CCC and EEE in 1985 (only states the file names are compared):
        // every eurosec pledge among them that year is then one the dataset lacks.
        Reconcile.View v = reconcile("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n1,5,1985,0,0,0,0,0\n2,3,1985,0,0,0,0,0\n",
                Optional.empty(), List.of());
        assertThat(v.years()).containsExactly(1985, 1985);
        // AAA-BBB both ways and CCC with both (frozen but counted by default): 6 cells, all the interpretation's but AAA-BBB.
        assertThat(v.disagree()).isEqualTo(6);
        assertThat(v.byCause()).containsEntry("interpretation", 4L).containsEntry("unexplained", 2L);
    }

    @Test
    void aBadCellOrAnUnknownCodeIsNamedWithTheFileAndLine() {
        String bad = "ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n1,2,1950,1,0,0,0,0\n1,2,1951,yes,0,0,0,0\n";
        assertThatThrownBy(() -> reconcile(bad, Optional.empty(), List.of())).isInstanceOf(QueryException.InvalidParameter.class)
                .hasMessageContaining("atop.csv:3:").hasMessageContaining("defense is 'yes'");
        String unknown = "ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n1,2,1950,1,0,0,0,0\n1,999,1950,1,0,0,0,0\n";
        assertThatThrownBy(() -> reconcile(unknown, Optional.empty(), List.of())).hasMessageContaining("atop.csv:3:")
                .hasMessageContaining("ccode 999").hasMessageContaining("--skip-unknown-states");
        Reconcile.View skipped = eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", unknown, "file", Optional.empty(), List.of("defence"),
                List.of(), true));
        assertThat(skipped.skippedRows()).isEqualTo(1);
        assertThatThrownBy(() -> reconcile("ccode1,year,defense\n1,1950,1\n", Optional.empty(), List.of())).hasMessageContaining("atop.csv:1:")
                .hasMessageContaining("no column 'ccode2'");
        assertThatThrownBy(() -> eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", atop(), "file", Optional.empty(), List.of("entente"),
                List.of(), false))).isInstanceOf(QueryException.InvalidParameter.class).hasMessageContaining("'entente' is not a kind atop codes");
        assertThatThrownBy(() -> reconcile(atop(), Optional.of("gregorian"), List.of())).hasMessageContaining("not a dating convention");
    }

    /**
     * An error quotes the file's own text cut short: a header of 50,000 characters without ccode1 (an
     * upload of megabytes on one line came back whole in the 400), or a cell that long.
     */
    @Test
    void aQuotedPieceOfTheFileIsCutShort() {
        String wide = "x".repeat(50_000);
        assertThatThrownBy(() -> reconcile(wide + "\n1\n", Optional.empty(), List.of()))
                .hasMessageContaining("atop.csv:1: no column 'ccode1'").hasMessageContaining("(50000 characters)")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
        String cell = "ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n1,2,1950," + "9".repeat(50_000) + ",0,0,0,0\n";
        assertThatThrownBy(() -> reconcile(cell, Optional.empty(), List.of())).hasMessageContaining("atop.csv:2:")
                .hasMessageContaining("defense is '999").hasMessageContaining("(50000 characters)")
                .satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
        String year = "ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n1,2," + "7".repeat(50_000) + ",1,0,0,0,0\n";
        assertThatThrownBy(() -> reconcile(year, Optional.empty(), List.of())).hasMessageContaining("year is '777")
                .hasMessageContaining("not a whole number").satisfies(e -> assertThat(e.getMessage().length()).isLessThan(400));
    }
}
