package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.eurosec.Fixture;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Organisation;
import org.eurosec.model.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of data file has its own reader: a mistake in one file is reported by that file's reader,
 * with the file and line, and the whole load reports exactly that one problem (no other reader
 * repeats or hides it). References to other files are only recorded by a reader and resolved once
 * everything is read.
 */
class ReadersTest {

    @TempDir
    Path dir;

    private static final String SRC = Fixture.SRC;

    /** What {@code read} reports for the file alone, as {@code file:line: message} lines. */
    private static List<String> alone(Consumer<LoadContext> read) {
        LoadContext ctx = new LoadContext("d");
        read.accept(ctx);
        return ctx.problems().stream().map(Problem::toString).toList();
    }

    private List<String> whole(Fixture f) {
        return ArchitectureLoader.check(f.dir(), "d").stream().map(Problem::toString).toList();
    }

    @Test
    void metaReaderReportsItsDates() {
        Fixture f = Fixture.minimal(dir).write("meta.yaml", "covers_from: 1949-01-01\nfacts_checked_through: 1948-06-30\n");
        String expected = "d/meta.yaml:2: facts_checked_through 1948-06-30 is before covers_from 1949-01-01";
        assertThat(alone(ctx -> assertThat(new MetaReader(ctx).read(f.dir().resolve("meta.yaml"))).isEmpty())).containsExactly(expected);
        assertThat(whole(f)).containsExactly(expected);
    }

    @Test
    void statesReaderReportsOverlappingSpells() {
        Fixture f = Fixture.minimal(dir).write("states.yaml", """
                states:
                  - {id: AAA, name: Aland, iso3: AAA, ccode: 1, source: %1$s, exists: [{from: 1900-01-01, source: %1$s}]}
                  - {id: BBB, name: Bland, iso3: BBB, ccode: 2, source: %1$s, exists: [{from: 1900-01-01, source: %1$s}]}
                  - {id: CCC, name: Cland, iso3: CCC, ccode: 3, source: %1$s, exists: [{from: 1950-01-01, source: %1$s}]}
                  - {id: DDD, name: Dland, iso3: DDD, ccode: 4, source: %1$s,
                     exists: [{from: 1900-01-01, to: 1945-01-01, source: %1$s}, {from: 1944-01-01, source: %1$s}]}
                """.formatted(SRC));
        String expected = "d/states.yaml:6: state DDD existence spells overlap: [1944-01-01, open) overlaps [1900-01-01, 1945-01-01) (line 6)";
        Map<String, State> states = new LinkedHashMap<>();
        assertThat(alone(ctx -> new StatesReader(ctx).read(f.dir().resolve("states.yaml"), states))).containsExactly(expected);
        assertThat(states).containsOnlyKeys("AAA", "BBB", "CCC", "DDD");
        assertThat(whole(f)).containsExactly(expected);
    }

