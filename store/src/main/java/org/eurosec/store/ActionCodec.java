package org.eurosec.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eurosec.mechanism.Action;

/**
 * Actions as JSON objects ({@code {"kind": "vote", "procedure": 3, "ballot": "yes"}}), read strictly:
 * an unknown kind or field, a missing or mistyped value is a {@link BadInput} naming the field.
 * The same form is written to the journal and accepted by the API.
 */
public final class ActionCodec {

    public static final ObjectMapper JSON = new ObjectMapper();

    private static final Map<String, Set<String>> FIELDS = Map.ofEntries(
            Map.entry("request-information", Set.of("to", "subject")),
            Map.entry("reply", Set.of("procedure", "text")),
            Map.entry("request-consultations", Set.of("with", "subject")),
            Map.entry("schedule-consultations", Set.of("procedure", "at")),
            Map.entry("join-consultations", Set.of("procedure")),
            Map.entry("propose-conference", Set.of("consultation", "subject")),
            Map.entry("support-conference", Set.of("procedure")),
            Map.entry("notify-attack", Set.of("attacker", "victim", "threat_only")),
            Map.entry("attend", Set.of("procedure")),
            Map.entry("vote", Set.of("procedure", "ballot")),
            Map.entry("notify-activity", Set.of("name", "start", "troops", "battle_tanks", "acv", "artillery")),
            Map.entry("accept-observation", Set.of("procedure")),
            Map.entry("submit-annual-information", Set.of("year")),
            Map.entry("deadline-passed", Set.of("procedure", "deadline")));

    /** Fields any action may carry besides its own: {@code as} names the state a delegation acts for. */
    private static final Set<String> COMMON = Set.of("kind", "as");

    private ActionCodec() {
    }

    public static Set<String> kinds() {
        return new java.util.TreeSet<>(FIELDS.keySet());
    }

    /**
     * An action as it is journaled: the action taken and its entry's body, which reads back to that
     * action (so what is journaled replays to what was decided). Only this codec makes one: from a
     * request it read ({@link #check(JsonNode)}) or from an action given directly ({@link #check(Action)}).
     */
    public static final class Checked {
        private final Action action;
        private final String body;

        private Checked(Action action, String body) {
            this.action = action;
            this.body = body;
        }

        public Action action() {
            return action;
        }

        /** The journal entry's body: the action in the codec's written form. */
        public String body() {
            return body;
        }
    }

    /**
     * The action in a request, read as {@link #read} reads it, with its journal body. That body is
     * not read again: for every action {@link #read} gives, {@link #write} gives a form that
     * {@link #read} accepts and reads back equal (ActionCodecTest checks it for every kind, with
     * the optional fields left out, values at their limits and ids in lower case).
     */
    public static Checked check(JsonNode request) {
        Action a = read(request);
        return new Checked(a, write(a).toString());
    }

    /**
     * An action given directly (not read from JSON): written, then read back with the codec's limits,
     * as replay will read it. An action replay could not read (a subject over its length, say) is a
     * {@link BadInput} naming the field; otherwise what is taken is the action read back, so the
     * state decided now is the one replay rebuilds (a lower-case state id is taken in upper case).
     */
    public static Checked check(Action action) {
        ObjectNode tree = write(action);
        return new Checked(read(tree), tree.toString());
    }

