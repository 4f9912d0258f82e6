package org.eurosec.server;

import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The access log: one line per request (method, route template, status, duration; never a header,
 * a body or a credential), written by a thread of its own. A request only queues its line; the
 * writer takes what has queued every few milliseconds and logs it, line by line, in the order the
 * requests ended. The logger's own work (its clock, its text and its locks, a write and a flush of
 * standard error per line) is then done by one thread without contention, not by every request
 * thread in turn while the others wait for its lock, and a standard error that blocks (a pipe no one
 * reads) holds up the log, not the answers. At most {@link #MAX_QUEUED} lines wait: beyond that a
 * request writes its own line, as before, so no line is dropped and the queue stays bounded. When
 * the server stops, what is queued is written before it has stopped.
 */
final class AccessLog implements AutoCloseable {

    private static final org.slf4j.Logger ACCESS = org.slf4j.LoggerFactory.getLogger("org.eurosec.server.access");

    /** How long the writer sleeps when nothing is queued: the most a line waits to be written. */
    static final long PAUSE_MS = 10;

    private record Line(String method, String route, int status, long ms) {
    }

    /** The most lines waiting to be written before requests write their own. */
    static final int MAX_QUEUED = 100_000;

    private final ConcurrentLinkedQueue<Line> queued = new ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();
    private final Thread writer;
    private volatile boolean closing;

    AccessLog() {
        writer = new Thread(this::run, "eurosec-access-log");
        writer.setDaemon(true);
        writer.start();
    }

    /** Queues a request's line (writes it at once when the log is closed or {@link #MAX_QUEUED} lines wait). */
    void add(String method, String route, int status, long ms) {
        if (closing || waiting.get() >= MAX_QUEUED) {
            ACCESS.info("{} {} {} {}ms", method, route, status, ms);
            return;
        }
        waiting.incrementAndGet();
        queued.add(new Line(method, route, status, ms));
    }

    private void run() {
        while (!closing) {
            drain();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(PAUSE_MS));
        }
        drain();
    }

    private void drain() {
        for (Line l = queued.poll(); l != null; l = queued.poll()) {
            waiting.decrementAndGet();
            ACCESS.info("{} {} {} {}ms", l.method(), l.route(), l.status(), l.ms());
        }
    }

    /** Writes what is queued and stops the writer (a line added after this is written by its request's thread). */
    @Override
    public void close() {
        closing = true;
        LockSupport.unpark(writer);
        try {
            writer.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
    }
}
