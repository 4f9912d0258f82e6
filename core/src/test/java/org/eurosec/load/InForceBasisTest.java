package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.eurosec.Fixture;
import org.eurosec.model.Architecture;
import org.eurosec.model.InForceBasis;
import org.eurosec.model.Instrument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code in_force_basis}: an instrument in force on its signature day must say why. */
class InForceBasisTest {

    @TempDir
    Path dir;

    private static List<String> problems(Fixture f) {
        return ArchitectureLoader.check(f.dir(), "d").stream().map(Problem::toString).toList();
    }

    /** The shield treaty (AAA guarantees DDD) signed and in force on the same day, with this basis line (or none). */
    private Fixture shieldSignedAndInForce(String basisLine) {
        return Fixture.minimal(dir).write("instruments/shield.yaml", """
                id: shield
                name: Shield Treaty
                legal_force: binding
                signed: 1960-06-15
                in_force: 1960-06-15
                %2$s
                source: %1$s
                parties:
                  - {state: AAA, from: 1960-06-15, status: ratified, source: %1$s}
                  - {state: DDD, from: 1960-06-15, status: ratified, source: %1$s}
                provisions:
                  - {id: art-1, kind: mutual-assistance, params: {assistance: automatic, guarantors: [AAA], beneficiaries: [DDD]}, source: %1$s}
                """.formatted(Fixture.SRC, basisLine));
    }

    @Test
    void aBindingInstrumentInForceOnItsSignatureDayWithoutABasisIsRefusedAtTheInForceLine() {
        assertThat(problems(shieldSignedAndInForce(""))).anySatisfy(p -> assertThat(p)
                .startsWith("d/instruments/shield.yaml:5:").contains("instrument shield").contains("in_force_basis")
                .contains("on-signature").contains("signature-assumed"));
    }

    @Test
    void anUnknownBasisIsRefused() {
        assertThat(problems(shieldSignedAndInForce("in_force_basis: ratified-later"))).anySatisfy(p -> assertThat(p)
                .startsWith("d/instruments/shield.yaml:6:").contains("unknown in_force_basis 'ratified-later'"));
    }

    @Test
    void aBasisOnAnInstrumentNotInForceOnItsSignatureDayIsRefused() {
        Fixture f = Fixture.minimal(dir);
        f.write("instruments/shield.yaml", """
                id: shield
                name: Shield Treaty
                legal_force: binding
                signed: 1960-01-15
                in_force: 1960-06-15
                in_force_basis: on-signature
                source: %1$s
                parties:
                  - {state: AAA, from: 1960-06-15, status: ratified, source: %1$s}
                provisions:
                  - {id: art-1, kind: consultation, source: %1$s}
                """.formatted(Fixture.SRC));
        assertThat(problems(f)).anySatisfy(p -> assertThat(p)
                .startsWith("d/instruments/shield.yaml:6:").contains("only for a binding instrument in force on its signed day"));
    }

    @Test
    void onSignatureLoadsAsConfirmed() {
        Architecture a = ArchitectureLoader.load(shieldSignedAndInForce("in_force_basis: on-signature").dir(), "d");
        Instrument shield = a.instruments().get("shield");
        assertThat(shield.inForceBasis()).contains(InForceBasis.ON_SIGNATURE);
        assertThat(shield.inForceAssumed()).isFalse();
        assertThat(shield.provisions().get(0).unconfirmed()).isFalse();
    }

    @Test
    void anAssumedEntryIntoForceMakesTheInstrumentAndEveryProvisionUnconfirmed() {
        Architecture a = ArchitectureLoader.load(shieldSignedAndInForce("in_force_basis: signature-assumed").dir(), "d");
        Instrument shield = a.instruments().get("shield");
        assertThat(shield.inForceAssumed()).isTrue();
        assertThat(shield.provenance().unconfirmed()).isTrue();
        assertThat(shield.provisions()).allSatisfy(p -> {
            assertThat(p.unconfirmed()).isTrue();
            assertThat(p.provenance().note()).hasValueSatisfying(n -> assertThat(n).contains("assumed on its signature day 1960-06-15"));
        });
    }

    @Test
    void aPoliticalDocumentTakesEffectOnAdoptionWithoutABasis() {
        // The minimal fixture's forum act is political, signed and in force 1975-08-01, with no basis.
        assertThat(problems(Fixture.minimal(dir))).isEmpty();
    }

    @Test
    void theSovietHungarianTreatyOf1967IsInForceFromTheExchangeOfRatifications() {
        // Act VI of 1967 (Hungary): instruments of ratification exchanged in Moscow on 1967-11-28.
        Architecture a = ArchitectureLoader.load(EmbeddedData.directory(), "data");
        Instrument t = a.instruments().get("ussr-hungary-friendship-1967");
        assertThat(t.signed()).contains(LocalDate.of(1967, 9, 7));
        assertThat(t.inForce()).contains(LocalDate.of(1967, 11, 28));
        assertThat(t.inForceBasis()).isEmpty();
        assertThat(t.inForceOn(LocalDate.of(1967, 11, 27))).isFalse();
        assertThat(t.inForceOn(LocalDate.of(1967, 11, 28))).isTrue();
        // The 1948 treaty it renewed runs until then, so Hungary has no gap in its Soviet alliance.
        assertThat(a.instruments().get("ussr-hungary-friendship-1948").inForceOn(LocalDate.of(1967, 11, 27))).isTrue();
    }
}
