package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disagreement that only two interpretation options together explain. The world: AAA and BBB
 * bound 1950-1954 by a treaty whose assistance clause carries cond-x, voided by the default of
 * x-reading, and from 1955 by one whose clause carries cond-x and cond-y, each voided by the default
 * of its own interpretation (as the Soviet undertaking to Finland is before and after 1992); AAA
 * and CCC bound from 1950 by a treaty whose clause carries cond-x only. The ATOP-format file codes
 * both pairs, both ways, 1950-1959: AAA-CCC and AAA-BBB to 1954 are explained by x-reading=counts
 * alone, AAA-BBB from 1955 only by x-reading=counts with y-reading=counts.
 */
class ReconcilePairTest {

    private static final String SRC = ReconcileWorld.SRC;

    @TempDir
    Path dir;

    private Eurosec eurosec;

    @BeforeEach
    void world() throws IOException {
        ReconcileWorld.metaAndStates(dir, "1950-01-01", "AAA", "BBB", "CCC");
        treaty("aaa-bbb-early", "BBB", "[cond-x]", "1950-01-01", "1955-01-01");
        treaty("aaa-bbb", "BBB", "[cond-x, cond-y]", "1955-01-01", null);
        treaty("aaa-ccc", "CCC", "[cond-x]", "1950-01-01", null);
        write("interpretations.yaml", """
                interpretations:
                  - id: x-reading
                    question: Does an undertaking under condition x count?
                    default: excluded
                    source: %1$s
                    options:
                      - {id: excluded, description: it does not, exclude_conditions: [cond-x]}
                      - {id: counts, description: it does}
                  - id: y-reading
                    question: Does an undertaking under condition y count?
                    default: excluded
                    source: %1$s
                    options:
                      - {id: excluded, description: it does not, exclude_conditions: [cond-y]}
                      - {id: counts, description: it does}
                """.formatted(SRC));
        eurosec = new Eurosec(new Eurosec.Sources(Optional.of(dir), Optional.empty(), List.of()));
    }

    private void treaty(String id, String partner, String conditions, String from, String to) throws IOException {
        String end = to == null ? "" : ", to: " + to;
        write("instruments/" + id + ".yaml", """
                id: %2$s
                name: Treaty %2$s
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: %5$s
                in_force: %5$s
                in_force_basis: on-signature
                %6$s
                source: %1$s
                parties:
                  - {state: AAA, from: %5$s%7$s, status: ratified, source: %1$s}
                  - {state: %3$s, from: %5$s%7$s, status: ratified, source: %1$s}
                provisions:
                  - {id: art-1, kind: mutual-assistance, params: {assistance: automatic, conditions: %4$s}, source: %1$s}
                """.formatted(SRC, id, partner, conditions, from, to == null ? "" : "ended: " + to, end));
    }

    private void write(String rel, String text) throws IOException {
        ReconcileWorld.write(dir, rel, text);
    }

    private static String atop() {
        List<String> rows = new ArrayList<>();
        rows.add("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul");
        for (int y = 1950; y <= 1959; y++) {
            for (String pair : List.of("1,2", "2,1", "1,3", "3,1")) {
                rows.add(pair + "," + y + ",1,0,0,0,0");
            }
        }
        return String.join("\n", rows) + "\n";
    }

    private Reconcile.View reconcile(List<String> choices) {
        return eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", atop(), "file", Optional.empty(), List.of("defence"), choices, false));
    }

    @Test
    void twoOptionsTogetherExplainWhatNeitherDoesAlone() {
        Reconcile.View v = reconcile(List.of());
        // 1950-1959: 3 states, 6 directed dyads; eurosec holds nothing under the defaults.
        assertThat(v.compared()).isEqualTo(60);
        assertThat(v.disagree()).isEqualTo(40);
        assertThat(v.unexplained()).isZero();
        assertThat(v.byCause()).containsEntry("interpretation", 40L);
        List<Reconcile.Row> withCcc = v.rows().stream().filter(r -> r.state2().equals("CCC") || r.state1().equals("CCC")).toList();
        assertThat(withCcc).hasSize(20).allSatisfy(r -> {
            assertThat(r.interpretation()).contains("x-reading");
            assertThat(r.option()).contains("counts");
            assertThat(r.note()).isEmpty();
        });
        List<Reconcile.Row> withBbb = v.rows().stream().filter(r -> r.state2().equals("BBB") || r.state1().equals("BBB")).toList();
        assertThat(withBbb).hasSize(20).allSatisfy(r -> {
            assertThat(r.interpretation()).contains("x-reading");
            assertThat(r.option()).contains("counts");
        });
        assertThat(withBbb.stream().filter(r -> r.year() < 1955)).hasSize(10).allSatisfy(r -> assertThat(r.note()).isEmpty());
        assertThat(withBbb.stream().filter(r -> r.year() >= 1955)).hasSize(10).allSatisfy(r -> {
            assertThat(r.note()).hasValueSatisfying(n -> assertThat(n).contains("only together with y-reading=counts"));
            assertThat(r.provisions()).containsExactly("aaa-bbb/art-1");
        });
    }

    @Test
    void withBothOptionsChosenEveryCellAgrees() {
        assertThat(reconcile(List.of("x-reading=counts")).disagree()).isEqualTo(10);
        Reconcile.View both = reconcile(List.of("x-reading=counts", "y-reading=counts"));
        assertThat(both.disagree()).isZero();
        assertThat(both.agree()).isEqualTo(60);
    }

    /**
     * The search for a pair is work an upload is held to: with no panel to spare for it the question
     * stops with TooMuchWork (the server's 422) naming the command to run instead; with one, or with
     * the upload's budget, the answer is the one without a limit, so the budget only ever stops the
     * search and never changes what it finds.
     */
    @Test
    void theSearchForAPairIsHeldToTheBudgetAndOtherwiseUnchanged() {
        Reconcile.View free = reconcile(List.of());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> budgeted(0)).isInstanceOf(QueryException.TooMuchWork.class)
                .hasMessageContaining("more than 0 of eurosec's panels").hasMessageContaining("eurosec reconcile");
        assertThat(budgeted(1)).isEqualTo(free);
        assertThat(budgeted(Reconcile.UPLOAD_SEARCH_PANELS)).isEqualTo(free);
        // An upload carries that budget.
        Reconcile.Query upload = Reconcile.Query.upload(atop(), Params.of(java.util.Map.of("dataset", List.of("atop"))));
        assertThat(upload.panelBudget()).hasValue(Reconcile.UPLOAD_SEARCH_PANELS);
    }

    private Reconcile.View budgeted(int panels) {
        return eurosec.reconcile(new Reconcile.Query("atop", "atop.csv", atop(), "file", Optional.empty(), List.of("defence"), List.of(), false,
                java.util.OptionalInt.of(panels)));
    }
}
