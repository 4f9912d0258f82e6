package org.eurosec.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.eurosec.store.BadInput;
import org.eurosec.store.Database;
import picocli.CommandLine.Option;

/**
 * Where the exercises are kept: --db takes a JDBC URL (the default is an H2 database in
 * ./eurosec-db); the password comes from EUROSEC_DB_PASSWORD or --db-password-file, never the
 * command line; the journal key from --journal-key (default: beside an H2 database, else
 * ./eurosec-db/journal-signing.key).
 */
final class ServiceOptions {

    static final String PASSWORD_ENV = "EUROSEC_DB_PASSWORD";

    @Option(names = "--db", paramLabel = "JDBC-URL",
            description = "The database: jdbc:h2:file:PATH (default: an H2 database in ./eurosec-db) or jdbc:postgresql://HOST/DB?user=U. "
                    + "The password: from the environment variable " + PASSWORD_ENV + " or --db-password-file.")
    String db;

    @Option(names = "--db-password-file", paramLabel = "FILE", description = "A file whose first line is the database password.")
    Path passwordFile;

    @Option(names = "--db-timeout", paramLabel = "SECONDS", defaultValue = "5",
            description = "How long to wait for the database (to connect, or for one statement) before answering 503 (default 5).")
    double timeout;

    @Option(names = "--journal-key", paramLabel = "FILE",
            description = "The journal's Ed25519 signing key (created, mode 0600, if missing). Default: journal-signing.key beside an H2 database; "
                    + "for PostgreSQL ./eurosec-db/journal-signing.key. Every server of one database must use the same key.")
    Path keyFile;

    Database open() {
        String url = db != null ? db : Database.defaultUrl(Path.of("eurosec-db"));
        try {
            return Database.open(url, settings(url));
        } catch (BadInput e) {
            throw new UserError("--" + e.field() + ": " + e.getMessage());
        }
    }

    private Database.Settings settings(String url) {
        if (!(timeout >= 0.5 && timeout <= 600)) {
            throw new UserError("--db-timeout: " + timeout + " seconds is not between 0.5 and 600");
        }
        Optional<String> password = Optional.ofNullable(System.getenv(PASSWORD_ENV)).filter(p -> !p.isEmpty());
        if (passwordFile != null) {
            password = Optional.of(UserFiles.firstLine(passwordFile, "--db-password-file"));
        }
        Optional<Path> key = Optional.ofNullable(keyFile);
        if (key.isEmpty() && !url.startsWith("jdbc:h2:")) {
            key = Optional.of(Path.of("eurosec-db", Database.KEY_FILE));
        }
        return new Database.Settings(password, Duration.ofMillis(Math.round(timeout * 1000)), key);
    }
}
