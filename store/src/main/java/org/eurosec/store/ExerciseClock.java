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

    public Instant now(Instant realNow) {
        Duration real = Duration.between(originReal, realNow);
        if (real.isNegative()) {
            real = Duration.ZERO;
        }
        return originExercise.plus(real.multipliedBy(factor));
    }
}
