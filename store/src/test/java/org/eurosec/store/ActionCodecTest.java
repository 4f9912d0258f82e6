package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.SealedKinds;
import org.junit.jupiter.api.Test;

/**
 * Every kind of action survives the journal: written, read back equal, in the journal's exact
 * form. A kind added to core without a place in the codec fails here rather than being journaled
 * as its bare kind.
 */
class ActionCodecTest {

    /** One example per kind, with the JSON the journal holds for it. */
    static final Map<Action, String> EXAMPLES = Map.ofEntries(
            Map.entry(new Action.RequestInformation("GEO", "troops"), "{\"kind\":\"request-information\",\"to\":\"GEO\",\"subject\":\"troops\"}"),
            Map.entry(new Action.Reply(1, "none"), "{\"kind\":\"reply\",\"procedure\":1,\"text\":\"none\"}"),
            Map.entry(new Action.RequestConsultations(List.of("RUS", "BLR"), "Zapad"),
                    "{\"kind\":\"request-consultations\",\"with\":[\"RUS\",\"BLR\"],\"subject\":\"Zapad\"}"),
            Map.entry(new Action.ScheduleConsultations(2, Instant.parse("2010-06-03T10:00:00Z")),
                    "{\"kind\":\"schedule-consultations\",\"procedure\":2,\"at\":\"2010-06-03T10:00:00Z\"}"),
            Map.entry(new Action.JoinConsultations(2), "{\"kind\":\"join-consultations\",\"procedure\":2}"),
            Map.entry(new Action.ProposeConference(2, "Zapad"), "{\"kind\":\"propose-conference\",\"consultation\":2,\"subject\":\"Zapad\"}"),
            Map.entry(new Action.SupportConference(3), "{\"kind\":\"support-conference\",\"procedure\":3}"),
            Map.entry(new Action.NotifyAttack("RUS", "GEO", true), "{\"kind\":\"notify-attack\",\"attacker\":\"RUS\",\"victim\":\"GEO\",\"threat_only\":true}"),
            Map.entry(new Action.Attend(3), "{\"kind\":\"attend\",\"procedure\":3}"),
            Map.entry(new Action.Vote(3, Action.Ballot.ABSTAIN), "{\"kind\":\"vote\",\"procedure\":3,\"ballot\":\"abstain\"}"),
            Map.entry(new Action.NotifyActivity("Zapad", LocalDate.parse("2010-09-08"), 13000, 1, 2, 3),
                    "{\"kind\":\"notify-activity\",\"name\":\"Zapad\",\"start\":\"2010-09-08\",\"troops\":13000,\"battle_tanks\":1,\"acv\":2,\"artillery\":3}"),
            Map.entry(new Action.AcceptObservation(4), "{\"kind\":\"accept-observation\",\"procedure\":4}"),
            Map.entry(new Action.SubmitAnnualInformation(2010), "{\"kind\":\"submit-annual-information\",\"year\":2010}"),
            Map.entry(new Action.DeadlinePassed(1, "2010-06-11T09:00:00Z"), "{\"kind\":\"deadline-passed\",\"procedure\":1,\"deadline\":\"2010-06-11T09:00:00Z\"}"));

    @Test
    void everyKindIsWrittenInTheJournalsFormAndReadBackEqual() throws Exception {
        assertThat(EXAMPLES.keySet().stream().map(Object::getClass).toList()).containsExactlyInAnyOrderElementsOf(SealedKinds.of(Action.class));
        assertThat(ActionCodec.kinds()).containsExactlyInAnyOrderElementsOf(EXAMPLES.keySet().stream().map(Action::kind).toList());
        for (Map.Entry<Action, String> e : EXAMPLES.entrySet()) {
            assertThat(ActionCodec.write(e.getKey()).toString()).as(e.getKey().kind()).isEqualTo(e.getValue());
            assertThat(ActionCodec.read(ActionCodec.JSON.readTree(e.getValue()))).as(e.getKey().kind()).isEqualTo(e.getKey());
        }
    }

    /**
     * What a request reads as is journaled as written and not read again ({@link ActionCodec#check(JsonNode)}),
     * so for every request the codec accepts, the written form must read back to the same action:
     * optional fields left out or null, ids in lower case and padded, texts at their limits and with
     * surrogate pairs, extreme numbers, times and dates. Before, a conference proposal without a
     * consultation was written with {@code "consultation": 0}, which the codec then refused.
     */
    @Property(tries = 1000)
    void everyAcceptedRequestIsWrittenInAFormThatReadsBackEqual(@ForAll("requests") ObjectNode request) throws Exception {
        Action taken = ActionCodec.read(request);
        ObjectNode written = ActionCodec.write(taken);
        assertThat(ActionCodec.read(ActionCodec.JSON.readTree(written.toString()))).as(request.toString()).isEqualTo(taken);
        ActionCodec.Checked checked = ActionCodec.check(request);
        assertThat(checked.action()).isEqualTo(taken);
        assertThat(checked.body()).isEqualTo(written.toString());
        ActionCodec.Checked direct = ActionCodec.check(taken);
        assertThat(direct.action()).isEqualTo(taken);
        assertThat(direct.body()).isEqualTo(checked.body());
    }

