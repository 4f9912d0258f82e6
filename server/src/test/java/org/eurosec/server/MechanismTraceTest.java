package org.eurosec.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.load.EmbeddedData;
import org.eurosec.mechanism.Action;
import org.eurosec.mechanism.Action.Ballot;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.model.Regime;
import org.junit.jupiter.api.Test;

/**
 * A characterisation of the exercise mechanism as a client sees it: a long exercise under the
 * draft treaty touching every action kind, every procedure kind and every refusal branch, and for
 * each step the HTTP status, field and message of a refusal or the summary of an acceptance, then
 * the procedures as each kind of actor sees them, in the API's JSON. The expected text
 * ({@code mechanism-trace.txt}) was recorded from the mechanism as it stood before it was split
 * into one class per procedure family, so any change to what a client sees shows up here.
 * Everything is compared byte for byte. (Sets of states, supporters, attending and observers,
 * came out in an order that varied from one JVM to the next when the trace was recorded; it was
 * recorded with them sorted, as the API now lists them.)
 */
class MechanismTraceTest {

    static final Architecture BASE = EmbeddedData.load();
    static final Regime EST = EmbeddedData.regimes(BASE).get("est-2009");
    static final LocalDate DAY = LocalDate.of(2010, 6, 1);
    static final Architecture WORLD = RegimeApplication.apply(BASE, EST, false);
    static final ProcedureRules RULES = ProcedureRules.of(WORLD, Reading.defaults(WORLD), EST, DAY, ProcedureRules.Settings.defaults());
    static final Instant T0 = Instant.parse("2010-06-01T09:00:00Z");

    final StringBuilder out = new StringBuilder();
    ExerciseState s = ExerciseState.start("trace", "est-2009", RULES, T0);
    Instant t = T0;
    int step;

    static Actor d(String state) {
        return new Actor.Delegation(state);
    }

    /** Acts one minute after the last step. */
    void act(Actor actor, Action action) {
        t = t.plusSeconds(60);
        actAt(actor, action, t);
    }

    void actAt(Actor actor, Action action, Instant at) {
        step++;
        Mechanism.Result r = Mechanism.apply(s, actor, action, at);
        out.append(step).append(' ').append(at).append(' ').append(actor.id()).append(' ').append(action.kind()).append(" -> ");
        if (r instanceof Mechanism.Accepted a) {
            s = a.state();
            out.append("accepted ").append(a.procedure()).append(": ").append(a.summary());
        } else {
            Mechanism.Refused f = (Mechanism.Refused) r;
            out.append("refused ").append(RefusalStatus.of(f.reason())).append(' ').append(f.field()).append(": ").append(f.message());
        }
        out.append('\n');
    }

    /** Records, by the clock, every deadline passed by {@code until}, as the service does. */
    void clockTo(Instant until) {
        for (Action.DeadlinePassed d : Mechanism.due(s, until)) {
            Instant at = Instant.parse(d.deadline());
            actAt(new Actor.Clock(), d, at.isBefore(s.lastAt()) ? s.lastAt() : at);
        }
        t = until.isAfter(t) ? until : t;
    }

    void views(String when) {
        for (Actor a : List.of(new Actor.Depositary(), new Actor.Observer(), d("RUS"), d("GEO"), d("POL"), d("USA"), d("LTU"), d("FRA"))) {
            out.append("view ").append(when).append(' ').append(a.id()).append(": ").append(json(a)).append('\n');
        }
    }

    String json(Actor a) {
        List<Map<String, Object>> view = ProcedureJson.view(s, a);
        ArrayNode procs = (ArrayNode) org.eurosec.store.ActionCodec.JSON.valueToTree(view);
        ObjectNode root = org.eurosec.store.ActionCodec.JSON.createObjectNode();
        root.set("procedures", procs);
        return root.toString();
    }

