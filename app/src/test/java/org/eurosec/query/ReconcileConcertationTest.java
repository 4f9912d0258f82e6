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
 * A duty of concertation counted as consultation under a named reading, on a small world of its
 * own (the shape of the EU's CFSP article, which ATOP codes as a consultation pledge): a union of
 * AAA and BBB from 1958, CCC joining on 1995-01-01; the union's treaty, signed 1992-02-07 and in
 * force 1993-11-01, whose duty to inform and consult is Art. J.2 until 1999-05-01 and the renumbered
 * Art. 16 after, both of kind principle; the interpretation concertation counts both as consultation
 * under its option atop. The ATOP-format file, written for the test, codes consultation between AAA
 * and BBB 1992-2002, between CCC and each of the others 1995-2002, and CCC towards AAA in 1994 too,
 * before CCC joined. Compared the dataset's way (from signature), the expected counts follow from
 * those dates.
 */
class ReconcileConcertationTest {

    private static final String SRC = ReconcileWorld.SRC;

    @TempDir
    Path dir;

    private Eurosec eurosec;

    @BeforeEach
    void world() throws IOException {
        ReconcileWorld.metaAndStates(dir, "1949-01-01", "AAA", "BBB", "CCC");
        write("organisations/union.yaml", """
                id: union
                name: The Union
                kind: union
                exists: {from: 1958-01-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1958-01-01, source: %1$s}
                  - {state: BBB, from: 1958-01-01, source: %1$s}
                  - {state: CCC, from: 1995-01-01, source: %1$s}
                """.formatted(SRC));
        write("instruments/union-treaty.yaml", """
                id: union-treaty
                name: Union Treaty
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: 1992-02-07
                in_force: 1993-11-01
                source: %1$s
                parties: {organisation: union}
                provisions:
                  - {id: art-j-2, kind: principle, params: {principle: inform-and-consult}, ended: 1999-05-01, source: %1$s}
                  - {id: art-16, kind: principle, params: {principle: inform-and-consult}, in_force: 1999-05-01, source: %1$s}
                """.formatted(SRC));
        write("instruments/pact-48.yaml", """
                id: pact-48
                name: Pact of 1948
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: 1948-01-10
                in_force: 1948-02-01
                ended: 1996-01-01
                source: %1$s
                parties:
                  - {state: AAA, from: 1949-01-01, to: 1996-01-01, status: ratified, source: %1$s}
                  - {state: BBB, from: 1949-01-01, to: 1996-01-01, status: ratified, source: %1$s}
                provisions:
                  - {id: joint-action, kind: principle, params: {principle: joint-action-against-a-threat}, source: %1$s}
                """.formatted(SRC));
        write("interpretations.yaml", """
                interpretations:
                  - id: concertation
                    question: Does the union's duty to inform and consult count as a consultation pledge?
                    default: distinct
                    source: %1$s
                    options:
                      - {id: distinct, description: it does not}
                      - {id: atop, description: the dataset's reading, counts_as: consultation, applies_to: [union-treaty/art-j-2, union-treaty/art-16]}
                  - id: joint-action
                    question: Does an undertaking to joint action against a threat count as an offence pledge?
                    default: distinct
                    source: %1$s
                    options:
                      - {id: distinct, description: it does not}
                      - {id: atop, description: the dataset's reading, counts_as: offence, applies_to: [pact-48/joint-action]}
                """.formatted(SRC));
        write("crosswalk/atop.yaml", """
                dataset: atop
                name: Alliance Treaty Obligations and Provisions
                version: "5.1"
                dating: signature
                source: %1$s
                alliances:
                  - instrument: union-treaty
                    id: "9100"
                    source: %1$s
                """.formatted(SRC));
        eurosec = new Eurosec(new Eurosec.Sources(Optional.of(dir), Optional.empty(), List.of()));
    }

    private void write(String rel, String text) throws IOException {
        ReconcileWorld.write(dir, rel, text);
    }

    private static String atop() {
        List<String> rows = new ArrayList<>();
        rows.add("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul");
        for (int y = 1992; y <= 2002; y++) {
            String offense = y <= 1995 ? "1" : "0";
            rows.add("1,2," + y + ",0," + offense + ",0,0,1");
            rows.add("2,1," + y + ",0," + offense + ",0,0,1");
        }
        for (int y = 1995; y <= 2002; y++) {
            for (String d : List.of("1,3,", "3,1,", "2,3,", "3,2,")) {
                rows.add(d + y + ",0,0,0,0,1");
            }
        }
        rows.add("3,1,1994,0,0,0,0,1");
        return String.join("\n", rows) + "\n";
    }

    private Reconcile.View reconcile(List<String> choices) {
        return reconcile("consultation", choices);
    }

    private Reconcile.View reconcile(String kind, List<String> choices) {
        return eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", atop(), "file", Optional.of("atop"), List.of(kind), choices, false));
    }

    @Test
    void theDutyToConsultIsConsultationOnlyUnderTheDatasetsReadingThroughBothVersionsOfTheArticle() {
        Reconcile.View v = reconcile(List.of());
        assertThat(v.years()).containsExactly(1992, 2002);
        // 3 states, 6 directed dyads, 11 years.
        assertThat(v.compared()).isEqualTo(66);
        // AAA-BBB both ways 1992-2002, CCC with each of the others both ways 1995-2002: the union's article.
        List<Reconcile.Row> interpretation = v.rows().stream().filter(r -> r.cause().equals("interpretation")).toList();
        assertThat(interpretation).hasSize(2 * 11 + 4 * 8).allSatisfy(r -> {
            assertThat(r.dataset()).isEqualTo(1);
            assertThat(r.eurosec()).isZero();
            assertThat(r.interpretation()).contains("concertation");
            assertThat(r.option()).contains("atop");
        });
        // The article in force that year: Art. J.2 to 1998, Art. 16 from 2000.
        assertThat(interpretation.stream().filter(r -> r.year() <= 1998)).allSatisfy(r -> assertThat(r.provisions()).containsExactly("union-treaty/art-j-2"));
        assertThat(interpretation.stream().filter(r -> r.year() >= 2000)).allSatisfy(r -> assertThat(r.provisions()).containsExactly("union-treaty/art-16"));
        // CCC towards AAA in 1994: CCC was not yet a member, so no reading of eurosec's makes it.
        assertThat(v.rows().stream().filter(r -> r.cause().equals("missing"))).singleElement()
                .satisfies(r -> assertThat(List.of(r.state1(), r.state2(), String.valueOf(r.year()))).containsExactly("CCC", "AAA", "1994"));
        assertThat(v.disagree()).isEqualTo(54 + 1);
        assertThat(v.unexplained()).isZero();
    }

    @Test
    void underTheDatasetsReadingOnlyTheCellBeforeAccessionDiffers() {
        Reconcile.View atop = reconcile(List.of("concertation=atop"));
        assertThat(atop.disagree()).isEqualTo(1);
        assertThat(atop.agree()).isEqualTo(66 - 1);
    }

    @Test
    void anUndertakingToJointActionIsOffenceOnlyUnderTheDatasetsReading() {
        Reconcile.View v = reconcile("offence", List.of());
        // AAA-BBB both ways 1992-1995: the pact of 1948's clause, counted only under joint-action=atop.
        assertThat(v.rows()).hasSize(2 * 4).allSatisfy(r -> {
            assertThat(r.cause()).isEqualTo("interpretation");
            assertThat(r.year()).isBetween(1992, 1995);
            assertThat(r.interpretation()).contains("joint-action");
            assertThat(r.option()).contains("atop");
            assertThat(r.instrument()).contains("pact-48");
        });
        assertThat(reconcile("offence", List.of("joint-action=atop")).disagree()).isZero();
    }
}
