package org.eurosec.cli;

import java.nio.file.Path;
import org.eurosec.store.BadInput;
import org.eurosec.store.Database;
import picocli.CommandLine.Option;

/** Where the exercises are kept: --db takes a JDBC URL; the default is an H2 database in ./eurosec-db. */
final class ServiceOptions {

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "The database: jdbc:h2:file:PATH (default: an H2 database in ./eurosec-db) or jdbc:postgresql://HOST/DB?user=U&password=P.")
    String db;

    Database open() {
        String url = db != null ? db : Database.defaultUrl(Path.of("eurosec-db"));
        try {
            return Database.open(url);
        } catch (BadInput e) {
            throw new UserError("--db: " + e.getMessage());
        }
    }
}
