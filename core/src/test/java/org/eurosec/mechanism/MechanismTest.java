package org.eurosec.mechanism;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.engine.Quorum;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.Action.Ballot;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.eurosec.mechanism.Mechanism.Refused;
import org.eurosec.mechanism.Procedure.Conference;
import org.eurosec.mechanism.Procedure.Status;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;

/**
 * The draft treaty's mechanisms run as procedures: who may act, deadlines that pass as "no
 * response", quorums counted on attendance, the attacker's vote left out. Quorums and parties are
 * derived here from the regime file, not written in.
 */
class MechanismTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Regime EST = EmbeddedData.regimes(BASE).get("est-2009");
    static final LocalDate DAY = LocalDate.of(2010, 6, 1);
    static final Architecture WORLD = RegimeApplication.apply(BASE, EST, false);
    static final ProcedureRules RULES = ProcedureRules.of(WORLD, Reading.defaults(WORLD), EST, DAY, ProcedureRules.Settings.defaults());
    static final Instant T0 = Instant.parse("2010-06-01T09:00:00Z");

    record Step(Actor actor, Action action, Instant at) {
    }

    static Actor d(String s) {
        return new Actor.Delegation(s);
    }

    static ExerciseState run(List<Step> steps) {
        ExerciseState s = ExerciseState.start("x", "est-2009", RULES, T0);
        for (Step st : steps) {
            Mechanism.Result r = Mechanism.apply(s, st.actor(), st.action(), st.at());
            assertThat(r).as(st.toString()).isInstanceOf(Accepted.class);
            s = ((Accepted) r).state();
        }
        return s;
    }

    static Refused refused(ExerciseState s, Actor a, Action act, Instant at) {
        Mechanism.Result r = Mechanism.apply(s, a, act, at);
        assertThat(r).isInstanceOf(Refused.class);
        return (Refused) r;
    }

    @Test
    void thePartiesAreTheParticipatingStatesAndTheRulesComeFromTheDraft() {
        assertThat(RULES.instrument()).isEqualTo("est-2009");
        assertThat(RULES.parties()).hasSize(56).contains("RUS", "USA", "GEO").doesNotContain("XKX");
        assertThat(RULES.extraordinary().orElseThrow().quorum().map(Quorum::required)).contains(45);
        assertThat(RULES.conference().orElseThrow().quorum().map(Quorum::required)).contains(38);
        assertThat(RULES.extraordinary().orElseThrow().unconfirmed()).isNotEmpty();
    }

    @Test
    void aProcedureHoldsTheRulesOwnCopyOfEachPartysCodeNotTheCopyFromTheRequest() {
        // Codes built at run time, as a request's JSON gives them: equal to the rules' codes, not the same objects.
        String rus = new String(new char[] {'R', 'U', 'S'});
        String geo = new String(new char[] {'G', 'E', 'O'});
        ExerciseState s = run(List.of(new Step(d(rus), new Action.RequestInformation(geo, "troop movements"), T0)));
        Procedure.InformationRequest p = (Procedure.InformationRequest) s.procedure(1).orElseThrow();
        String rulesRus = RULES.parties().get(RULES.parties().indexOf("RUS"));
        String rulesGeo = RULES.parties().get(RULES.parties().indexOf("GEO"));
        assertThat(p.from()).isEqualTo("RUS").isSameAs(rulesRus).isNotSameAs(rus);
        assertThat(p.to()).isEqualTo("GEO").isSameAs(rulesGeo).isNotSameAs(geo);
        assertThat(RULES.party("XKX")).isEqualTo("XKX");
    }

    @Test
    void onlyTheAskedPartyRepliesAndAMissedDeadlineIsNoResponse() {
        ExerciseState s = run(List.of(new Step(d("RUS"), new Action.RequestInformation("GEO", "troop movements"), T0)));
        int id = 1;
        Refused other = refused(s, d("USA"), new Action.Reply(id, "..."), T0.plusSeconds(60));
        assertThat(other.reason()).isEqualTo(RefusalReason.FORBIDDEN);
        assertThat(refused(s, new Actor.Observer(), new Action.Reply(id, "..."), T0).reason()).isEqualTo(RefusalReason.FORBIDDEN);
        assertThat(refused(s, new Actor.Depositary(), new Action.RequestInformation("GEO", ""), T0).reason()).isEqualTo(RefusalReason.FORBIDDEN);
        Instant late = Mechanism.after(T0, RULES.information().orElseThrow().replyWithin().period()).plusSeconds(1);
        assertThat(refused(s, d("GEO"), new Action.Reply(id, "late"), late).message()).contains("no response");
        List<Action.DeadlinePassed> due = Mechanism.due(s, late);
        assertThat(due).hasSize(1);
        ExerciseState after = ((Accepted) Mechanism.apply(s, new Actor.Clock(), due.get(0), late)).state();
        assertThat(after.procedure(id).orElseThrow().status()).isEqualTo(Status.NO_RESPONSE);
        assertThat(Mechanism.due(after, late)).isEmpty();
        assertThat(Mechanism.nextDeadline(after)).as("none left once recorded").isEmpty();
        ExerciseState answered = run(List.of(new Step(d("RUS"), new Action.RequestInformation("GEO", "troop movements"), T0),
                new Step(d("GEO"), new Action.Reply(id, "exercise only"), T0.plusSeconds(3600))));
        assertThat(answered.procedure(id).orElseThrow().status()).isEqualTo(Status.ANSWERED);
        assertThat(refused(answered, d("GEO"), new Action.Reply(id, "again"), T0.plusSeconds(7200)).reason()).isEqualTo(RefusalReason.CONFLICT);
    }

    @Test
    void aClosedExerciseRefusesEveryActionAndNoDeadlinePasses() {
        ExerciseState s = run(List.of(new Step(d("RUS"), new Action.RequestInformation("GEO", "troop movements"), T0)));
        Instant end = T0.plusSeconds(3600);
        Mechanism.Result c = Mechanism.close(s, end);
        ExerciseState closed = ((Accepted) c).state();
        assertThat(closed.closed()).contains(end);
        assertThat(closed.procedures()).isEqualTo(s.procedures());
        // GEO's reply was allowed before the closing, and is refused after it.
        assertThat(Mechanism.apply(s, d("GEO"), new Action.Reply(1, "routine"), end)).isInstanceOf(Accepted.class);
        Refused after = refused(closed, d("GEO"), new Action.Reply(1, "routine"), end.plusSeconds(1));
        assertThat(after.reason()).isEqualTo(RefusalReason.CONFLICT);
        assertThat(after.message()).contains("closed");
        assertThat(refused(closed, new Actor.Depositary(), new Action.SubmitAnnualInformation(2010), end.plusSeconds(1)).reason())
                .isEqualTo(RefusalReason.CONFLICT);
        Instant late = Mechanism.after(T0, RULES.information().orElseThrow().replyWithin().period()).plusSeconds(1);
        assertThat(Mechanism.due(s, late)).hasSize(1);
        assertThat(Mechanism.due(closed, late)).as("no deadline passes in a closed exercise").isEmpty();
        assertThat(Mechanism.nextDeadline(s)).contains(Mechanism.after(T0, RULES.information().orElseThrow().replyWithin().period()));
        assertThat(Mechanism.nextDeadline(closed)).as("nothing to wait for in a closed exercise").isEmpty();
        assertThat(Mechanism.close(closed, late)).isInstanceOfSatisfying(Refused.class, r -> assertThat(r.reason()).isEqualTo(RefusalReason.CONFLICT));
        assertThat(Mechanism.close(s, T0.minusSeconds(1))).as("not before the last action").isInstanceOf(Refused.class);
    }

    @Test
    void theExtraordinaryConferenceNeedsItsQuorumAndUnanimityWithoutTheAttacker() {
        int quorum = RULES.extraordinary().orElseThrow().quorum().orElseThrow().required();
        List<String> others = RULES.parties().stream().filter(p -> !p.equals("RUS")).toList();
        List<Step> steps = new ArrayList<>();
        steps.add(new Step(d("GEO"), new Action.NotifyAttack("RUS", "GEO", false), T0));
        Instant t = T0;
        for (int i = 0; i < quorum - 1; i++) {
            t = t.plusSeconds(1);
            steps.add(new Step(d(others.get(i)), new Action.Vote(1, Ballot.YES), t));
        }
        ExerciseState s = run(steps);
        assertThat(refused(s, d("RUS"), new Action.Vote(1, Ballot.NO), t.plusSeconds(1)).message()).contains("not counted");
        Instant close = ((Conference) s.procedure(1).orElseThrow()).votingBy().orElseThrow();
        // One short of the quorum: no decision, whatever the votes.
        ExerciseState closed = ((Accepted) Mechanism.apply(s, new Actor.Clock(), Mechanism.due(s, close).get(0), close)).state();
        assertThat(closed.procedure(1).orElseThrow().status()).isEqualTo(Status.NO_QUORUM);
        // With the quorum reached by a party that attends but does not vote: not unanimous, and it is "no response", not a no.
        ExerciseState s2 = ((Accepted) Mechanism.apply(s, d(others.get(quorum - 1)), new Action.Attend(1), t.plusSeconds(1))).state();
        ExerciseState closed2 = ((Accepted) Mechanism.apply(s2, new Actor.Clock(), Mechanism.due(s2, close).get(0), close)).state();
        Conference c2 = (Conference) closed2.procedure(1).orElseThrow();
        assertThat(c2.status()).isEqualTo(Status.NOT_ADOPTED);
        assertThat(c2.noResponse()).containsExactly(others.get(quorum - 1));
        assertThat(c2.outcome().orElseThrow()).contains("0 no").contains("1 present without response");
        // Quorum met and every present party votes yes: adopted.
        ExerciseState s3 = ((Accepted) Mechanism.apply(s, d(others.get(quorum - 1)), new Action.Vote(1, Ballot.YES), t.plusSeconds(1))).state();
        ExerciseState closed3 = ((Accepted) Mechanism.apply(s3, new Actor.Clock(), Mechanism.due(s3, close).get(0), close)).state();
        assertThat(closed3.procedure(1).orElseThrow().status()).isEqualTo(Status.ADOPTED);
        assertThat(refused(closed3, d(others.get(quorum)), new Action.Vote(1, Ballot.YES), close).reason()).isEqualTo(RefusalReason.CONFLICT);
    }

    @Test
    void onlyAConsultationParticipantMayProposeTheConferenceWhichNeedsItsSupport() {
        ExerciseState s = run(List.of(new Step(d("POL"), new Action.RequestConsultations(List.of("RUS", "BLR"), "exercise Zapad"), T0)));
        assertThat(refused(s, d("USA"), new Action.ProposeConference(1, "Zapad"), T0.plusSeconds(5)).reason()).isEqualTo(RefusalReason.FORBIDDEN);
        assertThat(refused(s, d("POL"), new Action.RequestConsultations(List.of("POL"), ""), T0).field()).isEqualTo("with");
        ExerciseState p = ((Accepted) Mechanism.apply(s, d("POL"), new Action.ProposeConference(1, "Zapad"), T0.plusSeconds(5))).state();
        Conference c = (Conference) p.procedure(2).orElseThrow();
        int needed = RULES.conference().orElseThrow().support().map(Quorum::required).orElse(1);
        assertThat(c.status()).isEqualTo(needed <= 1 ? Status.CONVENED : Status.GATHERING_SUPPORT);
        ExerciseState q = p;
        Instant t = T0.plusSeconds(10);
        List<String> backers = RULES.parties().stream().filter(x -> !x.equals("POL")).limit(needed - 1L).toList();
        for (String b : backers) {
            t = t.plusSeconds(1);
            q = ((Accepted) Mechanism.apply(q, d(b), new Action.SupportConference(2), t)).state();
        }
        assertThat(q.procedure(2).orElseThrow().status()).isEqualTo(Status.CONVENED);
        assertThat(refused(q, d(backers.get(0)), new Action.SupportConference(2), t).reason()).isEqualTo(RefusalReason.CONFLICT);
    }

    @Test
    void replayingTheSameActionsGivesTheSameState() {
        List<Step> steps = List.of(new Step(d("RUS"), new Action.RequestInformation("GEO", "x"), T0),
                new Step(d("GEO"), new Action.NotifyAttack("RUS", "GEO", true), T0.plus(Duration.ofHours(1))),
                new Step(d("USA"), new Action.Vote(2, Ballot.YES), T0.plus(Duration.ofHours(2))));
        assertThat(run(steps)).isEqualTo(run(steps));
        assertThat(Mechanism.visible(run(steps), d("FRA")).stream().map(Procedure::kind).toList())
                .as("the depositary passes information requests on to all parties under the draft's Art. 3 (as encoded)")
                .containsExactly("information-request", "extraordinary-conference");
        assertThat(Mechanism.visible(run(steps), new Actor.Depositary())).hasSize(2);
    }

    @Test
    void activitiesAreCheckedAgainstTheViennaDocumentInForceAndLateNoticeIsRecorded() {
        ProcedureRules.Notification n = RULES.notification().orElseThrow();
        assertThat(n.provision()).startsWith("vienna-document-1999/");
        long troops = n.thresholds().get("troops");
        long observe = RULES.observation().orElseThrow().thresholds().get("troops");
        LocalDate today = LocalDate.of(2010, 6, 1);
        ExerciseState s = ExerciseState.start("x", "est-2009", RULES, T0);
        // Below the threshold: a voluntary notification.
        Mechanism.Accepted small = (Accepted) Mechanism.apply(s, d("POL"), new Action.NotifyActivity("Anakonda", today.plusDays(60), (int) troops - 1, 0, 0, 0), T0);
        assertThat(small.state().procedure(small.procedure()).orElseThrow().status()).isEqualTo(Status.VOLUNTARY);
        // At the threshold, with the full notice period: on time.
        Mechanism.Accepted ok = (Accepted) Mechanism.apply(s, d("POL"), new Action.NotifyActivity("Anakonda", today.plusDays(n.noticeDays()), (int) troops, 0, 0, 0), T0);
        assertThat(ok.state().procedure(ok.procedure()).orElseThrow().status()).isEqualTo(Status.NOTIFIED);
        // One day short of the notice period: late, recorded, not refused.
        Mechanism.Accepted late = (Accepted) Mechanism.apply(s, d("RUS"), new Action.NotifyActivity("Zapad", today.plusDays(n.noticeDays() - 1), (int) observe, 0, 0, 0), T0);
        Procedure.ActivityNotification z = (Procedure.ActivityNotification) late.state().procedure(late.procedure()).orElseThrow();
        assertThat(z.status()).isEqualTo(Status.LATE);
        assertThat(z.observable()).isNotEmpty();
        ExerciseState w = ((Accepted) Mechanism.apply(late.state(), d("EST"), new Action.AcceptObservation(z.id()), T0.plusSeconds(60))).state();
        assertThat(refused(w, d("RUS"), new Action.AcceptObservation(z.id()), T0.plusSeconds(61)).reason()).isEqualTo(RefusalReason.INVALID_VALUE);
        assertThat(refused(w, d("EST"), new Action.AcceptObservation(z.id()), T0.plusSeconds(62)).reason()).isEqualTo(RefusalReason.CONFLICT);
        assertThat(refused(ok.state(), d("EST"), new Action.AcceptObservation(ok.procedure()), T0.plusSeconds(62)).message()).contains("below the observation");
        Instant start = z.start().atStartOfDay().toInstant(java.time.ZoneOffset.UTC);
        List<Action.DeadlinePassed> due = Mechanism.due(w, start);
        ExerciseState after = ((Accepted) Mechanism.apply(w, new Actor.Clock(), due.get(0), start)).state();
        assertThat(refused(after, d("LVA"), new Action.AcceptObservation(z.id()), start.plusSeconds(1)).message()).contains("closed");
        assertThat(((Procedure.ActivityNotification) after.procedure(z.id()).orElseThrow()).observers()).containsExactly("EST");
    }

    @Test
    void theAnnualExchangeRecordsWhoDidNotSubmitByTheDueDate() {
        ProcedureRules.AnnualExchange rule = RULES.annualExchange().orElseThrow();
        ExerciseState s = ExerciseState.start("x", "est-2009", RULES, T0);
        Accepted opened = (Accepted) Mechanism.apply(s, new Actor.Depositary(), new Action.SubmitAnnualInformation(2010), T0);
        Accepted pol = (Accepted) Mechanism.apply(opened.state(), d("POL"), new Action.SubmitAnnualInformation(2010), T0.plusSeconds(10));
        assertThat(pol.procedure()).isEqualTo(opened.procedure());
        assertThat(refused(pol.state(), d("POL"), new Action.SubmitAnnualInformation(2010), T0.plusSeconds(20)).reason()).isEqualTo(RefusalReason.CONFLICT);
        Instant due = rule.due().atYear(2010).atTime(23, 59, 59).toInstant(java.time.ZoneOffset.UTC);
        assertThat(Mechanism.due(pol.state(), due.minusSeconds(1))).isEmpty();
        ExerciseState closed = ((Accepted) Mechanism.apply(pol.state(), new Actor.Clock(), Mechanism.due(pol.state(), due).get(0), due)).state();
        Procedure.AnnualExchange x = (Procedure.AnnualExchange) closed.procedure(opened.procedure()).orElseThrow();
        assertThat(x.noResponse()).hasSize(RULES.parties().size() - 1).doesNotContain("POL");
        assertThat(refused(closed, d("GEO"), new Action.SubmitAnnualInformation(2010), due.plusSeconds(1)).reason()).isEqualTo(RefusalReason.CONFLICT);
    }
}
