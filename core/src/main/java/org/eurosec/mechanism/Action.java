package org.eurosec.mechanism;

import java.time.Instant;
import java.util.List;

/**
 * What an actor asks to do. Each kind names the provision kind that governs it; the rules decide
 * whether the actor may, and what follows.
 */
public sealed interface Action {

    /** The kind as it appears in the journal and the API: {@code request-information}, ... */
    String kind();

    /** A party asks another for information (the draft's Art. 3). */
    record RequestInformation(String to, String subject) implements Action {
        public String kind() {
            return "request-information";
        }
    }

    /** The requested party replies. */
    record Reply(int procedure, String text) implements Action {
        public String kind() {
            return "reply";
        }
    }

    /** A party requests consultations with others (Art. 5). */
    record RequestConsultations(List<String> with, String subject) implements Action {
        public String kind() {
            return "request-consultations";
        }
    }

    /** The requester or the depositary fixes when the consultations meet (within the deadline). */
    record ScheduleConsultations(int procedure, Instant at) implements Action {
        public String kind() {
            return "schedule-consultations";
        }
    }

    /** Another party joins consultations, where the text lets others join. */
    record JoinConsultations(int procedure) implements Action {
        public String kind() {
            return "join-consultations";
        }
    }

    /** A party that took part in consultations proposes to convene the Conference (Art. 6). */
    record ProposeConference(int consultation, String subject) implements Action {
        public String kind() {
            return "propose-conference";
        }
    }

    /** A party supports a proposal to convene the Conference. */
    record SupportConference(int procedure) implements Action {
        public String kind() {
            return "support-conference";
        }
    }

    /** A party notifies an armed attack or a threat of one (Art. 8); the depositary convenes at once. */
    record NotifyAttack(String attacker, String victim, boolean threatOnly) implements Action {
        public String kind() {
            return "notify-attack";
        }
    }

    /** A party registers its attendance at a convened conference. */
    record Attend(int procedure) implements Action {
        public String kind() {
            return "attend";
        }
    }

    /** A party votes on the conference's proposal. */
    record Vote(int procedure, Ballot ballot) implements Action {
        public String kind() {
            return "vote";
        }
    }

    enum Ballot { YES, NO, ABSTAIN;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A party notifies a military activity it will hold (the Vienna Document's prior notification). */
    record NotifyActivity(String name, java.time.LocalDate start, int troops, int battleTanks, int acv, int artillery) implements Action {
        public String kind() {
            return "notify-activity";
        }
    }

    /** A party accepts the invitation to observe a notified activity. */
    record AcceptObservation(int procedure) implements Action {
        public String kind() {
            return "accept-observation";
        }
    }

    /** A party submits its annual military information for a year (the depositary may open the year's exchange). */
    record SubmitAnnualInformation(int year) implements Action {
        public String kind() {
            return "submit-annual-information";
        }
    }

    /** The clock passes a deadline: recorded by the service, never sent by a client. */
    record DeadlinePassed(int procedure, String deadline) implements Action {
        public String kind() {
            return "deadline-passed";
        }
    }
}
