package org.eurosec.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.store.ActionCodec;
import org.eurosec.store.BadInput;
import org.eurosec.store.Credentials;
import org.eurosec.store.Exercises;
import org.eurosec.store.JournalKey;

/**
 * The administrator's routes under {@code /api/admin}: create and list exercises, issue, rotate,
 * revoke and list an exercise's credentials, close an exercise. Every one needs the administrator's
 * credential ({@code Authorization: Bearer esa_...}, printed once by {@code serve} on its first start
 * or by {@code eurosec exercise admin-token}); a new token is in the answer that makes it and
 * nowhere else (never logged). The values of a new exercise are checked by the same rules as
 * {@code exercise new}.
 */
final class AdminRoutes {

    /** The fields a new exercise may be given (snake_case, as the API names them everywhere). */
    static final Set<String> CREATE_FIELDS = Set.of("regime", "instrument", "day", "clock", "factor", "reply_within", "hold_within",
            "support_window", "voting_window", "interpretations");

    private final Exercises exercises;

    AdminRoutes(Exercises exercises) {
        this.exercises = exercises;
    }

    /** The caller must hold the administrator's credential. */
    private void admin(Context ctx) {
        String h = ctx.header("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new BadInput(401, "Authorization", "send the administrator's credential as 'Authorization: Bearer TOKEN'");
        }
        if (!exercises.isAdmin(h.substring(7))) {
            throw new BadInput(401, "Authorization", "not the administrator's credential (`eurosec exercise admin-token --replace` makes a new one)");
        }
    }

    /** The body, a JSON object read strictly; an empty body is an empty object. */
    private static JsonNode body(Context ctx) {
        String raw = HttpGuards.body(ctx, ApiServer.MAX_BODY);
        if (raw.isBlank()) {
            return ActionCodec.JSON.createObjectNode();
        }
        HttpGuards.contentType(ctx, "application/json");
        JsonNode body = ApiServer.strictJson(raw);
        if (body == null || !body.isObject()) {
            throw new BadInput(400, "body", "the body must be a JSON object");
        }
        return body;
    }

