package org.eurosec.server;

import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.eurosec.query.Compare;
import org.eurosec.query.Eurosec;
import org.eurosec.query.Json;
import org.eurosec.query.Params;
import org.eurosec.query.QueryException;
import org.eurosec.query.Reconcile;
import org.eurosec.query.Questions;
import org.eurosec.query.Questions.Param;
import org.eurosec.query.Questions.Question;

/**
 * The analysis routes: each one a {@link Question} of the application layer. A parameter the
 * question does not list is a 400 naming it, so a typo never passes silently; values are checked
 * here for shape, by the query for meaning; the view is written with the application layer's one
 * JSON mapping, so the answer is exactly what {@code eurosec COMMAND --format json} prints.
 */
final class QuestionRoutes {

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.,=:/-]{0,199}");

    private final Eurosec eurosec;

    QuestionRoutes(Eurosec eurosec) {
        this.eurosec = eurosec;
    }

    void answer(Question q, Context ctx) {
        Object view = q.answer().apply(eurosec, params(q, ctx));
        ctx.contentType("application/json").result(Json.write(view));
    }

    /**
     * POST /api/compare: the body is a scenario file, compared under the regimes of the query's
     * parameters (those of GET /api/compare). The body is read only through a file of its own in
     * {@code folder} (the server's private folder), deleted when the answer is made.
     */
    void compareUpload(Context ctx, Path folder) {
        Question q = Questions.ALL_QUESTIONS.stream().filter(x -> x.path().equals("/api/compare")).findFirst().orElseThrow();
        Params p = params(q, ctx);
        HttpGuards.contentType(ctx, "application/yaml", "application/x-yaml", "text/yaml", "text/plain");
        String body = HttpGuards.anonymousBody(ctx, ApiServer.MAX_BODY);
        Compare.View view = Compare.uploaded(body, folder, upload -> eurosec.compare(Compare.Query.upload(upload, p)));
        ctx.contentType("application/json").result(Json.write(view));
    }

    /**
     * At most this many reconciliations at once (each reads a body of up to {@link
     * ApiServer#MAX_RECONCILE_BODY} and builds several panels); another waits a second for its turn,
     * then is a 503 with Retry-After.
     */
    static final int RECONCILING_AT_ONCE = 2;
    private final java.util.concurrent.Semaphore reconciling = new java.util.concurrent.Semaphore(RECONCILING_AT_ONCE);

    /**
     * POST /api/reconcile/{dataset}: the body is the user's copy of the dataset (CSV); the answer is
     * what {@code eurosec reconcile DATASET FILE --format json} prints, a broken row named as
     * {@code uploaded file:LINE} of the body (field body).
     */
    void reconcileUpload(Context ctx) {
        Params p = params(Questions.RECONCILE, ctx);
        HttpGuards.contentType(ctx, "text/csv", "application/csv", "text/plain");
        try {
            if (!reconciling.tryAcquire(1, java.util.concurrent.TimeUnit.SECONDS)) {
                ctx.header("Retry-After", "5");
                throw new org.eurosec.store.BadInput(503, "body", "the server is reconciling " + RECONCILING_AT_ONCE + " files already; retry in a moment");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.eurosec.store.BadInput(503, "body", "the server is stopping");
        }
        try {
            String body = HttpGuards.anonymousBody(ctx, ApiServer.MAX_RECONCILE_BODY);
            Reconcile.View view = eurosec.reconcile(Reconcile.Query.upload(body, p));
            // Written as it goes out: all kinds of ATOP's own file run to some 68 MB of JSON, which held whole as text (and
            // again as bytes) ran two uploads at once out of a 512 MiB heap.
            ctx.contentType("application/json");
            try (java.io.Writer out = new java.io.BufferedWriter(new java.io.OutputStreamWriter(ctx.outputStream(), java.nio.charset.StandardCharsets.UTF_8),
                    1 << 16)) {
                Json.write(view, out);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        } finally {
            reconciling.release();
        }
    }

    /** A question's parameters from the request: only those it lists, each given once unless repeatable, each of a safe shape. */
    private Params params(Question q, Context ctx) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : ctx.queryParamMap().entrySet()) {
            String name = e.getKey();
            Param p = q.param(name).filter(x -> !x.inPath()).orElseThrow(() -> new QueryException.InvalidParameter(name,
                    "'" + name + "' is not a parameter of " + q.path() + " (" + listed(q) + ")"));
            if (e.getValue().size() > 1 && !p.repeatable()) {
                throw new QueryException.InvalidParameter(name, "'" + name + "' is given " + e.getValue().size()
                        + " times; give it once (a list is comma-separated)");
            }
            for (String v : e.getValue()) {
                if (p.type() != org.eurosec.query.Questions.Type.FLAG || !v.isEmpty()) {
                    checked(name, v);
                }
            }
            values.put(name, e.getValue());
        }
        for (Param p : q.params()) {
            if (p.inPath()) {
                values.put(p.name(), List.of(checked(p.name(), ctx.pathParam(p.name()))));
            }
        }
        return Params.of(values);
    }

    private static String listed(Question q) {
        List<String> names = q.params().stream().filter(p -> !p.inPath()).map(Param::name).sorted().toList();
        return names.isEmpty() ? "it takes none" : "parameters: " + String.join(", ", names);
    }

    private static String checked(String field, String value) {
        if (value == null || !VALUE.matcher(value).matches()) {
            throw new QueryException.InvalidParameter(field, "'" + field + "' must be letters, digits and . , = : / - _ (at most 200), not '"
                    + (value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'");
        }
        return value;
    }

    /** The one table from the application layer's errors to HTTP statuses. */
    static int status(QueryException e) {
        if (e instanceof QueryException.InvalidParameter) {
            return 400;
        }
        if (e instanceof QueryException.UnknownId) {
            return 404;
        }
        if (e instanceof QueryException.DataProblems d) {
            return d.servers() ? 503 : 400;
        }
        if (e instanceof QueryException.Conflict) {
            return 409;
        }
        if (e instanceof QueryException.TooMuchWork) {
            return 422;
        }
        return 403;
    }
}
