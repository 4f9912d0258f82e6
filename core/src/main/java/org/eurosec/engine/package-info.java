/**
 * The engine: who is party to what on a day under a {@link org.eurosec.engine.Reading}, and the
 * directed guarantees that follow from the binding provisions in force. {@link
 * org.eurosec.engine.SnapshotBuilder} computes one day from scratch; {@link
 * org.eurosec.engine.CoverageTimeline} cuts history into spans on which nothing changes and answers
 * any day by binary search.
 */
package org.eurosec.engine;
