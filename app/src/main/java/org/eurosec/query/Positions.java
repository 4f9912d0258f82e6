package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.RegimeChoices;
import org.eurosec.analysis.StatedPositions;
import org.eurosec.analysis.StatedPositions.Held;
import org.eurosec.analysis.StatedPositions.Stance;
import org.eurosec.analysis.StatedPositions.Variant;
import org.eurosec.analysis.StatedPositions.Verdict;
import org.eurosec.model.Provenance;
import org.eurosec.query.Common.UnknownDay;

/**
 * The actors' stated positions on the brief's four questions (new or existing architecture, binding
 * or political, hard security or comprehensive, veto or free choice) as of a day; for each world,
 * the regime's answers read from its provisions and each participating State's verdict on them;
 * and all sixteen combinations of answers, fewest blockers first.
 */
public final class Positions {

    private Positions() {
    }

    /**
     * @param inherit a state with no statement of its own on a question takes its organisations' answer, if they agree
     * @param variants how many combinations a listing shows, fewest blockers first (the JSON has all of them)
     */
    public record Query(Worlds.Scope scope, boolean inherit, int variants) {
        public static Query of(Params p) {
            return new Query(Worlds.Scope.of(p), p.flag("inherit"), p.integer("variants").orElse(4));
        }
    }

    /** The answer: the first world's day is covered by the data ({@link Answer}) or it is not ({@link UnknownDay}). */
    public sealed interface View permits Answer, UnknownDay {
    }

    /**
     * @param positions each actor with a position: question id to the statement it holds
     * @param questions the questions' ids in the data's order (for listings)
     */
    public record Answer(LocalDate asOf, boolean provisional, LocalDate factsCheckedThrough, boolean inherit, Map<String, Map<String, HeldRow>> positions,
            List<RegimeRow> regimes, List<VariantRow> variants, @JsonIgnore List<String> questions, String rule) implements View {
    }

    /** The data's interpretation that reads the proposer of a regime as accepting it. */
    public static final String PROPOSER_INTERPRETATION = "proposer-position";

    /** How a verdict is reached, said in every answer (the table's closing note, the JSON's {@code rule}). */
    public static final String RULE = "a state blocks a regime when its latest statement on one of the four questions, as of the day, holds"
            + " another answer than the regime gives (a later statement replaces an earlier one; a consensus text the state joined counts as"
            + " its statement); one with no statement is unknown, never agreeing; under " + PROPOSER_INTERPRETATION + "="
            + "proposer-accepts (the default) the state that proposed a regime accepts it from the day it proposed it, its contrary"
            + " statements set aside and listed; the combinations of answers are judged on statements alone";


    /** A position held: the latest statement of the actor's (or, inherited, of its organisations') on a question, with its source. */
    public record HeldRow(String actor, String question, String answer, LocalDate date, String datePrecision, String strength, String saidBy,
            String summary, String inheritedFrom, String source, @JsonProperty("at") String where,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean unconfirmed,
            @JsonInclude(JsonInclude.Include.NON_NULL) EarlierRow supersedes) {
        static HeldRow of(Held h) {
            var s = h.statement();
            Provenance p = s.provenance();
            return new HeldRow(h.actor(), h.question(), h.answer(), s.date(), s.monthOnly() ? "month" : "day", s.strength().id(), s.saidBy(),
                    s.summary(), h.inheritedFrom().orElse(null), p.source(), p.where(), p.note().orElse(null), p.unconfirmed() ? Boolean.TRUE : null,
                    h.supersedes().map(EarlierRow::of).orElse(null));
        }
    }

    /** The actor's most recent earlier statement on the question with another answer, which its latest statement replaces. */
    public record EarlierRow(String answer, LocalDate date, String strength, String saidBy, String source) {
        static EarlierRow of(org.eurosec.model.Positions.Statement s) {
            return new EarlierRow(s.answer(), s.date(), s.strength().id(), s.saidBy(), s.provenance().source());
        }
    }

    /**
     * The state that proposed the regime, read as accepting it ({@code reading}: the interpretation and
     * option that say so), and the positions of its own that contradict the regime's answers, set aside.
     */
    public record ProposerRow(String actor, LocalDate proposed, String source, String reading, List<HeldRow> setAside) {
    }

    /**
     * One world: the regime's answer to each question and why, the participating States by stance,
     * and the positions that make the blockers block (in the order of the blockers).
     */
    public record RegimeRow(String regime, LocalDate asOf, List<ChoiceRow> answers, List<String> accepts,
            @JsonProperty("no-objection-known") List<String> noObjectionKnown, List<String> blocks, List<String> unknown,
            List<HeldRow> objections, @JsonInclude(JsonInclude.Include.NON_NULL) ProposerRow proposer) {

        /** The regime's answer to a question, or null. */
        public String answer(String question) {
            return answers.stream().filter(c -> c.question().equals(question)).map(ChoiceRow::answer).findFirst().orElse(null);
        }
    }