    /**
     * The same actions under rules the draft does not have: consultations others may join,
     * requests not passed on to all, a conference any party convenes at once, the attacker's vote
     * counted; then rules with no mechanism at all.
     */
    void variants() {
        ProcedureRules.Information i = RULES.information().orElseThrow();
        ProcedureRules.Consultation c = RULES.consultation().orElseThrow();
        ProcedureRules.Conference f = RULES.conference().orElseThrow();
        ProcedureRules.Extraordinary e = RULES.extraordinary().orElseThrow();
        ProcedureRules open = new ProcedureRules(RULES.instrument(), RULES.day(), RULES.parties(),
                Optional.of(new ProcedureRules.Information(i.provision(), i.replyWithin(), false, i.unconfirmed())),
                Optional.of(new ProcedureRules.Consultation(c.provision(), c.holdWithin(), true, c.unconfirmed())),
                Optional.of(new ProcedureRules.Conference(f.provision(), Optional.empty(), Optional.empty(), "consensus", false, f.supportWindow(),
                        f.votingWindow(), f.unconfirmed())),
                Optional.of(new ProcedureRules.Extraordinary(e.provision(), Optional.empty(), "unanimity", "counted", e.votingWindow(), e.unconfirmed())),
                RULES.notification(), RULES.observation(), RULES.annualExchange(), RULES.settings());
        s = ExerciseState.start("variant", "est-2009", open, T0);
        t = T0;
        act(d("RUS"), new Action.RequestInformation("GEO", "not passed on"));
        act(d("POL"), new Action.RequestConsultations(List.of("RUS"), "open to all"));
        act(d("LTU"), new Action.JoinConsultations(2));
        act(d("LTU"), new Action.JoinConsultations(2));
        act(d("USA"), new Action.ProposeConference(0, "any party"));
        act(d("USA"), new Action.Vote(3, Ballot.YES));
        act(d("FRA"), new Action.Vote(3, Ballot.NO));
        act(d("GEO"), new Action.NotifyAttack("RUS", "GEO", false));
        act(d("RUS"), new Action.Vote(4, Ballot.NO));
        views("variant");
        clockTo(Instant.parse("2010-06-20T00:00:00Z"));
        act(d("EST"), new Action.JoinConsultations(2));
        views("variant-end");
        ProcedureRules none = new ProcedureRules(RULES.instrument(), RULES.day(), RULES.parties(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), RULES.settings());
        s = ExerciseState.start("none", "est-2009", none, T0);
        t = T0;
        act(d("RUS"), new Action.RequestInformation("GEO", ""));
        act(d("RUS"), new Action.RequestConsultations(List.of("GEO"), ""));
        act(d("RUS"), new Action.ProposeConference(1, ""));
        act(d("RUS"), new Action.NotifyAttack("GEO", "RUS", false));
        act(d("RUS"), new Action.NotifyActivity("x", DAY.plusDays(50), 1, 0, 0, 0));
        act(d("RUS"), new Action.SubmitAnnualInformation(2010));
        act(new Actor.Depositary(), new Action.SubmitAnnualInformation(2010));
        act(new Actor.Depositary(), new Action.ScheduleConsultations(1, t.plusSeconds(60)));
    }

