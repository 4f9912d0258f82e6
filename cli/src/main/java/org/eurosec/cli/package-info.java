/**
 * The {@code eurosec} command line: one picocli subcommand per question, each printing a table,
 * JSON or CSV. It only reads and presents what the core computes.
 */
package org.eurosec.cli;
