/**
 * The analyses: one interface per question ({@link org.eurosec.analysis.CoverageAnalysis},
 * {@link org.eurosec.analysis.ActorHistory}), results as records beside the interface,
 * implementations named after how they work.
 */
package org.eurosec.analysis;
