package org.eurosec.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.BadInput;
import org.eurosec.store.Exercises;
import org.eurosec.store.Journal;

/**
 * {@code GET /api/exercises/{id}/events}: the procedures a credential may see as Server-Sent Events,
 * first everything after the cursor ({@code ?after=} or {@code Last-Event-ID}), then each change as it
 * is made. Each {@code procedures} event carries the page the procedures route would give from the
 * same cursor ({@code now}, {@code procedures}, {@code next_after}) and has {@code next_after} as its
 * id, so a client that reconnects with {@code Last-Event-ID} misses nothing. A comment line every
 * few seconds keeps the connection open. The stream ends with an {@code end} event when the
 * credential is revoked (at the next check, within a second or two), when the server stops, or after
 * {@code ?for=} seconds (at most {@link #MAX_SECONDS}; the client reconnects).
 *
 * <p>Each stream holds one of the server's threads, so streams are limited: {@link #PER_CREDENTIAL}
 * at once per credential and {@link #AT_ONCE} in all; over either, 429 with {@code Retry-After}.
 */
final class EventStreams {

    static final int PER_CREDENTIAL = 2;
    static final int AT_ONCE = 32;
    static final int MAX_SECONDS = 1800;
    /** How often a stream looks for changes; and sends a comment when nothing changed for {@link #HEARTBEAT_MS}. */
    static final long CHECK_MS = 500;
    static final long HEARTBEAT_MS = 5000; // well inside the connections' idle timeout

    private final Exercises exercises;
    private final Map<String, AtomicInteger> perCredential = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    private volatile boolean stopping;

    EventStreams(Exercises exercises) {
        this.exercises = exercises;
    }

    void stop() {
        stopping = true;
    }

    /** Serves one stream on this thread until it ends; {@code who} has been checked (401/403 answered before anything is sent). */
    void serve(Context ctx, Exercises.Who who, String token, long after, int seconds) {
        String key = Journal.sha256(token); // the limit is counted per credential; the token itself is not kept
        AtomicInteger mine = perCredential.computeIfAbsent(key, k -> new AtomicInteger());
        if (mine.incrementAndGet() > PER_CREDENTIAL) {
            release(key, mine);
            ctx.header("Retry-After", "5");
            throw new BadInput(429, "Authorization", "at most " + PER_CREDENTIAL + " event streams per credential at once; close one first");
        }
        if (open.incrementAndGet() > AT_ONCE) {
            open.decrementAndGet();
            release(key, mine);
            ctx.header("Retry-After", "5");
            throw new BadInput(429, "path", "the server holds " + AT_ONCE + " event streams already; try again shortly or poll ?after=");
        }
        try {
            stream(ctx, who, token, after, seconds);
        } catch (IOException e) {
            // the client went away: nothing to answer
        } catch (org.eurosec.store.StoreUnavailable e) {
            // the stream has begun: it can only end, saying why (the client reconnects later)
            try {
                end(ctx.res().getOutputStream(), "the store is unavailable: " + e.getMessage());
            } catch (IOException | RuntimeException gone) {
                // the client went away too
            }
        } finally {
            open.decrementAndGet();
            release(key, mine);
        }
    }

    private void release(String key, AtomicInteger mine) {
        if (mine.decrementAndGet() <= 0) {
            perCredential.remove(key, mine);
        }
    }

    private void stream(Context ctx, Exercises.Who who, String token, long after, int seconds) throws IOException {
        var res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-store");
        res.setHeader("X-Accel-Buffering", "no");
        OutputStream out = res.getOutputStream();
        write(out, ": eurosec events for " + who.actor().id() + " in " + who.exercise() + "\nretry: 3000\n\n");
        long until = System.currentTimeMillis() + seconds * 1000L;
        long lastSent = System.currentTimeMillis();
        long cursor = after;
        while (true) {
            if (stopping) {
                end(out, "the server is stopping");
                return;
            }
            Optional<Exercises.Who> still = exercises.authenticate(token);
            if (still.isEmpty()) {
                end(out, "the credential is no longer accepted (revoked or replaced)");
                return;
            }
            boolean more = true;
            while (more) {
                ExerciseState s = exercises.state(who.exercise());
                Mechanism.Page page = Mechanism.changedAfter(s, who.actor(), (int) Math.min(cursor, Integer.MAX_VALUE), ApiServer.MAX_PAGE, p -> true);
                more = page.more();
                if (page.procedures().isEmpty() && page.next() == cursor) {
                    break;
                }
                cursor = page.next();
                if (page.procedures().isEmpty()) {
                    continue; // passed over what this credential may not see
                }
                List<Map<String, Object>> view = ProcedureJson.view(who.actor(), page.procedures());
                ObjectNode data = ActionCodec.JSON.createObjectNode();
                data.put("now", exercises.now(who.exercise()).toString());
                data.set("procedures", ActionCodec.JSON.valueToTree(view));
                data.put("next_after", cursor);
                write(out, "id: " + cursor + "\nevent: procedures\ndata: " + data + "\n\n");
                lastSent = System.currentTimeMillis();
            }
            long now = System.currentTimeMillis();
            if (now >= until) {
                end(out, "the stream's time is up; reconnect with Last-Event-ID: " + cursor);
                return;
            }
            if (now - lastSent >= HEARTBEAT_MS) {
                write(out, ": still here\n\n");
                lastSent = now;
            }
            try {
                Thread.sleep(CHECK_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void end(OutputStream out, String why) throws IOException {
        ObjectNode data = ActionCodec.JSON.createObjectNode().put("reason", why);
        write(out, "event: end\ndata: " + data + "\n\n");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