    @Test
    void theMechanismAnswersEveryStepAsRecorded() throws IOException {
        List<String> parties = RULES.parties();
        // information requests
        act(d("RUS"), new Action.RequestInformation("GEO", "troop movements"));
        act(d("USA"), new Action.Reply(1, "not mine to answer"));
        act(new Actor.Observer(), new Action.Reply(1, "..."));
        act(new Actor.Clock(), new Action.RequestInformation("GEO", ""));
        act(new Actor.Depositary(), new Action.RequestInformation("GEO", ""));
        act(new Actor.Depositary(), new Action.DeadlinePassed(1, "2010-06-10T09:00:00Z"));
        act(d("XKX"), new Action.RequestInformation("GEO", ""));
        act(d("RUS"), new Action.RequestInformation("RUS", ""));
        act(d("RUS"), new Action.RequestInformation("XKX", ""));
        act(d("GEO"), new Action.Reply(99, "?"));
        act(d("GEO"), new Action.Reply(1, "exercise only"));
        act(d("GEO"), new Action.Reply(1, "again"));
        actAt(d("GEO"), new Action.Reply(1, "from the past"), T0);
        act(d("GEO"), new Action.RequestInformation("BLR", "Zapad"));
        // consultations
        act(d("POL"), new Action.RequestConsultations(List.of("RUS", "BLR"), "exercise Zapad"));
        act(d("POL"), new Action.RequestConsultations(List.of(), ""));
        act(d("POL"), new Action.RequestConsultations(List.of("POL"), ""));
        act(d("POL"), new Action.RequestConsultations(List.of("XKX"), ""));
        act(d("POL"), new Action.RequestConsultations(List.of("RUS", "RUS"), ""));
        act(d("USA"), new Action.ScheduleConsultations(3, t.plusSeconds(86_400)));
        act(d("POL"), new Action.ScheduleConsultations(3, T0));
        act(d("POL"), new Action.ScheduleConsultations(3, null));
        act(d("POL"), new Action.ScheduleConsultations(1, t.plusSeconds(86_400)));
        act(new Actor.Depositary(), new Action.ScheduleConsultations(3, t.plusSeconds(2 * 86_400)));
        act(d("LTU"), new Action.JoinConsultations(3));
        act(d("LTU"), new Action.JoinConsultations(3));
        act(d("LTU"), new Action.JoinConsultations(1));
        act(d("RUS"), new Action.RequestConsultations(List.of("GEO"), "left unscheduled"));
        // conferences
        act(d("USA"), new Action.ProposeConference(3, "Zapad"));
        act(d("USA"), new Action.ProposeConference(99, "Zapad"));
        act(d("POL"), new Action.ProposeConference(3, "Zapad"));
        int conference = s.nextId() - 1;
        act(d("FRA"), new Action.SupportConference(conference));
        act(d("FRA"), new Action.SupportConference(conference));
        act(d("FRA"), new Action.SupportConference(1));
        act(d("LTU"), new Action.ProposeConference(3, "not a participant"));
        act(d("RUS"), new Action.ProposeConference(3, "left to lapse"));
        int lapsing = s.nextId() - 1;
        act(d("DEU"), new Action.SupportConference(lapsing));
        act(d("DEU"), new Action.SupportConference(conference));
        act(d("ITA"), new Action.SupportConference(conference));
        act(d("DEU"), new Action.Attend(conference));
        act(d("DEU"), new Action.Attend(conference));
        act(d("DEU"), new Action.Attend(1));
        act(d("DEU"), new Action.Vote(1, Ballot.YES));
        act(d("DEU"), new Action.Vote(conference, null));
        act(d("DEU"), new Action.Attend(lapsing));
        act(d("DEU"), new Action.Vote(lapsing, Ballot.YES));
        for (String p : parties) {
            act(d(p), new Action.Vote(conference, Ballot.YES));
        }
        act(d("DEU"), new Action.Vote(conference, Ballot.YES));
        act(d("DEU"), new Action.Attend(conference));
        // the extraordinary conference
        act(d("GEO"), new Action.NotifyAttack("RUS", "XKX", false));
        act(d("GEO"), new Action.NotifyAttack("", "GEO", false));
        act(d("GEO"), new Action.NotifyAttack("GEO", "GEO", false));
        act(d("GEO"), new Action.NotifyAttack("RUS", "GEO", false));
        int extraordinary = s.nextId() - 1;
        act(d("USA"), new Action.Vote(extraordinary, Ballot.YES));
        act(d("FRA"), new Action.Vote(extraordinary, Ballot.NO));
        act(d("LTU"), new Action.Vote(extraordinary, Ballot.ABSTAIN));
        act(d("DEU"), new Action.Attend(extraordinary));
        act(d("RUS"), new Action.Vote(extraordinary, Ballot.NO));
        act(d("USA"), new Action.Vote(extraordinary, Ballot.NO));
        act(d("GEO"), new Action.NotifyAttack("BLR", "UKR", true));
        int threat = s.nextId() - 1;
        for (String p : parties) {
            act(d(p), new Action.Vote(threat, p.equals("BLR") ? Ballot.NO : Ballot.YES));
        }
        // activities
        LocalDate today = DAY;
        act(d("POL"), new Action.NotifyActivity("Anakonda", today.plusDays(60), 100, 0, 0, 0));
        act(d("POL"), new Action.NotifyActivity("Anakonda", today.plusDays(60), 20_000, 300, 500, 250));
        act(d("RUS"), new Action.NotifyActivity("Zapad", today.plusDays(10), 30_000, 0, 0, 0));
        int zapad = s.nextId() - 1;
        act(d("RUS"), new Action.NotifyActivity("no start", null, 1, 0, 0, 0));
        act(d("RUS"), new Action.NotifyActivity("past", today.minusDays(1), 1, 0, 0, 0));
        act(d("RUS"), new Action.NotifyActivity("negative", today.plusDays(1), -1, 0, 0, 0));
        act(d("EST"), new Action.AcceptObservation(zapad));
        act(d("LVA"), new Action.AcceptObservation(zapad));
        act(d("RUS"), new Action.AcceptObservation(zapad));
        act(d("EST"), new Action.AcceptObservation(zapad));
        act(d("EST"), new Action.AcceptObservation(zapad - 2));
        act(d("EST"), new Action.AcceptObservation(1));
        // the annual exchange
        act(new Actor.Depositary(), new Action.SubmitAnnualInformation(2010));
        act(new Actor.Depositary(), new Action.SubmitAnnualInformation(2010));
        act(d("POL"), new Action.SubmitAnnualInformation(2010));
        act(d("POL"), new Action.SubmitAnnualInformation(2010));
        act(d("POL"), new Action.SubmitAnnualInformation(2008));
        act(d("GEO"), new Action.SubmitAnnualInformation(2011));
        views("during");
        // deadlines passed but not yet recorded by the clock
        Instant closed = ((Procedure.Conference) s.procedure(extraordinary).orElseThrow()).votingBy().orElseThrow().plusSeconds(1);
        actAt(d("ALB"), new Action.Vote(extraordinary, Ballot.YES), closed);
        actAt(d("ALB"), new Action.Attend(extraordinary), closed);
        actAt(d("GEO"), new Action.SupportConference(lapsing), ((Procedure.Conference) s.procedure(lapsing).orElseThrow()).supportBy().plusSeconds(1));
        actAt(d("BLR"), new Action.Reply(2, "late"), ((Procedure.InformationRequest) s.procedure(2).orElseThrow()).replyBy().plusSeconds(1));
        // the clock: every deadline to the end of the year, with refusals after each
        clockTo(Instant.parse("2010-06-20T00:00:00Z"));
        act(d("RUS"), new Action.ScheduleConsultations(4, t.plusSeconds(60)));
        act(d("POL"), new Action.ScheduleConsultations(3, t.plusSeconds(60)));
        act(d("BLR"), new Action.Reply(2, "too late"));
        act(d("LTU"), new Action.SupportConference(lapsing));
        act(d("LVA"), new Action.AcceptObservation(zapad));
        act(d("DEU"), new Action.Attend(extraordinary));
        act(new Actor.Clock(), new Action.DeadlinePassed(99, "2010-06-10T09:00:00Z"));
        act(new Actor.Clock(), new Action.DeadlinePassed(1, "2010-06-10T09:00:00Z"));
        views("mid");
        actAt(d("GEO"), new Action.SubmitAnnualInformation(2010), Instant.parse("2010-12-16T00:00:00Z"));
        clockTo(Instant.parse("2011-01-02T00:00:00Z"));
        act(d("GEO"), new Action.SubmitAnnualInformation(2010));
        views("end");
        variants();

        assertThat(out.toString()).doesNotContain("refused 422 kind");
        String expected;
        try (InputStream in = MechanismTraceTest.class.getResourceAsStream("/mechanism-trace.txt")) {
            expected = in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!expected.equals(out.toString())) {
            Path actual = Path.of("target", "mechanism-trace.actual.txt");
            Files.createDirectories(actual.getParent());
            Files.writeString(actual, out);
        }
        assertThat(out.toString()).as("the trace (the actual one is in target/mechanism-trace.actual.txt)").isEqualTo(expected);
    }
}
