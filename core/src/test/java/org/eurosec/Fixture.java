package org.eurosec;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A small, made-up data directory written into a temporary folder, so the rules can be tested on
 * facts whose consequences are obvious by hand. Each test starts from {@link #minimal} and edits files.
 */
public final class Fixture {

    public static final String SRC = "https://example.org/source";

    private final Path dir;

    private Fixture(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public Fixture write(String relative, String text) {
        try {
            Path f = dir.resolve(relative);
            Files.createDirectories(f.getParent());
            Files.writeString(f, text);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Replaces the one-way shield treaty (AAA guarantees DDD from 1960-06-15) with one whose article 1 has these params. */
    public Fixture shield(String params) {
        return write("instruments/shield.yaml", """
                id: shield
                name: Shield Treaty
                legal_force: binding
                in_force: 1960-06-15
                source: %1$s
                parties:
                  - {state: AAA, from: 1960-06-15, status: ratified, source: %1$s}
                  - {state: DDD, from: 1960-06-15, status: ratified, source: %1$s}
                provisions:
                  - {id: art-1, kind: mutual-assistance, params: {%2$s}, source: %1$s}
                """.formatted(SRC, params));
    }

    /**
     * Four states: AAA, BBB and CCC in the alliance "pact" (a binding treaty with an automatic
     * collective-defence article in force from 1950-01-01); DDD outside it, with a one-way
     * guarantee from AAA from 1960-06-15; everyone in the political "forum" from 1975-08-01.
     * CCC joins the pact on 1955-03-10 and freezes its membership on 2024-02-22.
     */
    public static Fixture minimal(Path dir) {
        Fixture f = new Fixture(dir);
        f.write("meta.yaml", "covers_from: 1949-01-01\nfacts_checked_through: 2026-01-01\n");
        f.write("states.yaml", """
                states:
                  - {id: AAA, name: Aland, iso3: AAA, ccode: 1, source: %1$s, exists: [{from: 1900-01-01, source: %1$s}]}
                  - {id: BBB, name: Bland, iso3: BBB, ccode: 2, source: %1$s, exists: [{from: 1900-01-01, source: %1$s}]}
                  - {id: CCC, name: Cland, iso3: CCC, ccode: 3, source: %1$s, exists: [{from: 1950-01-01, source: %1$s}]}
                  - {id: DDD, name: Dland, iso3: DDD, ccode: 4, source: %1$s, tags: [microstate], exists: [{from: 1900-01-01, source: %1$s}]}
                """.formatted(SRC));
        f.write("organisations/pact.yaml", """
                id: pact
                name: The Pact
                kind: alliance
                founded_by: pact-treaty
                exists: {from: 1950-01-01, source: %1$s}
                accession: {rule: unanimous-invitation, provision: pact-treaty/art-3, source: %1$s}
                decisions: {rule: consensus, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1950-01-01, source: %1$s}
                  - {state: BBB, from: 1950-01-01, source: %1$s}
                  - {state: CCC, from: 1955-03-10, to: 2024-02-22, source: %1$s}
                  - {state: CCC, from: 2024-02-22, status: frozen, source: %1$s}
                """.formatted(SRC));
        f.write("organisations/forum.yaml", """
                id: osce
                name: The Forum
                kind: forum
                exists: {from: 1975-08-01, source: %1$s}
                source: %1$s
                members:
                  - {state: AAA, from: 1975-08-01, source: %1$s}
                  - {state: BBB, from: 1975-08-01, source: %1$s}
                  - {state: CCC, from: 1975-08-01, source: %1$s}
                  - {state: DDD, from: 1975-08-01, source: %1$s}
                """.formatted(SRC));
        f.write("instruments/pact-treaty.yaml", """
                id: pact-treaty
                name: Pact Treaty
                type: treaty
                legal_force: binding
                dimensions: [politico-military]
                signed: 1949-12-01
                in_force: 1950-01-01
                source: %1$s
                parties: {organisation: pact}
                provisions:
                  - {id: art-1, kind: consultation, source: %1$s}
                  - {id: art-2, kind: collective-defence, title: One for all, params: {assistance: automatic}, source: %1$s}
                  - {id: art-3, kind: accession-rule, source: %1$s}
                """.formatted(SRC));
        f.shield("assistance: discretionary, guarantors: [AAA], beneficiaries: [DDD]");
        f.write("instruments/forum-act.yaml", """
                id: forum-act
                name: Forum Act
                legal_force: political
                signed: 1975-08-01
                in_force: 1975-08-01
                source: %1$s
                parties: {organisation: osce}
                provisions:
                  - {id: principle-1, kind: indivisibility, source: %1$s}
                """.formatted(SRC));
        f.write("interpretations.yaml", """
                interpretations:
                  - id: inactive-membership
                    question: Does a frozen membership count?
                    default: frozen-counts
                    source: %1$s
                    options:
                      - {id: frozen-counts, description: frozen counts, party_statuses: [member, frozen]}
                      - {id: active-only, description: only active members, party_statuses: [member]}
                """.formatted(SRC));
        return f;
    }
}