    private static Optional<String> text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw new BadInput(422, field, "'" + field + "' must be a string");
        }
        return Optional.of(v.asText());
    }

    private static Period period(JsonNode body, String field, Period otherwise) {
        Optional<String> v = text(body, field);
        if (v.isEmpty()) {
            return otherwise;
        }
        try {
            return Period.parse(v.get().trim());
        } catch (DateTimeParseException e) {
            throw new BadInput(422, field, "'" + v.get() + "' is not a period such as P10D");
        }
    }

    void create(Context ctx) {
        admin(ctx);
        JsonNode body = body(ctx);
        for (Iterator<String> it = body.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!CREATE_FIELDS.contains(f)) {
                throw new BadInput(422, f, "unknown field '" + f + "' (known: " + String.join(", ", new java.util.TreeSet<>(CREATE_FIELDS)) + ")");
            }
        }
        String regime = text(body, "regime").orElseThrow(() -> new BadInput(422, "regime", "name the regime, e.g. \"est-2009\""));
        LocalDate day;
        try {
            day = LocalDate.parse(text(body, "day").orElse("2010-06-01"));
        } catch (DateTimeParseException e) {
            throw new BadInput(422, "day", "'" + body.get("day").asText() + "' is not a date YYYY-MM-DD");
        }
        long factor = 60;
        if (body.hasNonNull("factor")) {
            if (!body.get("factor").canConvertToLong() || !body.get("factor").isIntegralNumber()) {
                throw new BadInput(422, "factor", "'factor' must be a whole number");
            }
            factor = body.get("factor").asLong();
        }
        ProcedureRules.Settings d = ProcedureRules.Settings.defaults();
        ProcedureRules.Settings settings = new ProcedureRules.Settings(period(body, "reply_within", d.replyWithin()),
                period(body, "hold_within", d.holdWithin()), period(body, "support_window", d.supportWindow()),
                period(body, "voting_window", d.votingWindow()));
        Map<String, String> interpretations = new LinkedHashMap<>();
        JsonNode in = body.get("interpretations");
        if (in != null && !in.isNull()) {
            if (!in.isObject()) {
                throw new BadInput(422, "interpretations", "'interpretations' must be an object of interpretation id to option");
            }
            in.fields().forEachRemaining(f -> {
                if (!f.getValue().isTextual()) {
                    throw new BadInput(422, "interpretations", "the option of '" + f.getKey() + "' must be a string");
                }
                interpretations.put(f.getKey(), f.getValue().asText());
            });
        }
        Exercises.Created c = exercises.create(regime, text(body, "instrument"), day, text(body, "clock").orElse("real"), factor, settings,
                interpretations);
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.put("exercise", c.id());
        root.put("regime", regime);
        root.set("rules", ActionCodec.JSON.valueToTree(c.state().rules().describe()));
        ObjectNode creds = root.putObject("credentials");
        c.tokens().forEach(creds::put);
        JournalKey k = exercises.key();
        root.putObject("journal_key").put("algorithm", JournalKey.ALGORITHM).put("key_id", k.id()).put("public_key", k.publicKeyBase64());
        root.set("receipt", c.receipt().toJson());
        ctx.status(201).contentType("application/json").result(root.toString());
    }

    void list(Context ctx) {
        admin(ctx);
        ArrayNode out = ActionCodec.JSON.createArrayNode();
        for (Exercises.Summary s : exercises.summaries()) {
            ObjectNode n = out.addObject().put("exercise", s.id()).put("regime", s.regime()).put("created_at", s.createdAt())
                    .put("journal_entries", s.entries());
            if (s.closedAt().isPresent()) {
                n.put("closed_at", s.closedAt().get());
            } else {
                n.putNull("closed_at");
            }
        }
        ObjectNode root = ActionCodec.JSON.createObjectNode();
        root.set("exercises", out);
        ctx.contentType("application/json").result(root.toString());
    }

    void credentials(Context ctx) {
        admin(ctx);
        ArrayNode out = ActionCodec.JSON.createArrayNode();
        for (Credentials.Issued i : exercises.credentials(ctx.pathParam("id"))) {
            ObjectNode n = out.addObject().put("actor", i.actor()).put("id", i.id());
            nullable(n, "issued_at", i.issuedAt());
            nullable(n, "revoked_at", i.revokedAt());
        }
        ObjectNode root = ActionCodec.JSON.createObjectNode().put("exercise", ctx.pathParam("id"));
        root.set("credentials", out);
        ctx.contentType("application/json").result(root.toString());
    }

    private static void nullable(ObjectNode n, String field, String value) {
        if (value.isEmpty()) {
            n.putNull(field);
        } else {
            n.put(field, value);
        }
    }

    void issue(Context ctx) {
        issued(ctx, false);
    }

    void rotate(Context ctx) {
        issued(ctx, true);
    }

    private void issued(Context ctx, boolean rotate) {
        admin(ctx);
        JsonNode body = body(ctx);
        String actor = text(body, "actor").orElseThrow(() -> new BadInput(422, "actor", "name the actor: delegation:ISO3, depositary or observer"));
        Exercises.NewCredential n = exercises.issue(ctx.pathParam("id"), actor, rotate);
        ObjectNode root = ActionCodec.JSON.createObjectNode().put("exercise", n.exercise()).put("actor", n.actor()).put("credential", n.token())
                .put("revoked", n.revoked());
        ctx.status(201).contentType("application/json").result(root.toString());
    }

    void revoke(Context ctx) {
        admin(ctx);
        JsonNode body = body(ctx);
        String actor = text(body, "actor").orElseThrow(() -> new BadInput(422, "actor", "name the actor: delegation:ISO3, depositary or observer"));
        String id = ctx.pathParam("id");
        Exercises.Revocation r = exercises.revoke(id, actor);
        ObjectNode root = ActionCodec.JSON.createObjectNode().put("exercise", r.exercise()).put("actor", r.actor()).put("revoked", r.revoked());
        ctx.contentType("application/json").result(root.toString());
    }

    void close(Context ctx) {
        admin(ctx);
        JsonNode body = body(ctx);
        String id = ctx.pathParam("id");
        var receipt = exercises.closeExercise(id, text(body, "reason").orElse(""));
        ObjectNode root = ActionCodec.JSON.createObjectNode().put("exercise", id).put("closed", true);
        root.set("receipt", receipt.toJson());
        ctx.contentType("application/json").result(root.toString());
    }
}
