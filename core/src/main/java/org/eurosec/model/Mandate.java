package org.eurosec.model;

/**
 * One dimension of an organisation's mandate over a span: the field in which its founding or
 * governing texts give it competence or a programme of work. {@code nominal} marks a competence the
 * text grants but the organisation never used as a programme (left out of overlap figures unless
 * asked for).
 */
public record Mandate(Dimension dimension, Span span, boolean nominal, Provenance provenance) {
}
