package org.eurosec.cli;

/** The output formats every command offers. */
enum Format {
    TABLE, JSON, CSV
}
