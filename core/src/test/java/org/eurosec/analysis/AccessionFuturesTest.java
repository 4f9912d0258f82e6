package org.eurosec.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;

/** The incremental what-if answers agree with answers computed from scratch, under every shipped regime. */
class AccessionFuturesTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Map<String, Regime> REGIMES = EmbeddedData.regimes(BASE);
    static final List<String> CANDIDATES = List.of("GEO", "UKR", "MDA", "AZE", "ARM", "SRB", "BIH", "MNE", "MKD", "CHE", "AUT", "IRL",
            "MLT", "CYP", "BLR", "KAZ");
    static final LocalDate DAY = LocalDate.of(2009, 12, 1);
    static final Map<String, AccessionFutures> FUTURES = Map.of(
            "status-quo", new AccessionFutures(BASE, REGIMES.get("status-quo"), Map.of(), "nato", DAY, CANDIDATES),
            "est-2009", new AccessionFutures(BASE, REGIMES.get("est-2009"), Map.of(), "nato", DAY, CANDIDATES),
            "esd-west", new AccessionFutures(BASE, REGIMES.get("esd-west"), Map.of(), "nato", DAY, CANDIDATES),
            "russia-2021", new AccessionFutures(BASE, REGIMES.get("russia-2021"), Map.of(), "nato", DAY, CANDIDATES));

    @Property(tries = 200)
    void incrementalEqualsRebuilt(@ForAll @LongRange(min = 0, max = 65535) long mask) {
        for (var e : FUTURES.entrySet()) {
            AccessionFutures.Future fast = e.getValue().evaluate(mask);
            AccessionFutures.Future slow = e.getValue().rebuild(mask);
            assertThat(fast).as(e.getKey() + " mask " + mask).isEqualTo(slow);
        }
    }

    @Test
    void joiningCoversAndTheOutsidersVetoFollowsTheRegime() {
        long georgiaOnly = 1L;
        AccessionFutures.Future sq = FUTURES.get("status-quo").evaluate(georgiaOnly);
        assertThat(sq.covered()).contains("GEO").doesNotContain("UKR");
        // Ukraine's accession, with Georgia in: 29 members decide and each can block.
        assertThat(sq.mayBlock().get(1)).hasSize(29).contains("GEO").doesNotContain("RUS");
        AccessionFutures.Future est = FUTURES.get("est-2009").evaluate(georgiaOnly);
        assertThat(est.mayBlock().get(1)).contains("RUS", "GEO", "BLR");
        assertThat(FUTURES.get("russia-2021").evaluate(0).prohibited().cardinality()).isEqualTo(16);
    }
}
