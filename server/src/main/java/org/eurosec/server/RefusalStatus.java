package org.eurosec.server;

import org.eurosec.mechanism.RefusalReason;

/**
 * The one table from the mechanism's refusal reasons to HTTP statuses. The switch has no default:
 * a reason added in core without a status here does not compile.
 */
public final class RefusalStatus {

    private RefusalStatus() {
    }

    public static int of(RefusalReason reason) {
        return switch (reason) {
            case FORBIDDEN -> 403;
            case UNKNOWN_PROCEDURE -> 404;
            case NO_SUCH_MECHANISM, CONFLICT -> 409;
            case INVALID_VALUE -> 422;
        };
    }
}
