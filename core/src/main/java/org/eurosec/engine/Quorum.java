package org.eurosec.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * A quorum counted in parties. The texts say "at least two thirds of the Parties": a fraction of
 * the number of parties, and since a part of a party cannot attend, the smallest whole number of
 * parties that is at least that fraction (the fraction times the parties, rounded up). A value
 * written as a whole number is a number of parties. {@link #text} says how the figure was reached.
 */
public record Quorum(long numerator, long denominator, int parties, int required, String text) {

    /** Parses {@code "2/3"}, {@code "4/5"}, {@code 0.5} or a whole number such as {@code 25}; empty if it is none of these. */
    public static Optional<Quorum> of(Object value, int parties) {
        if (value == null) {
            return Optional.empty();
        }
        String v = String.valueOf(value).trim();
        try {
            if (v.matches("\\d+/\\d+")) {
                long num = Long.parseLong(v.substring(0, v.indexOf('/')));
                long den = Long.parseLong(v.substring(v.indexOf('/') + 1));
                if (den == 0 || num > den) {
                    return Optional.empty();
                }
                long required = (num * parties + den - 1) / den;
                BigDecimal exact = BigDecimal.valueOf(num * parties).divide(BigDecimal.valueOf(den), 2, RoundingMode.HALF_UP);
                String how = (num * parties) % den == 0
                        ? "at least " + v + " of " + parties + " parties = " + required
                        : "at least " + v + " of " + parties + " parties = " + exact.stripTrailingZeros().toPlainString()
                                + ", rounded up to " + required + " (a quorum is counted in whole parties)";
                return Optional.of(new Quorum(num, den, parties, (int) required, how));
            }
            if (v.matches("\\d+")) {
                int n = Integer.parseInt(v);
                return Optional.of(new Quorum(n, 1, parties, n, "at least " + n + " parties (a fixed number; " + parties + " parties in all)"));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }

    /**
     * The organisations counted as parties of {@code instrument} on {@code day} where a provision
     * counts them ({@code organisations_count}): the regime's eligible organisations that exist that
     * day. Zero for an instrument that is not the regime's own.
     */
    public static int organisationParties(org.eurosec.model.Regime regime, org.eurosec.model.Architecture world, String instrument,
            java.time.LocalDate day) {
        for (org.eurosec.model.Regime.Hypothetical h : regime.instruments()) {
            if (h.instrument().id().equals(instrument)) {
                return (int) h.eligible().organisations().stream().map(world.organisations()::get)
                        .filter(o -> o != null && o.exists().span().contains(day)).count();
            }
        }
        return 0;
    }

    public boolean met(int present) {
        return present >= required;
    }
}
