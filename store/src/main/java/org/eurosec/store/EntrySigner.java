package org.eurosec.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Signs the entries of one journal batch, each with its own signature over its exercise, sequence
 * number and chain hash, spread over a few threads: the journal writer signs a share itself and
 * helper threads sign the rest at the same time. An entry's chain hash is fixed before any entry is
 * signed (the hash does not cover the signature), so the signatures are independent of each other
 * and their order; Ed25519 is deterministic, so the result is exactly what signing the entries one
 * after another gives. The entries come back in the order given.
 */
final class EntrySigner implements AutoCloseable {

    /**
     * Below this many entries per thread a helper costs more than it saves (handing work to another
     * thread, and waiting for it to be scheduled on a busy machine): the caller signs them alone.
     */
    static final int MIN_PER_THREAD = 8;

    private final JournalKey key;
    private final int threads;
    private final ExecutorService helpers;
    /** The entries the helper threads signed so far (for tests: that a batch was signed in parallel). */
    private final java.util.concurrent.atomic.AtomicLong byHelpers = new java.util.concurrent.atomic.AtomicLong();

    /** Signs with {@code key} on {@code threads} threads in all: the caller's and {@code threads - 1} helpers. */
    EntrySigner(JournalKey key, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, not " + threads);
        }
        this.key = key;
        this.threads = threads;
        this.helpers = threads == 1 ? null : Executors.newFixedThreadPool(threads - 1, r -> {
            Thread t = new Thread(r, "eurosec-journal-signer");
            t.setDaemon(true);
            return t;
        });
    }

    /** As many threads as the machine has processors, at least two and at most four. */
    static int defaultThreads() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /**
     * The entries signed, in the same order. A failure of any part (which would be a fault of the
     * signing code, not of the input) is thrown here, so the batch fails as a whole.
     */
    List<Journal.Entry> sign(List<Journal.Entry> entries) {
        int n = entries.size();
        Journal.Entry[] out = new Journal.Entry[n];
        int parts = Math.min(threads, n / MIN_PER_THREAD);
        if (parts <= 1) {
            signRange(entries, out, 0, n);
            return Arrays.asList(out);
        }
        List<Future<?>> started = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            int from = (int) ((long) n * p / parts);
            int to = (int) ((long) n * (p + 1) / parts);
            started.add(helpers.submit(() -> {
                signRange(entries, out, from, to);
                byHelpers.addAndGet(to - from);
            }));
        }
        signRange(entries, out, 0, (int) ((long) n / parts));
        for (Future<?> f : started) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the batch's entries were signed", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException("signing failed: " + e.getCause(), e.getCause());
            }
        }
        // Each part wrote its own slots; Future.get makes those writes visible to this thread.
        return Arrays.asList(out);
    }

    private void signRange(List<Journal.Entry> entries, Journal.Entry[] out, int from, int to) {
        for (int i = from; i < to; i++) {
            out[i] = entries.get(i).signedBy(key);
        }
    }

    long signedByHelpers() {
        return byHelpers.get();
    }

    @Override
    public void close() {
        if (helpers != null) {
            helpers.shutdown();
        }
    }
}
