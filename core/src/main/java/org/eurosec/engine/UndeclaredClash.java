package org.eurosec.engine;

/**
 * Two provisions would decide the same question and the regime does not say which prevails. The
 * engine never picks one silently: the message names both provisions and the regime file to amend.
 */
public final class UndeclaredClash extends RuntimeException {

    private final String first;
    private final String second;

    public UndeclaredClash(String regime, String file, String question, String first, String second) {
        super("regime " + regime + ": " + first + " and " + second + " both decide " + question
                + ", and the regime does not declare which prevails (add a 'precedence' entry to " + file + ")");
        this.first = first;
        this.second = second;
    }

    public String first() {
        return first;
    }

    public String second() {
        return second;
    }
}
