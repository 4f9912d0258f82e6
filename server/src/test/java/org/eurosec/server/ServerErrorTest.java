package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An Error thrown while a request is served (here an OutOfMemoryError from the clock, as a request
 * that exhausts the heap would meet one) is answered with the API's JSON 500 on a read, not with the
 * web server's empty page, and fails an action as a failed write (503, nothing journaled); the
 * exercise clock's tick, hit by the same Error, keeps its schedule; and once the fault is gone the
 * same requests succeed.
 */
class ServerErrorTest {

    static final Architecture BASE = EmbeddedData.load();

    @TempDir
    Path dir;

    /** The system clock, or an OutOfMemoryError on every reading while armed. */
    static final class FailingClock extends Clock {
        volatile boolean armed;

        @Override
        public Instant instant() {
            if (armed) {
                throw new OutOfMemoryError("injected by the test");
            }
            return Instant.now();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    @Test
    void anErrorInAHandlerIsTheApisJson500AndTheClockGoesOn() throws Exception {
        FailingClock clock = new FailingClock();
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")))) {
            Exercises store = new Exercises(db, BASE, EmbeddedData.regimes(BASE), clock);
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
            String geo = ex.tokens().get("delegation:GEO");
            String path = "/api/exercises/" + ex.id();
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                int port = server.port();
                assertThat(StoreApiTest.call(port, "GET", path, geo, null).status()).isEqualTo(200); // in memory: the tick reads the clock
                clock.armed = true;
                String said = "the exercise clock could not record passed deadlines";
                long deadline = System.nanoTime() + 10_000_000_000L;
                while (count(captured, said) < 2 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertThat(count(captured, said)).as("the tick failed and was tried again a second later").isGreaterThanOrEqualTo(2);
                StoreApiTest.Reply read = StoreApiTest.call(port, "GET", path, geo, null);
                assertThat(read.status()).as(read.body()).isEqualTo(500);
                assertThat(read.headers().get("content-type").get(0)).startsWith("application/json");
                assertThat(read.json().at("/error/status").asInt()).as(read.body()).isEqualTo(500);
                assertThat(read.json().at("/error/field").asText()).isEqualTo("server");
                // The action meets the Error in the journal writer, which fails the batch as a failed write: 503, nothing journaled.
                StoreApiTest.Reply act = StoreApiTest.call(port, "POST", path + "/actions", geo, StoreApiTest.ask("RUS", "troops"));
                assertThat(act.status()).as(act.body()).isEqualTo(503);
                assertThat(act.json().at("/error/field").asText()).isEqualTo("journal");
                clock.armed = false;
                assertThat(StoreApiTest.call(port, "POST", path + "/actions", geo, StoreApiTest.ask("RUS", "troops")).status()).isEqualTo(201);
                assertThat(StoreApiTest.call(port, "GET", path, geo, null).json().get("actions_accepted").asInt()).isEqualTo(1);
            } finally {
                server.close();
                System.setErr(saved);
            }
            assertThat(captured.toString(StandardCharsets.UTF_8)).contains("OutOfMemoryError: injected by the test");
        }
    }

    private static int count(ByteArrayOutputStream out, String what) {
        String text = out.toString(StandardCharsets.UTF_8);
        int n = 0;
        for (int at = text.indexOf(what); at >= 0; at = text.indexOf(what, at + 1)) {
            n++;
        }
        return n;
    }
}
