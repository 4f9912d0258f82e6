package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eurosec.Fixture;
import org.eurosec.model.Architecture;
import org.eurosec.model.Membership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code before_statehood}: a membership that began before its state's own existence (a founding
 * member of the UN as a Soviet republic) is allowed only with the flag, and only up to that start.
 */
class BeforeStatehoodTest {

    @TempDir
    Path dir;

    /** CCC exists from 1950-01-01; the forum exists from 1940. */
    private Fixture forumWith(String member) {
        return Fixture.minimal(dir).write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                exists: {from: 1940-01-01, source: %1$s}
                source: %1$s
                members:
                  - %2$s
                """.formatted(Fixture.SRC, member));
    }

    private static List<String> problems(Fixture f) {
        return ArchitectureLoader.check(f.dir(), "d").stream().map(Problem::toString).toList();
    }

    @Test
    void aFlaggedSpellMayStartBeforeTheStateExists() {
        Fixture f = forumWith("{state: CCC, from: 1945-10-24, before_statehood: true, source: " + Fixture.SRC + "}");
        assertThat(problems(f)).isEmpty();
        Architecture a = ArchitectureLoader.load(f.dir(), "d");
        Membership m = a.organisations().get("osce").members().get(0);
        assertThat(m.span().from()).isEqualTo(LocalDate.of(1945, 10, 24));
    }

    @Test
    void withoutTheFlagTheSameSpellIsRefused() {
        assertThat(problems(forumWith("{state: CCC, from: 1945-10-24, source: " + Fixture.SRC + "}")))
                .anySatisfy(p -> assertThat(p).startsWith("d/organisations/forum.yaml:6:").contains("CCC does not exist"));
    }

    @Test
    void theFlagOnAStateThatAlreadyExistsIsRefused() {
        assertThat(problems(forumWith("{state: CCC, from: 1960-01-01, before_statehood: true, source: " + Fixture.SRC + "}")))
                .anySatisfy(p -> assertThat(p).startsWith("d/organisations/forum.yaml:6:").contains("already exists on 1960-01-01"));
    }

    @Test
    void aFlaggedSpellMustReachTheStatesFirstDay() {
        assertThat(problems(forumWith("{state: CCC, from: 1945-10-24, to: 1948-01-01, before_statehood: true, source: " + Fixture.SRC + "}")))
                .anySatisfy(p -> assertThat(p).startsWith("d/organisations/forum.yaml:6:").contains("ends before CCC exists"));
    }

    @Test
    void ukraineAndBelarusAreUnMembersFromTheFoundingIn1945() {
        // The UN lists both with the date of admission 24-10-1945 (original members as Soviet republics).
        Architecture a = ArchitectureLoader.load(EmbeddedData.directory(), "data");
        for (String state : List.of("UKR", "BLR")) {
            assertThat(a.organisations().get("un").members()).filteredOn(m -> m.actor().equals(state))
                    .extracting(m -> m.span().from()).containsExactly(LocalDate.of(1945, 10, 24));
        }
    }
}
