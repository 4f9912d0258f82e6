package org.eurosec.cli;

import picocli.CommandLine.Option;

/**
 * --format, for the commands that write a table, JSON or CSV (read through {@link Options#format()});
 * {@code report}, which writes a document, has {@link ReportFormatOption} instead, so that each help
 * names the formats its command writes.
 */
final class FormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv.", converter = Options.FormatConverter.class)
    Format format = Format.TABLE;
}
