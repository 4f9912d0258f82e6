package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eurosec.Fixture;
import org.eurosec.model.Architecture;
import org.eurosec.model.Crosswalk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code data/crosswalk/*.yaml}: read against the data, every mistake reported with file and line. */
class CrosswalkLoaderTest {

    @TempDir
    Path dir;

    private static final String HEAD = """
            dataset: atop
            name: Alliance Treaty Obligations and Provisions
            version: "5.1"
            dating: signature
            source: %1$s
            """.formatted(Fixture.SRC);

    private List<String> problems(String body) {
        Fixture f = Fixture.minimal(dir).write("crosswalk/atop.yaml", HEAD + body);
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        return CrosswalkLoader.check(f.dir(), "d", a).stream().map(Problem::toString).toList();
    }

    @Test
    void aWellFormedCrosswalkIsReadWithItsAccessionsAmendmentsAndNotes() {
        Fixture f = Fixture.minimal(dir).write("crosswalk/atop.yaml", HEAD + """
                alliances:
                  - instrument: pact-treaty
                    id: "9001"
                    source: %1$s
                    accessions:
                      - {states: [CCC], signed: 1954-06-01, source: %1$s}
                    amendments:
                      - {provision: pact-treaty/art-2, signed: 1949-11-01, source: %1$s}
                    differences:
                      - {kinds: [consultation], parties: true, note: the dataset reads art. 1 otherwise, source: %1$s}
                  - instrument: shield
                    unconfirmed: true
                    source: %1$s
                out_of_scope:
                  - {name: A pledge we leave out, states: [BBB], with: [DDD], from: 1960, to: 1970, note: no assistance clause, source: %1$s}
                not_encoded:
                  - {name: A treaty not read yet, kinds: [neutrality], states: [AAA], with: [CCC], from: 1992, note: its security article was not read, unconfirmed: true, source: %1$s}
                """.formatted(Fixture.SRC));
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        Map<String, Crosswalk> c = CrosswalkLoader.load(f.dir(), "d", a);
        Crosswalk atop = c.get("atop");
        assertThat(atop.dating()).isEqualTo(Crosswalk.Dating.SIGNATURE);
        assertThat(atop.alliances()).hasSize(2);
        Crosswalk.Entry pact = atop.alliances().get(0);
        assertThat(pact.id()).contains("9001");
        assertThat(pact.accessions().get(0).signed()).isEqualTo(LocalDate.of(1954, 6, 1));
        assertThat(pact.amendments().get(0).provision()).isEqualTo("pact-treaty/art-2");
        assertThat(pact.differences().get(0).parties()).isTrue();
        assertThat(atop.alliances().get(1).unconfirmed()).isTrue();
        Crosswalk.Note out = atop.outOfScope().get(0);
        assertThat(out.names("BBB", "DDD")).isTrue();
        assertThat(out.names("DDD", "BBB")).isTrue();
        assertThat(out.names("AAA", "DDD")).isFalse();
        assertThat(out.covers("defence", 1965)).isTrue();
        assertThat(out.covers("defence", 1971)).isFalse();
        assertThat(atop.notEncoded()).singleElement().satisfies(n -> {
            assertThat(n.name()).contains("A treaty not read yet");
            assertThat(n.names("CCC", "AAA")).isTrue();
            assertThat(n.covers("neutrality", 2000)).isTrue();
            assertThat(n.covers("defence", 2000)).isFalse();
            assertThat(n.covers("neutrality", 1991)).isFalse();
        });
    }

