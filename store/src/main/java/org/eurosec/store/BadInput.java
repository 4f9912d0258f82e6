package org.eurosec.store;

/** A request that cannot be read: the field it concerns and why. Never changes anything. */
public final class BadInput extends RuntimeException {

    private final String field;
    private final int status;

    public BadInput(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public BadInput(String field, String message) {
        this(422, field, message);
    }

    public String field() {
        return field;
    }

    public int status() {
        return status;
    }
}
