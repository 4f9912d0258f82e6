package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SharedAttemptTest {

    /** Callers that waited through a failed attempt fail with its reason at once; none of them tries again. */
    @Test
    void waitersShareTheFailureOfTheAttemptTheyWaitedFor() throws Exception {
        SharedAttempt a = new SharedAttempt();
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger tries = new AtomicInteger();
        CompletableFuture<Object> first = CompletableFuture.supplyAsync(() -> a.run(10_000, "the test's read", () -> {
            tries.incrementAndGet();
            inside.countDown();
            await(release);
            throw new StoreUnavailable("the database does not answer: refused", null);
        }), pool);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<?>[] waiters = new CompletableFuture<?>[5];
        for (int i = 0; i < waiters.length; i++) {
            waiters[i] = CompletableFuture.supplyAsync(() -> a.run(10_000, "the test's read", () -> {
                tries.incrementAndGet();
                return "tried";
            }), pool);
        }
        Thread.sleep(200); // the waiters are queued behind the first attempt
        release.countDown();
        for (CompletableFuture<?> w : waiters) {
            assertThatThrownBy(() -> w.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailable.class)
                    .hasMessageContaining("the database does not answer: refused");
        }
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(StoreUnavailable.class);
        assertThat(tries.get()).as("only the first caller tried").isEqualTo(1);
        // A caller that comes after the failure tries again, and its success is not shadowed by the old failure.
        assertThat(a.run(1_000, "the test's read", () -> "read")).isEqualTo("read");
        pool.shutdownNow();
    }

    /** A caller waits for an attempt under way at most the time it is given, and is told so. */
    @Test
    void aWaitRunsOutAfterItsTime() throws Exception {
        SharedAttempt a = new SharedAttempt();
        ExecutorService pool = Executors.newCachedThreadPool();
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Object> slow = CompletableFuture.supplyAsync(() -> a.run(10_000, "the test's read", () -> {
            inside.countDown();
            await(release);
            return "slow";
        }), pool);
        assertThat(inside.await(10, TimeUnit.SECONDS)).isTrue();
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> a.run(300, "the test's read", () -> "never")).isInstanceOf(StoreUnavailable.class)
                .hasMessageContaining("did not end within 300 ms");
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0)).isBetween(250L, 5_000L);
        release.countDown();
        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("slow");
        pool.shutdownNow();
    }

    private static void await(CountDownLatch l) {
        try {
            l.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