    /** An action given directly is taken as replay will read it; one replay could not read is refused naming the field. */
    @Test
    void aDirectActionIsTakenAsItsJournalBodyReads() {
        ActionCodec.Checked c = ActionCodec.check(new Action.RequestConsultations(List.of("rus", "Blr"), "Zapad"));
        assertThat(c.action()).isEqualTo(new Action.RequestConsultations(List.of("RUS", "BLR"), "Zapad"));
        assertThat(c.body()).isEqualTo("{\"kind\":\"request-consultations\",\"with\":[\"rus\",\"Blr\"],\"subject\":\"Zapad\"}");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ActionCodec.check(new Action.Reply(0, "x")))
                .isInstanceOfSatisfying(BadInput.class, e -> assertThat(e.field()).isEqualTo("procedure"));
    }

    @Provide
    Arbitrary<ObjectNode> requests() {
        Arbitrary<String> state = Combinators.combine(Arbitraries.of("GEO", "geo", "Rus", "BLR", "usa"), Arbitraries.of("", " ", "  ", "\t"),
                Arbitraries.of("", " ", "\n")).as((id, before, after) -> before + id + after);
        Arbitrary<String> text = Arbitraries.oneOf(chars().ofMaxLength(40), Arbitraries.of("", "\ud83d\ude00 pair", "x".repeat(2_000),
                "\ud83d\ude00".repeat(1_000), "quote \" and \\ backslash", "line\nbreak"));
        Arbitrary<Integer> id = Arbitraries.oneOf(Arbitraries.integers().between(1, 50), Arbitraries.of(Integer.MAX_VALUE));
        Arbitrary<Integer> count = Arbitraries.oneOf(Arbitraries.integers().between(0, 100_000), Arbitraries.of(Integer.MAX_VALUE));
        Arbitrary<Instant> instant = Arbitraries.oneOf(Arbitraries.longs().between(-62_135_596_800L, 253_402_300_799L).map(Instant::ofEpochSecond),
                Arbitraries.of(Instant.parse("2010-06-03T10:00:00.123456789Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.EPOCH));
        Arbitrary<LocalDate> date = Arbitraries.oneOf(Arbitraries.longs().between(-719_162, 2_932_896).map(LocalDate::ofEpochDay),
                Arbitraries.of(LocalDate.parse("+10000-01-01")));
        Arbitrary<ObjectNode> any = Arbitraries.oneOf(
                Combinators.combine(state, text.injectNull(0.3)).as((to, subject) -> opt(node("request-information").put("to", to), "subject", subject)),
                Combinators.combine(id, Arbitraries.oneOf(text, Arbitraries.of("y".repeat(20_000)))).as((p, t) -> node("reply").put("procedure", p).put("text", t)),
                Combinators.combine(state.list().ofMaxSize(100), text.injectNull(0.3)).as((with, subject) -> {
                    ObjectNode n = node("request-consultations");
                    with.forEach(n.putArray("with")::add);
                    return opt(n, "subject", subject);
                }),
                Combinators.combine(id, instant).as((p, at) -> node("schedule-consultations").put("procedure", p).put("at", at.toString())),
                id.map(p -> node("join-consultations").put("procedure", p)),
                Combinators.combine(id.injectNull(0.5), text.injectNull(0.3)).as((p, subject) -> {
                    ObjectNode n = opt(node("propose-conference"), "subject", subject);
                    return p == null ? n : n.put("consultation", p);
                }),
                id.map(p -> node("support-conference").put("procedure", p)),
                Combinators.combine(state, state, Arbitraries.of(0, 1, 2)).as((a, v, t) -> {
                    ObjectNode n = node("notify-attack").put("attacker", a).put("victim", v);
                    return t == 0 ? n : t == 1 ? n.putNull("threat_only") : n.put("threat_only", true);
                }),
                id.map(p -> node("attend").put("procedure", p)),
                Combinators.combine(id, Arbitraries.of("yes", "No", "ABSTAIN", "abstain")).as((p, b) -> node("vote").put("procedure", p).put("ballot", b)),
                Combinators.combine(chars().ofMaxLength(200), date, count.injectNull(0.3), count.injectNull(0.3)).as((name, start, troops, tanks) -> {
                    ObjectNode n = node("notify-activity").put("name", name).put("start", start.toString());
                    if (troops != null) {
                        n.put("troops", troops);
                    }
                    return tanks == null ? n : n.put("battle_tanks", tanks).put("acv", tanks).put("artillery", tanks);
                }),
                id.map(p -> node("accept-observation").put("procedure", p)),
                Arbitraries.integers().between(1949, 2100).map(y -> node("submit-annual-information").put("year", y)),
                Combinators.combine(id, instant).as((p, at) -> node("deadline-passed").put("procedure", p).put("deadline", at.toString())));
        return Combinators.combine(any, Arbitraries.of(false, true)).as((n, as) -> as ? n.put("as", "GEO") : n)
                .filter(n -> !(n.has("start") && n.get("start").asText().length() > 20) && !(n.has("at") && n.get("at").asText().length() > 40));
    }

    /** Text without lone surrogates (which the codec refuses): ASCII, accents, Cyrillic, CJK. */
    private static net.jqwik.api.arbitraries.StringArbitrary chars() {
        return Arbitraries.strings().withCharRange(' ', '~').withCharRange('\u00c0', '\u00ff').withCharRange('\u0400', '\u04ff').withChars("\u4e2d\n\t");
    }

    private static ObjectNode node(String kind) {
        return ActionCodec.JSON.createObjectNode().put("kind", kind);
    }

    /** {@code f} set to {@code v}, or left out when {@code v} is null (every other call: given as JSON null). */
    private static ObjectNode opt(ObjectNode n, String f, String v) {
        if (v != null) {
            return n.put(f, v);
        }
        return (n.size() % 2 == 0) ? n.putNull(f) : n;
    }
}
