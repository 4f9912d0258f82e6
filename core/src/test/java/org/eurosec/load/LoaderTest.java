package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.eurosec.Fixture;
import org.eurosec.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {

    @TempDir
    Path dir;

    private List<String> problems(Fixture f) {
        return ArchitectureLoader.check(f.dir(), "d").stream().map(Problem::toString).toList();
    }

    @Test
    void theMinimalFixtureLoadsCleanly() {
        Architecture a = ArchitectureLoader.load(Fixture.minimal(dir).dir(), "d");
        assertThat(a.states()).containsOnlyKeys("AAA", "BBB", "CCC", "DDD");
        assertThat(a.organisations()).containsOnlyKeys("pact", "osce");
        assertThat(a.provision("pact-treaty/art-2")).isPresent();
        assertThat(a.provision("pact-treaty/art-2").get().article()).isEqualTo("art_2");
    }

    @Test
    void anUnknownIdIsReportedWithFileAndLine() {
        Fixture f = Fixture.minimal(dir);
        f.write("organisations/pact.yaml", """
                id: pact
                name: The Pact
                exists: {from: 1950-01-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1950-01-01, source: %1$s}
                  - {state: ZZZ, from: 1950-01-01, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p)
                .startsWith("d/organisations/pact.yaml:7:").contains("unknown state id 'ZZZ'"));
    }

    @Test
    void recognitionsAndMandatesAreReadAndCheckedWithFileAndLine() {
        Fixture f = Fixture.minimal(dir);
        f.write("recognitions.yaml", """
                cases:
                  - {entity: CCC, parent: AAA, source: %1$s}
                recognitions:
                  - {entity: CCC, by: BBB, from: 1960-01-01, source: %1$s}
                  - {entity: CCC, by: DDD, stance: rejects, source: %1$s}
                """.formatted(Fixture.SRC));
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        assertThat(a.recognitions().acts()).hasSize(2);
        assertThat(a.recognitions().acts().get(1).stance().name()).isEqualTo("REJECTS");
        f.write("recognitions.yaml", """
                cases:
                  - {entity: CCC, parent: AAA, source: %1$s}
                recognitions:
                  - {entity: CCC, by: BBB, from: 1960-01-01, source: %1$s}
                  - {entity: BBB, by: AAA, from: 1960-01-01, source: %1$s}
                  - {entity: CCC, by: ZZZ, stance: doubts, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p).startsWith("d/recognitions.yaml:5:").contains("not one of the cases"))
                .anySatisfy(p -> assertThat(p).startsWith("d/recognitions.yaml:6:").contains("unknown state id 'ZZZ'"))
                .anySatisfy(p -> assertThat(p).startsWith("d/recognitions.yaml:6:").contains("doubts"));
        f.write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                exists: {from: 1975-08-01, source: %1$s}
                source: %1$s
                mandate:
                  - {dimension: human, from: 1975-08-01, source: %1$s}
                  - {dimension: hard-power, from: 1975-08-01, source: %1$s}
                members:
                  - {state: AAA, from: 1975-08-01, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p).startsWith("d/organisations/forum.yaml:7:").contains("hard-power"));
    }

    @Test
    void anEndBeforeAStartIsReported() {
        Fixture f = Fixture.minimal(dir);
        f.write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                exists: {from: 1975-08-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1975-08-01, to: 1970-01-01, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p)
                .startsWith("d/organisations/forum.yaml:6:").contains("ends (1970-01-01) before it starts (1975-08-01)"));
    }

    @Test
    void overlappingSpellsOfOneActorAreReported() {
        Fixture f = Fixture.minimal(dir);
        f.write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                exists: {from: 1975-08-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1975-08-01, to: 1990-01-01, source: %1$s}
                  - {state: BBB, from: 1975-08-01, source: %1$s}
                  - {state: AAA, from: 1989-06-01, status: suspended, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p)
                .startsWith("d/organisations/forum.yaml:8:").contains("overlap"));
    }

    @Test
    void consecutiveSpellsDoNotOverlap() {
        Fixture f = Fixture.minimal(dir);
        // CCC's member spell ends on the day its frozen spell starts: half-open spells touch, they do not overlap.
        assertThat(problems(f)).isEmpty();
    }

    @Test
    void aFactWithoutASourceIsReported() {
        Fixture f = Fixture.minimal(dir);
        f.write("states.yaml", """
                states:
                  - {id: AAA, name: Aland, iso3: AAA, ccode: 1, source: %1$s, exists: [{from: 1900-01-01, source: %1$s}]}
                  - {id: BBB, name: Bland, iso3: BBB, ccode: 2, source: %1$s, exists: [{from: 1900-01-01}]}
                  - {id: CCC, name: Cland, iso3: CCC, ccode: 3, source: %1$s, exists: [{from: 1950-01-01, source: %1$s}]}
                  - {id: DDD, name: Dland, iso3: DDD, ccode: 4, exists: [{from: 1900-01-01, source: %1$s}]}
                """.formatted(Fixture.SRC));
        assertThat(problems(f))
                .anySatisfy(p -> assertThat(p).startsWith("d/states.yaml:3:").contains("has no source"))
                .anySatisfy(p -> assertThat(p).startsWith("d/states.yaml:5:").contains("state DDD has no source"));
    }

    @Test
    void aSourceMustBeAUrl() {
        Fixture f = Fixture.minimal(dir);
        f.write("instruments/forum-act.yaml", """
                id: forum-act
                name: Forum Act
                legal_force: political
                in_force: 1975-08-01
                source: the newspaper
                parties: {organisation: osce}
                """);
        assertThat(problems(f)).anySatisfy(p -> assertThat(p)
                .startsWith("d/instruments/forum-act.yaml:5:").contains("is not a URL"));
    }

    @Test
    void anUnknownProvisionKindNamesTheClosedSet() {
        Fixture f = Fixture.minimal(dir);
        f.write("instruments/forum-act.yaml", """
                id: forum-act
                name: Forum Act
                legal_force: political
                in_force: 1975-08-01
                source: %1$s
                parties: {organisation: osce}
                provisions:
                  - {id: p-1, kind: friendship, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p)
                .startsWith("d/instruments/forum-act.yaml:8:").contains("unknown kind 'friendship'").contains("collective-defence"));
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        Fixture f = Fixture.minimal(dir);
        f.write("organisations/forum.yaml", "id: osce\nname: [unclosed\nexists: {from: 1975-08-01}\n");
        assertThat(problems(f)).anySatisfy(p -> assertThat(p).startsWith("d/organisations/forum.yaml:").contains("not valid YAML"));
    }

    @Test
    void aSpellOutsideTheStatesExistenceIsReported() {
        Fixture f = Fixture.minimal(dir);
        f.write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                exists: {from: 1940-01-01, source: %1$s}
                source: %1$s
                members:
                  - {state: CCC, from: 1945-01-01, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p)
                .startsWith("d/organisations/forum.yaml:6:").contains("CCC does not exist"));
    }

    @Test
    void aBadDateAndAnUnknownFieldAreBothReported() {
        Fixture f = Fixture.minimal(dir);
        f.write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                exists: {from: 1975-08-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1975-02-30, source: %1$s}
                  - {state: BBB, from: 1975-08-01, sorce: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f))
                .anySatisfy(p -> assertThat(p).startsWith("d/organisations/forum.yaml:6:").contains("is not a date"))
                .anySatisfy(p -> assertThat(p).startsWith("d/organisations/forum.yaml:7:").contains("unknown field 'sorce'"));
    }

    @Test
    void loadThrowsWithEveryProblem() {
        Fixture f = Fixture.minimal(dir);
        f.write("meta.yaml", "covers_from: 1949-01-01\nfacts_checked_through: 1948-01-01\n");
        assertThatThrownBy(() -> ArchitectureLoader.load(f.dir(), "d")).isInstanceOf(DataException.class)
                .satisfies(e -> assertThat(((DataException) e).problems()).extracting(Problem::toString)
                        .anySatisfy(p -> assertThat(p).startsWith("d/meta.yaml:2:")));
    }

    @Test
    void anInterpretationNamingAConditionNoProvisionHasIsReported() {
        Fixture f = Fixture.minimal(dir);
        f.write("interpretations.yaml", """
                interpretations:
                  - id: agreed-assistance
                    question: Is help subject to mutual agreement a guarantee?
                    default: counts
                    source: %1$s
                    options:
                      - {id: counts, description: yes}
                      - {id: not-a-guarantee, description: no, exclude_conditions: [subject-to-mutual-agremeent]}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p).startsWith("d/interpretations.yaml:8:")
                .contains("condition 'subject-to-mutual-agremeent' appears in no provision"));
    }
}
