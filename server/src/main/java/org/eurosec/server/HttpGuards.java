package org.eurosec.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eurosec.load.Utf8Text;
import org.eurosec.store.BadInput;

/**
 * What the server refuses before any work, for every route: a body over the limit however it is
 * sent (counted while it is read, chunked or not, before anything is kept), a client too slow to
 * send its body, a body of the wrong type, a request for another host (DNS rebinding), a method the
 * route does not have (405 with {@code Allow}); and the web server's own errors (a malformed
 * request line, a header too large) in the API's JSON shape.
 */
final class HttpGuards {

    /** A client sending its body slower than this (bytes per second) is cut off (408), so slow uploads cannot hold the threads. */
    static final long MIN_BODY_RATE = 512;
    /** Idle time on a connection before it is closed, and the longest a blocking read or write may wait. */
    static final long IDLE_MS = 10_000;

    /**
     * At most this many bodies from callers without a credential (scenario uploads) are received at
     * once, and a request waits at most a second for its turn: a crowd of slow anonymous senders
     * holds these, never the server's threads, so {@code /api/health}, the page and every GET keep
     * answering. A delegation's action is read after its credential is checked and is not counted
     * here, so a crowd of uploads cannot delay a vote.
     */
    static final int ANONYMOUS_BODIES_AT_ONCE = 64;
    private static final java.util.concurrent.Semaphore RECEIVING = new java.util.concurrent.Semaphore(ANONYMOUS_BODIES_AT_ONCE);

    private HttpGuards() {
    }

    /** The web server's settings: idle timeouts, the minimum body rate, and errors written as the API's JSON. */
    static void configure(JavalinConfig c) {
        c.jetty.modifyHttpConfiguration(h -> {
            h.setIdleTimeout(IDLE_MS);
            h.setMinRequestDataRate(MIN_BODY_RATE);
            h.setRequestHeaderSize(8 * 1024);
            h.setSendServerVersion(false);
            // No per-connection cache of header values: each request of a client acting for several
            // delegations (a console, a script, a load generator) carries another Authorization, and
            // the cache spent more on adding and evicting values than reading them ever saved.
            h.setHeaderCacheSize(0);
        });
        c.jetty.modifyServer(s -> s.setErrorHandler(new JsonErrors()));
        c.jetty.modifyServletContextHandler(h -> h.setErrorHandler(new JsonErrors()));
    }

    /**
     * Sets the idle timeout of the connectors the server listens on (known only once it has started),
     * and has them close a refused request's connection ({@link CloseAfterRefusal}).
     */
    static void connectors(org.eclipse.jetty.server.Server server) {
        for (org.eclipse.jetty.server.Connector connector : server.getConnectors()) {
            if (connector instanceof org.eclipse.jetty.server.AbstractConnector a) {
                a.setIdleTimeout(IDLE_MS);
                a.addBean(new CloseAfterRefusal());
            }
        }
    }

    /**
     * How long a connection whose answer closes it (a 413, a 408) stays open while its request's body
     * is still coming: time for the client, still sending, to read the answer before the connection
     * is cut.
     */
    static final long REFUSED_LINGER_MS = 1000;

