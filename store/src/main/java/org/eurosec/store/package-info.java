/**
 * Exercises persisted: their credentials (hashes only) and the hash-chained journal of accepted
 * actions, over JDBC (H2 embedded by default, PostgreSQL for shared deployments; schema by Flyway).
 * The store keeps no rules of its own: it replays the journal through
 * {@link org.eurosec.mechanism.Mechanism}.
 */
package org.eurosec.store;
