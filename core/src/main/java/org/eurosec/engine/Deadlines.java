package org.eurosec.engine;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The one rule for "N days / months / years after" a day, used by every deadline in the engine.
 *
 * <p>A period is an ISO-8601 duration ({@code P30D}, {@code P6M}, {@code P1Y}). Years are added
 * first, then months, then days. Adding months keeps the day of the month, except that a day the
 * target month does not have becomes its last day: 31 January plus one month is 28 February (29 in
 * a leap year), and 29 February 2024 plus one year is 28 February 2025. A deadline is the last day
 * on which the act is still on time. Periods in hours ({@code 48 hours}) are counted in whole days,
 * rounded up, because the engine works in days.
 */
public final class Deadlines {

    private Deadlines() {
    }

    public static LocalDate after(LocalDate day, Period period) {
        return day.plusYears(period.getYears()).plusMonths(period.getMonths()).plusDays(period.getDays());
    }

    /** {@code day} minus the period, by the same rule (used for "notify N days in advance"). */
    public static LocalDate before(LocalDate day, Period period) {
        return day.minusYears(period.getYears()).minusMonths(period.getMonths()).minusDays(period.getDays());
    }

    /** Whole days covering {@code hours} (48 hours → 2 days, 36 hours → 2 days). */
    public static Period hours(long hours) {
        return Period.ofDays((int) ((hours + 23) / 24));
    }

    /** A parameter value as a period: an ISO string such as {@code P1Y}, or empty when absent or not a period. */
    public static Optional<Period> parse(Object value) {
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Period.parse(String.valueOf(value)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** A period in words for findings: P1Y → "1 year", P30D → "30 days". */
    public static String words(Period p) {
        StringBuilder b = new StringBuilder();
        part(b, p.getYears(), "year");
        part(b, p.getMonths(), "month");
        part(b, p.getDays(), "day");
        return b.length() == 0 ? "0 days" : b.toString();
    }

    private static void part(StringBuilder b, int n, String unit) {
        if (n != 0) {
            if (b.length() > 0) {
                b.append(' ');
            }
            b.append(n).append(' ').append(unit).append(n == 1 ? "" : "s");
        }
    }
}
