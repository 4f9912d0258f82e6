package org.eurosec.query;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Every question the HTTP API answers, in one list: its route, its parameters (each one of the
 * command line's options, {@code with_nominal} for {@code --with-nominal}), how the parameters
 * become the query and which view answers it. The server builds its analysis routes and their
 * OpenAPI description from this list alone, so a new question is one entry here.
 */
public final class Questions {

    private Questions() {
    }

    /** How a parameter's value is written. */
    public enum Type {
        DATE("string", "date"), STRING("string", null), LIST("string", null), FLAG("boolean", null), INTEGER("integer", null);

        public final String jsonType;
        public final String format;

        Type(String jsonType, String format) {
            this.jsonType = jsonType;
            this.format = format;
        }
    }

    /** One input of a question: a query parameter, or a path parameter when {@code inPath}. */
    public record Param(String name, Type type, boolean required, boolean repeatable, boolean inPath, String description) {
        static Param query(String name, Type type, String description) {
            return new Param(name, type, false, false, false, description);
        }

        static Param required(String name, Type type, String description) {
            return new Param(name, type, true, false, false, description);
        }

        static Param path(String name, String description) {
            return new Param(name, Type.STRING, true, false, true, description);
        }

        static Param repeatable(String name, Type type, String description) {
            return new Param(name, type, false, true, false, description);
        }
    }

    /** One question: GET {@code path} with {@code params} answers with a {@code view}. */
    public record Question(String path, String summary, List<Param> params, Class<?> view, BiFunction<Eurosec, Params, Object> answer) {
        public Optional<Param> param(String name) {
            return params.stream().filter(p -> p.name().equals(name)).findFirst();
        }
    }

    static final Param DATE = Param.query("date", Type.DATE, "YYYY-MM-DD: the day (default: today)");
    static final Param STRICT = Param.query("strict", Type.FLAG, "a day after the facts were last checked (facts_checked_through) is unknown "
            + "instead of answered provisionally from the facts as last checked");
    static final Param INTERPRETATION = Param.repeatable("interpretation", Type.STRING,
            "ID=OPTION: switch a named interpretation (see /api/interpretations); repeatable");
    static final Param ALL = Param.query("all", Type.FLAG, "every state in the data, not only the CSCE/OSCE participating States");
    static final Param EXCLUDE = Param.query("exclude", Type.LIST, "leave out states with these tags, comma-separated (e.g. microstate)");

    private static List<Param> params(Param... ps) {
        return List.of(ps);
    }

    /**
     * POST /api/reconcile/{dataset}: the user's copy of ATOP or COW (the body, CSV) against
     * eurosec's panel, as {@code eurosec reconcile DATASET FILE --format json}. Not among {@link
     * #ALL_QUESTIONS} (those are GET routes): its answer needs the body, see {@link
     * Reconcile.Query#upload}.
     */
    public static final Question RECONCILE = new Question("/api/reconcile/{dataset}",
            "Your copy of ATOP or COW (the body: its directed dyad-year CSV) against eurosec's directed dyad-year panel, cell by cell for each "
                    + "obligation kind both code, every disagreement with its cause (convention, interpretation, fact, missing) or unexplained.",
            params(Param.path("dataset", "atop or cow: the dataset the body comes from"),
                    Param.query("convention", Type.STRING, "eurosec (default), atop or cow: date eurosec's panel the way that dataset does "
                            + "(from signature and accession protocols)"),
                    Param.query("kinds", Type.LIST, "compare only these kinds, comma-separated (defence, offence, neutrality, non_aggression, "
                            + "consultation); default: all the dataset codes"),
                    INTERPRETATION,
                    Param.query("skip_unknown_states", Type.FLAG, "leave out rows naming a COW code no state in eurosec's data carries, "
                            + "instead of refusing the body")),
            Reconcile.View.class, (e, p) -> {
                throw new QueryException.InvalidParameter("body", "send the dataset's directed dyad-year CSV as the body of a POST");
            });

    /** The questions, in the order the API documents them. */
    public static final List<Question> ALL_QUESTIONS = build();

    private static List<Question> build() {
        List<Question> q = new ArrayList<>();
        q.add(new Question("/api/coverage", "Who is covered by a binding defence guarantee on a day, with the guarantees and their provisions.",
                params(DATE, Param.query("regime", Type.STRING, "the regime id (default status-quo); with a scenario, its column (default its first)"),
                        Param.query("scenario", Type.STRING, "the name of a shipped scenario (see /api/scenarios): look at the world its events"
                                + " leave; the day defaults to its last event's"), ALL, EXCLUDE,
                        Param.query("state", Type.LIST, "only these states, comma-separated"), INTERPRETATION, STRICT),
                Coverage.View.class, (e, p) -> e.coverage(Coverage.Query.of(p))));
        q.add(new Question("/api/veto", "Who may block an accession, and under which provision.",
                params(Param.required("applicant", Type.STRING, "the state asking to join, e.g. GEO"),
                        Param.required("organisation", Type.STRING, "the organisation, e.g. nato"), DATE,
                        Param.query("regime", Type.STRING, "the regime id (default status-quo)"), INTERPRETATION, STRICT),
                Veto.View.class, (e, p) -> e.veto(Veto.Query.of(p))));
        q.add(new Question("/api/actors", "The states and organisations that exist on a day, with their codes and memberships that day.",
                params(DATE, EXCLUDE, INTERPRETATION, STRICT), Actors.View.class, (e, p) -> e.actors(Actors.Query.of(p))));
        q.add(new Question("/api/actors/{id}", "One state (codes, existence, memberships and participations with sources, coverage periods) "
                + "or one organisation (rules and members).", params(Param.path("id", "a state id (e.g. UKR) or an organisation id (e.g. nato)"), INTERPRETATION),
                Actor.View.class, (e, p) -> e.actor(Actor.Query.of(p))));
        q.add(new Question("/api/instruments", "The treaties and documents of the data (id, name, legal force, in force), or those in force "
                + "(political ones: adopted) on a day; as `eurosec instrument --date D`.",
                params(Param.query("date", Type.DATE, "YYYY-MM-DD: only the instruments in force that day (default: every instrument)")),
                Instruments.ListView.class, (e, p) -> e.instruments(new Instruments.ListQuery(p.date("date")))));
        q.add(new Question("/api/regimes", "The regimes: id, name, instruments.", params(), Regimes.View.class,
                (e, p) -> e.regimes(Regimes.Query.of(p))));
        q.add(new Question("/api/regimes/{id}", "One regime's instruments, provisions and parameters with sources.",
                params(Param.path("id", "a regime id, e.g. est-2009")), RegimeShow.View.class, (e, p) -> e.regimeShow(RegimeShow.Query.of(p))));
        q.add(new Question("/api/interpretations", "The named interpretations and their options.", params(), Interpretations.View.class,
                (e, p) -> e.interpretations(Interpretations.Query.of(p))));
        q.add(new Question("/api/scenarios", "The shipped scenarios.", params(), ScenarioList.View.class,
                (e, p) -> e.scenarios(ScenarioList.Query.of(p))));
        q.add(new Question("/api/blocs", "The blocs drawn by binding ties on a day, per regime: systems, blocs, the buffer of states tied to no one.",
                Worlds.params(true, Param.query("ties", Type.STRING, "defence (default) or security-treaty: which links count as a tie")),
                Blocs.View.class, (e, p) -> e.blocs(Blocs.Query.of(p))));
        q.add(new Question("/api/levels", "Levels of security per regime: states grouped by the exact set of binding guarantees they hold.",
                Worlds.params(true), Levels.View.class, (e, p) -> e.levels(Levels.Query.of(p))));
        q.add(new Question("/api/overlap", "Overlapping organisations per regime: shared members and shared mandate dimensions of every pair of bodies.",
                Worlds.params(true, Param.query("with_nominal", Type.FLAG, "also count mandate dimensions marked nominal in the data"),
                        Param.query("pairs", Type.STRING, "overlapping (default), duplicating or all: which pairs a listing shows (the JSON has all)")),
                Overlap.View.class, (e, p) -> e.overlap(Overlap.Query.of(p))));
        q.add(new Question("/api/positions", "Stated positions on the brief's four questions, each regime's answers and who would block them.",
                Worlds.params(true, Param.query("inherit", Type.FLAG, "a state without a statement of its own takes its organisations' agreed answer"),
                        Param.query("variants", Type.INTEGER, "how many combinations a listing shows (default 4; the JSON has all 16)")),
                Positions.View.class, (e, p) -> e.positions(Positions.Query.of(p))));
        q.add(new Question("/api/uniformity", "Recognition stands on the secession cases per regime, and the states that side both ways.",
                Worlds.params(true, Param.query("silence", Type.STRING, "integrity (default) or abstain: what not recognising counts as"),
                        Param.query("set_aside", Type.LIST, "cases to leave out, comma-separated (e.g. XKX)"),
                        Param.query("inconsistent", Type.FLAG, "list only the inconsistent states")),
                Uniformity.View.class, (e, p) -> e.uniformity(Uniformity.Query.of(p))));
        q.add(new Question("/api/timeline", "Per year and regime: states, covered, systems, blocs, buffer, levels.",
                Worlds.params(false, Param.query("from", Type.INTEGER, "the first year (default 1975)"),
                        Param.query("to", Type.INTEGER, "the last year (default: the year the facts were last checked)"),
                        Param.query("on", Type.STRING, "MM-DD: the day of each year (default 01-01)"),
                        Param.query("ties", Type.STRING, "defence (default) or security-treaty: the tie kind for blocs")),
                Timeline.View.class, (e, p) -> e.timeline(Timeline.Query.of(p))));
        q.add(new Question("/api/compare", "A shipped scenario under several regimes side by side, each row marking whether the regimes disagree "
                + "(POST a scenario file to compare your own).",
                params(Param.required("scenario", Type.STRING, "the id of a shipped scenario (see /api/scenarios)"),
                        Param.query("regimes", Type.LIST, "regime ids, comma-separated (default: the scenario's own)"), INTERPRETATION),
                Compare.View.class, (e, p) -> e.compare(Compare.Query.of(p))));
        return List.copyOf(q);
    }
}
