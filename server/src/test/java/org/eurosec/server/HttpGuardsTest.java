package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.query.Eurosec;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the server refuses before any work: oversized and slow bodies, wrong types and hosts, other methods; its own errors in JSON. */
class HttpGuardsTest {

    @TempDir
    static Path dir;
    static Database db;
    static Exercises exercises;
    static Exercises.Created ex;
    static ApiServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() {
        db = Database.open(Database.defaultUrl(dir));
        Architecture base = EmbeddedData.load();
        exercises = new Exercises(db, base, EmbeddedData.regimes(base), Clock.systemUTC());
        ex = exercises.create("est-2009", LocalDate.of(2010, 6, 1), "real", 1, ProcedureRules.Settings.defaults());
        server = new ApiServer(exercises, Eurosec.embedded()).allowHosts(List.of("eurosec.example")).start("127.0.0.1", 0);
    }

    @AfterAll
    static void stop() {
        server.close();
        db.close();
    }

    /** Sends a request by hand on a socket; the body (if any) chunked, {@code total} bytes, stopping when the server answers. Returns [status line, bytes sent]. */
    static String[] chunked(String method, String path, String contentType, String token, long total) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String head = method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: " + contentType + "\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n";
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[16 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'a');
            long sent = 0;
            try {
                while (sent < total && in.available() == 0) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                    sent += chunk.length;
                }
                if (sent >= total) {
                    out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
            } catch (IOException closedByServer) {
                // the server answered and closed while we were still sending: what we want to see
            }
            StringBuilder line = new StringBuilder();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                line.append((char) c);
            }
            return new String[] {line.toString().trim(), String.valueOf(sent)};
        }
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedWhileItIsRead() throws Exception {
        for (long size : new long[] {1L << 20, 100L << 20}) {
            String[] action = chunked("POST", "/api/exercises/" + ex.id() + "/actions", "application/json", ex.tokens().get("delegation:RUS"), size);
            assertThat(action[0]).as("actions, %d bytes", size).contains(" 413");
            String[] upload = chunked("POST", "/api/compare", "application/yaml", null, size);
            assertThat(upload[0]).as("upload, %d bytes", size).contains(" 413");
        }
        // Refused before any of it was stored: nothing in the server's folder for uploads.
        try (var left = java.nio.file.Files.list(server.uploads())) {
            assertThat(left).isEmpty();
        }
        // How much of the rest the client manages to send before it sees the answer depends on the machine's load (the web
        // server discards what still arrives until it closes the connection, a second after the answer; nothing of it is
        // kept), so it is not asserted here; aClientStillSendingAfterItsRefusalIsCutOff checks the close.
        assertThat(exercises.journal(ex.id())).hasSize(1);
    }

    /**
     * A client that goes on sending after its 413 (a chunked body with no end), or after a 401 given
     * before its body was read, gets the answer and then has its connection closed: before, the web server shut only its own side and read on,
     * throwing the bytes away, for as long as the client sent (seconds of CPU a request, with no
     * credential). The connection must end within {@link HttpGuards#REFUSED_LINGER_MS} and some
     * slack; the client gives up after 30 s.
     */
    @Test
    void aClientStillSendingAfterItsRefusalIsCutOff() throws Exception {
        for (String[] route : new String[][] {{"/api/exercises/" + ex.id() + "/actions", "application/json", ex.tokens().get("delegation:RUS"), "413"},
                {"/api/compare", "application/yaml", null, "413"},
                // refused before its body is read: the action route's own answer, which kept the connection and read on
                {"/api/exercises/" + ex.id() + "/actions", "application/json", "es_unknown", "401"}}) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(100);
                OutputStream out = s.getOutputStream();
                InputStream in = s.getInputStream();
                out.write(("POST " + route[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: " + route[1] + "\r\n"
                        + (route[2] == null ? "" : "Authorization: Bearer " + route[2] + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                // Sixteen chunks of 16 KiB written at once: a client this fast keeps the server's input from ever running dry,
                // which is what kept the web server reading.
                java.io.ByteArrayOutputStream block = new java.io.ByteArrayOutputStream();
                byte[] chunk = new byte[16 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                for (int i = 0; i < 16; i++) {
                    block.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    block.write(chunk);
                    block.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                byte[] bytes = block.toByteArray();
                StringBuilder answer = new StringBuilder();
                long answered = 0;
                boolean cut = false;
                long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (System.nanoTime() - until < 0) {
                    try {
                        out.write(bytes);
                    } catch (IOException e) {
                        cut = true;
                        break;
                    }
                    if (in.available() > 0) {
                        byte[] b = new byte[in.available()];
                        int n = in.read(b);
                        answer.append(new String(b, 0, n, StandardCharsets.US_ASCII));
                        answered = answered == 0 ? System.nanoTime() : answered;
                    }
                }
                assertThat(answer.toString()).as(route[0]).startsWith("HTTP/1.1 " + route[3]);
                // The answer says the connection ends: a web server that kept it would read on for as long as the client
                // sent (whether it did depended on whether the client's bytes were in hand at that moment).
                assertThat(answer.toString()).as(route[0]).containsIgnoringCase("\r\nConnection: close\r\n");
                assertThat(cut).as(route[0] + ": the connection was still open after 30 s of sending").isTrue();
                assertThat(Duration.ofNanos(System.nanoTime() - answered)).as(route[0] + ": from the answer to the cut")
                        .isLessThan(Duration.ofMillis(HttpGuards.REFUSED_LINGER_MS + 10_000));
            }
        }
    }

    /**
     * Accepted actions keep their connection (a console or script sends many on one), while one refused
     * before its body was read closes it: the test the action route uses for "the body was read" must
     * count a body read to its Content-Length as read (a first try used the end-of-input flag, which
     * such a body never sets, and closed every connection after one action).
     */
    @Test
    void acceptedActionsKeepTheConnectionARefusalUnreadClosesIt() throws Exception {
        String path = "/api/exercises/" + ex.id() + "/actions";
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(20_000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            String[] to = {"GEO", "FRA", "DEU"};
            for (int i = 0; i < to.length; i++) {
                String token = i < 2 ? ex.tokens().get("delegation:RUS") : "es_unknown";
                String body = "{\"kind\":\"request-information\",\"to\":\"" + to[i] + "\",\"subject\":\"kept " + i + "\"}";
                out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer " + token
                        + "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String head = responseHead(in);
                if (i < 2) {
                    assertThat(head).as("action %d", i).startsWith("HTTP/1.1 201").doesNotContainIgnoringCase("Connection: close");
                } else {
                    assertThat(head).startsWith("HTTP/1.1 401").containsIgnoringCase("Connection: close");
                }
            }
        }
    }

    /** Reads one answer's head and its body (by Content-Length) from {@code in}; returns the head. */
    static String responseHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                throw new IOException("the connection closed in the middle of an answer: " + head);
            }
            head.append((char) c);
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
        if (m.find()) {
            in.readNBytes(Integer.parseInt(m.group(1)));
        }
        return head.toString();
    }

    @Test
    void theRefusalComesAtTheLimitNotAtTheEndOfTheBody() throws Exception {
        // 128 KiB sent, then the client waits without ending the body: a server that read the whole body before
        // checking its size would wait too; one that counts while reading answers 413 at 64 KiB.
        for (String[] route : new String[][] {{"/api/exercises/" + ex.id() + "/actions", "application/json", ex.tokens().get("delegation:RUS")},
                {"/api/compare", "application/yaml", null}}) {
            try (Socket s = new Socket("127.0.0.1", server.port())) {
                s.setSoTimeout(30_000);
                OutputStream out = s.getOutputStream();
                out.write(("POST " + route[0] + " HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: " + route[1] + "\r\n"
                        + (route[2] == null ? "" : "Authorization: Bearer " + route[2] + "\r\n") + "\r\n").getBytes(StandardCharsets.US_ASCII));
                byte[] chunk = new byte[16 * 1024];
                java.util.Arrays.fill(chunk, (byte) 'a');
                for (int i = 0; i < 8; i++) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                out.flush();
                StringBuilder line = new StringBuilder();
                InputStream in = s.getInputStream();
                int c;
                while ((c = in.read()) >= 0 && c != '\n') {
                    line.append((char) c);
                }
                assertThat(line.toString()).as(route[0]).contains(" 413");
            }
        }
    }

    @Test
    void slowSendersCannotTakeTheThreads() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 300; i++) {
                Socket s = new Socket("127.0.0.1", server.port());
                s.getOutputStream().write(("POST /api/compare HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/yaml\r\nContent-Length: 1000\r\n\r\nx")
                        .getBytes(StandardCharsets.US_ASCII));
                slow.add(s);
            }
            for (int round = 0; round < 3; round++) {
                HttpResponse<String> health = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(health.statusCode()).isEqualTo(200);
                for (Socket s : slow) {
                    try {
                        s.getOutputStream().write('x');
                    } catch (IOException cutOff) {
                        // the server has already given up on this one
                    }
                }
                Thread.sleep(1000);
            }
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    @Test
    void wrongTypesHostsAndMethodsAreRefusedInJson() throws Exception {
        String base = "http://127.0.0.1:" + server.port();
        HttpResponse<String> plain = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/exercises/" + ex.id() + "/actions"))
                .header("Authorization", "Bearer " + ex.tokens().get("delegation:RUS")).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"request-information\",\"to\":\"GEO\",\"subject\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(415);
        assertThat(plain.body()).contains("\"field\":\"Content-Type\"");

        HttpResponse<String> twice = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/exercises/" + ex.id() + "/actions"))
                .header("Authorization", "Bearer " + ex.tokens().get("delegation:RUS")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"request-information\",\"to\":\"GEO\",\"subject\":\"x\"} {\"kind\":\"vote\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(twice.statusCode()).isEqualTo(400);
        // Said in words, not in the parser's own terms (its class names and settings).
        assertThat(twice.body()).contains("\"field\":\"body\"").contains("something follows the JSON value").doesNotContain("com.fasterxml")
                .doesNotContain("FAIL_ON_TRAILING_TOKENS");
        HttpResponse<String> duplicate = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/exercises/" + ex.id() + "/actions"))
                .header("Authorization", "Bearer " + ex.tokens().get("delegation:RUS")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"kind\":\"request-information\",\"to\":\"GEO\",\"to\":\"UKR\",\"subject\":\"x\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(duplicate.statusCode()).isEqualTo(400);
        assertThat(duplicate.body()).contains("the key 'to' is given twice");
        HttpResponse<String> broken = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/exercises/" + ex.id() + "/actions"))
                .header("Authorization", "Bearer " + ex.tokens().get("delegation:RUS")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\n\"kind\": \"vote\",\n\"procedure\" 1}")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("not JSON (line 3, column").doesNotContain("\\n at [Source");
        assertThat(exercises.journal(ex.id())).hasSize(1);

        HttpResponse<String> method = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/coverage")).DELETE().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(method.statusCode()).isEqualTo(405);
        assertThat(method.headers().firstValue("Allow")).contains("GET");
        assertThat(method.body()).contains("\"status\":405");
        HttpResponse<String> actionsGet = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/exercises/" + ex.id() + "/actions")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(actionsGet.statusCode()).isEqualTo(405);
        assertThat(actionsGet.headers().firstValue("Allow")).contains("POST");

        HttpResponse<String> seen = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/exercises/" + ex.id()))
                .header("Authorization", "Bearer " + ex.tokens().get("observer")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(seen.statusCode()).isEqualTo(200);
        assertThat(seen.headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void requestsRefusedBeforeAnyHandlerAreLoggedUnderTheirRouteTemplate() throws Exception {
        String log = loggedWhile(() -> {
            String path = "/api/exercises/" + ex.id() + "/actions";
            assertThat(raw("PUT " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 405");
            String[] refused = chunked("POST", path, "application/json", ex.tokens().get("delegation:RUS"), 1L << 20);
            assertThat(refused[0]).contains(" 413");
        }, " 405 ", " 413 ");
        assertThat(log).contains("PUT /api/exercises/{id}/actions 405").contains("POST /api/exercises/{id}/actions 413");
        assertThat(log).doesNotContain(ex.id()).doesNotContain(ex.tokens().get("delegation:RUS"));
    }

    @Test
    void aRequestForAnotherHostIsRefusedAndAnAllowedOneServed() throws Exception {
        assertThat(raw("GET /api/health HTTP/1.1\r\nHost: attacker.example\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 421").contains("\"field\":\"Host\"");
        assertThat(raw("GET /api/health HTTP/1.1\r\nHost: eurosec.example:7070\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
        assertThat(raw("GET /api/health HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")).startsWith("HTTP/1.1 200");
    }

    @Test
    void theWebServersOwnErrorsAreJsonAndLogged() throws Exception {
        String log = loggedWhile(() -> {
            String big = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + "a".repeat(20_000) + "\r\nConnection: close\r\n\r\n";
            String r = raw(big);
            assertThat(r).startsWith("HTTP/1.1 431").contains("application/json").contains("\"status\":431");
            String bad = raw("GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: nope\r\nConnection: close\r\n\r\n");
            assertThat(bad).startsWith("HTTP/1.1 400").contains("\"status\":400");
        }, " 431 ", " 400 ");
        // One access-log line each, though the web server refused them before any route.
        assertThat(log).contains("- (refused before routing: headers) 431 -").contains("- (refused before routing: request) 400 -");
    }

    /**
     * The access log is written by a thread of its own: with standard error blocked (a pipe no one
     * reads), requests on one connection are still answered, and their lines come once it flows again.
     * (Before, the request's thread wrote its line itself and stayed stuck in the write, so the next
     * request on the connection, or the answer itself, never came.)
     */
    @Test
    void aBlockedStandardErrorDoesNotHoldUpTheAnswers() throws Exception {
        java.io.PrintStream saved = System.err;
        java.util.concurrent.CountDownLatch flowing = new java.util.concurrent.CountDownLatch(1);
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        OutputStream blocked = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                try {
                    flowing.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                }
                synchronized (captured) {
                    captured.write(b, off, len);
                }
            }
        };
        System.setErr(new java.io.PrintStream(blocked, true, StandardCharsets.UTF_8));
        try {
            HttpClient one = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 3; i++) {
                HttpResponse<String> r = one.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/health?n=" + i))
                        .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).isEqualTo(200);
            }
        } finally {
            flowing.countDown();
        }
        try {
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String log;
            do {
                Thread.sleep(50);
                synchronized (captured) {
                    log = captured.toString(StandardCharsets.UTF_8);
                }
            } while (log.split("GET /api/health 200", -1).length - 1 < 3 && System.nanoTime() < until);
            assertThat(log.split("GET /api/health 200", -1).length - 1).as("a line for each request, once standard error flows").isGreaterThanOrEqualTo(3);
        } finally {
            System.setErr(saved);
        }
    }

    /** Requests that may throw, as {@link #loggedWhile} runs them. */
    interface Requests {
        void send() throws Exception;
    }

    /**
     * What the server logs on standard error while {@code requests} run, read until every one of {@code
     * awaited} is in it (the log line can follow the answer) or 10 s have passed.
     */
    static String loggedWhile(Requests requests, String... awaited) throws Exception {
        java.io.PrintStream saved = System.err;
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            requests.send();
            long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            String log;
            do {
                Thread.sleep(50);
                log = captured.toString(StandardCharsets.UTF_8);
            } while (!java.util.Arrays.stream(awaited).allMatch(log::contains) && System.nanoTime() < until);
            return log;
        } finally {
            System.setErr(saved);
        }
    }

    static String raw(String request) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            s.getOutputStream().flush();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
