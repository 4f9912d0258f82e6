package org.eurosec.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Something that happens in a scenario, on a day. {@code at} points at the event in its scenario
 * file. Organisations and instruments are both possible targets of accession and withdrawal;
 * {@link Target} says which.
 */
public sealed interface Event {

    LocalDate on();

    Provenance at();

    /** The event's kind as written in scenario files. */
    String kind();

    /** The instrument (not organisation) the event acts on, if it acts on one (signature, ratification, accession or withdrawal of a treaty). */
    default Optional<String> actsOn() {
        return Optional.empty();
    }

    /** An organisation or an instrument. */
    record Target(String id, boolean organisation) {
        @Override
        public String toString() {
            return id;
        }
    }

    record AccessionRequest(LocalDate on, String applicant, String organisation, Provenance at) implements Event {
        public String kind() {
            return "accession-request";
        }
    }

    record Accession(LocalDate on, String state, Target target, Provenance at) implements Event {
        public String kind() {
            return "accession";
        }

        @Override
        public Optional<String> actsOn() {
            return target.organisation() ? Optional.empty() : Optional.of(target.id());
        }
    }

    record Withdrawal(LocalDate on, String state, Target target, Provenance at) implements Event {
        public String kind() {
            return "withdrawal";
        }

        @Override
        public Optional<String> actsOn() {
            return target.organisation() ? Optional.empty() : Optional.of(target.id());
        }
    }

    record Signature(LocalDate on, String state, String instrument, Provenance at) implements Event {
        public String kind() {
            return "signature";
        }

        @Override
        public Optional<String> actsOn() {
            return Optional.of(instrument);
        }
    }

    record Ratification(LocalDate on, String state, String instrument, Provenance at) implements Event {
        public String kind() {
            return "ratification";
        }

        @Override
        public Optional<String> actsOn() {
            return Optional.of(instrument);
        }
    }

    record ArmedAttack(LocalDate on, String attacker, String victim, Provenance at) implements Event {
        public String kind() {
            return "armed-attack";
        }
    }

    record Threat(LocalDate on, String by, String against, Provenance at) implements Event {
        public String kind() {
            return "threat";
        }
    }

    /** A military activity with its size; {@code starts} defaults to the event day, {@code notifiedOn} is when (if) it was notified. */
    record MilitaryActivity(LocalDate on, String state, long troops, long battleTanks, long acv, long artillery,
            LocalDate starts, Optional<LocalDate> notifiedOn, Provenance at) implements Event {
        public String kind() {
            return "military-activity";
        }
    }

    record Deployment(LocalDate on, String state, String host, long troops, boolean hostConsent, Provenance at) implements Event {
        public String kind() {
            return "deployment";
        }
    }

    record InformationRequest(LocalDate on, String from, String to, String subject, Provenance at) implements Event {
        public String kind() {
            return "information-request";
        }
    }

    record ConsultationRequest(LocalDate on, String from, List<String> with, String subject, Provenance at) implements Event {
        public String kind() {
            return "consultation-request";
        }
    }

    record ConferenceProposal(LocalDate on, String by, List<String> supportedBy, String subject, Provenance at) implements Event {
        public String kind() {
            return "conference-proposal";
        }
    }
}
