package org.eurosec.cli;

/** A mistake in what the user asked for: printed as one line, exit status 2, never a stack trace. */
final class UserError extends RuntimeException {
    UserError(String message) {
        super(message);
    }
}
