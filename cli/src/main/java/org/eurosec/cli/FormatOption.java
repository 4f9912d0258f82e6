package org.eurosec.cli;

import picocli.CommandLine.Option;

/** --format, for the commands that write more than one format (read through {@link Options#format()}). */
final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv; for report: html (default) or md.", converter = Options.FormatConverter.class)
    Format format = Format.TABLE;
}