    /**
     * Ends a connection {@link #REFUSED_LINGER_MS} after an answer that closes it (Connection: close)
     * was sent while the request's body had not all been read. Jetty, once it has sent such an
     * answer, shuts its side of the connection and reads on, throwing away what comes until the
     * client closes its side, so a client that went on sending after its 413 kept a server thread
     * reading for as long as it liked: 5.6 GB of a never-ending chunked body in 5 s to {@code POST
     * /api/compare}, without a credential, cost the server 3.6 s of CPU.
     */
    static final class CloseAfterRefusal implements org.eclipse.jetty.server.HttpChannel.Listener {
        @Override
        public void onComplete(Request request) {
            String connection = request.getResponse().getHeader("Connection");
            if (connection == null || !connection.toLowerCase(Locale.ROOT).contains("close") || request.getHttpInput().isFinished()) {
                return;
            }
            org.eclipse.jetty.server.HttpChannel channel = request.getHttpChannel();
            org.eclipse.jetty.io.EndPoint endPoint = channel.getEndPoint();
            channel.getConnector().getScheduler().schedule(endPoint::close, REFUSED_LINGER_MS, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Reads a request's body as UTF-8, at most {@code max} bytes: one byte more and the reading stops
     * with a 413 (nothing kept); malformed UTF-8 is a 400.
     */
    static String body(Context ctx, int max) {
        return receive(ctx, max);
    }

    /** As {@link #body}, for a caller without a credential: one of at most {@link #ANONYMOUS_BODIES_AT_ONCE} at a time. */
    static String anonymousBody(Context ctx, int max) {
        try {
            if (!RECEIVING.tryAcquire(1, java.util.concurrent.TimeUnit.SECONDS)) {
                ctx.header("Retry-After", "1");
                throw new BadInput(503, "body", "too many requests are sending their bodies at once; retry in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BadInput(503, "body", "the server is stopping");
        }
        try {
            return receive(ctx, max);
        } finally {
            RECEIVING.release();
        }
    }

    private static String receive(Context ctx, int max) {
        return receive(ctx.req(), ctx.res(), max);
    }

    /**
     * Reads a request's body as UTF-8 text, at most {@code max} bytes (413 beyond, with the connection
     * closed; nothing kept), 408 for a body that comes too slowly, 400 for malformed UTF-8. A body
     * with a Content-Length is read into an array of that size, without a growing buffer; one sent in
     * chunks grows as it comes, up to the limit.
     */
    static String receive(jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res, int max) {
        // With a Content-Length, reading stops once that many bytes are in: the read that would only
        // report the end is where Jetty checks the minimum rate against the time since the first byte,
        // so a thread paused for a moment (a busy machine, a collection) would turn a complete small
        // body into a 408.
        long declared = req.getContentLengthLong();
        if (declared > max) {
            res.setHeader("Connection", "close");
            discard(req::getInputStream, declared);
            throw new BadInput(413, "body", "the body is larger than " + max + " bytes");
        }
        byte[] buf = new byte[declared >= 0 ? (int) declared : Math.min(max + 1, 8192)];
        int size = 0;
        try (InputStream in = req.getInputStream()) {
            while (declared < 0 || size < declared) {
                if (size == buf.length) { // chunked: room for more, at most one byte over the limit
                    buf = Arrays.copyOf(buf, (int) Math.min((long) max + 1, buf.length * 2L));
                }
                int n = in.read(buf, size, buf.length - size);
                if (n < 0) {
                    break;
                }
                size += n;
                if (size > max) {
                    res.setHeader("Connection", "close");
                    try {
                        drain(in, DRAIN_MAX - size);
                    } catch (IOException | org.eclipse.jetty.http.BadMessageException e) {
                        // the 413 is the answer whether or not the rest came
                    }
                    throw new BadInput(413, "body", "the body is larger than " + max + " bytes");
                }
            }
        } catch (IOException | org.eclipse.jetty.http.BadMessageException e) {
            res.setHeader("Connection", "close");
            throw new BadInput(408, "body", "the body came too slowly or stopped (at least " + MIN_BODY_RATE + " bytes a second)");
        }
        return utf8(buf, size);
    }

    /**
     * A body over the limit is read on, and thrown away, up to this many bytes in all before the 413
     * is sent and the connection closed. A connection closed with a request's bytes still unread is
     * reset by the system, and a reset can reach the client before it has read the answer, which it
     * then never sees (the client is still sending); past this size the 413 is sent at once, and the
     * connection closed {@link #REFUSED_LINGER_MS} later ({@link CloseAfterRefusal}), so a large body
     * costs the server this much reading, at most {@link #DRAIN_NANOS}, and what comes in that second.
     */
    static final long DRAIN_MAX = 1L << 20;

    /** Where a request's body is read from. */
    interface Body {
        InputStream open() throws IOException;
    }

    /**
     * A body declared over the limit ({@code declared} bytes): read and thrown away if it is at most
     * {@link #DRAIN_MAX}, so that the 413 reaches the client; whatever goes wrong while it is read,
     * the 413 stays the answer.
     */
    static void discard(Body body, long declared) {
        if (declared > DRAIN_MAX) {
            return;
        }
        try (InputStream in = body.open()) {
            drain(in, declared);
        } catch (IOException | RuntimeException e) {
            // the client stopped sending, or sends too slowly: the 413 is the answer all the same
        }
    }

    /**
     * How long a body over the limit is read on at most: a client that sends it slowly (at the
     * minimum rate, 1 MiB would take half an hour) holds a server thread no longer than this, then
     * gets the 413 and the connection closed.
     */
    static final long DRAIN_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(2);

    /** Reads and discards at most {@code upTo} bytes of {@code in}, or to its end, for at most {@link #DRAIN_NANOS}. */
    private static void drain(InputStream in, long upTo) throws IOException {
        byte[] skip = new byte[8192];
        long left = upTo;
        long until = System.nanoTime() + DRAIN_NANOS;
        while (left > 0 && System.nanoTime() - until < 0) {
            int n = in.read(skip, 0, (int) Math.min(skip.length, left));
            if (n < 0) {
                return;
            }
            left -= n;
        }
    }

    /** The first {@code size} bytes as UTF-8 text (a leading byte-order mark taken off); malformed UTF-8 is a 400 naming the byte. ASCII (most bodies) is taken as it is, without a decoder. */
    static String utf8(byte[] bytes, int size) {
        boolean ascii = true;
        for (int i = 0; i < size && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, 0, size, StandardCharsets.ISO_8859_1);
        }
        try {
            return Utf8Text.decode(bytes, size);
        } catch (Utf8Text.NotUtf8Exception e) {
            throw new BadInput(400, "body", "the body is not UTF-8 text: byte 0x" + String.format(Locale.ROOT, "%02X", e.where().value())
                    + " at offset " + e.where().offset() + " (line " + e.where().line() + ")");
        }
    }

    /** Refuses a body whose Content-Type is not one of {@code types} (415 naming the header). */
    static void contentType(Context ctx, String... types) {
        contentType(ctx.header("Content-Type"), types);
    }

    /** Refuses a body whose Content-Type header, {@code got}, is not one of {@code types} (415 naming the header). */
    static void contentType(String got, String... types) {
        String media = got == null ? "" : got.split(";", 2)[0].trim().toLowerCase(Locale.ROOT);
        for (String t : types) {
            if (t.equals(media)) {
                return;
            }
        }
        throw new BadInput(415, "Content-Type", "send the body as " + String.join(" or ", types)
                + (got == null ? " (no Content-Type was given)" : ", not '" + got + "'"));
    }

    /** The host names a request may be addressed to: the loopback names, the address listened on, and those allowed by the operator. */
    static Set<String> hosts(String listenedOn, List<String> allowed) {
        Set<String> out = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        if (!listenedOn.equals("0.0.0.0") && !listenedOn.equals("::")) {
            out.add(bare(listenedOn));
        }
        allowed.forEach(h -> out.add(bare(h)));
        return out;
    }

    /** Refuses a request whose Host header names a host this server does not answer for (a DNS rebinding page's). */
    static void host(Context ctx, Set<String> allowed) {
        host(ctx.header("Host"), allowed);
    }

    /** Refuses a request whose Host header, {@code h}, names a host this server does not answer for. */
    static void host(String h, Set<String> allowed) {
        String name = h == null ? "" : bare(h);
        if (!allowed.contains(name)) {
            throw new BadInput(421, "Host", "this server answers for " + String.join(", ", allowed)
                    + ", not '" + (h == null ? "" : h) + "' (allow another name with `eurosec serve --allow-host NAME`)");
        }
    }

    /** A host name without its port and brackets, in lower case ({@code [::1]:7070} is {@code ::1}). */
    static String bare(String host) {
        String h = host.trim().toLowerCase(Locale.ROOT);
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end > 0 ? h.substring(1, end) : h;
        }
        int colon = h.indexOf(':');
        return colon >= 0 && h.indexOf(':', colon + 1) < 0 ? h.substring(0, colon) : h;
    }

    /** The methods the routes have for a path ({@code GET /api/exercises/{id}} matches {@code /api/exercises/ex-1}). */
    static Set<String> methodsFor(List<String> routes, String path) {
        Set<String> out = new TreeSet<>();
        for (String r : routes) {
            String[] mp = r.split(" ", 2);
            if (matches(mp[1], path)) {
                out.add(mp[0]);
            }
        }
        return out;
    }

    /**
     * The route template a path falls under whatever the method ({@code /api/exercises/{id}/actions} for
     * {@code /api/exercises/ex-1/actions}): what the access log shows for a request refused before any handler
     * (another method, an oversized body), so that it never holds the ids of the path.
     */
    static java.util.Optional<String> templateFor(List<String> routes, String path) {
        return routes.stream().map(r -> r.split(" ", 2)[1]).filter(t -> matches(t, path)).findFirst();
    }

    private static boolean matches(String template, String path) {
        return path.matches(Pattern.quote(template).replaceAll("\\{[a-z]+\\}", "\\\\E[^/]+\\\\Q"));
    }

    /** The web server's own errors (before any route: a bad request line, a header too large, an over-long URI) as the API's JSON. */
    static final class JsonErrors extends ErrorHandler {
        @Override
        public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
            fields.put(HttpHeader.CONTENT_TYPE, "application/json");
            String field = status == 431 ? "headers" : status == 414 ? "path" : "request";
            String message = reason == null || reason.isBlank() ? "the request could not be read" : reason;
            // The access log's line for a request the web server refused before reading its method and path:
            // neither is known (nor logged, so an over-long path's ids never reach the log), the part at fault is.
            org.slf4j.LoggerFactory.getLogger("org.eurosec.server.access").info("- (refused before routing: {}) {} -", field, status);
            return ByteBuffer.wrap(json(status, field, message).getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void handle(String target, Request baseRequest, jakarta.servlet.http.HttpServletRequest request,
                jakarta.servlet.http.HttpServletResponse response) throws IOException {
            baseRequest.setHandled(true);
            int status = response.getStatus();
            Object reason = request.getAttribute("jakarta.servlet.error.message");
            response.setContentType("application/json");
            response.getOutputStream().write(json(status, "request", reason == null ? "the request could not be served" : reason.toString())
                    .getBytes(StandardCharsets.UTF_8));
        }

        static String json(int status, String field, String message) {
            com.fasterxml.jackson.databind.node.ObjectNode root = org.eurosec.store.ActionCodec.JSON.createObjectNode();
            root.putObject("error").put("status", status).put("field", field).put("message", message);
            return root.toString();
        }
    }
}
