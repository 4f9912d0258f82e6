package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.server.ApiServer;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `exercise follow` against a real server over HTTP: more procedures than a page, each once, in the
 * order the API lists them, over as many requests as the pages need; a delegation sees only its own;
 * a revoked credential is refused in words (exit 2); the credential never comes from the command line.
 */
class FollowCommandTest {

    static final Architecture BASE = EmbeddedData.load();

    @TempDir
    Path dir;

    /**
     * Building the command, as {@code exercise} and its help do and as the launcher's class-data archive
     * is recorded, starts no HTTP client (its selector thread): the client is made when the command runs.
     */
    @Test
    void buildingTheCommandStartsNoHttpClient() {
        long before = selectorThreads();
        new picocli.CommandLine(new ExerciseCommand());
        new picocli.CommandLine(new FollowCommand());
        assertThat(selectorThreads()).isEqualTo(before);
    }

    private static long selectorThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().startsWith("HttpClient-") && t.getName().endsWith("-SelectorManager"))
                .count();
    }

    @Test
    void followsTheCursorToEveryProcedureTheCredentialMaySee() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")))) {
            Exercises store = new Exercises(db, BASE, EmbeddedData.regimes(BASE), Clock.systemUTC());
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2009, 12, 1), "real", 1, ProcedureRules.Settings.defaults());
            List<String> parties = ex.state().rules().parties();
            int n = 230;
            for (int i = 0; i < n; i++) {
                String from = parties.get(i % parties.size());
                String to = parties.get((i + 1) % parties.size());
                Exercises.Outcome o = store.act(ex.id(), new Actor.Delegation(from), new Action.RequestInformation(to, "question " + i));
                assertThat(o.result()).isInstanceOf(Mechanism.Accepted.class);
            }
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                String url = "http://127.0.0.1:" + server.port();
                Path depositary = dir.resolve("depositary.credential");
                Files.writeString(depositary, ex.tokens().get("depositary") + "\n");
                CliTest.Run all = CliTest.run("exercise", "follow", ex.id(), "--server", url, "--credential-file", depositary.toString(), "--once",
                        "--page", "100", "--format", "json");
                assertThat(all.err()).isEmpty();
                assertThat(all.code()).isZero();
                List<Integer> ids = new ArrayList<>();
                for (String line : all.out().lines().toList()) {
                    JsonNode p = ActionCodec.JSON.readTree(line);
                    ids.add(p.get("id").asInt());
                }
                assertThat(ids).hasSize(n).doesNotHaveDuplicates();
                assertThat(ids).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());

                // As a table: one line per procedure, then how many requests the three pages took.
                CliTest.Run table = CliTest.run("exercise", "follow", ex.id(), "--server", url, "--credential-file", depositary.toString(), "--once",
                        "--page", "100");
                assertThat(table.out().lines().filter(l -> l.startsWith("#")).count()).isEqualTo(n);
                assertThat(table.out()).contains(n + " procedure(s) in 3 request(s)");

                // Georgia sees what the rules let it see (Mechanism.visible), and no more.
                int toGeorgia = Mechanism.visible(store.state(ex.id()), new Actor.Delegation("GEO")).size();
                Path georgia = dir.resolve("georgia.credential");
                Files.writeString(georgia, ex.tokens().get("delegation:GEO"));
                CliTest.Run mine = CliTest.run("exercise", "follow", ex.id(), "--server", url, "--credential-file", georgia.toString(), "--once");
                assertThat(mine.out().lines().filter(l -> l.startsWith("#")).count()).isEqualTo(toGeorgia);

                // Revoked: refused at once, the status said in words.
                store.revoke(ex.id(), "delegation:GEO");
                CliTest.Run refused = CliTest.run("exercise", "follow", ex.id(), "--server", url, "--credential-file", georgia.toString(), "--once");
                assertThat(refused.code()).isEqualTo(2);
                assertThat(refused.err()).contains("the server does not accept the credential (unknown, revoked or replaced)").contains("HTTP 401");

                // No credential given: said, not asked for on the command line.
                CliTest.Run none = CliTest.run("exercise", "follow", ex.id(), "--server", url, "--credential-file", dir.resolve("missing").toString());
                assertThat(none.code()).isEqualTo(2);
                assertThat(none.err()).contains("--credential-file: cannot read");
            } finally {
                server.close();
                store.close();
            }
        }
    }

    /** With --events: what there is, then each change as the server sends it, until the credential is revoked (exit 2, said in words). */
    @Test
    void followsTheEventStreamUntilTheCredentialIsRevoked() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")))) {
            Exercises store = new Exercises(db, BASE, EmbeddedData.regimes(BASE), Clock.systemUTC());
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2009, 12, 1), "real", 1, ProcedureRules.Settings.defaults());
            for (String from : List.of("RUS", "POL", "USA")) {
                store.act(ex.id(), new Actor.Delegation(from), new Action.RequestInformation("GEO", "from " + from));
            }
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            java.util.concurrent.ExecutorService running = java.util.concurrent.Executors.newSingleThreadExecutor();
            try {
                Path observer = dir.resolve("observer.credential");
                Files.writeString(observer, ex.tokens().get("observer"));
                java.io.StringWriter out = new java.io.StringWriter();
                java.io.StringWriter err = new java.io.StringWriter();
                java.util.concurrent.Future<Integer> code = running.submit(() -> Main.run(new String[] {"exercise", "follow", ex.id(), "--server",
                        "http://127.0.0.1:" + server.port(), "--credential-file", observer.toString(), "--events", "--every", "0.2"},
                        new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true)));
                waitFor(() -> out.toString().lines().count() == 3);
                assertThat(out.toString()).contains("from RUS").contains("from POL").contains("from USA");
                store.act(ex.id(), new Actor.Delegation("GEO"), new Action.Reply(1, "routine"));
                waitFor(() -> out.toString().lines().count() == 4);
                assertThat(out.toString().lines().toList().get(3)).startsWith("#1 information-request answered");
                store.revoke(ex.id(), "observer");
                assertThat(code.get(20, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(2);
                assertThat(err.toString()).contains("the server does not accept the credential").contains("no longer accepted");
            } finally {
                running.shutdownNow();
                server.close();
                store.close();
            }
        }
    }

    static void waitFor(java.util.function.BooleanSupplier done) throws InterruptedException {
        long until = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean()) {
            assertThat(System.currentTimeMillis()).as("within 20 s").isLessThan(until);
            Thread.sleep(50);
        }
    }
}
