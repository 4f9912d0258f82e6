package org.eurosec.store;

import java.time.Duration;
import java.time.Instant;

/**
 * An exercise's clock: exercise time runs from {@code originExercise}, {@code factor} times as fast
 * as real time since {@code originReal} (1 for real time; 60 turns a minute into an hour). Real
 * time comes from an injectable {@link java.time.Clock}, so tests and replays control it.
 */
public record ExerciseClock(String mode, long factor, Instant originReal, Instant originExercise) {

    public ExerciseClock {
        if (!mode.equals("real") && !mode.equals("accelerated")) {
            throw new BadInput("clock", "--clock takes real or accelerated, not '" + mode + "'");
        }
        if (factor < 1 || factor > 100_000) {
            throw new BadInput("factor", "the acceleration factor must lie between 1 and 100000");
        }
    }

    /**
     * The first real instant at which this clock reads {@code exercise} or later (the inverse of
     * {@link #now}, rounded up to the nanosecond); the real origin for an instant at or before the
     * exercise's origin.
     */
    public Instant realWhen(Instant exercise) {
        Duration ahead = Duration.between(originExercise, exercise);
        if (ahead.isNegative() || ahead.isZero()) {
            return originReal;
        }
        java.math.BigInteger nanos = java.math.BigInteger.valueOf(ahead.getSeconds()).multiply(java.math.BigInteger.valueOf(1_000_000_000L))
                .add(java.math.BigInteger.valueOf(ahead.getNano()));
        java.math.BigInteger[] qr = nanos.divideAndRemainder(java.math.BigInteger.valueOf(factor));
        java.math.BigInteger real = qr[1].signum() == 0 ? qr[0] : qr[0].add(java.math.BigInteger.ONE);
        java.math.BigInteger[] sn = real.divideAndRemainder(java.math.BigInteger.valueOf(1_000_000_000L));
        return originReal.plusSeconds(sn[0].longValueExact()).plusNanos(sn[1].longValue());
    }

    public Instant now(Instant realNow) {
        Duration real = Duration.between(originReal, realNow);
        if (real.isNegative()) {
            real = Duration.ZERO;
        }
        return originExercise.plus(real.multipliedBy(factor));
    }
}
