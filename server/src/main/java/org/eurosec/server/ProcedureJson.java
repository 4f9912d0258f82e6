package org.eurosec.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.eurosec.mechanism.Action.Ballot;
import org.eurosec.mechanism.Actor;
import org.eurosec.mechanism.ExerciseState;
import org.eurosec.mechanism.Mechanism;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.SealedKinds;

/**
 * The procedures an actor sees ({@link Mechanism#visible}) as the API's JSON objects: the fields
 * every procedure has, then those of its kind, one writer per kind. A delegation sees its own vote
 * and submission and the counts; the depositary and observers see every vote and submitter. Sets
 * of states (supporters, attending, observers) are listed in alphabetical order. The command
 * line's {@code exercise replay --format=json} writes the same objects.
 */
public final class ProcedureJson {

    private ProcedureJson() {
    }

    /** Adds the fields of one kind of procedure, as seen by {@code me} (a delegation's state, or none for the depositary and observers). */
    @FunctionalInterface
    interface Fields<P extends Procedure> {
        void put(P procedure, Optional<String> me, Map<String, Object> m);
    }

    record Writer<P extends Procedure>(Class<P> type, Fields<P> fields) {
        void put(Procedure p, Optional<String> me, Map<String, Object> m) {
            fields.put(type.cast(p), me, m);
        }
    }

    /** One writer per kind of procedure. */
    static final Map<Class<? extends Procedure>, Writer<?>> WRITERS = SealedKinds.table(Procedure.class, "the procedures' JSON writers",
            Writer::type,
            new Writer<>(Procedure.InformationRequest.class, ProcedureJson::informationRequest),
            new Writer<>(Procedure.Consultations.class, ProcedureJson::consultations),
            new Writer<>(Procedure.Conference.class, ProcedureJson::conference),
            new Writer<>(Procedure.ActivityNotification.class, ProcedureJson::activity),
            new Writer<>(Procedure.AnnualExchange.class, ProcedureJson::annualExchange));

    /** The procedures {@code actor} may see, in order, as JSON-ready maps. */
    public static List<Map<String, Object>> view(ExerciseState s, Actor actor) {
        return view(actor, Mechanism.visible(s, actor));
    }

    /** These procedures (already those {@code actor} may see), as {@code actor} sees them. */
    public static List<Map<String, Object>> view(Actor actor, List<Procedure> procedures) {
        return new ArrayList<>(onDemand(actor, procedures));
    }

    /**
     * The same view, each procedure's map made when it is read and not kept: for writing every
     * procedure of a large exercise piece by piece ({@code exercise replay --format json}), where
     * the maps of all of them at once would not fit the heap that holds the exercise.
     */
    public static List<Map<String, Object>> onDemand(Actor actor, List<Procedure> procedures) {
        Optional<String> me = actor instanceof Actor.Delegation d ? Optional.of(d.state()) : Optional.empty();
        return new java.util.AbstractList<>() {
            @Override
            public Map<String, Object> get(int i) {
                return one(procedures.get(i), me);
            }

            @Override
            public int size() {
                return procedures.size();
            }
        };
    }

    private static Map<String, Object> one(Procedure p, Optional<String> me) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", p.id());
        m.put("kind", p.kind());
        m.put("provision", p.provision());
        m.put("status", p.status().id());
        m.put("opened", p.opened().toString());
        p.deadline().ifPresent(x -> m.put("deadline", x.toString()));
        WRITERS.get(p.getClass()).put(p, me, m);
        return m;
    }

    private static void informationRequest(Procedure.InformationRequest r, Optional<String> me, Map<String, Object> m) {
        m.put("from", r.from());
        m.put("to", r.to());
        m.put("subject", r.subject());
        m.put("reply_by", r.replyBy().toString());
        r.reply().ifPresent(x -> m.put("reply", x));
        r.repliedAt().ifPresent(x -> m.put("replied_at", x.toString()));
    }

    private static void consultations(Procedure.Consultations c, Optional<String> me, Map<String, Object> m) {
        m.put("requester", c.requester());
        m.put("participants", c.participants());
        m.put("subject", c.subject());
        m.put("hold_by", c.holdBy().toString());
        c.meetingAt().ifPresent(x -> m.put("meeting_at", x.toString()));
    }

    private static void activity(Procedure.ActivityNotification n, Optional<String> me, Map<String, Object> m) {
        m.put("by", n.by());
        m.put("name", n.name());
        m.put("start", n.start().toString());
        m.put("forces", n.forces());
        m.put("notice_due", n.noticeDue().toString());
        m.put("thresholds_reached", n.notifiable());
        m.put("observation_thresholds_reached", n.observable());
        n.observationProvision().ifPresent(x -> m.put("observation_provision", x));
        m.put("observers", new TreeSet<>(n.observers()));
    }

    private static void annualExchange(Procedure.AnnualExchange x, Optional<String> me, Map<String, Object> m) {
        m.put("year", x.year());
        m.put("due_by", x.dueBy().toString());
        if (me.isPresent()) {
            m.put("submitted_by_me", x.submitted().containsKey(me.get()));
            m.put("submitted", x.submitted().size());
        } else {
            m.put("submitted", x.submitted().keySet());
        }
        if (x.status().closed()) {
            m.put("no_response", x.noResponse());
        }
    }

    private static void conference(Procedure.Conference c, Optional<String> me, Map<String, Object> m) {
        m.put("proposer", c.proposer());
        m.put("subject", c.subject());
        c.consultation().ifPresent(x -> m.put("consultation", x));
        m.put("supporters", new TreeSet<>(c.supporters()));
        m.put("support_by", c.supportBy().toString());
        c.convenedAt().ifPresent(x -> m.put("convened_at", x.toString()));
        c.votingBy().ifPresent(x -> m.put("voting_by", x.toString()));
        m.put("attending", new TreeSet<>(c.attending()));
        c.excluded().ifPresent(x -> m.put("vote_not_counted", x));
        m.put("votes_cast", c.votes().size());
        if (me.isPresent()) {
            Ballot mine = c.votes().get(me.get());
            m.put("my_vote", mine == null ? null : mine.id());
        } else {
            Map<String, String> all = new TreeMap<>();
            c.votes().forEach((k, v) -> all.put(k, v.id()));
            m.put("votes", all);
        }
        if (c.status().closed()) {
            m.put("no_response", c.noResponse());
            c.outcome().ifPresent(x -> m.put("outcome", x));
        }
    }
}
