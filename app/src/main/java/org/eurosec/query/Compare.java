package org.eurosec.query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eurosec.engine.Finding;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Scenario;
import org.eurosec.query.Common.FindingView;

/**
 * One scenario under several regimes, side by side: a row per event, effect and provision, a cell
 * per regime with who the findings concern, and whether the regimes disagree on that row.
 */
public final class Compare {

    private Compare() {
    }

    /**
     * @param scenario the scenario file (a path, a shipped scenario's name, or an uploaded body)
     * @param regimes the regime columns (empty: the scenario's own)
     * @param interpretations the choices as ID=OPTION
     */
    public record Query(Scenarios.Source scenario, List<String> regimes, List<String> interpretations) {
        public Query {
            regimes = List.copyOf(regimes);
            interpretations = List.copyOf(interpretations);
        }

        /** GET /api/compare: a shipped scenario by name (never a path). */
        public static Query of(Params p) {
            String name = p.one("scenario").filter(s -> !s.isBlank()).orElseThrow(() -> new QueryException.InvalidParameter("scenario",
                    "name a shipped scenario (see /api/scenarios), or POST your own scenario file"));
            return new Query(shipped("scenario", name), p.list("regimes"), p.values("interpretation"));
        }

        /** POST /api/compare: the scenario is the uploaded body; the parameters are those of GET but {@code scenario}. */
        public static Query upload(Scenarios.Source body, Params p) {
            if (!p.values("scenario").isEmpty()) {
                throw new QueryException.InvalidParameter("scenario", "POST sends the scenario file as the body; use GET to name a shipped scenario");
            }
            return new Query(body, p.list("regimes"), p.values("interpretation"));
        }
    }

    /**
     * The comparison. {@code rows} in the order of the events; each row's {@code disagree} is true
     * when the regimes' findings for that event, effect and provision are not the same (one regime
     * has a finding another has not, or their findings differ in who they concern, the rule, the
     * quorum, the deadline, the legal force, the unconfirmed values or the text).
     */
    public record View(String scenario, LocalDate date, List<String> regimes, List<Row> rows, Map<String, ColumnCoverage> coverage) {
    }

    /** One event, effect and provision (null: none) across the regimes; a regime without such a finding has no cell. */
    public record Row(int event, String effect, String provision, Map<String, Cell> cells, boolean disagree) {
    }

    /** What one regime finds on a row: who it concerns, the findings' sentences, whether any rests on an unconfirmed value. */
    public record Cell(List<String> actors, List<String> text, boolean dependsOnUnconfirmed) {
    }

    /** Who is covered in one regime's world after the scenario's events, and how many levels of security there are. */
    public record ColumnCoverage(LocalDate asOf, List<String> covered, List<String> uncovered, int levels) {
    }

    private record Key(int event, String effect, String provision) {
    }

    static View answer(Eurosec e, Query q) {
        Scenarios.Prepared prepared = Scenarios.prepare(e, q.scenario(), q.regimes());
        Map<String, String> choices = e.choices(q.interpretations());
        Map<Key, Map<String, List<Finding>>> found = new LinkedHashMap<>();
        Map<String, ColumnCoverage> coverage = new LinkedHashMap<>();
        for (Scenario.RegimeRun c : prepared.columns()) {
            ScenarioEngine.Outcome o = prepared.run(e, c, choices);
            coverage.put(c.label(), new ColumnCoverage(o.asOf(), o.covered(), o.uncovered(), o.levels().size()));
            for (Finding f : o.findings()) {
                found.computeIfAbsent(new Key(f.event(), f.effect().id(), f.provision().orElse(null)), k -> new LinkedHashMap<>())
                        .computeIfAbsent(c.label(), k -> new ArrayList<>()).add(f);
            }
        }
        List<String> labels = new ArrayList<>(coverage.keySet());
        List<Key> keys = new ArrayList<>(found.keySet());
        keys.sort(Comparator.comparingInt(Key::event));
        List<Row> rows = new ArrayList<>();
        for (Key k : keys) {
            Map<String, List<Finding>> byRegime = found.get(k);
            Map<String, Cell> cells = new LinkedHashMap<>();
            for (String label : labels) {
                List<Finding> fs = byRegime.getOrDefault(label, List.of());
                if (!fs.isEmpty()) {
                    cells.put(label, new Cell(fs.stream().flatMap(f -> f.actors().stream()).distinct().toList(),
                            fs.stream().map(Finding::text).toList(), fs.stream().anyMatch(Finding::dependsOnUnconfirmed)));
                }
            }
            rows.add(new Row(k.event(), k.effect(), k.provision(), cells, disagree(labels, byRegime)));
        }
        Scenario s = prepared.scenario();
        return new View(s.name(), s.date(), labels, rows, coverage);
    }

    /**
     * Whether the regimes' findings on one row differ: each regime's findings compared as the
     * engine states them (everything but the explanation tree), a regime without any as none.
     */
    static boolean disagree(List<String> labels, Map<String, List<Finding>> byRegime) {
        List<List<FindingView>> seen = new ArrayList<>();
        for (String label : labels) {
            seen.add(byRegime.getOrDefault(label, List.of()).stream().map(f -> FindingView.of(f, false)).toList());
        }
        return seen.stream().distinct().count() > 1;
    }

    /**
     * Runs {@code use} on an uploaded scenario: the body is written to a new file in {@code folder}
     * (the scenario loader reads files; the folder is the caller's own, private one) and the file is
     * deleted afterwards, whatever happens. Its problems name it "uploaded scenario", field {@code body}.
     */
    public static <T> T uploaded(String body, Path folder, Function<Scenarios.Source, T> use) {
        if (body == null || body.isBlank()) {
            throw new QueryException.InvalidParameter("body", "send a scenario file (YAML) as the body");
        }
        Path file = null;
        try {
            file = Files.createTempFile(folder, "upload-", ".yaml");
            Files.writeString(file, body, StandardCharsets.UTF_8);
            return use.apply(new Scenarios.Source(file, "uploaded scenario", "body"));
        } catch (IOException e) {
            throw new UncheckedIOException("the uploaded scenario could not be stored for reading", e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // the folder is the server's own and is removed when it stops
                }
            }
        }
    }

    /** A shipped scenario by name, read from the build (never from a path the caller names). */
    static Scenarios.Source shipped(String field, String name) {
        String file = Scenarios.shippedName(field, name);
        return new Scenarios.Source(EmbeddedData.scenariosDirectory().resolve(file), "scenarios/" + file, field);
    }
}
