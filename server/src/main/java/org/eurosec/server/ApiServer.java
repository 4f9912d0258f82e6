package org.eurosec.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.BadInput;
import org.eurosec.store.Exercises;
import org.eurosec.store.Journal;
import org.eurosec.store.JournalKey;
import org.eurosec.store.Receipt;
import org.eurosec.store.StoreUnavailable;

/**
 * The exercise API. Every route under {@code /api/exercises/{id}} needs {@code Authorization:
 * Bearer TOKEN}: no or an unknown credential is 401, a credential of another exercise or for
 * another actor is 403. Bad input is a 4xx JSON error {@code {"error": {"status", "field",
 * "message"}}} and changes nothing; an accepted action is journaled (committed and synced) before
 * the 201 is sent, with a receipt signed by the journal key. A store that cannot be read or written
 * in time is a 503 (and {@code /api/health} says so); an {@code Idempotency-Key} header makes a
 * retried action return its first answer instead of acting twice.
 */
public final class ApiServer implements AutoCloseable {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ApiServer.class);
    /** One line per request: method, route template, status, duration. Never a header, a body or a credential. */
    private final AccessLog access = new AccessLog();

    /** Every route, as the OpenAPI description must list it (a test keeps the two in step). */
    public static final List<String> ROUTES = routes(List.of("GET /api/health", "GET /api/openapi.json", "GET /api/map",
            "GET /api/exercises/{id}", "GET /api/exercises/{id}/procedures", "POST /api/exercises/{id}/actions",
            "GET /api/exercises/{id}/journal", "GET /api/exercises/{id}/journal/verify", "GET /api/exercises/{id}/journal/key",
            "GET /api/exercises/{id}/journal/head", "GET /api/exercises/{id}/events", "POST /api/compare", "POST /api/reconcile/{dataset}", "GET /api/admin/exercises", "POST /api/admin/exercises",
            "GET /api/admin/exercises/{id}/credentials", "POST /api/admin/exercises/{id}/credentials", "POST /api/admin/exercises/{id}/credentials/rotate",
            "POST /api/admin/exercises/{id}/credentials/revoke",
            "POST /api/admin/exercises/{id}/close"));

    private static List<String> routes(List<String> service) {
        List<String> all = new java.util.ArrayList<>(service);
        org.eurosec.query.Questions.ALL_QUESTIONS.forEach(q -> all.add("GET " + q.path()));
        return List.copyOf(all);
    }

    /** Action bodies are read strictly: a second value after the object, or a key given twice, is refused rather than silently dropped. */
    static final com.fasterxml.jackson.databind.ObjectReader STRICT = ActionCodec.JSON.reader()
            .with(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .with(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION);

    /** Bodies larger than this are refused with 413, counted while they are read (chunked or not). */
    public static final int MAX_BODY = 64 * 1024;

    /**
     * The limit of POST /api/reconcile/{dataset}'s body (a user's dataset CSV): 16 MiB, room for
     * ATOP 5.1's whole directed dyad-year file as peacesciencer distributes it (273,296 rows), far
     * over a cut to Europe. Counted while read, as {@link #MAX_BODY}.
     */
    public static final int MAX_RECONCILE_BODY = 16 * 1024 * 1024;

    /** The most bodies a route accepts: {@link #MAX_RECONCILE_BODY} for a dataset to reconcile, {@link #MAX_BODY} for every other. */
    static int maxBody(String path) {
        return path.startsWith("/api/reconcile/") ? MAX_RECONCILE_BODY : MAX_BODY;
    }

    private final Exercises exercises;
    private final Javalin app;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "eurosec-clock");
        t.setDaemon(true);
        return t;
    });

    private Path uploads;
    private final Optional<QuestionRoutes> questions;

    /** The exercise API alone: the analysis routes answer 501. */
    public ApiServer(Exercises exercises) {
        this(exercises, Optional.empty());
    }

    /** The exercise API, the analyses (answered by the application layer {@code eurosec}) and the web page at {@code /}. */
    public ApiServer(Exercises exercises, org.eurosec.query.Eurosec eurosec) {
        this(exercises, Optional.of(eurosec));
    }

    private ApiServer(Exercises exercises, Optional<org.eurosec.query.Eurosec> eurosec) {
        this.exercises = exercises;
        this.events = new EventStreams(exercises);
        this.questions = eurosec.map(QuestionRoutes::new);
        this.app = Javalin.create(c -> {
            c.showJavalinBanner = false;
            c.http.maxRequestSize = MAX_BODY;
            HttpGuards.configure(c);
            c.jetty.modifyServer(server -> {
                // Innermost of the server's wrappers (inside its statistics, so a graceful stop waits for
                // actions in flight too); Javalin hangs its servlet below it.
                org.eclipse.jetty.server.handler.HandlerWrapper inner = server;
                while (inner.getHandler() instanceof org.eclipse.jetty.server.handler.HandlerWrapper w) {
                    inner = w;
                }
                inner.setHandler(new ActionRoute());
            });
            c.useVirtualThreads = false;
            c.staticFiles.add(s -> {
                s.hostedPath = "/";
                s.directory = "/eurosec/web";
                s.location = io.javalin.http.staticfiles.Location.CLASSPATH;
            });
            c.staticFiles.enableWebjars();
            c.requestLogger.http((ctx, ms) -> access.add(ctx.method().name(), route(ctx), ctx.status().getCode(), Math.round(ms)));
        });
        routes();
    }

    private final java.util.List<String> allowedHosts = new java.util.ArrayList<>();
    private volatile java.util.Set<String> hosts = HttpGuards.hosts("127.0.0.1", java.util.List.of());

    /** Host names besides the loopback ones and the address listened on that requests may be addressed to (e.g. a DNS name behind a proxy). */
    public ApiServer allowHosts(java.util.Collection<String> names) {
        allowedHosts.addAll(names);
        return this;
    }

    public ApiServer start(String host, int port) {
        hosts = HttpGuards.hosts(host, allowedHosts);
        app.start(host, port);
        HttpGuards.connectors(app.jettyServer().server());
        LOG.info("listening on {}:{}", host, app.port());
        ticker.scheduleWithFixedDelay(() -> {
            try {
                exercises.tick();
            } catch (RuntimeException | Error e) {
                // A failed tick is retried on the next one; the deadline stays pending, nothing is lost. Said, not swallowed.
                // An Error too: one escaping would end the schedule for good, and no deadline would be recorded again.
                LOG.error("the exercise clock could not record passed deadlines (retried in a second)", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        return this;
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        events.stop();
        ticker.shutdownNow();
        app.stop();
        access.close();
        synchronized (this) {
            if (uploads != null) {
                try (var files = Files.list(uploads)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                    Files.deleteIfExists(uploads);
                } catch (IOException ignored) {
                    // a folder left in the system's temporary space is removed with it
                }
            }
        }
    }

    // ------------------------------------------------------------------ routes

    /** The page loads nothing from elsewhere: scripts, styles, data and images come from this server only. */
    static final String CONTENT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private void routes() {
        // One before-handler for every request (the web server matches each handler's path against each
        // request's): the page's headers, the host, then the rest by path and size.
        app.before(ctx -> before(ctx::header, ctx.header("Host"), ctx.path(), ctx.header("Content-Length"), () -> ctx.req().getInputStream()));
        app.get("/api/health", this::health);
        app.get("/api/openapi.json", ctx -> ctx.contentType("application/json").result(openApi()));
        String map = resource("/eurosec/map/osce-area.json"); // read once: it is part of the build
        app.get("/api/map", ctx -> ctx.contentType("application/json").result(map));
        for (org.eurosec.query.Questions.Question q : org.eurosec.query.Questions.ALL_QUESTIONS) {
            app.get(q.path(), ctx -> questions().answer(q, ctx));
        }
        app.post("/api/compare", ctx -> questions().compareUpload(ctx, uploads()));
        app.post("/api/reconcile/{dataset}", ctx -> questions().reconcileUpload(ctx));
        app.get("/api/exercises/{id}", this::exercise);
        app.get("/api/exercises/{id}/procedures", this::procedures);
        // POST /api/exercises/{id}/actions is answered by the web server directly (ActionRoute), before Javalin.
        app.get("/api/exercises/{id}/journal", this::journal);
        app.get("/api/exercises/{id}/journal/verify", this::verify);
        app.get("/api/exercises/{id}/journal/key", this::key);
        app.get("/api/exercises/{id}/journal/head", this::head);
        app.get("/api/exercises/{id}/events", this::events);
        AdminRoutes admin = new AdminRoutes(exercises);
        app.get("/api/admin/exercises", admin::list);
        app.post("/api/admin/exercises", admin::create);
        app.get("/api/admin/exercises/{id}/credentials", admin::credentials);
        app.post("/api/admin/exercises/{id}/credentials", admin::issue);
        app.post("/api/admin/exercises/{id}/credentials/rotate", admin::rotate);
        app.post("/api/admin/exercises/{id}/credentials/revoke", admin::revoke);
        app.post("/api/admin/exercises/{id}/close", admin::close);
        app.exception(org.eurosec.query.QueryException.class, (e, ctx) -> queryError(ctx, e));
        app.exception(Exception.class, (e, ctx) -> {
            Exercises.Answer a = failure(e, ctx.method().name(), route(ctx), ctx::header);
            ctx.status(a.status()).contentType("application/json").result(a.body());
        });
        app.error(404, ctx -> {
            if (!ctx.result().isEmpty() && ctx.result().startsWith("{\"error\"")) {
                return;
            }
            java.util.Set<String> methods = HttpGuards.methodsFor(ROUTES, ctx.path());
            if (!methods.isEmpty() && !methods.contains(ctx.method().name())) {
                ctx.header("Allow", String.join(", ", methods));
                error(ctx, 405, "method", ctx.method() + " is not allowed on " + ctx.path() + " (allowed: " + String.join(", ", methods) + ")");
                return;
            }
            error(ctx, 404, "path", "no such route: " + ctx.method() + " " + ctx.path());
        });
        app.error(405, ctx -> error(ctx, 405, "method", ctx.method() + " is not allowed on " + ctx.path()));
        // An Error thrown by a handler (OutOfMemoryError, StackOverflowError) passes the exception handlers: Javalin
        // logs it and sets 500 with no body. The API's JSON then, as for every other 500.
        app.error(500, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                error(ctx, 500, "server", "internal error (the server's log has its cause)");
            }
        });
        app.error(413, ctx -> error(ctx, 413, "body", "the body is larger than " + maxBody(ctx.path()) + " bytes"));
    }

    /**
     * What every request gets before its route: the page's headers, the host checked, {@code no-store}
     * on what is for the caller alone, and a declared body over the route's limit refused (413).
     */
    private void before(java.util.function.BiConsumer<String, String> header, String host, String path, String contentLength, HttpGuards.Body body) {
        header.accept("Content-Security-Policy", CONTENT_POLICY);
        header.accept("X-Content-Type-Options", "nosniff");
        HttpGuards.host(host, hosts);
        // What a delegation, the depositary or an observer sees is for them alone: never kept by a cache.
        if (path.startsWith("/api/exercises/") || path.startsWith("/api/admin/")) {
            header.accept("Cache-Control", "no-store");
        }
        if (contentLength != null) {
            try {
                int max = maxBody(path);
                long declared = Long.parseLong(contentLength.trim());
                if (declared > max) {
                    header.accept("Connection", "close");
                    HttpGuards.discard(body, declared); // so that the client, still sending, gets to read the 413
                    throw new BadInput(413, "body", "the body is larger than " + max + " bytes");
                }
            } catch (NumberFormatException e) {
                throw new BadInput(400, "Content-Length", "not a number");
            }
        }
    }

    /** When a 503's stack trace was last logged ({@link System#nanoTime}), and how often one is. */
    private static final java.util.concurrent.atomic.AtomicLong lastStoreTrace = new java.util.concurrent.atomic.AtomicLong(System.nanoTime() - 120_000_000_000L);
    private static final long STORE_TRACE_EVERY = 60_000_000_000L;
    /** The 503s said in the log: one a second for each method, route and kind of failure. */
    static final LogThrottle said503 = new LogThrottle(java.time.Duration.ofSeconds(1));

    /**
     * A route's exception as the API's answer: bad input its 4xx, a store that cannot be read or
     * written a 503 (with {@code Retry-After}), anything else a 500; the last two are logged.
     */
    static Exercises.Answer failure(Throwable e, String method, String route, java.util.function.BiConsumer<String, String> header) {
        if (e instanceof BadInput b) {
            return new Exercises.Answer(b.status(), errorBody(b.status(), b.field(), b.getMessage()), false);
        }
        if (e instanceof StoreUnavailable) {
            // One line a second for each route and kind of failure, with the reason and how many like it went unsaid before it
            // (each request has its access log line anyway): with the database down or the memory full a server refuses
            // thousands of actions a second, and a line for each filled the log as fast. The stack trace at most once a
            // minute (with the database down, each request's trace repeated the same one: 6,000 lines for 72 requests).
            long unsaid = said503.admit(method + " " + route + " " + e.getClass().getName());
            if (unsaid >= 0) {
                String more = unsaid == 0 ? "" : " (" + unsaid + " more 503s like it since the last said here, not logged one by one)";
                long now = System.nanoTime();
                long last = lastStoreTrace.get();
                if (now - last > STORE_TRACE_EVERY && lastStoreTrace.compareAndSet(last, now)) {
                    LOG.error("503 on {} {}: the store is unavailable: {}{} (the stack trace is logged at most once a minute)", method, route,
                            e.getMessage(), more, e);
                } else {
                    LOG.error("503 on {} {}: the store is unavailable: {}{}", method, route, e.getMessage(), more);
                }
            }
            header.accept("Retry-After", "5");
            return new Exercises.Answer(503, errorBody(503, e instanceof Exercises.JournalUnavailable ? "journal" : "store", e.getMessage()), false);
        }
        LOG.error("500 on {} {}", method, route, e);
        return new Exercises.Answer(500, errorBody(500, "server", "internal error: " + e.getClass().getSimpleName()), false);
    }

    /** The route of actions, as the access log names it. */
    static final String ACTIONS = "/api/exercises/{id}/actions";

    /**
     * The exercise id in a path of the actions route ({@code /api/exercises/ID/actions}, a slash at the
     * end allowed), or null for any other path.
     */
    static String actionsOf(String path) {
        String prefix = "/api/exercises/";
        if (path == null || !path.startsWith(prefix)) {
            return null;
        }
        int end = path.endsWith("/") ? path.length() - 1 : path.length();
        if (!path.startsWith("/actions", end - 8)) {
            return null;
        }
        int idEnd = end - 8;
        if (idEnd <= prefix.length() || path.indexOf('/', prefix.length()) != idEnd) {
            return null;
        }
        return path.substring(prefix.length(), idEnd);
    }

    /**
     * {@code POST /api/exercises/{id}/actions}, the route every action takes, answered by the web server
     * directly rather than through Javalin's servlet: no session, servlet or router lookup, and the
     * answer written once, from an array of its exact size. It keeps every rule of the other routes:
     * the same {@link #before} (page headers, host, {@code no-store}, declared size), the body limit
     * while reading, the Content-Type, the credential, the errors as JSON ({@link #failure}) and one
     * access-log line. Every other request, and other methods on this path (405 with {@code Allow}),
     * go on to Javalin.
     */
    private final class ActionRoute extends org.eclipse.jetty.server.handler.HandlerWrapper {
        @Override
        public void handle(String target, org.eclipse.jetty.server.Request base, jakarta.servlet.http.HttpServletRequest req,
                jakarta.servlet.http.HttpServletResponse res) throws IOException, jakarta.servlet.ServletException {
            String id = "POST".equals(req.getMethod()) ? actionsOf(target) : null;
            if (id == null) {
                super.handle(target, base, req, res);
                return;
            }
            base.setHandled(true);
            long start = System.nanoTime();
            res.setContentType("application/json"); // every answer of the route is JSON, named first as Javalin does
            Exercises.Answer answer;
            try {
                before(res::setHeader, req.getHeader("Host"), target, req.getHeader("Content-Length"), req::getInputStream);
                answer = act(id, req, res);
            } catch (Exception | Error e) {
                // An Error too (the heap exhausted while the exercise was read, say): the JVM has unwound
                // what the request held, and the client gets the API's 500, not the web server's page.
                answer = failure(e, "POST", ACTIONS, res::setHeader);
            }
            try {
                byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
                // Answered before the body was read (an unknown credential, say): Jetty would read on to keep
                // the connection, for as long as the client sends. Closed instead (CloseAfterRefusal). A body
                // with a Content-Length is read to its length, not to the end-of-input read, so that is the test.
                long declared = req.getContentLengthLong();
                if (declared >= 0 ? base.getHttpInput().getContentConsumed() < declared : !base.getHttpInput().isFinished()) {
                    res.setHeader("Connection", "close");
                }
                res.setStatus(answer.status());
                res.setContentLength(bytes.length);
                res.getOutputStream().write(bytes);
            } finally {
                access.add("POST", ACTIONS, answer.status(), Math.round((System.nanoTime() - start) / 1e6));
            }
        }
    }

    /**
     * The server's own private folder for uploaded files (created on the first upload, readable by
     * this user only, removed when the server stops); each upload's file is deleted once answered.
     */
    public synchronized Path uploads() {
        if (uploads == null) {
            try {
                uploads = Files.createTempDirectory("eurosec-uploads-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the server's folder for uploads", e);
            }
        }
        return uploads;
    }

    private QuestionRoutes questions() {
        return questions.orElseThrow(() -> new BadInput(501, "path", "this server was started without the analyses (use `eurosec serve`)"));
    }

    /** The route template a request matched ({@code /api/exercises/{id}/actions}), or its path when none matched: never a query string. */
    private static String route(Context ctx) {
        String template;
        try {
            template = ctx.endpointHandlerPath();
        } catch (IllegalStateException e) {
            template = null; // refused in a before-handler (an oversized body): no endpoint was matched yet
        }
        return template == null || template.isEmpty() || "*".equals(template) ? HttpGuards.templateFor(ROUTES, ctx.path()).orElse(ctx.path()) : template;
    }

    /** An application-layer error in the API's shape; an unknown id also names its kind and the id. */
    static void queryError(Context ctx, org.eurosec.query.QueryException e) {
        int status = QuestionRoutes.status(e);
        if (status >= 500) {
            LOG.error("{} on {} {}: {}", status, ctx.method(), route(ctx), e.getMessage());
        }
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        ObjectNode err = root.putObject("error").put("status", status).put("field", e.field()).put("message", e.getMessage());
        if (e instanceof org.eurosec.query.QueryException.UnknownId u) {
            err.put("kind", u.kind()).put("id", u.id());
        }
        ctx.status(status).contentType("application/json").result(root.toString());
    }


    static void error(Context ctx, int status, String field, String message) {
        ctx.status(status).contentType("application/json").result(errorBody(status, field, message));
    }

    static String errorBody(int status, String field, String message) {
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.putObject("error").put("status", status).put("field", field).put("message", message);
        return root.toString();
    }

    /** The caller: its credential must belong to this exercise. */
    private Exercises.Who who(Context ctx) {
        return who(ctx.header("Authorization"), ctx.pathParam("id"));
    }

    /** The caller by its Authorization header {@code h}: its credential must belong to exercise {@code id}. */
    private Exercises.Who who(String h, String id) {
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new BadInput(401, "Authorization", "send the exercise credential as 'Authorization: Bearer TOKEN'");
        }
        Optional<Exercises.Who> w = exercises.authenticate(h.substring(7));
        if (w.isEmpty()) {
            throw new BadInput(401, "Authorization", "unknown credential");
        }
        if (!w.get().exercise().equals(id)) {
            throw new BadInput(403, "Authorization", "this credential is for another exercise");
        }
        return w.get();
    }

    private void exercise(Context ctx) {
        Exercises.Who w = who(ctx);
        ExerciseState s = exercises.state(w.exercise());
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.put("exercise", s.exercise());
        root.put("regime", s.regime());
        root.put("you", w.actor().id());
        root.put("now", exercises.now(w.exercise()).toString());
        var clock = exercises.clock(w.exercise());
        root.putObject("clock").put("mode", clock.mode()).put("factor", clock.factor()).put("origin", clock.originExercise().toString());
        root.set("rules", ActionCodec.JSON.valueToTree(s.rules().describe()));
        root.put("actions_accepted", s.accepted());
        s.closed().ifPresent(t -> root.put("closed_at", t.toString()));
        ArrayNode kinds = root.putArray("action_kinds");
        ActionCodec.kinds().stream().filter(k -> !k.equals("deadline-passed")).forEach(kinds::add);
        ctx.contentType("application/json").result(root.toString());
    }

    /** A page holds this many items unless the caller asks for fewer ({@code limit}); it may ask for up to {@link #MAX_PAGE}. */
    public static final int DEFAULT_PAGE = 100;
    public static final int MAX_PAGE = 1000;

    /** The query parameters a route takes: any other is a 400 naming it. */
    private static void only(Context ctx, java.util.Set<String> known) {
        for (String k : ctx.queryParamMap().keySet()) {
            if (!known.contains(k)) {
                throw new BadInput(400, k, "unknown parameter '" + k + "' (this route takes: " + String.join(", ", new java.util.TreeSet<>(known)) + ")");
            }
        }
    }

    private static long cursor(Context ctx) {
        String v = ctx.queryParam("after");
        if (v == null) {
            return 0;
        }
        try {
            long n = Long.parseLong(v.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInput(400, "after", "'after' takes the number of the last item seen (0 or more), not '" + v + "'");
        }
    }

    private static int limit(Context ctx) {
        String v = ctx.queryParam("limit");
        if (v == null) {
            return DEFAULT_PAGE;
        }
        try {
            int n = Integer.parseInt(v.trim());
            if (n < 1 || n > MAX_PAGE) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new BadInput(400, "limit", "'limit' takes 1 to " + MAX_PAGE + ", not '" + v + "'");
        }
    }

    private void procedures(Context ctx) {
        Exercises.Who w = who(ctx);
        only(ctx, java.util.Set.of("after", "limit", "state", "involving", "kind"));
        long after = cursor(ctx);
        int limit = limit(ctx);
        java.util.function.Predicate<org.eurosec.mechanism.Procedure> filter = p -> true;
        String status = ctx.queryParam("state");
        if (status != null) {
            java.util.Set<String> known = new java.util.TreeSet<>();
            for (org.eurosec.mechanism.Procedure.Status st : org.eurosec.mechanism.Procedure.Status.values()) {
                known.add(st.id());
            }
            if (!known.contains(status)) {
                throw new BadInput(400, "state", "'" + status + "' is not a procedure's state (one of: " + String.join(", ", known) + ")");
            }
            filter = filter.and(p -> p.status().id().equals(status));
        }
        String involving = ctx.queryParam("involving");
        if (involving != null) {
            String iso3 = involving.trim().toUpperCase(Locale.ROOT);
            if (!iso3.matches("[A-Z]{3}")) {
                throw new BadInput(400, "involving", "'involving' takes a state's ISO 3166 alpha-3 code, e.g. GEO, not '" + involving + "'");
            }
            filter = filter.and(p -> p.involves(iso3));
        }
        String kind = ctx.queryParam("kind");
        if (kind != null) {
            filter = filter.and(p -> p.kind().equals(kind));
        }
        ExerciseState s = exercises.state(w.exercise());
        Mechanism.Page page = Mechanism.changedAfter(s, w.actor(), (int) Math.min(after, Integer.MAX_VALUE), limit, filter);
        List<Map<String, Object>> view = ProcedureJson.view(w.actor(), page.procedures());
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.put("now", exercises.now(w.exercise()).toString());
        root.put("you", w.actor().id());
        root.set("procedures", ActionCodec.JSON.valueToTree(view));
        root.put("next_after", page.next());
        root.put("more", page.more());
        ctx.contentType("application/json").result(root.toString());
    }

    /**
     * A body parsed by the strict reader: a second value after the first, or a key given twice, is a 400 that says so
     * in words (the parser's own message names its classes and settings); other syntax errors give line and column.
     */
    static JsonNode strictJson(String raw) {
        try {
            return STRICT.readTree(raw);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            String m = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
            java.util.regex.Matcher dup = java.util.regex.Pattern.compile("^Duplicate field '(.*)'").matcher(m);
            if (dup.find()) {
                throw new BadInput(400, "body", "the key '" + dup.group(1) + "' is given twice: give each key once");
            }
            if (m.startsWith("Trailing token")) {
                throw new BadInput(400, "body", "something follows the JSON value: send exactly one JSON object");
            }
            String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
            throw new BadInput(400, "body", "not JSON" + where + ": " + m.lines().findFirst().orElse(m));
        } catch (IOException e) {
            throw new BadInput(400, "body", "not JSON: " + e.getMessage());
        }
    }

    /** An action of the caller in exercise {@code id}: its answer (201 with the signed receipt, or the rules' refusal). */
    private Exercises.Answer act(String id, jakarta.servlet.http.HttpServletRequest req, jakarta.servlet.http.HttpServletResponse res) {
        Exercises.Who w = who(req.getHeader("Authorization"), id);
        HttpGuards.contentType(req.getHeader("Content-Type"), "application/json");
        JsonNode body = strictJson(HttpGuards.receive(req, res, MAX_BODY));
        if (body == null || !body.isObject()) {
            throw new BadInput(400, "body", "the body must be a JSON object such as {\"kind\": \"vote\", \"procedure\": 1, \"ballot\": \"yes\"}");
        }
        if (body.has("as")) {
            JsonNode as = body.get("as");
            String mine = w.actor() instanceof Actor.Delegation d ? d.state() : w.actor().id();
            if (!as.isTextual() || !as.asText().trim().toUpperCase(Locale.ROOT).equals(mine.toUpperCase(Locale.ROOT))) {
                throw new BadInput(403, "as", "this credential acts for " + w.actor().id() + " only");
            }
        }
        ActionCodec.Checked action = ActionCodec.check(body);
        if (action.action() instanceof Action.DeadlinePassed) {
            throw new BadInput(403, "kind", "only the exercise clock records a passed deadline");
        }
        String key = req.getHeader("Idempotency-Key");
        Exercises.Answer answer = exercises.act(w.exercise(), w.actor(), action, Optional.ofNullable(key), ApiServer::answer);
        if (answer.repeated()) {
            res.setHeader("Idempotent-Replayed", "true");
        }
        return answer;
    }

    /** The answer to an action: 201 with the entry and its signed receipt, or the rules' refusal. */
    static Exercises.Answer answer(Exercises.Outcome o) {
        if (o.result() instanceof Mechanism.Refused r) {
            int status = RefusalStatus.of(r.reason());
            return new Exercises.Answer(status, errorBody(status, r.field(), r.message()), false);
        }
        Mechanism.Accepted a = (Mechanism.Accepted) o.result();
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.put("accepted", true);
        root.put("procedure", a.procedure());
        root.put("summary", a.summary());
        root.put("at", o.at().toString());
        o.entry().ifPresent(e -> {
            root.put("journal_entry", e.seq()).put("hash", e.hash());
            root.set("receipt", Receipt.of(e).toJson());
        });
        return new Exercises.Answer(201, root.toString(), false);
    }

    private void health(Context ctx) {
        Optional<String> problem = exercises.health();
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.put("status", problem.isEmpty() ? "ok" : "unavailable");
        root.put("store", problem.isEmpty() ? "ok" : problem.get());
        Exercises.WriterCounts w = exercises.writerCounts();
        root.putObject("journal_writer").put("commits", w.commits()).put("entries", w.entries()).put("jobs", w.jobs());
        Exercises.Memory m = exercises.memory();
        root.putObject("in_memory").put("exercises", m.exercises()).put("entries", m.entries()).put("budget_entries", m.budget())
                .put("let_go", m.evicted()).put("waiting_for_a_deadline", m.dormant()).put("limit_entries", m.limit()).put("full", m.full());
        if (problem.isPresent()) {
            ctx.header("Retry-After", "5");
        }
        ctx.status(problem.isEmpty() ? 200 : 503).contentType("application/json").result(root.toString());
    }

    private void key(Context ctx) {
        who(ctx);
        JournalKey k = exercises.key();
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.put("algorithm", JournalKey.ALGORITHM).put("key_id", k.id()).put("public_key", k.publicKeyBase64());
        root.put("signed", "each receipt signs the UTF-8 text 'eurosec-journal-receipt-v1\\n' + exercise + '\\n' + seq + '\\n' + hash");
        ctx.contentType("application/json").result(root.toString());
    }

    private final EventStreams events;

    /** Server-Sent Events of the procedures the caller may see (EventStreams): from ?after= or Last-Event-ID, then as they change. */
    private void events(Context ctx) {
        Exercises.Who w = who(ctx);
        only(ctx, java.util.Set.of("after", "for"));
        long after = cursor(ctx);
        String last = ctx.header("Last-Event-ID");
        if (ctx.queryParam("after") == null && last != null && !last.isBlank()) {
            try {
                after = Long.parseLong(last.trim());
            } catch (NumberFormatException e) {
                throw new BadInput(400, "Last-Event-ID", "'Last-Event-ID' takes the id of the last event received, not '" + last + "'");
            }
        }
        int seconds = EventStreams.MAX_SECONDS;
        String f = ctx.queryParam("for");
        if (f != null) {
            try {
                seconds = Integer.parseInt(f.trim());
                if (seconds < 1 || seconds > EventStreams.MAX_SECONDS) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new BadInput(400, "for", "'for' takes 1 to " + EventStreams.MAX_SECONDS + " seconds, not '" + f + "'");
            }
        }
        events.serve(ctx, w, ctx.header("Authorization").substring(7), after, seconds);
    }

    private void head(Context ctx) {
        Exercises.Who w = who(ctx);
        ctx.contentType("application/json").result(exercises.head(w.exercise()).toJson().toString());
    }

    private void journal(Context ctx) {
        Exercises.Who w = who(ctx);
        if (w.actor() instanceof Actor.Delegation) {
            throw new BadInput(403, "Authorization", "the journal is open to the depositary and observers; a delegation sees its procedures");
        }
        only(ctx, java.util.Set.of("after", "limit"));
        long after = cursor(ctx);
        int limit = limit(ctx);
        // One more than asked for tells whether there is a next page, without counting the journal.
        List<Journal.Entry> entries = exercises.journal(w.exercise(), after, limit + 1);
        boolean more = entries.size() > limit;
        if (more) {
            entries = entries.subList(0, limit);
            long last = entries.get(entries.size() - 1).seq();
            ctx.header("Link", "</api/exercises/" + w.exercise() + "/journal?after=" + last + "&limit=" + limit + ">; rel=\"next\"");
        }
        ctx.header("X-Next-After", String.valueOf(entries.isEmpty() ? after : entries.get(entries.size() - 1).seq()));
        ctx.header("X-More", String.valueOf(more));
        ArrayNode out = ActionCodec.JSON.createArrayNode();
        for (Journal.Entry e : entries) {
            ObjectNode n = out.addObject();
            n.put("seq", e.seq()).put("at", e.atExercise()).put("at_real", e.atReal()).put("actor", e.actor()).put("kind", e.kind());
            try {
                n.set("body", ActionCodec.JSON.readTree(e.body()));
            } catch (IOException ex) {
                n.put("body", e.body());
            }
            n.put("prev_hash", e.prevHash()).put("hash", e.hash());
            if (e.signed()) {
                n.put("key_id", e.keyId()).put("signature", e.signature());
            }
        }
        ctx.contentType("application/json").result(out.toString());
    }

    private void verify(Context ctx) {
        Exercises.Who w = who(ctx);
        if (w.actor() instanceof Actor.Delegation) {
            throw new BadInput(403, "Authorization", "the journal is open to the depositary and observers");
        }
        // A page of the journal at a time: the whole journal of a large exercise would take the heap the exercises need.
        Exercises.JournalCheck v = exercises.verifyJournal(w.exercise(), exercises.key());
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.put("intact", v.intact());
        ArrayNode p = root.putArray("problems");
        v.problems().forEach(p::add);
        ctx.contentType("application/json").result(root.toString());
    }

    static String openApi() {
        return OpenApiHolder.DOC;
    }

    /** Made once, when first asked for: the routes and views are part of the build. */
    private static final class OpenApiHolder {
        static final String DOC = OpenApi.build(resource("/eurosec/openapi.json"));
    }

    private static String resource(String name) {
        try (InputStream in = ApiServer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
