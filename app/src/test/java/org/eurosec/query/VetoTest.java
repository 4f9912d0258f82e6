package org.eurosec.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.eurosec.model.Membership;
import org.eurosec.model.MembershipStatus;
import org.junit.jupiter.api.Test;

/** Veto's domain decisions are the application layer's: a member has no accession to block, an unknown id is named. */
class VetoTest {

    private static final Eurosec E = Eurosec.embedded();
    private static final LocalDate DEC_2009 = LocalDate.of(2009, 12, 1);

    private static Veto.Answer veto(String applicant, String organisation, LocalDate day) {
        return (Veto.Answer) E.veto(new Veto.Query(applicant, organisation, Optional.of(day), "status-quo", List.of(), false));
    }

    @Test
    void aMemberHasNoAccessionToBlockAndAnOutsiderHasOne() {
        Veto.Answer pol = veto("POL", "nato", DEC_2009);
        assertThat(pol.alreadyMember()).isTrue();
        assertThat(pol.mayBlock()).isEmpty();
        Veto.Answer geo = veto("GEO", "nato", DEC_2009);
        assertThat(geo.alreadyMember()).isFalse();
        // Georgia's accession is decided unanimously by the members of the day: each of them may block it.
        assertThat(geo.mayBlock()).isNotEmpty();
        assertThat(geo.mayBlock().stream().map(Veto.BlockView::actor)).containsAll(geo.decidedBy().actors());
        // Written as today's JSON field.
        assertThat(Json.write(pol)).contains("\"already_member\" : true");
    }

    @Test
    void alreadyMemberFollowsTheMembershipSpellInTheData() {
        // Poland's NATO membership spell as the data records it: not a member the day before it starts, a member on its first day.
        Membership spell = E.architecture().organisation("nato").orElseThrow().members().stream()
                .filter(m -> m.actor().equals("POL") && m.status() == MembershipStatus.MEMBER).findFirst().orElseThrow();
        LocalDate first = spell.span().from();
        assertThat(veto("POL", "nato", first.minusDays(1)).alreadyMember()).isFalse();
        assertThat(veto("pol", "NATO", first).alreadyMember()).isTrue();
    }

    @Test
    void unknownIdsAndAbsentStatesAreNamedByTheirParameter() {
        assertThatThrownBy(() -> veto("ZZZ", "nato", DEC_2009)).isInstanceOfSatisfying(QueryException.UnknownId.class, e -> {
            assertThat(e.field()).isEqualTo("applicant");
            assertThat(e.kind()).isEqualTo("state");
            assertThat(e.id()).isEqualTo("ZZZ");
        });
        assertThatThrownBy(() -> veto("GEO", "warsaw-pact-2", DEC_2009)).isInstanceOfSatisfying(QueryException.UnknownId.class, e -> {
            assertThat(e.field()).isEqualTo("organisation");
            assertThat(e.getMessage()).contains("nato");
        });
        assertThatThrownBy(() -> E.veto(new Veto.Query("GEO", "nato", Optional.of(DEC_2009), "nope", List.of(), false)))
                .isInstanceOfSatisfying(QueryException.UnknownId.class, e -> assertThat(e.field()).isEqualTo("regime"));
        // Georgia did not exist as a state in 1985: a mistake in the applicant, not an answer.
        assertThatThrownBy(() -> veto("GEO", "nato", LocalDate.of(1985, 1, 1))).isInstanceOfSatisfying(QueryException.InvalidParameter.class,
                e -> assertThat(e.getMessage()).isEqualTo("GEO does not exist on 1985-01-01"));
    }

    @Test
    void aDayOutsideTheDataIsUnknownNotNo() {
        Veto.View v = E.veto(new Veto.Query("GEO", "nato", Optional.of(LocalDate.of(1800, 1, 1)), "status-quo", List.of(), false));
        assertThat(v).isInstanceOf(Common.UnknownDay.class);
        assertThat(((Common.UnknownDay) v).known()).isFalse();
    }
}
