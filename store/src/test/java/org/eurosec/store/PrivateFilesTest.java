package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files of an H2 database stay the owner's alone, in a folder of the user's choosing too. */
class PrivateFilesTest {

    @TempDir
    Path dir;

    /**
     * H2 writes its trace file only when it first meets an error, long after the database was
     * opened, and then created it with the process's umask (0644 here): a server's errors, with the
     * statements and values in them, readable by every local user. Found with a full disk.
     */
    @Test
    void theTraceFileH2WritesOnAnErrorIsTheOwnersAlone() throws Exception {
        Path open = dir.resolve("shared");
        Files.createDirectory(open, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path trace = open.resolve("eurosec.trace.db");
        try (Database db = Database.open("jdbc:h2:file:" + open.resolve("eurosec")); Connection c = db.connection(); Statement st = c.createStatement()) {
            assertThatThrownBy(() -> st.execute("SELECT CAST('not a number' AS INT)")).isInstanceOf(java.sql.SQLException.class);
        }
        assertThat(Files.readString(trace)).as("H2 wrote its error to the trace file").contains("not a number");
        var owner = PosixFilePermissions.fromString("rw-------");
        assertThat(Files.getPosixFilePermissions(trace)).isEqualTo(owner);
        assertThat(Files.getPosixFilePermissions(open.resolve("eurosec.mv.db"))).isEqualTo(owner);
    }
}
