package org.eurosec.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.eurosec.model.Architecture;
import org.eurosec.model.InForceBasis;
import org.eurosec.model.Instrument;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A regime's hypothetical instrument in force on its signature day keeps its in_force_basis (and so
 * its unconfirmed mark) through the substitution of the regime's $parameters, both when the regime
 * is read and when one of its parameters is set to another value.
 */
class RegimeInForceBasisTest {

    static final Architecture BASE = EmbeddedData.load();
    static final String SRC = "https://example.org/source";

    @TempDir
    Path dir;

    private Map<String, Regime> load(boolean withParameter) throws IOException {
        Files.writeString(dir.resolve("pact.yaml"), """
                id: pact
                name: Pact
                source: %1$s
                %2$s
                instruments:
                  - eligible: {states: [RUS, BLR]}
                    instrument:
                      id: pact-treaty
                      name: Pact treaty
                      legal_force: binding
                      signed: 2009-12-01
                      in_force: 2009-12-01
                      in_force_basis: signature-assumed
                      source: %1$s
                      provisions:
                        - {id: art-1, kind: withdrawal, params: {notice: %3$s}, source: %1$s}
                """.formatted(SRC, withParameter ? "parameters:\n  notice: {value: P12M, source: " + SRC + "}" : "",
                withParameter ? "$notice" : "P12M"));
        return RegimeLoader.load(dir, "r", BASE);
    }

    private static Instrument treaty(Regime r) {
        return r.instruments().get(0).instrument();
    }

    @Test
    void theBasisSurvivesTheParameterSubstitution() throws IOException {
        Instrument plain = treaty(load(false).get("pact"));
        assertThat(plain.inForceBasis()).contains(InForceBasis.SIGNATURE_ASSUMED);
        Regime r = load(true).get("pact");
        Instrument substituted = treaty(r);
        assertThat(substituted.provisions().get(0).params()).containsEntry("notice", "P12M");
        assertThat(substituted.inForceBasis()).as("after $notice is substituted").contains(InForceBasis.SIGNATURE_ASSUMED);
        assertThat(substituted.provenance().unconfirmed()).isTrue();
        assertThat(substituted.provisions().get(0).provenance().unconfirmed()).isTrue();
        Instrument reset = treaty(r.withParameter("notice", "P6M"));
        assertThat(reset.provisions().get(0).params()).containsEntry("notice", "P6M");
        assertThat(reset.inForceBasis()).as("after the parameter is set to another value").contains(InForceBasis.SIGNATURE_ASSUMED);
    }
}
