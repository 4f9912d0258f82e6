package org.eurosec.cli;

/** The output formats: table, JSON and CSV for every command; HTML and Markdown for `report` only. */
enum Format {
    TABLE, JSON, CSV, HTML, MD
}
