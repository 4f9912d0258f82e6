package org.eurosec.cli;

import picocli.CommandLine.Option;

/** --wide, for the commands that print tables or prose fitted to the terminal ({@link Main} reads it). */
final class WideOption {

    @Option(names = "--wide", description = "Tables at full width: long lists in full, cells never wrapped (default: fit the terminal, or 100 columns).")
    boolean wide;
}
