package org.eurosec.query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.eurosec.engine.Reading;
import org.eurosec.engine.RegimeApplication;
import org.eurosec.engine.UndeclaredClash;
import org.eurosec.load.ArchitectureLoader;
import org.eurosec.load.CrosswalkLoader;
import org.eurosec.load.DataException;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.RegimeLoader;
import org.eurosec.model.Architecture;
import org.eurosec.model.Crosswalk;
import org.eurosec.model.Regime;

/**
 * The one implementation of every question: holds where the facts and regimes come from (the
 * embedded ones, or a user's directories, read again when a file changes) and the readings every
 * answer starts from, and answers each query with its view. Thread-safe; one instance serves a
 * whole server.
 */
public final class Eurosec {

    /** Where the facts and the regimes come from, and the interpretation choices every question starts from. */
    public record Sources(Optional<Path> data, Optional<Path> regimesDir, List<String> choices) {
        public Sources {
            choices = List.copyOf(choices);
        }

        public static Sources embedded() {
            return new Sources(Optional.empty(), Optional.empty(), List.of());
        }
    }

    private static final DirectoryCache<Architecture> LOADED = new DirectoryCache<>();
    private static final DirectoryCache<Map<String, Regime>> REGIMES = new DirectoryCache<>();

    private final Sources sources;
    private final Clock clock;

    /** Answers with today's date read from the system clock (UTC). */
    public Eurosec(Sources sources) {
        this(sources, Clock.systemUTC());
    }

    /** Answers with today's date read from {@code clock} (a fixed clock in tests). */
    public Eurosec(Sources sources, Clock clock) {
        this.sources = sources;
        this.clock = clock;
    }

    public static Eurosec embedded() {
        return new Eurosec(Sources.embedded());
    }

    public Sources sources() {
        return sources;
    }

    /** Today, by the clock this instance was given: the day every dated question answers for when none is asked. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The day a question asks about: the one given, or today. */
    public LocalDate day(Optional<LocalDate> date) {
        return date.orElseGet(this::today);
    }

    /**
     * The world a question reads on {@code day}: as it is, or, for a day after the facts were last
     * checked and a question that is not strict, the same facts answering through that day
     * (provisionally). A strict question leaves such a day unknown.
     */
    public static Architecture through(Architecture world, LocalDate day, boolean strict) {
        return strict ? world : world.readThrough(day);
    }

    // ------------------------------------------------------------------ the questions

    public Coverage.View coverage(Coverage.Query q) {
        return Coverage.answer(this, q);
    }

    public Veto.View veto(Veto.Query q) {
        return Veto.answer(this, q);
    }

    public Actors.View actors(Actors.Query q) {
        return Actors.answer(this, q);
    }

    public Actor.View actor(Actor.Query q) {
        return Actor.answer(this, q);
    }

    public Regimes.View regimes(Regimes.Query q) {
        return Regimes.answer(this, q);
    }

    public RegimeShow.View regimeShow(RegimeShow.Query q) {
        return RegimeShow.answer(this, q);
    }

    public Interpretations.View interpretations(Interpretations.Query q) {
        return Interpretations.answer(this, q);
    }

    public ScenarioList.View scenarios(ScenarioList.Query q) {
        return ScenarioList.answer(this, q);
    }

    public Blocs.View blocs(Blocs.Query q) {
        return Blocs.answer(this, q);
    }

    public Levels.View levels(Levels.Query q) {
        return Levels.answer(this, q);
    }

    public Overlap.View overlap(Overlap.Query q) {
        return Overlap.answer(this, q);
    }

    public Uniformity.View uniformity(Uniformity.Query q) {
        return Uniformity.answer(this, q);
    }

    public Positions.View positions(Positions.Query q) {
        return Positions.answer(this, q);
    }

    public Timeline.View timeline(Timeline.Query q) {
        return Timeline.answer(this, q);
    }

    public Compare.View compare(Compare.Query q) {
        return Compare.answer(this, q);
    }

