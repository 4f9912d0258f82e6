package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** One actor and one regime by id: a state or an organisation, and an id that names nothing is an unknown id of its kind. */
class ActorAndRegimeTest {

    private static final Eurosec E = Eurosec.embedded();

    @Test
    void anIdNamesAStateOrAnOrganisationInAnyCase() {
        assertThat(E.actor(new Actor.Query("ukr", List.of(), false))).isInstanceOfSatisfying(Actor.StateView.class,
                s -> assertThat(s.id()).isEqualTo("UKR"));
        assertThat(E.actor(new Actor.Query("NATO", List.of(), false))).isInstanceOfSatisfying(Actor.OrganisationView.class,
                o -> assertThat(o.id()).isEqualTo("nato"));
    }

    @Test
    void unknownIdsAreUnknownIdsOfTheirKindOnFieldId() {
        assertThatThrownBy(() -> E.actor(new Actor.Query("ZZZ", List.of(), false))).isInstanceOfSatisfying(QueryException.UnknownId.class, e -> {
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.kind()).isEqualTo("actor");
            assertThat(e.id()).isEqualTo("ZZZ");
        });
        assertThatThrownBy(() -> E.regimeShow(new RegimeShow.Query("nope"))).isInstanceOfSatisfying(QueryException.UnknownId.class, e -> {
            assertThat(e.field()).isEqualTo("id");
            assertThat(e.kind()).isEqualTo("regime");
            assertThat(e.id()).isEqualTo("nope");
            assertThat(e.getMessage()).contains("est-2009");
        });
    }

    @Test
    void listingsAreWrittenAsJsonArrays() {
        assertThat(Json.write(E.regimes(new Regimes.Query()))).startsWith("[");
        assertThat(Json.write(E.interpretations(new Interpretations.Query()))).startsWith("[");
        assertThat(Json.write(E.scenarios(new ScenarioList.Query()))).startsWith("[");
    }
}
