package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The service commands a user meets first: exercise new, list, replay, journal verify and show; their mistakes. */
class ServiceCliTest {

    @Test
    void anExerciseIsCreatedVerifiedTamperedWithAndCaught(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        CliTest.Run made = CliTest.run("exercise", "new", "--regime", "est-2009", "--clock", "accelerated", "--factor", "600", "--db", db, "--format", "json");
        assertThat(made.code()).as(made.err()).isZero();
        String id = made.json().get("exercise").asText();
        assertThat(made.json().get("credentials").size()).isEqualTo(58);
        assertThat(made.json().at("/rules/extraordinary_conference/quorum").asText()).contains("45");
        CliTest.Run list = CliTest.run("exercise", "list", "--db", db);
        assertThat(list.out()).contains(id).contains("est-2009");
        CliTest.Run ok = CliTest.run("journal", "verify", id, "--db", db);
        assertThat(ok.code()).isZero();
        assertThat(ok.out()).contains("intact");
        assertThat(CliTest.run("exercise", "replay", id, "--db", db).code()).isZero();
        try (Connection c = DriverManager.getConnection(db); Statement st = c.createStatement()) {
            st.executeUpdate("UPDATE journal SET actor = 'observer' WHERE exercise_id = '" + id + "' AND seq = 1");
        }
        CliTest.Run bad = CliTest.run("journal", "verify", id, "--db", db);
        assertThat(bad.code()).isEqualTo(4);
        assertThat(bad.out()).contains("entry 1").contains("edited");
        assertThat(CliTest.run("exercise", "replay", id, "--db", db).code()).isEqualTo(4);
    }

    @Test
    void mistakesGetOneLineAndExit2(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        CliTest.Run regime = CliTest.run("exercise", "new", "--regime", "no-such", "--db", db);
        assertThat(regime.code()).isEqualTo(2);
        assertThat(regime.err()).contains("est-2009");
        CliTest.Run sq = CliTest.run("exercise", "new", "--regime", "status-quo", "--db", db);
        assertThat(sq.code()).isEqualTo(2);
        assertThat(sq.err()).contains("cfe-1990");
        assertThat(CliTest.run("exercise", "new", "--regime", "est-2009", "--reply-within", "ten days", "--db", db).code()).isEqualTo(2);
        assertThat(CliTest.run("exercise", "new", "--regime", "est-2009", "--clock", "sundial", "--db", db).code()).isEqualTo(2);
        CliTest.Run url = CliTest.run("exercise", "list", "--db", "postgres://nowhere");
        assertThat(url.code()).isEqualTo(2);
        assertThat(url.err()).contains("--db");
        assertThat(CliTest.run("journal", "verify", "ex-none", "--db", db).code()).isEqualTo(2);
    }
}
