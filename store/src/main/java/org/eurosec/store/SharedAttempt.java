package org.eurosec.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * One attempt at a time at something that needs the database (an exercise's rebuild, the count of
 * revoked credentials), with a bound on how long the others wait for it. A caller waits for the
 * attempt under way at most the store's timeout; if that attempt found the database unavailable,
 * every caller that was waiting for it fails with the same reason at once, rather than each trying
 * again in turn (with the database down, a queue of N callers used to wait N timeouts; one
 * request for an exercise waited 27 s with a timeout of 3 s). So with the database down each
 * request is answered, 503, within about one timeout.
 */
final class SharedAttempt {
    private final ReentrantLock lock = new ReentrantLock();
    /** The last failed attempt's failure and when it ended ({@link System#nanoTime}); null before any. */
    private volatile Failed failed;
    /** When the last attempt that went through ended ({@link System#nanoTime}). */
    private volatile long succeeded = System.nanoTime();

    private record Failed(long at, StoreUnavailable failure) {
    }

    /**
     * Runs {@code attempt} once no other caller runs it, waiting at most {@code waitMillis}; a
     * caller that waited through an attempt that failed with {@link StoreUnavailable} gets that
     * failure (unless another attempt went through after it). {@code what} names the attempt in the message of
     * a wait that runs out.
     */
    <T> T run(long waitMillis, String what, Supplier<T> attempt) {
        long began = System.nanoTime();
        boolean mine;
        try {
            mine = lock.tryLock(waitMillis, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreUnavailable("interrupted while waiting for " + what, e);
        }
        if (!mine) {
            throw new StoreUnavailable(what + " is under way for another request and did not end within " + waitMillis + " ms; try again", null);
        }
        try {
            Failed f = failed;
            if (f != null && f.at() - began > 0 && f.at() - succeeded > 0) {
                throw new StoreUnavailable(f.failure().getMessage(), f.failure());
            }
            return attempt(attempt);
        } finally {
            lock.unlock();
        }
    }

    /** Runs {@code attempt} (the caller holds the lock), and records when it went through or how it failed. */
    private <T> T attempt(Supplier<T> attempt) {
        try {
            T t = attempt.get();
            succeeded = System.nanoTime();
            return t;
        } catch (StoreUnavailable e) {
            failed = new Failed(System.nanoTime(), e);
            throw e;
        }
    }

    /** Runs {@code attempt} if no other caller runs it now (without waiting); whether it ran. Its failure is shared as in {@link #run}. */
    boolean tryRun(Runnable attempt) {
        if (!lock.tryLock()) {
            return false;
        }
        try {
            attempt(() -> {
                attempt.run();
                return null;
            });
            return true;
        } finally {
            lock.unlock();
        }
    }
}
