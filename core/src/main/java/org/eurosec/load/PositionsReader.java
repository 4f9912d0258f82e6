package org.eurosec.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eurosec.model.Positions;
import org.eurosec.model.Provenance;
import org.yaml.snakeyaml.nodes.Node;

/** {@code positions.yaml}: the questions (each with two answers) and the dated statements of actors on them. */
final class PositionsReader {

    private static final Set<String> POSITIONS_KEYS = Set.of("questions", "positions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "text", "answers", "source", "note");
    private static final Set<String> STATEMENT_KEYS = Set.of("actor", "question", "answer", "date", "date_precision", "strength",
            "said_by", "summary", "source", "note", "unconfirmed");

    private final LoadContext ctx;

    PositionsReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    Positions read(Path file) {
        Nodes n = ctx.nodes(ctx.display(file));
        List<Positions.Question> questions = new ArrayList<>();
        List<Positions.Statement> statements = new ArrayList<>();
        ctx.mapping(file, "positions file").flatMap(root -> n.topFields(root, "positions file", POSITIONS_KEYS)).ifPresent(f -> {
            for (Node item : f.list("questions")) {
                n.fields(item, "question", QUESTION_KEYS).ifPresent(qf -> question(n, qf).ifPresent(questions::add));
            }
            for (Node item : f.list("positions")) {
                n.fields(item, "position", STATEMENT_KEYS).ifPresent(sf -> statement(n, sf, questions).ifPresent(statements::add));
            }
        });
        return new Positions(List.copyOf(questions), List.copyOf(statements));
    }

    private static Optional<Positions.Question> question(Nodes n, Nodes.Fields qf) {
        Optional<String> id = qf.requiredString("id");
        Optional<String> text = qf.requiredString("text");
        List<String> answers = qf.strings("answers");
        if (answers.size() != 2) {
            n.problem(qf.line("answers"), "question " + id.orElse("?") + " needs exactly two answers");
        }
        Optional<Provenance> p = Checks.provenance(n, qf);
        if (id.isPresent() && text.isPresent() && p.isPresent() && answers.size() == 2) {
            return Optional.of(new Positions.Question(id.get(), text.get(), List.copyOf(answers), p.get()));
        }
        return Optional.empty();
    }

    private Optional<Positions.Statement> statement(Nodes n, Nodes.Fields sf, List<Positions.Question> questions) {
        Optional<String> actor = sf.requiredString("actor");
        Optional<String> question = sf.requiredString("question");
        Optional<String> answer = sf.requiredString("answer");
        String what = "position of " + actor.orElse("?") + " on " + question.orElse("?");
        Optional<LocalDate> date = sf.requiredDate("date");
        boolean month = sf.string("date_precision").map(v -> {
            if (!v.equals("month") && !v.equals("day")) {
                n.problem(sf.line("date_precision"), what + ": date_precision must be day or month");
            }
            return v.equals("month");
        }).orElse(false);
        Optional<Positions.Strength> strength = sf.requiredString("strength")
                .flatMap(v -> Checks.oneOf(n, sf.line("strength"), what + " strength", v, Positions.Strength.class));
        Optional<String> saidBy = sf.requiredString("said_by");
        Optional<String> summary = sf.requiredString("summary");
        Optional<Provenance> p = Checks.provenance(n, sf);
        // An upper-case actor is a state, any other an organisation.
        actor.ifPresent(v -> ctx.references().add(v.equals(v.toUpperCase(Locale.ROOT)) ? References.Kind.STATE
                : References.Kind.ORGANISATION, v, n.file(), sf.line("actor"), what));
        Optional<Positions.Question> q = question.flatMap(id -> questions.stream().filter(x -> x.id().equals(id)).findFirst());
        if (question.isPresent() && q.isEmpty()) {
            n.problem(sf.line("question"), what + ": unknown question '" + question.get() + "' (known: "
                    + String.join(", ", questions.stream().map(Positions.Question::id).toList()) + ")");
        }
        if (q.isPresent() && answer.isPresent() && !q.get().answers().contains(answer.get()) && !answer.get().equals(Positions.OPEN)) {
            n.problem(sf.line("answer"), what + ": '" + answer.get() + "' is not an answer to it (" + String.join(", ", q.get().answers())
                    + ", or open)");
        } else if (q.isPresent() && actor.isPresent() && answer.isPresent() && date.isPresent() && strength.isPresent()
                && saidBy.isPresent() && summary.isPresent() && p.isPresent()) {
            return Optional.of(new Positions.Statement(actor.get(), question.get(), answer.get(), date.get(), month, strength.get(),
                    saidBy.get(), summary.get(), p.get()));
        }
        return Optional.empty();
    }
}
