package org.eurosec.cli;

import picocli.CommandLine.Option;

/**
 * --format for the commands that write one record or a verdict rather than rows (an exercise's
 * replay, a credential, a closed exercise, a journal's verification): table or JSON only. Main
 * refuses csv for them with a one-line error instead of printing the table under another name.
 */
final class RecordFormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default) or json.", converter = Options.FormatConverter.class)
    Format format = Format.TABLE;
}
