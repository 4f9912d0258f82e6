package org.eurosec.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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
}
