package org.eurosec.mechanism;

/**
 * Why the rules refuse an action, in the mechanism's own terms. Each adapter says what a reason
 * means to its users once (the server's HTTP status table, for instance); nothing here knows how.
 */
public enum RefusalReason {
    /** The actor may not do this: not a party, not the party asked, not a participant, the wrong kind of actor. */
    FORBIDDEN,
    /** The action names a procedure that does not exist, or is not of the kind the action needs. */
    UNKNOWN_PROCEDURE,
    /** The rules in force give no such mechanism (the instrument has no conference, no Vienna Document is in force, ...). */
    NO_SUCH_MECHANISM,
    /** Not now: the procedure is closed, its deadline has passed, the actor already did it, or the time is before the last action. */
    CONFLICT,
    /** A value the action carries is wrong: not a party, outside the allowed range, missing. */
    INVALID_VALUE
}
