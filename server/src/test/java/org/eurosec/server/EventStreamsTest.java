package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The procedures as Server-Sent Events over real HTTP: everything after the cursor first (more than
 * one page's worth arrives whole), then each change alone; a reconnection with Last-Event-ID gets
 * only what changed since; a delegation's stream holds only what it may see; two streams per
 * credential, the third 429; a revoked credential's stream ends with an 'end' event; no credential
 * is 401 and a bad parameter 400.
 */
class EventStreamsTest {

    static final Architecture BASE = EmbeddedData.load();
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    /** One event: its name, id and data. */
    record Event(String name, String id, JsonNode data) {
    }

    /** A stream being read on another thread, its events queued as they come. */
    static final class Events implements AutoCloseable {
        final BlockingQueue<Event> queue = new LinkedBlockingQueue<>();
        final HttpResponse<Stream<String>> response;
        final Thread reader;

        Events(HttpResponse<Stream<String>> response) {
            this.response = response;
            this.reader = new Thread(() -> {
                try {
                    read(response);
                } catch (java.io.UncheckedIOException | IllegalStateException closed) {
                    // the test closed the stream
                }
            });
            reader.setDaemon(true);
            reader.start();
        }

        private void read(HttpResponse<Stream<String>> response) {
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            for (String line : (Iterable<String>) response.body()::iterator) {
                if (line.isEmpty()) {
                    if (data.length() > 0) {
                        try {
                            queue.add(new Event(name, id, ActionCodec.JSON.readTree(data.toString())));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                    name = "message";
                    data.setLength(0);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
        }

        Event next() throws InterruptedException {
            Event e = queue.poll(15, TimeUnit.SECONDS);
            assertThat(e).as("an event within 15 s").isNotNull();
            return e;
        }

        @Override
        public void close() {
            response.body().close();
        }
    }

    static HttpResponse<Stream<String>> open(int port, String path, String token, String lastEventId) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Accept", "text/event-stream");
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
    }

    static List<Integer> ids(Event e) {
        List<Integer> out = new ArrayList<>();
        e.data().get("procedures").forEach(p -> out.add(p.get("id").asInt()));
        return out;
    }

    @Test
    void proceduresStreamFromTheCursorThenAsTheyChange() throws Exception {
        try (Database db = Database.open(Database.defaultUrl(dir.resolve("db")))) {
            Exercises store = new Exercises(db, BASE, EmbeddedData.regimes(BASE), Clock.systemUTC());
            Exercises.Created ex = store.create("est-2009", LocalDate.of(2009, 12, 1), "real", 1, ProcedureRules.Settings.defaults());
            List<String> parties = ex.state().rules().parties();
            int n = ApiServer.MAX_PAGE + 30; // more than one event's page
            for (int i = 0; i < n; i++) {
                Exercises.Outcome o = store.act(ex.id(), new Actor.Delegation(parties.get(i % parties.size())),
                        new Action.RequestInformation(parties.get((i + 1) % parties.size()), "question " + i));
                assertThat(o.result()).isInstanceOf(Mechanism.Accepted.class);
            }
            ApiServer server = new ApiServer(store).start("127.0.0.1", 0);
            try {
                int port = server.port();
                String path = "/api/exercises/" + ex.id() + "/events";
                String dep = ex.tokens().get("depositary");
                String lastId;
                try (Events s = new Events(open(port, path, dep, null))) {
                    assertThat(s.response.statusCode()).isEqualTo(200);
                    assertThat(s.response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
                    List<Integer> seen = new ArrayList<>();
                    Event first = s.next();
                    assertThat(first.name()).isEqualTo("procedures");
                    seen.addAll(ids(first));
                    Event second = s.next();
                    seen.addAll(ids(second));
                    assertThat(seen).hasSize(n).doesNotHaveDuplicates();
                    assertThat(second.id()).isEqualTo(second.data().get("next_after").asText());

                    // A reply changes procedure 1: it comes alone, with a later id.
                    assertThat(store.act(ex.id(), new Actor.Delegation(parties.get(1)), new Action.Reply(1, "routine")).result())
                            .isInstanceOf(Mechanism.Accepted.class);
                    Event change = s.next();
                    assertThat(ids(change)).containsExactly(1);
                    assertThat(change.data().at("/procedures/0/status").asText()).isEqualTo("answered");
                    assertThat(Long.parseLong(change.id())).isGreaterThan(Long.parseLong(second.id()));
                    lastId = change.id();
                }

                // Reconnecting from the last id: nothing old, only the next change.
                try (Events s = new Events(open(port, path, dep, lastId))) {
                    store.act(ex.id(), new Actor.Delegation("RUS"), new Action.RequestInformation("GEO", "after the reconnection"));
                    Event next = s.next();
                    assertThat(ids(next)).containsExactly(n + 1);
                }

                // A delegation's stream: what Mechanism.visible gives it, no more.
                String geo = ex.tokens().get("delegation:GEO");
                int visible = Mechanism.visible(store.state(ex.id()), new Actor.Delegation("GEO")).size();
                try (Events a = new Events(open(port, path, geo, null)); Events b = new Events(open(port, path, geo, null))) {
                    List<Integer> mine = new ArrayList<>();
                    while (mine.size() < visible) {
                        mine.addAll(ids(a.next()));
                    }
                    assertThat(mine).hasSize(visible).doesNotHaveDuplicates();
                    // Two streams are open on this credential: a third is refused, another credential's is not.
                    assertThat(b.response.statusCode()).isEqualTo(200);
                    HttpResponse<Stream<String>> third = open(port, path, geo, null);
                    assertThat(third.statusCode()).isEqualTo(429);
                    assertThat(third.headers().firstValue("Retry-After")).isPresent();
                    assertThat(String.join("", third.body().toList())).contains("at most 2 event streams per credential");
                    try (Events other = new Events(open(port, path, ex.tokens().get("delegation:UKR"), null))) {
                        assertThat(other.response.statusCode()).isEqualTo(200);
                    }
                    // Revoked: the open stream ends, saying why.
                    store.revoke(ex.id(), "delegation:GEO");
                    Event end;
                    do {
                        end = a.next();
                    } while (!end.name().equals("end"));
                    assertThat(end.data().get("reason").asText()).contains("no longer accepted");
                }

                // No credential, a bad parameter.
                assertThat(open(port, path, null, null).statusCode()).isEqualTo(401);
                assertThat(open(port, path + "?for=0", dep, null).statusCode()).isEqualTo(400);
                assertThat(open(port, path, dep, "yesterday").statusCode()).isEqualTo(400);
            } finally {
                server.close();
                store.close();
            }
        }
    }
}
