package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.server.ProcedureJson;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
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

    /**
     * exercise replay lists every procedure, printed a row (or a JSON object) at a time since a
     * replay of hundreds of thousands of entries ran out of heap on the table built whole: the JSON's
     * procedures are the depositary's view of the replayed state as the API's writer makes it (read
     * here through Jackson), and the table has one line per procedure, in the state's order, with
     * each one's status and deadline. 900 procedures make more text than one 64 KiB piece.
     */
    @Test
    void replayListsEveryProcedureAsTheDepositarySeesIt(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db").resolve("eurosec");
        String id;
        org.eurosec.mechanism.ExerciseState state;
        try (Database d = Database.open(db, Database.Settings.defaults().withKeyFile(dir.resolve("db").resolve(Database.KEY_FILE)))) {
            Exercises ex = new Exercises(d, JournalReceiptsTest.BASE, JournalReceiptsTest.REGIMES, Clock.systemUTC());
            Exercises.Created c = ex.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
            id = c.id();
            List<String> parties = c.state().rules().parties();
            for (int i = 0; i < 900; i++) {
                String from = parties.get(i % parties.size());
                String to = parties.get((i + 1) % parties.size());
                ex.act(id, new Actor.Delegation(from), new Action.RequestInformation(to, "question " + i));
            }
            state = ex.replay(id).state();
            ex.close();
        }
        assertThat(state.procedures()).hasSize(900);

        CliTest.Run json = CliTest.run("exercise", "replay", id, "--db", db, "--format", "json");
        assertThat(json.code()).as(json.err()).isZero();
        assertThat(json.json().get("replays").asBoolean()).isTrue();
        assertThat(json.json().get("entries").asLong()).isEqualTo(901);
        JsonNode expected = org.eurosec.query.Json.mapper().valueToTree(ProcedureJson.view(state, new Actor.Depositary()));
        assertThat(json.json().get("procedures")).isEqualTo(expected);
        assertThat(json.out().length()).isGreaterThan(1 << 16);

        CliTest.Run text = CliTest.run("exercise", "replay", id, "--db", db, "--wide");
        assertThat(text.code()).as(text.err()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo(id + ": 901 journal entries; the exercise replays exactly");
        assertThat(lines.get(1)).startsWith("procedure").contains("deadline");
        List<String> rows = lines.stream().skip(3).filter(l -> !l.startsWith(" ")).toList();
        List<org.eurosec.mechanism.Procedure> procedures = List.copyOf(state.procedures().values());
        assertThat(rows).hasSize(900);
        for (int i = 0; i < 900; i++) {
            org.eurosec.mechanism.Procedure p = procedures.get(i);
            assertThat(rows.get(i).split(" +")[0]).isEqualTo(String.valueOf(p.id()));
            assertThat(rows.get(i)).contains(p.status().id()).endsWith(p.deadline().orElseThrow().toString());
        }
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

    @Test
    void theAdministratorsCommandsIssueRotateRevokeAndClose(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        CliTest.Run admin = CliTest.run("exercise", "admin-token", "--db", db, "--format", "json");
        assertThat(admin.code()).as(admin.err()).isZero();
        String token = admin.json().get("admin_credential").asText();
        assertThat(token).startsWith("esa_");
        CliTest.Run again = CliTest.run("exercise", "admin-token", "--db", db);
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("--replace").doesNotContain(token);
        CliTest.Run replaced = CliTest.run("exercise", "admin-token", "--replace", "--db", db);
        assertThat(replaced.code()).isZero();
        assertThat(replaced.out()).doesNotContain(token).contains("esa_");

        CliTest.Run made = CliTest.run("exercise", "new", "--regime", "est-2009", "--db", db, "--format", "json");
        String id = made.json().get("exercise").asText();
        String geo = made.json().at("/credentials/delegation:GEO").asText();
        CliTest.Run issued = CliTest.run("exercise", "issue", id, "--actor", "observer", "--db", db, "--format", "json");
        assertThat(issued.code()).as(issued.err()).isZero();
        assertThat(issued.json().get("credential").asText()).startsWith("es_");
        CliTest.Run rotated = CliTest.run("exercise", "rotate", id, "--actor", "delegation:GEO", "--db", db, "--format", "json");
        assertThat(rotated.json().get("revoked").asInt()).isEqualTo(1);
        String geo2 = rotated.json().get("credential").asText();
        CliTest.Run revoked = CliTest.run("exercise", "revoke", id, "--actor", "delegation:GEO", "--db", db);
        assertThat(revoked.out()).contains("delegation:GEO").contains("1 credential(s) revoked");
        CliTest.Run listed = CliTest.run("exercise", "credentials", id, "--db", db, "--format", "csv");
        assertThat(listed.code()).isZero();
        assertThat(listed.out().lines().filter(l -> l.startsWith("delegation:GEO,"))).hasSize(2).allSatisfy(l -> assertThat(l).doesNotEndWith(","));
        assertThat(listed.out()).doesNotContain(geo).doesNotContain(geo2);
        assertThat(CliTest.run("exercise", "issue", id, "--actor", "delegation:XYZ", "--db", db).err()).contains("XYZ is not a party");

        CliTest.Run closed = CliTest.run("exercise", "close", id, "--reason", "end of the session", "--db", db);
        assertThat(closed.code()).as(closed.err()).isZero();
        assertThat(closed.out()).contains(id + " is closed");
        CliTest.Run twice = CliTest.run("exercise", "close", id, "--db", db);
        assertThat(twice.code()).isEqualTo(2);
        assertThat(twice.err()).contains("already closed");
        assertThat(CliTest.run("exercise", "list", "--db", db, "--format", "csv").out().lines().filter(l -> l.startsWith(id + ",")))
                .singleElement().satisfies(l -> assertThat(l.substring(l.lastIndexOf(',') + 1)).as("closed_at").matches("\\d{4}-\\d\\d-\\d\\dT.*"));
        assertThat(CliTest.run("exercise", "replay", id, "--db", db).code()).isZero();
        assertThat(CliTest.run("journal", "verify", id, "--db", db).code()).isZero();
    }

    @Test
    void anExerciseThatCouldNotRunIsRefusedAndNothingIsCreated(@TempDir Path dir) {
        String db = "jdbc:h2:file:" + dir.resolve("db");
        CliTest.Run forever = CliTest.run("exercise", "new", "--regime", "est-2009", "--reply-within", "P999999999Y", "--db", db);
        assertThat(forever.code()).isEqualTo(2);
        assertThat(forever.err()).startsWith("eurosec: --reply-within: P999999999Y").contains("P1D").contains("P1Y").doesNotContain("Exception");
        CliTest.Run zero = CliTest.run("exercise", "new", "--regime", "est-2009", "--voting-window", "P0D", "--db", db);
        assertThat(zero.code()).isEqualTo(2);
        assertThat(zero.err()).contains("--voting-window: P0D");
        CliTest.Run early = CliTest.run("exercise", "new", "--regime", "est-2009", "--day", "1949-01-01", "--db", db);
        assertThat(early.code()).isEqualTo(2);
        assertThat(early.err()).contains("--day:").contains("no state parties").contains("1949-01-01");
        CliTest.Run both = CliTest.run("exercise", "new", "--regime", "est-2009", "--day", "1949-01-01", "--hold-within", "P2Y", "--db", db);
        assertThat(both.err()).contains("--hold-within: P2Y").contains("; --day: ");
        CliTest.Run list = CliTest.run("exercise", "list", "--db", db, "--format", "csv");
        assertThat(list.code()).isZero();
        assertThat(list.out().lines().count()).as("only the header: no exercise was created").isEqualTo(1);
    }

    @Test
    void aDatabaseUrlIsMadeDurableOrRefusedAndItsPasswordNeverShown(@TempDir Path dir) {
        String base = "jdbc:h2:file:" + dir.resolve("db");
        CliTest.Run delayed = CliTest.run("exercise", "list", "--db", base + ";WRITE_DELAY=500");
        assertThat(delayed.code()).isEqualTo(2);
        assertThat(delayed.err()).contains("WRITE_DELAY=500").contains("before they are on disk");
        CliTest.Run auto = CliTest.run("exercise", "list", "--db", base + ";AUTO_SERVER=TRUE");
        assertThat(auto.code()).isEqualTo(2);
        assertThat(auto.err()).contains("AUTO_SERVER").contains("listener");
        CliTest.Run pg = CliTest.run("exercise", "list", "--db-timeout", "1", "--db", "jdbc:postgresql://127.0.0.1:1/none?user=u&password=hunter2");
        assertThat(pg.code()).isEqualTo(2);
        assertThat(pg.err()).contains("password=***").doesNotContain("hunter2");
        CliTest.Run h2 = CliTest.run("exercise", "list", "--db", base + ";PASSWORD=hunter2;USER=sa");
        assertThat(h2.code()).as(h2.err()).isZero();
        CliTest.Run wrong = CliTest.run("exercise", "list", "--db", base + ";PASSWORD=hunter3;USER=sa");
        assertThat(wrong.code()).isEqualTo(2);
        assertThat(wrong.err()).contains("PASSWORD=***").doesNotContain("hunter");
    }

    @Test
    void aSecondProcessIsToldTheDatabaseIsInUse(@TempDir Path dir) throws Exception {
        String db = "jdbc:h2:file:" + dir.resolve("db").resolve("eurosec");
        try (org.eurosec.store.Database held = org.eurosec.store.Database.open(db)) {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Process p = new ProcessBuilder(javaBin, "-cp", System.getProperty("java.class.path"), Main.class.getName(), "exercise", "list", "--db", db)
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).as(out).isEqualTo(2);
            assertThat(out).contains("in use by another process").doesNotContain("Exception");
        }
    }
}
