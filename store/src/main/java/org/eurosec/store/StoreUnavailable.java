package org.eurosec.store;

/**
 * The database cannot be reached or will not take a write (down, timed out, disk full): the
 * request changed nothing that was acknowledged, and may be retried once the store is back. The
 * API answers 503 with this message.
 */
public class StoreUnavailable extends RuntimeException {

    public StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** The exception for a failed read or write, its cause's first line kept (with any password masked). */
    static StoreUnavailable of(String what, Throwable cause) {
        String m = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new StoreUnavailable(what + ": " + Database.mask(m.lines().findFirst().orElse(m)), cause);
    }
}
