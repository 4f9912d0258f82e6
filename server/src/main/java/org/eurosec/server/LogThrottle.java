package org.eurosec.server;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Says one event of a kind in the log per interval and counts the rest: {@link #admit} tells whether
 * this one is to be logged and, if so, how many of its kind were left out since the last logged.
 * Kinds are few (a method, a route template and an exception class); should there ever be more than
 * {@link #MAX_KINDS}, the counts start over rather than grow without bound.
 */
final class LogThrottle {

    static final int MAX_KINDS = 1_000;

    private final long everyNanos;
    private final java.util.function.LongSupplier nanos;
    private final ConcurrentHashMap<String, Kind> kinds = new ConcurrentHashMap<>();

    private static final class Kind {
        long last;
        long unsaid;

        Kind(long last) {
            this.last = last;
        }
    }

    LogThrottle(Duration every) {
        this(every, System::nanoTime);
    }

    /** With a clock of its own in nanoseconds (for tests). */
    LogThrottle(Duration every, java.util.function.LongSupplier nanos) {
        this.everyNanos = every.toNanos();
        this.nanos = nanos;
    }

    /** -1 when this event of {@code kind} is not to be logged; else how many of its kind were not logged since the last that was. */
    long admit(String kind) {
        long now = nanos.getAsLong();
        if (kinds.size() > MAX_KINDS) {
            kinds.clear();
        }
        Kind k = kinds.computeIfAbsent(kind, x -> new Kind(now - everyNanos));
        synchronized (k) {
            if (now - k.last >= everyNanos) {
                long n = k.unsaid;
                k.unsaid = 0;
                k.last = now;
                return n;
            }
            k.unsaid++;
            return -1;
        }
    }
}
