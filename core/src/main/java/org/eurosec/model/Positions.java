package org.eurosec.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Stated positions on the questions the 2009 brief asks of any new European security arrangement
 * (a new architecture or the existing one, binding or political, hard security or comprehensive, a
 * veto over alliance choice or free choice), each statement dated and sourced.
 */
public record Positions(List<Question> questions, List<Statement> statements) {

    public static final Positions NONE = new Positions(List.of(), List.of());

    /** A question and its two answers. A statement may also answer {@link #OPEN}: interest, no commitment. */
    public record Question(String id, String text, List<String> answers, Provenance provenance) {
    }

    public static final String OPEN = "open";

    public enum Strength { STATED, INFERRED;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One actor's (a state's or an organisation's) statement on one question. */
    public record Statement(String actor, String question, String answer, LocalDate date, boolean monthOnly, Strength strength,
            String saidBy, String summary, Provenance provenance) {
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }
}
