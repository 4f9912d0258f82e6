package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The launcher's clock answers as the system clock in the machine's zone does. */
class SystemClockTest {

    @Test
    void itIsTheSystemClockInTheMachinesZone() {
        SystemClock c = new SystemClock();
        assertThat(c.getZone()).isEqualTo(ZoneId.systemDefault());
        Instant before = Instant.now();
        Instant now = c.instant();
        long millis = c.millis();
        Instant after = Instant.now();
        assertThat(now).isBetween(before, after);
        assertThat(Instant.ofEpochMilli(millis)).isBetween(before.minusMillis(1), after.plusMillis(1));
        LocalDate first = LocalDate.now(Clock.systemDefaultZone());
        LocalDate today = LocalDate.now(c);
        LocalDate last = LocalDate.now(Clock.systemDefaultZone());
        assertThat(today).isBetween(first, last);
        assertThat(c.withZone(ZoneOffset.ofHours(5)).getZone()).isEqualTo(ZoneOffset.ofHours(5));
    }
}
