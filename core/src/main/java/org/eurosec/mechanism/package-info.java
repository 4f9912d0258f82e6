/**
 * The treaty's mechanisms as pure functions: an exercise's state, the actions a delegation, the
 * depositary or the clock may take, and the rules (read from the regime's provisions) that accept
 * or refuse each one. Nothing here stores or serves anything: the store journals accepted actions,
 * the server serves them, and replaying a journal through {@link org.eurosec.mechanism.Mechanism}
 * gives back the same state.
 *
 * <p>{@link org.eurosec.mechanism.Mechanism#apply} checks who acts and hands each kind of action,
 * through a table that covers every kind, to its procedure family: information requests,
 * consultations, the Conference, the Extraordinary Conference, notified activities, the annual
 * exchange, and the clock that records passed deadlines. A refusal carries a
 * {@link org.eurosec.mechanism.RefusalReason}, the field at fault and a message; what a reason
 * means in HTTP or on the command line is the adapters' business. Procedures are immutable
 * records, changed through their {@code with...} methods; what an actor may see is
 * {@link org.eurosec.mechanism.Mechanism#visible}, how it is shown is the adapters' business too.
 */
package org.eurosec.mechanism;
