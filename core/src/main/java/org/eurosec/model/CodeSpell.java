package org.eurosec.model;

/** The Correlates of War state number an actor carries during a span. */
public record CodeSpell(int ccode, Span span, Provenance provenance) {
}
