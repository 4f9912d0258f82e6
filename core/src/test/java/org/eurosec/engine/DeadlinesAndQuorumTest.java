package org.eurosec.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** The one date rule and the one quorum rule, on the cases the texts produce. */
class DeadlinesAndQuorumTest {

    @Test
    void monthsKeepTheDayOrClampToTheLastDayOfTheMonth() {
        assertThat(Deadlines.after(LocalDate.of(2024, 1, 31), Period.ofMonths(1))).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Deadlines.after(LocalDate.of(2023, 1, 31), Period.ofMonths(1))).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(Deadlines.after(LocalDate.of(2024, 2, 29), Period.ofYears(1))).isEqualTo(LocalDate.of(2025, 2, 28));
        assertThat(Deadlines.after(LocalDate.of(2021, 6, 18), Period.ofMonths(6))).isEqualTo(LocalDate.of(2021, 12, 18));
        // Years before months before days: 31 Jan + 1 month 1 day = 29 Feb + 1 day = 1 Mar (2024).
        assertThat(Deadlines.after(LocalDate.of(2024, 1, 31), Period.of(0, 1, 1))).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void hoursAreWholeDaysRoundedUp() {
        assertThat(Deadlines.hours(48)).isEqualTo(Period.ofDays(2));
        assertThat(Deadlines.hours(36)).isEqualTo(Period.ofDays(2));
        assertThat(Deadlines.hours(24)).isEqualTo(Period.ofDays(1));
        assertThat(Deadlines.hours(1)).isEqualTo(Period.ofDays(1));
    }

    @Test
    void noticeInAdvance() {
        assertThat(Deadlines.before(LocalDate.of(2012, 9, 20), Period.ofDays(42))).isEqualTo(LocalDate.of(2012, 8, 9));
        assertThat(Deadlines.parse("P1Y")).contains(Period.ofYears(1));
        assertThat(Deadlines.parse("unknown")).isEmpty();
        assertThat(Deadlines.words(Period.of(1, 0, 30))).isEqualTo("1 year 30 days");
    }

    @Property
    void daysForwardAndBackAreInverse(@ForAll @IntRange(min = 0, max = 40000) int offset, @ForAll @IntRange(min = 0, max = 1000) int days) {
        LocalDate d = LocalDate.of(1949, 1, 1).plusDays(offset);
        LocalDate later = Deadlines.after(d, Period.ofDays(days));
        assertThat(ChronoUnit.DAYS.between(d, later)).isEqualTo(days);
        assertThat(Deadlines.before(later, Period.ofDays(days))).isEqualTo(d);
    }

    @Test
    void quorumsFromTheTexts() {
        // Art. 6 of the draft: two thirds of 56 participating States = 37.33, so 38 must attend.
        assertThat(Quorum.of("2/3", 56).orElseThrow().required()).isEqualTo(38);
        // Art. 8: four fifths of 56 = 44.8 -> 45; of 25 = 20 exactly; of 9 = 7.2 -> 8.
        assertThat(Quorum.of("4/5", 56).orElseThrow().required()).isEqualTo(45);
        assertThat(Quorum.of("4/5", 25).orElseThrow().required()).isEqualTo(20);
        assertThat(Quorum.of("4/5", 9).orElseThrow().required()).isEqualTo(8);
        assertThat(Quorum.of("4/5", 56).orElseThrow().text()).contains("44.8").contains("rounded up to 45");
        assertThat(Quorum.of("4/5", 25).orElseThrow().text()).doesNotContain("rounded");
        assertThat(Quorum.of(3L, 56).orElseThrow().required()).isEqualTo(3);
    }

    @Test
    void aQuorumThatIsNoFractionIsRefused() {
        assertThat(Quorum.of("2/0", 10)).isEmpty();
        assertThat(Quorum.of("5/4", 10)).isEmpty();
        assertThat(Quorum.of("most", 10)).isEmpty();
        assertThat(Quorum.of(null, 10)).isEmpty();
    }

    @Property
    void quorumIsTheSmallestWholeNumberOfPartiesAtLeastTheFraction(@ForAll @IntRange(min = 1, max = 9) int num,
            @ForAll @IntRange(min = 1, max = 9) int den, @ForAll @IntRange(min = 0, max = 200) int parties) {
        if (num > den) {
            return;
        }
        int q = Quorum.of(num + "/" + den, parties).orElseThrow().required();
        assertThat((long) q * den).isGreaterThanOrEqualTo((long) num * parties);
        assertThat((long) (q - 1) * den).isLessThan((long) num * parties);
    }
}
