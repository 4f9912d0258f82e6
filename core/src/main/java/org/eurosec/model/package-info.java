/**
 * The model: immutable records for states, organisations, instruments, provisions, participation
 * spells and interpretations. Days are {@link java.time.LocalDate}; spells are half-open.
 */
package org.eurosec.model;
