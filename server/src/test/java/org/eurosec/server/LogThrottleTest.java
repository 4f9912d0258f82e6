package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eurosec.store.StoreUnavailable;
import org.junit.jupiter.api.Test;

/** A failure repeated thousands of times a second is said in the log once a second, with how many went unsaid. */
class LogThrottleTest {

    @Test
    void oneOfAKindIsSaidEachIntervalWithHowManyWereLeftOut() {
        AtomicLong now = new AtomicLong(5_000_000_000L);
        LogThrottle t = new LogThrottle(Duration.ofSeconds(1), now::get);
        assertThat(t.admit("POST a StoreUnavailable")).as("the first is said").isZero();
        for (int i = 0; i < 999; i++) {
            assertThat(t.admit("POST a StoreUnavailable")).isEqualTo(-1);
        }
        assertThat(t.admit("GET b StoreUnavailable")).as("another kind is said on its own").isZero();
        now.addAndGet(999_999_999L);
        assertThat(t.admit("POST a StoreUnavailable")).as("not yet a second").isEqualTo(-1);
        now.addAndGet(1);
        assertThat(t.admit("POST a StoreUnavailable")).as("a second later: said, with the 1,000 left out").isEqualTo(1_000);
        assertThat(t.admit("POST a StoreUnavailable")).isEqualTo(-1);
        now.addAndGet(5_000_000_000L);
        assertThat(t.admit("POST a StoreUnavailable")).isEqualTo(1);
        assertThat(t.admit("GET b StoreUnavailable")).isZero();
    }

    @Test
    void aBurstOf503sIsOneLineOfTheLogAndEveryAnswerIsStillA503() {
        String route = "/api/test-" + System.nanoTime() + "/{id}"; // a kind no other test says
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        int answered503 = 0;
        try {
            for (int i = 0; i < 2_000; i++) {
                if (ApiServer.failure(new StoreUnavailable("the database does not answer: refused", null), "POST", route, (k, v) -> {
                }).status() == 503) {
                    answered503++;
                }
            }
        } finally {
            System.setErr(saved);
        }
        assertThat(answered503).isEqualTo(2_000);
        long lines = captured.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("503 on POST " + route)).count();
        // 2,000 calls take well under a second here; should the machine stall past one, a second line is said, not 2,000.
        assertThat(lines).isBetween(1L, 3L);
    }
}
