package org.eurosec.cli;

import picocli.CommandLine.Option;

/**
 * The help option of every subcommand. Only the root has {@code --version} (a subcommand has no
 * version of its own, so picocli's standard {@code -V} there printed nothing).
 */
final class HelpOption {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;
}
