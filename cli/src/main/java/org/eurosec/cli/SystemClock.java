package org.eurosec.cli;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock in the machine's time zone, as {@link Clock#systemDefaultZone()}, except that the
 * zone is looked up only when a command asks for today: {@code Clock.systemDefaultZone()} reads the
 * time-zone rules at once, which a question with {@code --date} never needs (a few milliseconds of
 * every start otherwise).
 */
final class SystemClock extends Clock {

    @Override
    public ZoneId getZone() {
        return ZoneId.systemDefault();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.system(zone);
    }

    @Override
    public Instant instant() {
        return Instant.now();
    }

    @Override
    public long millis() {
        return System.currentTimeMillis();
    }
}
