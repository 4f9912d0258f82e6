package org.eurosec.cli;

import picocli.CommandLine.Option;

/** --strict, for the dated questions: a day after the facts were last checked is answered unknown, not provisionally. */
final class StrictOption {

    @Option(names = "--strict", description = "Answer unknown for a day after the facts were last checked (facts_checked_through), "
            + "instead of answering it provisionally from the facts as last checked.")
    boolean strict;
}
