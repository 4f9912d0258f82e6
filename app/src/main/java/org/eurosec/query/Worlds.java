package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.Universe;
import org.eurosec.load.EmbeddedData;
import org.eurosec.query.Questions.Param;
import org.eurosec.query.Questions.Type;

/**
 * What the view-based questions (blocs, levels, overlap, uniformity, positions, timeline) look at:
 * one day under one or more regimes side by side, or the worlds a scenario's events leave under
 * each of its regime columns. Their answers put one entry per world in a list ({@code views}); a
 * world whose day the data does not cover is an {@link Unknown} entry, never an empty one.
 */
public final class Worlds {

    private Worlds() {
    }

    /**
     * The options every view-based question shares.
     *
     * @param date the day (empty: today; with a scenario, the day of its last event)
     * @param regimes the regimes side by side (empty: the status quo); with a scenario, its columns to show
     * @param scenario look at the worlds a scenario leaves instead of history
     * @param all every state that exists that day, not only the CSCE/OSCE participants
     * @param exclude leave out states with these tags
     * @param interpretations the choices as ID=OPTION
     * @param strict a day after the facts were last checked is unknown (otherwise answered provisionally)
     */
    public record Scope(Optional<LocalDate> date, List<String> regimes, Optional<Scenarios.Source> scenario, boolean all,
            List<String> exclude, List<String> interpretations, boolean strict) {
        public Scope {
            regimes = List.copyOf(regimes);
            exclude = List.copyOf(exclude);
            interpretations = List.copyOf(interpretations);
        }

        /** A scope that answers a day after the facts were last checked provisionally. */
        public Scope(Optional<LocalDate> date, List<String> regimes, Optional<Scenarios.Source> scenario, boolean all,
                List<String> exclude, List<String> interpretations) {
            this(date, regimes, scenario, all, exclude, interpretations, false);
        }

        /** The API's parameters; a scenario is named among the shipped ones, never read from a path. */
        public static Scope of(Params p) {
            Optional<Scenarios.Source> scenario = p.one("scenario").map(name -> {
                String file = Scenarios.shippedName("scenario", name.trim());
                return new Scenarios.Source(EmbeddedData.scenariosDirectory().resolve(file), "scenarios/" + file, "scenario");
            });
            return new Scope(p.date("date"), p.list("regime"), scenario, p.flag("all"), p.list("exclude"), p.values("interpretation"),
                    p.flag("strict"));
        }

        /** The states counted: the CSCE/OSCE participants of the day (or all), less the excluded tags. */
        public Universe universe() {
            return new Universe(all, Set.copyOf(exclude));
        }
    }

    /**
     * The API's parameters of {@link Scope}, followed by a question's own; {@code oneDay} false leaves
     * out the day and the scenario (a timeline runs over years of history).
     */
    static List<Param> params(boolean oneDay, Param... own) {
        List<Param> out = new ArrayList<>();
        if (oneDay) {
            out.add(Questions.DATE);
        }
        out.add(Param.query("regime", Type.LIST, "regimes side by side, comma-separated (default status-quo)"
                + (oneDay ? "; with a scenario, its columns to show" : "")));
        if (oneDay) {
            out.add(Param.query("scenario", Type.STRING, "the name of a shipped scenario (see /api/scenarios): look at the worlds its events"
                    + " leave; the day defaults to its last event's"));
        }
        out.add(Questions.ALL);
        out.add(Questions.EXCLUDE);
        out.add(Questions.INTERPRETATION);
        if (oneDay) {
            out.add(Questions.STRICT);
        }
        out.addAll(List.of(own));
        return List.copyOf(out);
    }

    /** One entry of an answer's {@code views}: a world's answer, or {@link Unknown}. */
    public sealed interface Entry permits Unknown, Blocs.WorldBlocs, Levels.WorldLevels, Overlap.WorldOverlap, Uniformity.WorldStands {
        /** The world's label: the regime, or the scenario's column. */
        String regime();
    }

    /** A world whose day the data does not cover; its label is kept for the text summary but is not part of the JSON. */
    public record Unknown(@JsonIgnore String regime, LocalDate asOf, boolean known, String message) implements Entry {
        public Unknown(String regime, LocalDate asOf, String message) {
            this(regime, asOf, false, message);
        }
    }

    /** The worlds a scope looks at. */
    static List<Eurosec.World> of(Eurosec e, Scope s) {
        Common.knownTags(e.architecture(), "exclude", s.exclude());
        Map<String, String> choices = e.choices(s.interpretations());
        List<Eurosec.World> worlds;
        if (s.scenario().isPresent()) {
            try {
                worlds = e.scenarioWorlds(s.scenario().get(), s.regimes(), choices, s.date(), s.strict());
            } catch (QueryException.UnknownId u) {
                // The columns to show are the 'regime' parameter here (the scenario layer calls them 'regimes').
                if (!"regimes".equals(u.field())) {
                    throw u;
                }
                throw new QueryException.UnknownId("regime", u.kind(), u.id(), u.getMessage());
            }
        } else {
            worlds = e.worlds(s.regimes(), choices, s.date(), s.strict());
        }
        return worlds;
    }

    /**
     * Whether a scope's answers are provisional (its day lies after the facts were last checked and
     * it is not strict), and that check day. A scenario's own day never is: its events lie within
     * the checked facts.
     */
    static Common.Checked checked(Eurosec e, Scope s) {
        Optional<LocalDate> day = s.date().isPresent() || s.scenario().isPresent() ? s.date() : Optional.of(e.today());
        return Common.Checked.of(e.architecture(), day, s.strict());
    }

    /** A world's coverage over time, which every view-based answer starts from. */
    static IntervalCoverage coverage(Eurosec.World w) {
        return IntervalCoverage.of(w.world(), w.reading());
    }

    /**
     * One entry per world of the scope: {@code answer}'s (given the world and its coverage), or
     * {@link Unknown} when it has none (the day lies outside what the data covers).
     */
    static List<Entry> each(Eurosec e, Scope s, BiFunction<Eurosec.World, IntervalCoverage, Optional<? extends Entry>> answer) {
        List<Entry> out = new ArrayList<>();
        for (Eurosec.World w : of(e, s)) {
            IntervalCoverage c = coverage(w);
            Optional<? extends Entry> a = answer.apply(w, c);
            out.add(a.isPresent() ? a.get() : new Unknown(w.label(), w.day(), c.outside(w.day())));
        }
        return out;
    }
}
