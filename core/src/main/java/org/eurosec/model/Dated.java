package org.eurosec.model;

/** A sourced span, e.g. one spell of a state's existence or of a code's validity. */
public record Dated(Span span, Provenance provenance) {
}