    /** A regime's answer to a question, the instruments or provisions it is read from, and the rule that reads it. */
    public record ChoiceRow(String question, String answer, List<String> because, String rule) {
    }

    /** A combination of answers, who would block it, and the regimes shown that give exactly these answers. */
    public record VariantRow(Map<String, String> answers, List<String> blockers, List<String> regimes) {
    }

    static View answer(Eurosec e, Query q) {
        List<Eurosec.World> worlds = Worlds.of(e, q.scope());
        Eurosec.World first = worlds.get(0);
        org.eurosec.model.Positions positions = first.world().positions();
        if (positions.questions().isEmpty()) {
            throw Common.missingFile(e, "positions.yaml", "the positions question compares the stated positions it records");
        }
        IntervalCoverage coverage = Worlds.coverage(first);
        if (!(coverage.coverage(first.day(), q.scope().universe()) instanceof Known known)) {
            return new UnknownDay(first.day(), coverage.outside(first.day()));
        }
        List<String> states = known.states().stream().map(s -> s.state().id()).toList();
        Set<String> actors = new TreeSet<>(states);
        positions.statements().stream().map(org.eurosec.model.Positions.Statement::actor)
                .filter(x -> first.world().organisation(x).isPresent()).forEach(actors::add);
        Map<String, Map<String, Held>> all = StatedPositions.on(first.world(), first.day(), actors, q.inherit());
        Map<String, Map<String, Held>> participants = new LinkedHashMap<>();
        states.forEach(s -> participants.put(s, all.get(s)));

        List<RegimeRow> regimes = new ArrayList<>();
        Map<Map<String, String>, List<String>> regimesOfVariant = new LinkedHashMap<>();
        for (Eurosec.World w : worlds) {
            List<RegimeChoices.Choice> choices = RegimeChoices.of(w.regime(), w.world(), w.reading(), w.day());
            Map<String, String> answers = new LinkedHashMap<>();
            choices.forEach(c -> answers.put(c.question(), c.answer()));
            regimesOfVariant.computeIfAbsent(answers, k -> new ArrayList<>()).add(w.label());
            java.util.Optional<org.eurosec.model.Regime.Proposal> proposal = w.regime().proposal()
                    .filter(p -> w.reading().proposerAccepts() && !p.date().isAfter(w.day()) && participants.containsKey(p.actor()));
            List<Verdict> judged = StatedPositions.judge(participants, answers, proposal.map(org.eurosec.model.Regime.Proposal::actor));
            ProposerRow proposer = proposal.map(p -> new ProposerRow(p.actor(), p.date(), p.provenance().source(),
                    PROPOSER_INTERPRETATION + "=" + w.reading().choices().get(PROPOSER_INTERPRETATION),
                    judged.stream().filter(v -> v.actor().equals(p.actor())).flatMap(v -> v.setAside().stream()).map(HeldRow::of).toList())).orElse(null);
            Map<Stance, List<String>> by = new LinkedHashMap<>();
            for (Stance s : Stance.values()) {
                by.put(s, judged.stream().filter(x -> x.stance() == s).map(Verdict::actor).toList());
            }
            List<HeldRow> objections = new ArrayList<>();
            judged.forEach(x -> x.objections().forEach(h -> objections.add(HeldRow.of(h))));
            regimes.add(new RegimeRow(w.label(), w.day(), choices.stream().map(c -> new ChoiceRow(c.question(), c.answer(), c.because(), c.rule())).toList(),
                    by.get(Stance.ACCEPTS), by.get(Stance.NO_OBJECTION_KNOWN), by.get(Stance.BLOCKS), by.get(Stance.UNKNOWN), objections, proposer));
        }
        List<VariantRow> variants = new ArrayList<>();
        for (Variant x : StatedPositions.variants(positions.questions(), participants)) {
            variants.add(new VariantRow(x.answers(), x.blockers(), regimesOfVariant.getOrDefault(x.answers(), List.of())));
        }
        Map<String, Map<String, HeldRow>> held = new LinkedHashMap<>();
        all.forEach((actor, m) -> {
            if (!m.isEmpty()) {
                Map<String, HeldRow> x = new LinkedHashMap<>();
                m.forEach((question, h) -> x.put(question, HeldRow.of(h)));
                held.put(actor, x);
            }
        });
        Common.Checked checked = Worlds.checked(e, q.scope());
        return new Answer(first.day(), checked.provisional(), checked.factsCheckedThrough(), q.inherit(), held, regimes, variants,
                positions.questions().stream().map(org.eurosec.model.Positions.Question::id).toList(), RULE);
    }
}