    @Test
    void organisationReaderReportsAStatusOutsideItsSet() {
        Fixture f = Fixture.minimal(dir).write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                kind: forum
                exists: {from: 1975-08-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1975-08-01, source: %1$s}
                  - {state: BBB, from: 1975-08-01, source: %1$s}
                  - {state: CCC, from: 1975-08-01, source: %1$s}
                  - {state: DDD, from: 1975-08-01, status: honorary, source: %1$s}
                """.formatted(SRC));
        List<String> problems = alone(ctx -> new OrganisationReader(ctx).read(f.dir().resolve("organisations/forum.yaml")));
        assertThat(problems).singleElement().asString()
                .startsWith("d/organisations/forum.yaml:10: organisation osce member status 'honorary' is not one of: member, ");
        assertThat(whole(f)).isEqualTo(problems);
    }

    @Test
    void instrumentReaderReportsItsDatesAndItsProvisions() {
        Fixture f = Fixture.minimal(dir).write("instruments/pact-treaty.yaml", """
                id: pact-treaty
                name: Pact Treaty
                legal_force: binding
                signed: 1949-12-01
                in_force: 1950-01-01
                ended: 1949-06-01
                source: %1$s
                parties: {organisation: pact}
                provisions:
                  - {id: art-1, kind: consultation, source: %1$s}
                  - {id: art-2, kind: collective-defence, params: {assistance: automatic}, source: %1$s}
                  - {id: art-3, kind: accession-rule, source: %1$s}
                  - {id: art-4, kind: mutual-defence, source: %1$s}
                """.formatted(SRC));
        List<String> problems = alone(ctx -> new InstrumentReader(ctx).read(f.dir().resolve("instruments/pact-treaty.yaml")));
        assertThat(problems).hasSize(2);
        assertThat(problems.get(0)).isEqualTo("d/instruments/pact-treaty.yaml:6: instrument pact-treaty: ended 1949-06-01 is not after in_force 1950-01-01");
        assertThat(problems.get(1)).startsWith("d/instruments/pact-treaty.yaml:13: provision pact-treaty/art-4: unknown kind 'mutual-defence' (the closed set is: ");
        assertThat(whole(f)).containsExactlyElementsOf(problems);
    }

    @Test
    void interpretationsReaderReportsADefaultThatIsNoOption() {
        Fixture f = Fixture.minimal(dir).write("interpretations.yaml", """
                interpretations:
                  - id: inactive-membership
                    question: Does a frozen membership count?
                    default: frozen-count
                    source: %1$s
                    options:
                      - {id: frozen-counts, description: frozen counts, party_statuses: [member, frozen]}
                      - {id: active-only, description: only active members, party_statuses: [member]}
                """.formatted(SRC));
        String expected = "d/interpretations.yaml:4: interpretation inactive-membership: default 'frozen-count' is not one of its options";
        assertThat(alone(ctx -> new InterpretationsReader(ctx).read(f.dir().resolve("interpretations.yaml"), new LinkedHashMap<>())))
                .containsExactly(expected);
        assertThat(whole(f)).containsExactly(expected);
    }

    @Test
    void interpretationsReaderReportsACountsAsKindThePanelsCannotCountOrWithoutProvisions() {
        Fixture f = Fixture.minimal(dir).write("interpretations.yaml", """
                interpretations:
                  - id: force-pledges
                    question: Does a promise not to use force count as non-aggression?
                    default: distinct
                    source: %1$s
                    options:
                      - {id: distinct, description: no}
                      - {id: atop, description: as defence, counts_as: collective-defence, applies_to: [pact-treaty/art-2]}
                      - {id: bare, description: nothing named, counts_as: non-aggression}
                """.formatted(SRC));
        List<String> problems = alone(ctx -> new InterpretationsReader(ctx).read(f.dir().resolve("interpretations.yaml"), new LinkedHashMap<>()));
        assertThat(problems).containsExactly(
                "d/interpretations.yaml:8: interpretation force-pledges: counts_as 'collective-defence' is not a kind the panels can count a"
                        + " provision as (expected one of offence, neutrality, non-aggression, consultation)",
                "d/interpretations.yaml:9: interpretation force-pledges: counts_as needs applies_to (the provisions it counts as non-aggression)");
        assertThat(whole(f)).containsExactlyElementsOf(problems);
    }

    @Test
    void recognitionsReaderReportsAnActOutsideItsCases() {
        Fixture f = Fixture.minimal(dir).write("recognitions.yaml", """
                cases:
                  - {entity: CCC, parent: AAA, source: %1$s}
                recognitions:
                  - {entity: CCC, by: BBB, from: 1960-01-01, source: %1$s}
                  - {entity: DDD, by: BBB, from: 1960-01-01, source: %1$s}
                """.formatted(SRC));
        String expected = "d/recognitions.yaml:5: recognition of DDD by BBB: 'DDD' is not one of the cases (CCC)";
        assertThat(alone(ctx -> new RecognitionsReader(ctx).read(f.dir().resolve("recognitions.yaml")))).containsExactly(expected);
        assertThat(whole(f)).containsExactly(expected);
    }

    @Test
    void positionsReaderReportsAnAnswerThatIsNotOneOfTheQuestions() {
        Fixture f = Fixture.minimal(dir).write("positions.yaml", """
                questions:
                  - {id: pact-open, text: Should the pact admit DDD, answers: [admit, refuse], source: %1$s}
                positions:
                  - {actor: AAA, question: pact-open, answer: admit, date: 2001-01-01, strength: stated, said_by: a minister,
                     summary: for, source: %1$s}
                  - {actor: BBB, question: pact-open, answer: perhaps, date: 2001-01-01, strength: stated, said_by: a minister,
                     summary: undecided, source: %1$s}
                """.formatted(SRC));
        String expected = "d/positions.yaml:6: position of BBB on pact-open: 'perhaps' is not an answer to it (admit, refuse, or open)";
        assertThat(alone(ctx -> new PositionsReader(ctx).read(f.dir().resolve("positions.yaml")))).containsExactly(expected);
        assertThat(whole(f)).containsExactly(expected);
    }

    @Test
    void aReferenceToAnotherFileIsResolvedOnlyOnceEverythingIsRead() {
        Fixture f = Fixture.minimal(dir).write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                exists: {from: 1975-08-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1975-08-01, source: %1$s}
                  - {state: EEE, from: 1975-08-01, source: %1$s}
                """.formatted(SRC));
        LoadContext ctx = new LoadContext("d");
        Organisation forum = new OrganisationReader(ctx).read(f.dir().resolve("organisations/forum.yaml")).orElseThrow();
        assertThat(ctx.problems()).isEmpty();
        Map<String, State> states = new LinkedHashMap<>();
        new StatesReader(ctx).read(f.dir().resolve("states.yaml"), states);
        ctx.references().resolve(ctx.problems(), states, Map.of("osce", forum), new TreeMap<String, Instrument>());
        assertThat(ctx.problems()).extracting(Problem::toString)
                .containsExactly("d/organisations/forum.yaml:7: organisation osce member: unknown state id 'EEE'");
        assertThat(whole(f)).containsExactly("d/organisations/forum.yaml:7: organisation osce member: unknown state id 'EEE'");
    }

    @Test
    void theFixtureItselfIsClean() {
        Architecture a = ArchitectureLoader.load(Fixture.minimal(dir).dir(), "d");
        assertThat(a.organisations()).containsOnlyKeys("pact", "osce");
    }
}
