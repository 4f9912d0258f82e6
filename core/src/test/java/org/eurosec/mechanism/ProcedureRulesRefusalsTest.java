package org.eurosec.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;

/**
 * What a new exercise is refused for: time limits outside a day to a year (measured from the
 * exercise's day, so a year is a year in a leap year too), and a day on which the regime's
 * instrument has fewer than two state parties (the draft treaty's parties come from the OSCE's
 * participating states, and there were none before the Helsinki Final Act of 1975).
 */
class ProcedureRulesRefusalsTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Regime EST = EmbeddedData.regimes(BASE).get("est-2009");
    static final Architecture WORLD = RegimeApplication.apply(BASE, EST, false);

    static ProcedureRules.Settings with(String reply) {
        ProcedureRules.Settings d = ProcedureRules.Settings.defaults();
        return new ProcedureRules.Settings(Period.parse(reply), d.holdWithin(), d.supportWindow(), d.votingWindow());
    }

    static List<String> fields(List<ProcedureRules.Refusal> refusals) {
        return refusals.stream().map(ProcedureRules.Refusal::field).toList();
    }

    @Test
    void theDefaultsAndTheBoundsThemselvesAreAccepted() {
        LocalDate day = LocalDate.of(2010, 6, 1);
        assertThat(ProcedureRules.Settings.defaults().refusals(day)).isEmpty();
        for (String p : List.of("P1D", "P1Y", "P12M", "P365D", "P11M30D")) {
            assertThat(with(p).refusals(day)).as(p).isEmpty();
        }
    }

    @Test
    void periodsOutsideADayToAYearAreRefusedNamingTheirField() {
        LocalDate day = LocalDate.of(2010, 6, 1);
        for (String p : List.of("P0D", "P-1D", "P1Y1D", "P13M", "P366D", "P999999999Y", "P2147483647D", "P1Y-1D")) {
            List<ProcedureRules.Refusal> r = with(p).refusals(day);
            assertThat(r).as(p).singleElement().satisfies(x -> {
                assertThat(x.field()).isEqualTo("reply_within");
                assertThat(x.message()).contains(p).contains("P1D").contains("P1Y");
            });
        }
        ProcedureRules.Settings all = new ProcedureRules.Settings(Period.ZERO, Period.ofYears(2), Period.ofDays(400), Period.ofMonths(-1));
        assertThat(fields(all.refusals(day))).containsExactly("reply_within", "hold_within", "support_window", "voting_window");
    }

    @Test
    void aYearIsMeasuredFromTheExercisesDay() {
        // 366 days is a year from a day before 29 February of a leap year, and more than a year from the day after it.
        assertThat(with("P366D").refusals(LocalDate.of(2012, 1, 1))).isEmpty();
        assertThat(with("P366D").refusals(LocalDate.of(2012, 3, 1))).isNotEmpty();
    }

    @Test
    void aDayBeforeTheInstrumentHasPartiesIsRefusedAndADayWithThemIsNot() {
        ProcedureRules early = ProcedureRules.of(WORLD, Reading.defaults(WORLD), EST, LocalDate.of(1949, 1, 1), ProcedureRules.Settings.defaults());
        assertThat(early.parties()).isEmpty();
        assertThat(early.refusals()).singleElement().satisfies(r -> {
            assertThat(r.field()).isEqualTo("day");
            assertThat(r.message()).contains(early.instrument()).contains("1949-01-01").contains("no state parties");
        });
        ProcedureRules working = ProcedureRules.of(WORLD, Reading.defaults(WORLD), EST, LocalDate.of(2010, 6, 1), ProcedureRules.Settings.defaults());
        assertThat(working.parties()).contains("RUS", "USA", "GEO");
        assertThat(working.refusals()).isEmpty();
    }

    @Test
    void settingsAndPartiesAreReportedTogether() {
        ProcedureRules early = ProcedureRules.of(WORLD, Reading.defaults(WORLD), EST, LocalDate.of(1949, 1, 1), with("P999999999Y"));
        assertThat(fields(early.refusals())).containsExactly("reply_within", "day");
    }
}
