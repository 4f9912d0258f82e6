package db.migration;

import java.sql.Statement;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * PostgreSQL keeps a snapshot's state out of line and uncompressed (storage EXTERNAL). A state is
 * hundreds of kilobytes that its default compression (pglz) does not shrink: measured on states of
 * about 620,000 characters from bench/load, PostgreSQL spent some 15 ms of CPU on each insert
 * trying, and stored them at their full size anyway; uncompressed, an insert took 2 ms and the same
 * space. Only rows written after this migration are affected. H2 has no such setting: nothing to do.
 */
public class V6__Snapshot_state_uncompressed extends BaseJavaMigration {
    @Override
    public void migrate(Context context) throws Exception {
        String product = context.getConnection().getMetaData().getDatabaseProductName();
        if (!"PostgreSQL".equals(product)) {
            return;
        }
        try (Statement s = context.getConnection().createStatement()) {
            s.execute("ALTER TABLE snapshot ALTER COLUMN state SET STORAGE EXTERNAL");
        }
    }
}
