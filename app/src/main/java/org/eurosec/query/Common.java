package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.eurosec.engine.Finding;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Provenance;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;

/** View pieces shared by several questions: a day the data does not cover, a span, an explanation tree, a finding, a provision. */
public final class Common {

    /**
     * A file a question needs that the data being served lacks (a data directory without
     * {@code positions.yaml}, say): a problem of the server's own data, not of the request (HTTP
     * 503, exit 2), named as {@code DIR/FILE}.
     */
    /**
     * Refuses a tag no state in the data carries ({@code --exclude microstates} for {@code microstate}),
     * naming the known ones: an unknown tag would silently exclude nothing.
     */
    static void knownTags(org.eurosec.model.Architecture a, String field, java.util.Collection<String> tags) {
        java.util.Set<String> known = new java.util.TreeSet<>();
        a.states().values().forEach(s -> known.addAll(s.tags()));
        for (String t : tags) {
            if (!known.contains(t)) {
                throw new QueryException.InvalidParameter(field, "unknown tag '" + t + "' (known: " + String.join(", ", known) + ")");
            }
        }
    }

    static QueryException.DataProblems missingFile(Eurosec e, String file, String why) {
        String root = e.sources().data().map(d -> d.toString().replaceAll("/+$", "")).orElse("data");
        boolean there = e.sources().data().map(d -> java.nio.file.Files.exists(d.resolve(file))).orElse(true);
        return new QueryException.DataProblems("data", List.of(new org.eurosec.load.Problem(root + "/" + file, 0,
                (there ? "records nothing: " : "file is missing: ") + why)), true);
    }

    private Common() {
    }

    /** The answer for a day the data does not cover: three-valued, never "no". */
    public record UnknownDay(LocalDate asOf, boolean known, String message) implements Coverage.View, Veto.View, Actors.View, Positions.View {
        public UnknownDay(LocalDate asOf, String message) {
            this(asOf, false, message);
        }
    }

    /**
     * Whether an answer is provisional (its day lies after {@code factsCheckedThrough}, the last day
     * the facts were checked against their sources, and it was read from the facts as last checked)
     * and that check day; every dated answer carries both fields.
     */
    public record Checked(boolean provisional, LocalDate factsCheckedThrough) {
        static Checked of(org.eurosec.model.Architecture base, Optional<LocalDate> day, boolean strict) {
            boolean provisional = !strict && day.isPresent() && !day.get().isBefore(base.coversFrom()) && base.provisional(day.get());
            return new Checked(provisional, base.factsCheckedThrough());
        }

        /** The one-line note a table prints under a provisional answer (empty when it is not). */
        public Optional<String> note() {
            return provisional ? Optional.of("provisional: facts checked through " + factsCheckedThrough
                    + ", read forward (scheduled changes count); --strict: unknown") : Optional.empty();
        }
    }

    /** A half-open span of days; {@code to} is null while open. */
    public record SpanView(LocalDate from, LocalDate to) {
        public static SpanView of(Span s) {
            return new SpanView(s.from(), s.to().orElse(null));
        }
    }

    /** Why an answer is what it is: a claim, the source and place of its fact, and what it rests on. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ExplanationView(String claim, String source, @JsonProperty("at") String where, List<ExplanationView> because) {

        public static ExplanationView of(Explanation e) {
            List<ExplanationView> kids = e.because().isEmpty() ? null : e.because().stream().map(ExplanationView::of).toList();
            return new ExplanationView(e.claim(), e.source().orElse(null), e.where().orElse(null), kids);
        }

        /** The tree as indented lines, each fact followed by its place and source. */
        public List<String> lines() {
            List<String> out = new ArrayList<>();
            render(this, "", out);
            return out;
        }

        private static void render(ExplanationView e, String indent, List<String> out) {
            StringBuilder line = new StringBuilder(indent).append(e.claim());
            if (e.where() != null) {
                line.append("  [").append(e.where()).append("]");
            }
            if (e.source() != null) {
                line.append("  <").append(e.source()).append(">");
            }
            out.add(line.toString());
            if (e.because() != null) {
                for (ExplanationView c : e.because()) {
                    render(c, indent + "  ", out);
                }
            }
        }
    }

    /** One conclusion of the engine with the provision behind it; the explanation only when asked for. */
    public record FindingView(int event, String question, String effect, List<String> actors, String provision, String article,
            String legalForce, String rule, String by, Integer quorum, String text, List<String> dependsOnUnconfirmed,
            @JsonInclude(JsonInclude.Include.NON_NULL) ExplanationView explanation) {

        public static FindingView of(Finding f, boolean explain) {
            return new FindingView(f.event(), f.question(), f.effect().id(), f.actors(), f.provision().orElse(null), f.article().orElse(null),
                    f.legalForce().map(l -> l.id()).orElse(null), f.rule().orElse(null), f.by().map(Object::toString).orElse(null),
                    f.quorum().isPresent() ? f.quorum().getAsInt() : null, f.text(), f.unconfirmed(),
                    explain ? ExplanationView.of(f.explanation()) : null);
        }
    }

    /**
     * A provision as every question shows it, with its source. {@code in_force} is written only when
     * the answer knows when the provision is in force (null inside: never in force).
     */
    public record ProvisionView(String id, String article, String kind, String title, Object params,
            @JsonInclude(JsonInclude.Include.NON_NULL) InForce inForce, boolean unconfirmed, String source,
            @JsonProperty("at") String where, @JsonInclude(JsonInclude.Include.NON_NULL) String note) {

        public static ProvisionView of(Provision p, Optional<Optional<Span>> inForce) {
            Provenance pv = p.provenance();
            return new ProvisionView(p.id(), p.article(), p.kind().id(), p.title(), p.params(),
                    inForce.map(o -> new InForce(o.map(SpanView::of).orElse(null))).orElse(null),
                    p.unconfirmed() || pv.unconfirmed(), pv.source(), pv.where(), pv.note().orElse(null));
        }
    }

    /** When a provision is in force: a span, or null for never. */
    public record InForce(SpanView span) {
        @com.fasterxml.jackson.annotation.JsonValue
        public SpanView value() {
            return span;
        }
    }

    static Integer code(OptionalInt v) {
        return v.isPresent() ? v.getAsInt() : null;
    }

    /** The state ids the data knows, for a message refusing one it does not: {@code (known: ALB, AND, ...)}. */
    static String knownStates(org.eurosec.model.Architecture a) {
        return "(known: " + String.join(", ", new java.util.TreeSet<>(a.states().keySet())) + ")";
    }
}
