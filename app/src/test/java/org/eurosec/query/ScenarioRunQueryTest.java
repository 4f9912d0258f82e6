package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Scenario runs, instruments and panels answered by the application layer. */
class ScenarioRunQueryTest {

    private static final Eurosec E = Eurosec.embedded();

    @Test
    void aShippedScenarioRunsAndItsExpectationsHold() {
        ScenarioRun.View v = E.scenarioRun(new ScenarioRun.Query(Scenarios.Source.named("file", "georgia-nato-2009.yaml"), List.of(), List.of(), false));
        assertThat(v.file()).isEqualTo("scenarios/georgia-nato-2009.yaml");
        assertThat(v.regimes()).extracting(ScenarioRun.Column::regime).contains("status-quo", "est-2009");
        assertThat(v.regimes()).allSatisfy(c -> assertThat(c.expectations()).allMatch(ScenarioRun.Expectation::holds));
        assertThat(v.expectationsHold()).isTrue();
        assertThat(v.events()).extracting(ScenarioRun.EventLine::text).containsExactly("GEO -> nato");
        // No explanation unless asked for.
        assertThat(Json.write(v)).doesNotContain("\"explanation\"").doesNotContain("\"events\"").doesNotContain("\"description\"");
    }

    @Test
    void aBrokenScenarioFileIsTheCallersMistakeNamingTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("mine.yaml");
        Files.writeString(f, "name: mine\ndate: 2009-12-01\nregimes: [status-quo]\nevents:\n  - kind: accession-request\n    on: 2009-12-01\n    applicant: ZZZ\n    organisation: nato\n");
        assertThatThrownBy(() -> E.scenarioRun(new ScenarioRun.Query(Scenarios.Source.named("file", f.toString()), List.of(), List.of(), false)))
                .isInstanceOfSatisfying(QueryException.DataProblems.class, d -> {
                    assertThat(d.field()).isEqualTo("file");
                    assertThat(d.servers()).isFalse();
                    assertThat(d.problems()).isNotEmpty().allSatisfy(p -> assertThat(p.toString()).contains("mine.yaml"));
                });
    }

    @Test
    void anUnknownInstrumentIsAnUnknownIdAndTheListCanBeCutToADay() {
        assertThatThrownBy(() -> E.instrument(new Instruments.Query("nope")))
                .isInstanceOfSatisfying(QueryException.UnknownId.class, u -> {
                    assertThat(u.field()).isEqualTo("id");
                    assertThat(u.kind()).isEqualTo("instrument");
                    assertThat(u.id()).isEqualTo("nope");
                });
        Instruments.View nat = E.instrument(new Instruments.Query("North-Atlantic-Treaty-1949"));
        assertThat(nat.id()).isEqualTo("north-atlantic-treaty-1949");
        assertThat(nat.inForce().from()).isEqualTo(java.time.LocalDate.of(1949, 8, 24));
        List<String> all = E.instruments(new Instruments.ListQuery(Optional.empty())).instruments().stream().map(Instruments.Summary::id).toList();
        List<String> in1980 = E.instruments(new Instruments.ListQuery(Optional.of(java.time.LocalDate.of(1980, 1, 1)))).instruments().stream()
                .map(Instruments.Summary::id).toList();
        // The Charter of Paris (1990) and the Lisbon Treaty (2007) are not yet in force in 1980; the North Atlantic Treaty is.
        assertThat(all).contains("north-atlantic-treaty-1949", "charter-of-paris-1990");
        assertThat(in1980).contains("north-atlantic-treaty-1949").doesNotContain("charter-of-paris-1990", "treaty-of-lisbon-2007");
    }

    @Test
    void aPanelsRangeIsCheckedAgainstTheDataBeforeAnythingIsWritten() {
        assertThatThrownBy(() -> E.export(new Export.Query("bogus", Optional.empty(), Optional.empty(), false, "status-quo", List.of(), List.of())))
                .isInstanceOfSatisfying(QueryException.InvalidParameter.class, x -> assertThat(x.field()).isEqualTo("panel"));
        assertThatThrownBy(() -> E.export(new Export.Query("state-year", Optional.of("2000"), Optional.of("1990"), false, "status-quo", List.of(), List.of())))
                .isInstanceOfSatisfying(QueryException.InvalidParameter.class, x -> assertThat(x.field()).isEqualTo("to"));
        assertThatThrownBy(() -> E.export(new Export.Query("state-year", Optional.of("1500"), Optional.empty(), false, "status-quo", List.of(), List.of())))
                .isInstanceOfSatisfying(QueryException.InvalidParameter.class, x -> assertThat(x.field()).isEqualTo("from"));
        assertThatThrownBy(() -> E.export(new Export.Query("state-year", Optional.empty(), Optional.empty(), true, "status-quo", List.of(), List.of())))
                .isInstanceOfSatisfying(QueryException.InvalidParameter.class, x -> assertThat(x.field()).isEqualTo("directed"));
        StringBuilder csv = new StringBuilder();
        E.export(new Export.Query("state-year", Optional.of("1990"), Optional.of("1990"), false, "status-quo", List.of(), List.of())).csv(csv);
        String[] lines = csv.toString().split("\n");
        assertThat(lines[0]).startsWith("year,ccode,iso3");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("1990,2,USA,"));
    }
}
