package org.eurosec.cli;

import picocli.CommandLine.Option;

/** --explain, for the commands that can print the provisions and facts behind each answer (read through {@link Options#explain()}). */
final class ExplainOption {

    @Option(names = "--explain", description = "Print, with each answer, the tree of provisions and facts behind it, with sources.")
    boolean explain;
}
