package org.eurosec.model;

/** One spell of an actor's participation in an instrument. */
public record Participation(String actor, Span span, ParticipationStatus status, Provenance provenance) {
}