    public ScenarioRun.View scenarioRun(ScenarioRun.Query q) {
        return ScenarioRun.answer(this, q);
    }

    public Instruments.View instrument(Instruments.Query q) {
        return Instruments.answer(this, q);
    }

    public Instruments.ListView instruments(Instruments.ListQuery q) {
        return Instruments.list(this, q);
    }

    public Export.Panel export(Export.Query q) {
        return Export.answer(this, q);
    }

    public Reconcile.View reconcile(Reconcile.Query q) {
        return Reconcile.answer(this, q);
    }

    // ------------------------------------------------------------------ facts, regimes, readings

    /** The facts: embedded, or read from the data directory (kept until one of its files changes). */
    public Architecture architecture() {
        if (sources.data().isEmpty()) {
            return data("data", EmbeddedData::load);
        }
        Path dir = sources.data().get();
        if (!Files.isDirectory(dir)) {
            throw new QueryException.InvalidParameter("data", dir + ": not a directory");
        }
        return data("data", () -> LOADED.get(dir, () -> ArchitectureLoader.load(dir, dir.toString().replaceAll("/+$", ""))));
    }

    /** The crosswalks to other datasets (ATOP, COW) by dataset id: embedded, or those in the data directory's {@code crosswalk/}. */
    public Map<String, Crosswalk> crosswalks(Architecture a) {
        if (sources.data().isEmpty()) {
            return data("data", () -> CrosswalkLoader.load(EmbeddedData.directory(), "data", a));
        }
        Path dir = sources.data().get();
        return data("data", () -> CrosswalkLoader.load(dir, dir.toString().replaceAll("/+$", ""), a));
    }

    /** The regimes by id: embedded, or those in the regimes directory, checked against the data. */
    public Map<String, Regime> regimes(Architecture a) {
        if (sources.regimesDir().isEmpty()) {
            return data("regimes_dir", () -> EmbeddedData.regimes(a));
        }
        Path dir = sources.regimesDir().get();
        if (!Files.isDirectory(dir)) {
            throw new QueryException.InvalidParameter("regimes_dir", dir + ": not a directory");
        }
        // Kept only while the data is the very same object (compared by identity, not by the record's
        // equals, which would walk the whole model on every request).
        return data("regimes_dir", () -> REGIMES.get(dir, a, () -> RegimeLoader.load(dir, dir.toString().replaceAll("/+$", ""), a)));
    }

    /** One regime by id, or an {@link QueryException.UnknownId} listing the known ones. */
    public Regime regime(Map<String, Regime> regimes, String field, String id) {
        Regime r = regimes.get(id);
        if (r == null) {
            throw new QueryException.UnknownId(field, "regime", id, "unknown regime '" + id + "' (known: " + String.join(", ", regimes.keySet()) + ")");
        }
        return r;
    }

    /** Whether the status quo is history itself (no regime files of the user's that could redefine it). */
    private boolean plainHistory(String regimeId) {
        return "status-quo".equals(regimeId) && sources.regimesDir().isEmpty();
    }

    /** History as a regime makes it: its hypothetical treaties in force among all eligible parties. */
    public Architecture world(Architecture base, Map<String, Regime> regimes, String field, String regimeId) {
        Regime r = regime(regimes, field, regimeId);
        return plainHistory(regimeId) ? base : RegimeApplication.apply(base, r, false);
    }

