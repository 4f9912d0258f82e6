package org.eurosec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.analysis.OrganisationOverlap.Body;
import org.eurosec.analysis.OrganisationOverlap.Overlap;
import org.eurosec.analysis.OrganisationOverlap.Pair;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Dimension;
import org.eurosec.model.Membership;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;

/** Overlap figures recomputed from the membership and mandate facts, and the effect of one more body. */
class OverlapTest {

    static final Architecture A = EmbeddedData.load();
    static final Map<String, Regime> REGIMES = EmbeddedData.regimes(A);
    static final LocalDate DAY = LocalDate.of(2009, 12, 1);

    static Overlap overlap(Architecture a) {
        return OrganisationOverlap.of(IntervalCoverage.of(a, Reading.defaults(a)), DAY, Universe.participating(), false).orElseThrow();
    }

    static Set<String> members(String org) {
        Set<String> out = new TreeSet<>();
        for (Membership m : A.organisation(org).orElseThrow().members()) {
            if (m.span().contains(DAY) && m.status().name().equals("MEMBER")) {
                out.add(m.actor());
            }
        }
        return out;
    }

    @Test
    void theNatoEuPairIsTheirSharedMembershipAndSharedMandate() {
        Overlap o = overlap(A);
        Pair p = o.pairs().stream().filter(x -> Set.of(x.a().id(), x.b().id()).equals(Set.of("nato", "eu"))).findFirst().orElseThrow();
        Set<String> both = members("nato");
        both.retainAll(members("eu"));
        Set<String> either = members("nato");
        either.addAll(members("eu"));
        assertThat(p.shared()).isEqualTo(both.size());
        assertThat(p.jaccard()).isEqualTo((double) both.size() / either.size());
        // NATO has no human dimension in the data; the EU has no energy competence before Lisbon's Art. 194 (in force this very day).
        assertThat(p.sharedDimensions()).contains(Dimension.POLITICO_MILITARY, Dimension.ECONOMIC_ENVIRONMENTAL, Dimension.ENERGY)
                .doesNotContain(Dimension.HUMAN);
        assertThat(p.duplicating()).isTrue();
    }

    @Test
    void theDraftTreatyAddsOneBodyOfAllParticipantsAndOneMoreMembershipPerState() {
        Overlap before = overlap(A);
        Overlap after = overlap(RegimeApplication.apply(A, REGIMES.get("est-2009"), false));
        assertThat(after.bodies()).hasSize(before.bodies().size() + 1);
        Body est = after.bodies().stream().filter(b -> b.id().equals("est-2009")).findFirst().orElseThrow();
        assertThat(est.treatyBody()).isTrue();
        assertThat(est.members()).isEqualTo(before.perState().keySet());
        assertThat(after.meanBodiesPerState()).isCloseTo(before.meanBodiesPerState() + 1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(after.duplicatingPairs()).isGreaterThan(before.duplicatingPairs());
        Overlap west = overlap(RegimeApplication.apply(A, REGIMES.get("esd-west"), false));
        assertThat(west.bodies()).as("the Western proposal holds its conference in the OSCE: no new body").hasSameSizeAs(before.bodies());
    }
}
