package org.eurosec.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import org.eurosec.query.Questions;
import org.eurosec.query.Questions.Param;
import org.eurosec.query.Questions.Question;
import org.eurosec.query.Schemas;

/**
 * The API's OpenAPI description: the exercise routes as written in {@code openapi.json}, and every
 * analysis route made from the application layer's {@link Questions} (its parameters) and view
 * records (its response schema), so the description cannot drift from what the server answers.
 */
final class OpenApi {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private OpenApi() {
    }

    static String build(String written) {
        try {
            ObjectNode doc = (ObjectNode) MAPPER.readTree(written);
            ObjectNode paths = (ObjectNode) doc.get("paths");
            ObjectNode schemas = (ObjectNode) doc.with("components").with("schemas");
            Schemas made = new Schemas();
            for (Question q : Questions.ALL_QUESTIONS) {
                ObjectNode path = paths.has(q.path()) ? (ObjectNode) paths.get(q.path()) : paths.putObject(q.path());
                path.set("get", operation(q, made));
            }
            ObjectNode reconcile = paths.has(Questions.RECONCILE.path()) ? (ObjectNode) paths.get(Questions.RECONCILE.path())
                    : paths.putObject(Questions.RECONCILE.path());
            reconcile.set("post", reconcileUpload(made));
            for (Map.Entry<String, Object> s : made.components().entrySet()) {
                schemas.set(s.getKey(), MAPPER.valueToTree(s.getValue()));
            }
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(doc);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ObjectNode operation(Question q, Schemas made) {
        ObjectNode op = MAPPER.createObjectNode();
        op.put("summary", q.summary());
        ArrayNode params = op.putArray("parameters");
        for (Param p : q.params()) {
            ObjectNode n = params.addObject();
            n.put("name", p.name()).put("in", p.inPath() ? "path" : "query").put("required", p.required());
            ObjectNode schema = n.putObject("schema").put("type", p.type().jsonType);
            if (p.type().format != null) {
                schema.put("format", p.type().format);
            }
            if (p.repeatable()) {
                n.put("explode", true);
            }
            n.put("description", p.description());
        }
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200");
        ok.put("description", "the answer, exactly as the command of the same name prints it with --format json");
        ok.putObject("content").putObject("application/json").set("schema", MAPPER.valueToTree(made.ref(q.view())));
        error(responses, "400", "bad input: an unknown parameter, a malformed value, a broken uploaded file; the field names it");
        error(responses, "404", "an unknown id (a state, an organisation, a regime, a scenario): kind and id named");
        error(responses, "409", "a clash between provisions that the regime does not resolve");
        error(responses, "503", "the server's own data or regimes have problems, each named with file and line");
        return op;
    }

    /** POST /api/reconcile/{dataset}: the question's parameters, the CSV body, its own size limit and the statuses of an upload. */
    private static ObjectNode reconcileUpload(Schemas made) {
        ObjectNode op = operation(Questions.RECONCILE, made);
        op.putObject("requestBody").put("required", true).put("description", "the dataset's directed dyad-year CSV (a header with ccode1, "
                + "ccode2, year and a column per kind: ATOP defense, offense, neutral, nonagg, consul; COW defense, neutrality, nonaggression, "
                + "entente; peacesciencer's atop_*/cow_* names too), UTF-8, at most " + ApiServer.MAX_RECONCILE_BODY + " bytes (16 MiB)")
                .putObject("content").putObject("text/csv").putObject("schema").put("type", "string");
        ObjectNode responses = (ObjectNode) op.get("responses");
        responses.remove("404");
        responses.remove("409");
        ((ObjectNode) responses.get("200")).put("description", "the comparison, exactly as `eurosec reconcile DATASET FILE --format json` prints it");
        ((ObjectNode) responses.get("400")).put("description", "bad input: an unknown parameter or dataset, a malformed value, an empty body, "
                + "a body that is not UTF-8, or a broken row (field body; the message names the body's line as 'uploaded file:LINE')");
        error(responses, "413", "the body is larger than " + ApiServer.MAX_RECONCILE_BODY + " bytes (16 MiB); counted while it is read");
        error(responses, "415", "the body is not sent as text/csv, application/csv or text/plain (field Content-Type)");
        error(responses, "422", "reconciling the body would take more than " + org.eurosec.query.Reconcile.UPLOAD_SEARCH_PANELS
                + " panels in the search for readings that explain its cells (field body): run `eurosec reconcile` on your own machine");
        ((ObjectNode) responses.get("503")).put("description", "the server's own data have problems, or it is reconciling "
                + QuestionRoutes.RECONCILING_AT_ONCE + " files already (Retry-After)");
        return op;
    }

    private static void error(ObjectNode responses, String status, String description) {
        ObjectNode r = responses.putObject(status);
        r.put("description", description);
        r.putObject("content").putObject("application/json").putObject("schema").put("$ref", "#/components/schemas/Error");
    }

    /** For tests: the schema node a {@code $ref} points to. */
    static JsonNode resolve(JsonNode doc, String ref) {
        return doc.at(ref.substring(1));
    }
}