    public static Action read(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new BadInput(400, "body", "the body must be a JSON object");
        }
        String kind = text(n, "kind", 40);
        Set<String> allowed = FIELDS.get(kind);
        if (allowed == null) {
            throw new BadInput("kind", "unknown action kind '" + kind + "' (known: " + String.join(", ", kinds()) + ")");
        }
        for (Iterator<String> it = n.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!allowed.contains(f) && !COMMON.contains(f)) {
                throw new BadInput(f, "'" + f + "' is not a field of " + kind + " (fields: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")");
            }
        }
        return switch (kind) {
            case "request-information" -> new Action.RequestInformation(state(n, "to"), optText(n, "subject"));
            case "reply" -> new Action.Reply(id(n, "procedure"), text(n, "text", 20_000));
            case "request-consultations" -> new Action.RequestConsultations(states(n, "with"), optText(n, "subject"));
            case "schedule-consultations" -> new Action.ScheduleConsultations(id(n, "procedure"), instant(n, "at"));
            case "join-consultations" -> new Action.JoinConsultations(id(n, "procedure"));
            case "propose-conference" -> new Action.ProposeConference(n.has("consultation") ? id(n, "consultation") : 0, optText(n, "subject"));
            case "support-conference" -> new Action.SupportConference(id(n, "procedure"));
            case "notify-attack" -> new Action.NotifyAttack(state(n, "attacker"), state(n, "victim"), bool(n, "threat_only"));
            case "attend" -> new Action.Attend(id(n, "procedure"));
            case "vote" -> new Action.Vote(id(n, "procedure"), ballot(n));
            case "notify-activity" -> new Action.NotifyActivity(text(n, "name", 200), date(n, "start"), count(n, "troops"), count(n, "battle_tanks"),
                    count(n, "acv"), count(n, "artillery"));
            case "accept-observation" -> new Action.AcceptObservation(id(n, "procedure"));
            case "submit-annual-information" -> new Action.SubmitAnnualInformation(year(n));
            default -> new Action.DeadlinePassed(id(n, "procedure"), text(n, "deadline", 40));
        };
    }

    public static ObjectNode write(Action a) {
        ObjectNode n = JSON.createObjectNode();
        n.put("kind", a.kind());
        if (a instanceof Action.RequestInformation r) {
            n.put("to", r.to()).put("subject", r.subject());
        } else if (a instanceof Action.Reply r) {
            n.put("procedure", r.procedure()).put("text", r.text());
        } else if (a instanceof Action.RequestConsultations r) {
            r.with().forEach(n.putArray("with")::add);
            n.put("subject", r.subject());
        } else if (a instanceof Action.ScheduleConsultations r) {
            n.put("procedure", r.procedure()).put("at", r.at().toString());
        } else if (a instanceof Action.JoinConsultations r) {
            n.put("procedure", r.procedure());
        } else if (a instanceof Action.ProposeConference r) {
            if (r.consultation() != 0) { // 0 is no consultations named, which is how read takes a proposal without the field
                n.put("consultation", r.consultation());
            }
            n.put("subject", r.subject());
        } else if (a instanceof Action.SupportConference r) {
            n.put("procedure", r.procedure());
        } else if (a instanceof Action.NotifyAttack r) {
            n.put("attacker", r.attacker()).put("victim", r.victim()).put("threat_only", r.threatOnly());
        } else if (a instanceof Action.Attend r) {
            n.put("procedure", r.procedure());
        } else if (a instanceof Action.Vote r) {
            n.put("procedure", r.procedure()).put("ballot", r.ballot().id());
        } else if (a instanceof Action.NotifyActivity r) {
            n.put("name", r.name()).put("start", r.start().toString()).put("troops", r.troops()).put("battle_tanks", r.battleTanks())
                    .put("acv", r.acv()).put("artillery", r.artillery());
        } else if (a instanceof Action.AcceptObservation r) {
            n.put("procedure", r.procedure());
        } else if (a instanceof Action.SubmitAnnualInformation r) {
            n.put("year", r.year());
        } else if (a instanceof Action.DeadlinePassed r) {
            n.put("procedure", r.procedure()).put("deadline", r.deadline());
        }
        return n;
    }

    private static String text(JsonNode n, String f, int max) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            throw new BadInput(f, "'" + f + "' is required");
        }
        if (!v.isTextual()) {
            throw new BadInput(f, "'" + f + "' must be a string");
        }
        if (v.asText().length() > max) {
            throw new BadInput(f, "'" + f + "' is longer than " + max + " characters");
        }
        int bad = loneSurrogate(v.asText());
        if (bad >= 0) {
            throw new BadInput(f, "'" + f + "' holds a lone UTF-16 surrogate (\\u" + String.format(Locale.ROOT, "%04x", (int) v.asText().charAt(bad))
                    + " at character " + bad + "), which no stored text can keep exactly; send valid Unicode");
        }
        return v.asText();
    }

    /** The index of the first high surrogate without its low half (or a low one without its high half), or -1. */
    static int loneSurrogate(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return i;
            }
            if (Character.isLowSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    private static String optText(JsonNode n, String f) {
        return n.has(f) && !n.get(f).isNull() ? text(n, f, 2_000) : "";
    }

    /** A state id: three letters (compiled once; String.matches compiled it for every action read). */
    private static final java.util.regex.Pattern STATE_ID = java.util.regex.Pattern.compile("[A-Z]{3}");

    private static String state(JsonNode n, String f) {
        String s = text(n, f, 8).trim().toUpperCase(Locale.ROOT);
        if (!STATE_ID.matcher(s).matches()) {
            throw new BadInput(f, "'" + f + "' must be a state id such as GEO (three letters)");
        }
        return s;
    }

    private static List<String> states(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || !v.isArray()) {
            throw new BadInput(f, "'" + f + "' must be a list of state ids");
        }
        if (v.size() > 100) {
            throw new BadInput(f, "'" + f + "' names more than 100 states");
        }
        List<String> out = new ArrayList<>();
        for (JsonNode x : v) {
            if (!x.isTextual() || !STATE_ID.matcher(x.asText().trim().toUpperCase(Locale.ROOT)).matches()) {
                throw new BadInput(f, "'" + f + "' must list state ids such as GEO");
            }
            out.add(x.asText().trim().toUpperCase(Locale.ROOT));
        }
        return out;
    }

    private static int id(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1) {
            throw new BadInput(f, "'" + f + "' must be a procedure number (a positive integer)");
        }
        return v.asInt();
    }

    private static int count(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return 0;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 0) {
            throw new BadInput(f, "'" + f + "' must be a whole number, 0 or more");
        }
        return v.asInt();
    }

    private static int year(JsonNode n) {
        JsonNode v = n.get("year");
        if (v == null || !v.isIntegralNumber() || !v.canConvertToInt() || v.asInt() < 1949 || v.asInt() > 2100) {
            throw new BadInput("year", "'year' must be a year such as 2010");
        }
        return v.asInt();
    }

    private static java.time.LocalDate date(JsonNode n, String f) {
        String s = text(n, f, 20);
        try {
            return java.time.LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadInput(f, "'" + f + "' must be a date such as 2010-08-20, not '" + s + "'");
        }
    }

    private static boolean bool(JsonNode n, String f) {
        JsonNode v = n.get(f);
        if (v == null || v.isNull()) {
            return false;
        }
        if (!v.isBoolean()) {
            throw new BadInput(f, "'" + f + "' must be true or false");
        }
        return v.asBoolean();
    }

    private static Instant instant(JsonNode n, String f) {
        String s = text(n, f, 40);
        try {
            return Instant.parse(s);
        } catch (DateTimeParseException e) {
            throw new BadInput(f, "'" + f + "' must be a UTC time such as 2010-06-03T10:00:00Z, not '" + s + "'");
        }
    }

    private static Action.Ballot ballot(JsonNode n) {
        String s = text(n, "ballot", 10).toUpperCase(Locale.ROOT);
        try {
            return Action.Ballot.valueOf(s);
        } catch (IllegalArgumentException e) {
            throw new BadInput("ballot", "'ballot' must be yes, no or abstain");
        }
    }
}
