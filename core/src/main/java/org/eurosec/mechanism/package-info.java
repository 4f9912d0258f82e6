/**
 * The treaty's mechanisms as pure functions: an exercise's state, the actions a delegation, the
 * depositary or the clock may take, and the rules (read from the regime's provisions) that accept
 * or refuse each one. Nothing here stores or serves anything: the store journals accepted actions,
 * the server serves them, and replaying a journal through {@link org.eurosec.mechanism.Mechanism}
 * gives back the same state.
 */
package org.eurosec.mechanism;