    @Test
    void aNotEncodedEntryNeedsASourceANameAStateAndANoteLikeAnOutOfScopeOne() {
        List<String> p = problems("""
                alliances: []
                not_encoded:
                  - {name: A treaty not read yet, states: [AAA], with: [BBB], note: its text was not read}
                  - {kinds: [consultation], source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:8:").contains("not_encoded entry").contains("no source"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:9:").contains("not_encoded entry has no 'name'"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:9:").contains("not_encoded entry has no 'note'"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:9:").contains("not_encoded entry has no 'states'"));
        assertThat(p).noneSatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:8:").contains("no 'note'"));
    }

    @Test
    void aDataDirectoryWithoutACrosswalkFolderHasNone() {
        Fixture f = Fixture.minimal(dir);
        assertThat(CrosswalkLoader.load(f.dir(), "d", ArchitectureLoader.load(f.dir(), "d"))).isEmpty();
    }

    @Test
    void unknownInstrumentsStatesAndProvisionsAreNamedWithTheirLine() {
        List<String> p = problems("""
                alliances:
                  - instrument: no-such-treaty
                    id: "1"
                    source: %1$s
                  - instrument: pact-treaty
                    id: "2"
                    source: %1$s
                    accessions:
                      - {states: [ZZZ], signed: 1954-06-01, source: %1$s}
                    amendments:
                      - {provision: shield/art-1, signed: 1949-11-01, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:7:").contains("unknown instrument 'no-such-treaty'"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:14:").contains("unknown state 'ZZZ'"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:16:").contains("'shield/art-1' is not a provision of pact-treaty"));
    }

    @Test
    void anEntryWithoutAnIdMustBeUnconfirmedAndEveryNoteNeedsASourceAndAReason() {
        List<String> p = problems("""
                alliances:
                  - instrument: pact-treaty
                    source: %1$s
                    differences:
                      - {kinds: [defense], states: [AAA, BBB]}
                out_of_scope:
                  - {name: Something, states: [AAA], source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:7:").contains("no 'id'").contains("unconfirmed: true"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:10:").contains("no source"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:10:").contains("no 'note'"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:10:").contains("kind 'defense' is not known"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:12:").contains("out_of_scope entry has no 'note'"));
    }

    @Test
    void anInstrumentTheDatasetLeavesOutIsAnEntryWithoutAnIdThatSaysWhy() {
        Fixture f = Fixture.minimal(dir).write("crosswalk/atop.yaml", HEAD + """
                alliances:
                  - instrument: shield
                    not_in_dataset: true
                    source: %1$s
                    note: not an alliance in the dataset's sense
                    differences:
                      - {kinds: [consultation], parties: true, note: its commission is no crisis consultation, source: %1$s}
                """.formatted(Fixture.SRC));
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        Crosswalk.Entry shield = CrosswalkLoader.load(f.dir(), "d", a).get("atop").alliances().get(0);
        assertThat(shield.notInDataset()).isTrue();
        assertThat(shield.unconfirmed()).isFalse();
        assertThat(shield.id()).isEmpty();
        assertThat(shield.differences()).hasSize(1);

        List<String> p = problems("""
                alliances:
                  - instrument: shield
                    not_in_dataset: true
                    id: "12"
                    source: %1$s
                  - instrument: pact-treaty
                    not_in_dataset: true
                    source: %1$s
                """.formatted(Fixture.SRC));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:9:").contains("not_in_dataset: true has no 'id'"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/atop.yaml:11:").contains("has no 'note'"));
    }

    @Test
    void aFileMustBeNamedAfterAKnownDatasetAndDateOneOfTwoWays() {
        Fixture f = Fixture.minimal(dir).write("crosswalk/cow.yaml", HEAD.replace("dating: signature", "dating: ratification") + "alliances: []\n");
        List<String> p = CrosswalkLoader.check(f.dir(), "d", ArchitectureLoader.load(f.dir(), "d")).stream().map(Problem::toString).toList();
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/cow.yaml:1:").contains("file named cow.yaml"));
        assertThat(p).anySatisfy(s -> assertThat(s).startsWith("d/crosswalk/cow.yaml:4:").contains("dating 'ratification' is not known"));
    }

    @Test
    void theShippedCrosswalksLoadAndNameOnlyKnownInstruments() {
        Architecture a = EmbeddedData.load();
        Map<String, Crosswalk> c = CrosswalkLoader.load(EmbeddedData.directory(), "data", a);
        assertThat(c).containsKeys("atop", "cow");
        for (Crosswalk x : c.values()) {
            assertThat(x.alliances()).isNotEmpty().allSatisfy(e -> {
                assertThat(a.instruments()).containsKey(e.instrument());
                assertThat(e.id().isPresent() || e.unconfirmed() || e.notInDataset()).isTrue();
                if (e.notInDataset()) {
                    assertThat(e.id()).isEmpty();
                    assertThat(e.provenance().note()).isPresent();
                }
            });
        }
    }
}
