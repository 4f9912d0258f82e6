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
        return new StoreUnavailable(what + ": " + reason(cause), cause);
    }

    /** A failure in one line: the first line of its message, and of its root cause's when that says more (a password masked). */
    static String reason(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = firstLine(t);
        String bottom = firstLine(root);
        return Database.mask(root == t || top.contains(bottom) ? top : top + " (" + bottom + ")");
    }

    private static String firstLine(Throwable t) {
        String m = t.getMessage() == null || t.getMessage().isBlank() ? t.getClass().getSimpleName() : t.getMessage();
        return m.lines().findFirst().orElse(m).trim();
    }
}
