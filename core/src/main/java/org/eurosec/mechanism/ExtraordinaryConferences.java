package org.eurosec.mechanism;

import static org.eurosec.mechanism.RefusalReason.INVALID_VALUE;
import static org.eurosec.mechanism.RefusalReason.NO_SUCH_MECHANISM;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eurosec.engine.Quorum;
import org.eurosec.mechanism.Mechanism.Accepted;
import org.eurosec.mechanism.Mechanism.Refused;
import org.eurosec.mechanism.Mechanism.Result;
import org.eurosec.mechanism.Procedure.Conference;
import org.eurosec.mechanism.Procedure.Status;

/**
 * A party notifies an armed attack or a threat of one and the depositary convenes the
 * Extraordinary Conference at once; where the text says so, the attacker's vote is not counted.
 * The conference then sits and votes as any other ({@link Conferences}).
 */
final class ExtraordinaryConferences {

    private ExtraordinaryConferences() {
    }

    static Result notifyAttack(ExerciseState s, String me, Action.NotifyAttack r, Instant now) {
        if (s.rules().extraordinary().isEmpty()) {
            return new Refused(NO_SUCH_MECHANISM, "kind", s.rules().instrument() + " has no extraordinary conference");
        }
        if (!s.isParty(r.victim())) {
            return new Refused(INVALID_VALUE, "victim", "'" + r.victim() + "' is not a party in this exercise");
        }
        if (r.attacker() == null || r.attacker().isBlank() || r.attacker().equals(r.victim())) {
            return new Refused(INVALID_VALUE, "attacker", "name the attacking state, other than the victim");
        }
        ProcedureRules.Extraordinary rule = s.rules().extraordinary().get();
        Optional<String> excluded = "not-counted".equals(rule.attackerVote()) && s.isParty(r.attacker()) ? Optional.of(r.attacker()) : Optional.empty();
        int id = s.nextId();
        Conference c = new Conference(id, rule.provision(), true, me, (r.threatOnly() ? "threat of armed attack" : "armed attack") + " by " + r.attacker()
                + " against " + r.victim(), now, Optional.empty(), Set.of(me), now, Optional.of(now),
                Optional.of(Mechanism.after(now, rule.votingWindow().period())), Set.of(), Map.of(), excluded, Status.CONVENED, List.of(), Optional.empty());
        return new Accepted(s.with(c, now), id, me + " notifies " + c.subject() + "; the depositary convenes the Extraordinary Conference at once ("
                + rule.provision() + "); quorum " + rule.quorum().map(Quorum::text).orElse("none stated") + ", decision by " + rule.decision()
                + excluded.map(x -> "; " + x + "'s vote is not counted").orElse(""));
    }
}
