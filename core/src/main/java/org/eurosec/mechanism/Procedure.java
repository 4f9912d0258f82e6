package org.eurosec.mechanism;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A procedure under way in an exercise. Records are replaced, never changed, as actions arrive:
 * each {@code with...} method gives a copy with one field (or one step, such as a reply) changed.
 */
public sealed interface Procedure permits Procedure.InformationRequest, Procedure.Consultations, Procedure.Conference,
        Procedure.ActivityNotification, Procedure.AnnualExchange {

    int id();

    String kind();

    String provision();

    Instant opened();

    Status status();

    /** The next deadline while the procedure waits on one. */
    Optional<Instant> deadline();

    /** The states this procedure names: who asked, was asked, proposed, supported, attended, voted, notified, submitted, or is named as attacker. */
    Set<String> involved();

    /** Whether {@code state} takes part in or is named by this procedure. */
    default boolean involves(String state) {
        return involved().contains(state);
    }

    enum Status {
        OPEN, ANSWERED, NO_RESPONSE, SCHEDULED, GATHERING_SUPPORT, LAPSED, CONVENED, ADOPTED, NOT_ADOPTED, NO_QUORUM,
        NOTIFIED, LATE, VOLUNTARY, CLOSED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public boolean closed() {
            return this == ANSWERED || this == NO_RESPONSE || this == LAPSED || this == ADOPTED || this == NOT_ADOPTED || this == NO_QUORUM
                    || this == CLOSED;
        }
    }

    record InformationRequest(int id, String provision, String from, String to, String subject, Instant opened, Instant replyBy,
            Status status, Optional<String> reply, Optional<Instant> repliedAt) implements Procedure {
        public String kind() {
            return "information-request";
        }

        public Set<String> involved() {
            return Set.of(from, to).size() == 2 ? Set.of(from, to) : Set.of(from);
        }

        public Optional<Instant> deadline() {
            return status == Status.OPEN ? Optional.of(replyBy) : Optional.empty();
        }

        public InformationRequest withStatus(Status next) {
            return new InformationRequest(id, provision, from, to, subject, opened, replyBy, next, reply, repliedAt);
        }

        /** Answered with {@code text} at {@code at}. */
        public InformationRequest withReply(String text, Instant at) {
            return new InformationRequest(id, provision, from, to, subject, opened, replyBy, Status.ANSWERED, Optional.of(text), Optional.of(at));
        }
    }

    record Consultations(int id, String provision, String requester, List<String> participants, String subject, Instant opened,
            Instant holdBy, Optional<Instant> meetingAt, Status status) implements Procedure {
        public String kind() {
            return "consultations";
        }

        public Set<String> involved() {
            Set<String> out = new java.util.TreeSet<>(participants);
            out.add(requester);
            return out;
        }

        public Optional<Instant> deadline() {
            return status == Status.OPEN ? Optional.of(holdBy) : Optional.empty();
        }

        public Consultations withStatus(Status next) {
            return new Consultations(id, provision, requester, participants, subject, opened, holdBy, meetingAt, next);
        }

        /** Scheduled to meet at {@code at}. */
        public Consultations withMeeting(Instant at) {
            return new Consultations(id, provision, requester, participants, subject, opened, holdBy, Optional.of(at), Status.SCHEDULED);
        }

        public Consultations withParticipants(List<String> next) {
            return new Consultations(id, provision, requester, next, subject, opened, holdBy, meetingAt, status);
        }
    }

    /**
     * The Conference of the Parties, or the Extraordinary Conference after an attack. {@code excluded}
     * is a party whose vote the text does not count (the attacker). {@code noResponse} lists the
     * parties that attended but had not voted when voting closed: recorded as such, never as a no.
     */
    record Conference(int id, String provision, boolean extraordinary, String proposer, String subject, Instant opened,
            Optional<Integer> consultation, Set<String> supporters, Instant supportBy, Optional<Instant> convenedAt,
            Optional<Instant> votingBy, Set<String> attending, Map<String, Action.Ballot> votes, Optional<String> excluded,
            Status status, List<String> noResponse, Optional<String> outcome) implements Procedure {
        public String kind() {
            return extraordinary ? "extraordinary-conference" : "conference";
        }

        public Set<String> involved() {
            Set<String> out = new java.util.TreeSet<>(supporters);
            out.add(proposer);
            out.addAll(attending);
            out.addAll(votes.keySet());
            excluded.ifPresent(out::add);
            return out;
        }

        public Optional<Instant> deadline() {
            return status == Status.GATHERING_SUPPORT ? Optional.of(supportBy) : status == Status.CONVENED ? votingBy : Optional.empty();
        }

        public Conference withStatus(Status next) {
            return new Conference(id, provision, extraordinary, proposer, subject, opened, consultation, supporters, supportBy, convenedAt, votingBy,
                    attending, votes, excluded, next, noResponse, outcome);
        }

        public Conference withSupporters(Set<String> next) {
            return new Conference(id, provision, extraordinary, proposer, subject, opened, consultation, next, supportBy, convenedAt, votingBy,
                    attending, votes, excluded, status, noResponse, outcome);
        }

        /** Convened at {@code at}, voting until {@code until}. */
        public Conference withConvened(Instant at, Instant until) {
            return new Conference(id, provision, extraordinary, proposer, subject, opened, consultation, supporters, supportBy, Optional.of(at),
                    Optional.of(until), attending, votes, excluded, Status.CONVENED, noResponse, outcome);
        }

        public Conference withAttending(Set<String> next) {
            return new Conference(id, provision, extraordinary, proposer, subject, opened, consultation, supporters, supportBy, convenedAt, votingBy,
                    next, votes, excluded, status, noResponse, outcome);
        }

        public Conference withVotes(Map<String, Action.Ballot> next) {
            return new Conference(id, provision, extraordinary, proposer, subject, opened, consultation, supporters, supportBy, convenedAt, votingBy,
                    attending, next, excluded, status, noResponse, outcome);
        }

        public Conference withNoResponse(List<String> next) {
            return new Conference(id, provision, extraordinary, proposer, subject, opened, consultation, supporters, supportBy, convenedAt, votingBy,
                    attending, votes, excluded, status, next, outcome);
        }

        public Conference withOutcome(String next) {
            return new Conference(id, provision, extraordinary, proposer, subject, opened, consultation, supporters, supportBy, convenedAt, votingBy,
                    attending, votes, excluded, status, noResponse, Optional.of(next));
        }
    }

    /**
     * A notified military activity: whether notice was required and given in time (late is
     * recorded, not refused), whether observers must be invited (the notification invites every
     * party; acceptances until the start), and who accepted.
     */
    record ActivityNotification(int id, String provision, String by, String name, java.time.LocalDate start, Map<String, Integer> forces,
            Instant opened, java.time.LocalDate noticeDue, List<String> notifiable, List<String> observable, Optional<String> observationProvision,
            Set<String> observers, Status status, boolean observationOpen) implements Procedure {
        public String kind() {
            return "activity-notification";
        }

        public Set<String> involved() {
            Set<String> out = new java.util.TreeSet<>(observers);
            out.add(by);
            return out;
        }

        public Optional<Instant> deadline() {
            return observationOpen ? Optional.of(start.atStartOfDay().toInstant(java.time.ZoneOffset.UTC)) : Optional.empty();
        }

        public ActivityNotification withObservers(Set<String> next) {
            return new ActivityNotification(id, provision, by, name, start, forces, opened, noticeDue, notifiable, observable, observationProvision, next,
                    status, observationOpen);
        }

        public ActivityNotification withObservationOpen(boolean next) {
            return new ActivityNotification(id, provision, by, name, start, forces, opened, noticeDue, notifiable, observable, observationProvision,
                    observers, status, next);
        }
    }

    /** The annual exchange of military information for a year: who submitted, and, once due, who did not (no response). */
    record AnnualExchange(int id, String provision, int year, Instant opened, Instant dueBy, Map<String, Instant> submitted, Status status,
            List<String> noResponse) implements Procedure {
        public String kind() {
            return "annual-exchange";
        }

        public Set<String> involved() {
            return submitted.keySet();
        }

        public Optional<Instant> deadline() {
            return status == Status.OPEN ? Optional.of(dueBy) : Optional.empty();
        }

        public AnnualExchange withStatus(Status next) {
            return new AnnualExchange(id, provision, year, opened, dueBy, submitted, next, noResponse);
        }

        public AnnualExchange withSubmitted(Map<String, Instant> next) {
            return new AnnualExchange(id, provision, year, opened, dueBy, next, status, noResponse);
        }

        public AnnualExchange withNoResponse(List<String> next) {
            return new AnnualExchange(id, provision, year, opened, dueBy, submitted, status, next);
        }
    }
}
