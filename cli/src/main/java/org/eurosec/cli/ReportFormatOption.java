package org.eurosec.cli;

import picocli.CommandLine.Option;

/** --format for {@code report} (read through {@link Options#format()}): the document's form; the default value reads as html. */
final class ReportFormatOption {

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "html (default) or md.", converter = Options.FormatConverter.class)
    Format format = Format.TABLE;
}
