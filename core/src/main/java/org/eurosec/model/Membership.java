package org.eurosec.model;

/** One spell of an actor's membership in an organisation. */
public record Membership(String actor, Span span, MembershipStatus status, Provenance provenance) {
}
