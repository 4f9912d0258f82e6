package org.eurosec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.junit.jupiter.api.Test;

/**
 * An instrument brought into force by a scenario event (RegimeApplication.enterIntoForce) keeps
 * every field but its in-force day, its in_force_basis too: the data's treaties assumed in force on
 * their signature day stay marked so (and Instrument.inForceAssumed holds) after the rebuild.
 */
class EnterIntoForceBasisTest {

    @Test
    void theBasisSurvivesEntryIntoForce() {
        Architecture a = EmbeddedData.load();
        List<Instrument> withBasis = a.instruments().values().stream()
                .filter(i -> i.inForceBasis().isPresent() && i.signed().isPresent()).toList();
        assertThat(withBasis).as("the shipped data has instruments with an in_force_basis").isNotEmpty();
        for (Instrument i : withBasis) {
            var day = i.signed().orElseThrow().plusDays(1);
            Instrument rebuilt = RegimeApplication.enterIntoForce(a, i.id(), day).instruments().get(i.id());
            assertThat(rebuilt.inForce()).as(i.id()).contains(day);
            assertThat(rebuilt.inForceBasis()).as(i.id() + " after enterIntoForce").isEqualTo(i.inForceBasis());
            assertThat(rebuilt.inForceAssumed()).as(i.id()).isEqualTo(i.inForceAssumed());
            assertThat(rebuilt.provenance()).isEqualTo(i.provenance());
        }
    }
}