    /**
     * The interpretation choices of a question as id → option: the server's (or command line's)
     * starting choices first, then the question's own, which win. Only the shape is checked here.
     */
    public Map<String, String> choices(List<String> asked) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> all = new ArrayList<>(sources.choices());
        all.addAll(asked);
        for (String s : all) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new QueryException.InvalidParameter("interpretation", "an interpretation is chosen as ID=OPTION, not '" + s + "'");
            }
            out.put(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
        }
        return out;
    }

    /** The reading of one world: its defaults with every choice applied (each must be known in it). */
    public Reading reading(Architecture world, Map<String, String> choices) {
        Reading r = Reading.defaults(world);
        for (Map.Entry<String, String> c : choices.entrySet()) {
            try {
                r = r.with(c.getKey(), c.getValue());
            } catch (IllegalArgumentException e) {
                throw new QueryException.InvalidParameter("interpretation", e.getMessage());
            }
        }
        return r;
    }

    /**
     * The choices that apply in one of several worlds: each must name an interpretation known in at
     * least one of {@code worlds} with a valid option; in each world only its own interpretations apply.
     */
    public Map<String, String> choicesFor(Architecture world, Collection<Architecture> worlds, Map<String, String> choices) {
        for (String id : choices.keySet()) {
            if (worlds.stream().noneMatch(w -> w.interpretations().containsKey(id))) {
                Set<String> ids = new TreeSet<>();
                worlds.forEach(w -> ids.addAll(w.interpretations().keySet()));
                throw new QueryException.InvalidParameter("interpretation", "unknown interpretation '" + id + "' (known: " + String.join(", ", ids) + ")");
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        choices.forEach((k, v) -> {
            if (world.interpretations().containsKey(k)) {
                out.put(k, v);
            }
        });
        reading(world, out);
        return out;
    }

    /** One world to analyse: a label (the regime or scenario column), the data as that regime makes it, its reading, the day. */
    public record World(String label, Architecture world, Reading reading, LocalDate day, Regime regime) {
    }

    /**
     * One day under several regimes, side by side: each regime's world with the question's choices
     * that apply in it. No regime named means the status quo.
     */
    public List<World> worlds(List<String> regimeIds, Map<String, String> choices, Optional<LocalDate> date) {
        return worlds(regimeIds, choices, date, false);
    }

    /** As {@link #worlds(List, Map, Optional)}; {@code strict}: a day after the facts were last checked stays unknown. */
    public List<World> worlds(List<String> regimeIds, Map<String, String> choices, Optional<LocalDate> date, boolean strict) {
        Architecture base = architecture();
        Map<String, Regime> known = regimes(base);
        List<String> ids = regimeIds.isEmpty() ? List.of("status-quo") : regimeIds.stream().map(String::trim).distinct().toList();
        Map<String, Architecture> worlds = new LinkedHashMap<>();
        for (String id : ids) {
            worlds.put(id, world(base, known, "regime", id));
        }
        LocalDate day = day(date);
        List<World> out = new ArrayList<>();
        worlds.forEach((id, w) -> out.add(new World(id, through(w, day, strict), reading(w, choicesFor(w, worlds.values(), choices)), day,
                known.get(id))));
        return out;
    }

    /**
     * The worlds a scenario's events leave, one per regime column asked for ({@code only}; empty:
     * all), each with its reading; the day is {@code date} or the day of the scenario's last event.
     */
    public List<World> scenarioWorlds(Scenarios.Source source, List<String> only, Map<String, String> choices, Optional<LocalDate> date) {
        return scenarioWorlds(source, only, choices, date, false);
    }

    /** As {@link #scenarioWorlds(Scenarios.Source, List, Map, Optional)}; {@code strict}: a day after the facts were last checked stays unknown. */
    public List<World> scenarioWorlds(Scenarios.Source source, List<String> only, Map<String, String> choices, Optional<LocalDate> date,
            boolean strict) {
        Scenarios.Prepared p = Scenarios.prepare(this, source, only);
        List<World> out = new ArrayList<>();
        for (org.eurosec.model.Scenario.RegimeRun column : p.columns()) {
            org.eurosec.engine.ScenarioEngine.Outcome o = p.run(this, column, choices);
            LocalDate day = date.orElse(o.asOf());
            out.add(new World(column.label(), through(o.world(), day, strict), o.reading(), day, p.regimes().get(column.regime())));
        }
        return out;
    }

    /** Runs a step that reads the server's own files: their problems are the server's, named with file and line. */
    static <T> T data(String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (DataException e) {
            throw new QueryException.DataProblems(field, e.problems(), true);
        } catch (UndeclaredClash e) {
            throw new QueryException.Conflict("regime", e.getMessage());
        }
    }
}
