package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eurosec.load.EmbeddedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether the regimes disagree on a row of a comparison is decided from their findings. */
class CompareDisagreementTest {

    private static final Eurosec E = Eurosec.embedded();

    private static Compare.View georgia(String... regimes) {
        return E.compare(new Compare.Query(Compare.shipped("scenario", "georgia-nato-2009"), List.of(regimes), List.of()));
    }

    @Test
    void georgiaUnderTheStatusQuoAndThe2009DraftDiffersOnlyOnWhoMayBlock() {
        Compare.View v = georgia("status-quo", "est-2009");
        assertThat(v.regimes()).containsExactly("status-quo", "est-2009");
        List<Compare.Row> disagreeing = v.rows().stream().filter(Compare.Row::disagree).toList();
        // The 2009 draft's Art. 1 (read with Art. 9) lets every other party object to an accession that
        // affects its security: a may-block finding the status quo has no counterpart for.
        assertThat(disagreeing).hasSize(1);
        Compare.Row block = disagreeing.get(0);
        assertThat(block.effect()).isEqualTo("may-block");
        assertThat(block.provision()).isEqualTo("est-2009/art-1");
        assertThat(block.cells()).containsOnlyKeys("est-2009");
        assertThat(block.cells().get("est-2009").actors()).contains("RUS", "USA");
        // Elsewhere both regimes find the same: NATO's members decide under Art. 10, each may block,
        // and Georgia is free to choose its alliances under the Helsinki, Paris and Istanbul texts.
        List<Compare.Row> agreeing = v.rows().stream().filter(r -> !r.disagree()).toList();
        assertThat(agreeing).isNotEmpty();
        for (Compare.Row r : agreeing) {
            assertThat(r.cells()).containsOnlyKeys("status-quo", "est-2009");
            assertThat(r.cells().get("status-quo")).isEqualTo(r.cells().get("est-2009"));
        }
        assertThat(agreeing).anySatisfy(r -> {
            assertThat(r.effect()).isEqualTo("may-block");
            assertThat(r.provision()).isEqualTo("north-atlantic-treaty-1949/art-10");
        });
    }

    @Test
    void aRowOnlyOneOfThreeRegimesHasIsADisagreementAndOneRegimeAloneNeverDisagrees() {
        Compare.View three = georgia("status-quo", "est-2009", "esd-west");
        assertThat(three.rows().stream().filter(Compare.Row::disagree).map(Compare.Row::provision))
                .containsExactlyInAnyOrder("est-2009/art-1", "esd-west-framework/free-choice");
        Compare.View one = georgia("est-2009");
        assertThat(one.rows()).isNotEmpty().noneMatch(Compare.Row::disagree);
    }

    @Test
    void theDisagreementIsInTheJson() {
        String json = Json.write(georgia("status-quo", "est-2009"));
        assertThat(json).contains("\"disagree\" : true").contains("\"disagree\" : false");
    }

    @Test
    void anUploadedScenarioWithProblemsIsTheCallersMistakeNamedAsTheUpload(@TempDir Path folder) throws Exception {
        assertThatThrownBy(() -> Compare.uploaded("name: [unclosed\n", folder, s -> E.compare(new Compare.Query(s, List.of(), List.of()))))
                .isInstanceOfSatisfying(QueryException.DataProblems.class, d -> {
                    assertThat(d.field()).isEqualTo("body");
                    assertThat(d.servers()).isFalse();
                    assertThat(d.getMessage()).contains("uploaded scenario").doesNotContain(folder.toString());
                });
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
        String yaml = Files.readString(EmbeddedData.scenariosDirectory().resolve("georgia-nato-2009.yaml"));
        Compare.View v = Compare.uploaded(yaml, folder, s -> E.compare(new Compare.Query(s, List.of("status-quo", "est-2009"), List.of())));
        assertThat(Json.write(v)).isEqualTo(Json.write(georgia("status-quo", "est-2009")));
        try (var left = Files.list(folder)) {
            assertThat(left).isEmpty();
        }
        assertThatThrownBy(() -> Compare.uploaded(" ", folder, s -> E.compare(new Compare.Query(s, List.of(), List.of()))))
                .isInstanceOfSatisfying(QueryException.InvalidParameter.class, x -> assertThat(x.field()).isEqualTo("body"));
    }

    @Test
    void anUnknownShippedScenarioIsAnUnknownId() {
        assertThatThrownBy(() -> Compare.Query.of(Params.of(java.util.Map.of("scenario", List.of("pom")))))
                .isInstanceOfSatisfying(QueryException.UnknownId.class, u -> {
                    assertThat(u.field()).isEqualTo("scenario");
                    assertThat(u.kind()).isEqualTo("scenario");
                    assertThat(u.getMessage()).contains("georgia-nato-2009");
                });
        assertThatThrownBy(() -> Compare.Query.of(Params.of(java.util.Map.of())))
                .isInstanceOfSatisfying(QueryException.InvalidParameter.class, x -> assertThat(x.field()).isEqualTo("scenario"));
    }
}
