package org.eurosec.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * A JDBC database with the project's schema, migrated by Flyway on open: an H2 file by default,
 * PostgreSQL for a shared deployment ({@code jdbc:postgresql://host/db?user=...&password=...}).
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource pool;
    private final String url;

    private Database(String url, int poolSize) {
        this.url = url;
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(url);
        c.setMaximumPoolSize(poolSize);
        c.setPoolName("eurosec");
        c.setAutoCommit(true);
        c.setInitializationFailTimeout(10_000);
        this.pool = new HikariDataSource(c);
        Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
    }

    /** The default: an H2 database in files under {@code dir}; a second process (say `journal verify` beside `serve`) connects through the first. */
    public static String defaultUrl(Path dir) {
        return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("eurosec") + ";AUTO_SERVER=TRUE;WRITE_DELAY=0";
    }

    public static Database open(String url) {
        if (url == null || !url.startsWith("jdbc:")) {
            throw new BadInput(400, "db", "--db takes a JDBC URL (jdbc:h2:file:PATH or jdbc:postgresql://HOST/DB?user=U&password=P), not '" + url + "'");
        }
        try {
            return new Database(url, url.startsWith("jdbc:h2:") ? 4 : 16);
        } catch (RuntimeException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            throw new BadInput(400, "db", "cannot open " + url.replaceAll("password=[^&;]*", "password=***") + ": " + root.getMessage());
        }
    }

    public DataSource dataSource() {
        return pool;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public String url() {
        return url;
    }

    @Override
    public void close() {
        pool.close();
    }
}
