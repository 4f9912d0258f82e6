package org.eurosec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.eurosec.store.ActionCodec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code eurosec exercise follow}: what the web console does, from a terminal and over HTTP only. With
 * a delegation's, the depositary's or an observer's credential it fetches every procedure the
 * credential may see, a page at a time along the cursor ({@code next_after}), then asks every few
 * seconds only for what changed since ({@code ?after=}); each procedure is printed when it first
 * comes and each time it changes.
 */
@Command(name = "follow",
        description = {"Follow an exercise over HTTP as the web console does, printing its procedures as they change.",
                "Every procedure the credential may see, fetched page by page along the cursor, then only what changed since (?after=).",
                "The credential is read from the environment variable " + FollowCommand.CREDENTIAL_ENV + " or from --credential-file, never from the command line."},
                footer = {"", "Examples:", "  EUROSEC_CREDENTIAL=esd_... eurosec exercise follow ex-abc123 --server http://localhost:7070 --once"})
final class FollowCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    static final String CREDENTIAL_ENV = "EUROSEC_CREDENTIAL";

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "EXERCISE")
    String exercise;

    @Option(names = "--server", paramLabel = "URL", defaultValue = "http://localhost:7070", description = "The server (default http://localhost:7070).")
    String server;

    @Option(names = "--credential-file", paramLabel = "FILE", description = "A file whose first line is the credential (else " + CREDENTIAL_ENV + ").")
    Path credentialFile;

    @Option(names = "--once", description = "Catch up (every procedure there is now) and stop.")
    boolean once;

    @Option(names = "--events", description = "Receive the changes as Server-Sent Events (GET .../events) instead of asking every few seconds.")
    boolean events;

    @Option(names = "--every", paramLabel = "SECONDS", defaultValue = "5", description = "Seconds between two asks for changes (default 5).")
    double every;

    @Option(names = "--page", paramLabel = "N", defaultValue = "250", description = "Procedures per request (1 to 1000; default 250).")
    int page;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table", converter = Options.FormatConverter.class,
            description = "table (default: one line per procedure) or json (the API's object, one a line).")
    Format format = Format.TABLE;

    /**
     * Made when the command runs, not with the command: an HTTP client starts a thread and loads the
     * JDK's HTTP and TLS classes, and the command is built with {@code exercise}, for its help too,
     * and when the launcher records its class-data archive (issue 15: some 400 classes for every question to map).
     */
    private HttpClient http;

    @Override
    public Integer call() throws Exception {
        if (page < 1 || page > 1000) {
            throw new UserError("--page: takes 1 to 1000, not " + page);
        }
        if (!(every > 0)) {
            throw new UserError("--every: takes a number of seconds above 0, not " + every);
        }
        String token = credential();
        URI base;
        try {
            base = URI.create(server.endsWith("/") ? server : server + "/");
        } catch (IllegalArgumentException e) {
            throw new UserError("--server: '" + server + "' is not a URL such as http://localhost:7070");
        }
        PrintWriter out = spec.commandLine().getOut();
        http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        if (events) {
            if (once) {
                throw new UserError("--events follows until stopped; --once catches up and stops: choose one");
            }
            return events(base, token, out);
        }
        long after = 0;
        int seen = 0;
        int requests = 0;
        while (true) {
            boolean more = true;
            while (more) {
                JsonNode p;
                try {
                    p = get(base, token, after);
                } catch (IOException e) {
                    if (once) {
                        throw new UserError("cannot reach " + server + ": " + e.getMessage());
                    }
                    spec.commandLine().getErr().println("cannot reach " + server + " (" + e.getMessage() + "); trying again in " + every + " s");
                    spec.commandLine().getErr().flush();
                    break;
                }
                requests++;
                for (JsonNode x : p.get("procedures")) {
                    out.println(format == Format.JSON ? x.toString() : line(x));
                    seen++;
                }
                out.flush();
                after = p.get("next_after").asLong();
                more = p.get("more").asBoolean();
            }
            if (once) {
                if (format != Format.JSON) {
                    out.println(seen + " procedure(s) in " + requests + " request(s); next changes from ?after=" + after);
                }
                return 0;
            }
            Thread.sleep(Math.round(every * 1000));
        }
    }

    /**
     * Follows the event stream: each 'procedures' event printed as it comes; at an 'end' event the
     * stream is opened again from the last event's id (time up, server restarting), except for a
     * credential no longer accepted, which ends the command as a user error.
     */
    private int events(URI base, String token, PrintWriter out) throws InterruptedException {
        String last = null;
        while (true) {
            URI uri = base.resolve("api/exercises/" + URLEncoder.encode(exercise, StandardCharsets.UTF_8) + "/events");
            HttpRequest.Builder b = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token).header("Accept", "text/event-stream").GET();
            if (last != null) {
                b.header("Last-Event-ID", last);
            }
            String endReason = null;
            try {
                HttpResponse<java.util.stream.Stream<String>> r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
                if (r.statusCode() != 200) {
                    String text = String.join("\n", r.body().toList());
                    JsonNode body;
                    try {
                        body = ActionCodec.JSON.readTree(text);
                    } catch (IOException e) {
                        body = null;
                    }
                    String message = body != null && body.has("error") ? body.at("/error/message").asText() : "HTTP " + r.statusCode();
                    throw new UserError(meaning(r.statusCode()) + ": " + message + " [HTTP " + r.statusCode() + "]");
                }
                String name = "message";
                StringBuilder data = new StringBuilder();
                java.util.Iterator<String> lines = r.body().iterator();
                while (lines.hasNext()) {
                    String line = lines.next();
                    if (line.startsWith("event: ")) {
                        name = line.substring(7);
                    } else if (line.startsWith("id: ")) {
                        last = line.substring(4);
                    } else if (line.startsWith("data: ")) {
                        data.append(line.substring(6));
                    } else if (line.isEmpty() && data.length() > 0) {
                        JsonNode d = ActionCodec.JSON.readTree(data.toString());
                        data.setLength(0);
                        if (name.equals("end")) {
                            endReason = d.path("reason").asText();
                            break;
                        }
                        for (JsonNode x : d.path("procedures")) {
                            out.println(format == Format.JSON ? x.toString() : line(x));
                        }
                        out.flush();
                        name = "message";
                    }
                }
                r.body().close();
            } catch (IOException e) {
                spec.commandLine().getErr().println("the event stream from " + server + " broke (" + e.getMessage() + "); reconnecting in " + every + " s");
                spec.commandLine().getErr().flush();
            }
            if (endReason != null && endReason.contains("no longer accepted")) {
                throw new UserError(meaning(401) + ": " + endReason + " [the stream ended]");
            }
            if (endReason == null || !endReason.contains("time is up")) {
                Thread.sleep(Math.round(every * 1000));
            }
        }
    }

    private String credential() {
        String token;
        if (credentialFile != null) {
            token = UserFiles.firstLine(credentialFile, "--credential-file");
        } else {
            token = System.getenv(CREDENTIAL_ENV);
        }
        if (token == null || token.isBlank()) {
            throw new UserError("give the credential in " + CREDENTIAL_ENV + " or --credential-file FILE (never on the command line)");
        }
        return token.trim();
    }

    /** One page of procedures; a refusal is a user error in the API's own words, its status said in words. */
    private JsonNode get(URI base, String token, long after) throws IOException, InterruptedException {
        URI uri = base.resolve("api/exercises/" + URLEncoder.encode(exercise, StandardCharsets.UTF_8) + "/procedures?after=" + after + "&limit=" + page);
        HttpRequest req = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").GET().build();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        JsonNode body;
        try {
            body = ActionCodec.JSON.readTree(r.body());
        } catch (IOException e) {
            body = null;
        }
        if (r.statusCode() != 200 || body == null || !body.has("procedures")) {
            String message = body != null && body.has("error") ? body.at("/error/message").asText() : "HTTP " + r.statusCode();
            throw new UserError(meaning(r.statusCode()) + ": " + message + " [HTTP " + r.statusCode() + "]");
        }
        return body;
    }

    /** What a status means for whoever follows, as the page says it. */
    static String meaning(int status) {
        return switch (status) {
            case 401 -> "the server does not accept the credential (unknown, revoked or replaced)";
            case 403 -> "this credential is for another exercise";
            case 404 -> "no such exercise or route on this server";
            case 503 -> "the service cannot read right now; try again shortly";
            default -> status >= 500 ? "the server failed" : "refused";
        };
    }

    /** A procedure on one line: number, kind, status, provision, then its deadline if it has one. */
    static String line(JsonNode x) {
        StringBuilder b = new StringBuilder("#").append(x.path("id").asText()).append(' ').append(x.path("kind").asText()).append(' ')
                .append(x.path("status").asText()).append(" (").append(x.path("provision").asText()).append(')');
        if (x.hasNonNull("deadline")) {
            b.append(" deadline ").append(x.get("deadline").asText());
        }
        if (x.hasNonNull("subject")) {
            b.append(": ").append(x.get("subject").asText());
        }
        return b.toString();
    }
}
