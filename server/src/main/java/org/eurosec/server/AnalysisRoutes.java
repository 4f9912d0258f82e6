package org.eurosec.server;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eurosec.load.EmbeddedData;
import org.eurosec.store.BadInput;

/**
 * The analyses under {@code /api}: each route is one command of the command line, each query
 * parameter one of its options ({@code date} is {@code --date}, {@code with_nominal} is
 * {@code --with-nominal}). A parameter the route does not list is a 400 naming it, so a typo never
 * passes silently; values are checked for shape here and for meaning by the command.
 */
final class AnalysisRoutes {

    /** Options every view-based analysis takes (see the command line's {@code Views}). */
    private static final List<String> VIEW = List.of("date", "regime", "scenario", "all", "exclude", "interpretation");

    /** Query parameters that are flags: present (or {@code true}) turns them on, {@code false} leaves them off. */
    private static final Set<String> FLAGS = Set.of("all", "with_nominal", "inherit", "inconsistent");

    /** One analysis route: the path under /api, the command words, a path parameter passed as the command's argument, the query parameters. */
    record Route(String path, List<String> command, Optional<String> argument, List<String> params, String summary) {
    }

    static final List<Route> ROUTES = List.of(
            new Route("/api/regimes", List.of("regimes"), Optional.empty(), List.of(), "The regimes: id, name, instruments."),
            new Route("/api/regimes/{id}", List.of("regime", "show"), Optional.of("id"), List.of(),
                    "One regime's instruments, provisions and parameters with sources."),
            new Route("/api/interpretations", List.of("interpretations"), Optional.empty(), List.of(), "The named interpretations and their options."),
            new Route("/api/scenarios", List.of("scenario", "list"), Optional.empty(), List.of(), "The shipped scenarios."),
            new Route("/api/actors", List.of("actors"), Optional.empty(), List.of("date", "exclude"), "The states that exist on a day."),
            new Route("/api/actors/{id}", List.of("actor"), Optional.of("id"), List.of(), "One state: codes, existence, memberships and participations with sources."),
            new Route("/api/coverage", List.of("coverage"), Optional.empty(), List.of("date", "regime", "all", "exclude", "state", "interpretation"),
                    "Who is covered by a binding defence guarantee on a day, with the guarantees and their provisions."),
            new Route("/api/veto", List.of("veto"), Optional.empty(), List.of("applicant", "organisation", "date", "regime", "interpretation"),
                    "Who may block an accession, and under which provision."),
            new Route("/api/blocs", List.of("blocs"), Optional.empty(), with(VIEW, "ties"), "Blocs, systems, buffer."),
            new Route("/api/levels", List.of("levels"), Optional.empty(), VIEW, "Levels of security."),
            new Route("/api/overlap", List.of("overlap"), Optional.empty(), with(VIEW, "with_nominal", "pairs"), "Overlapping organisations."),
            new Route("/api/positions", List.of("positions"), Optional.empty(), with(VIEW, "inherit", "variants"),
                    "Stated positions on the brief's four questions and each regime's answers."),
            new Route("/api/uniformity", List.of("uniformity"), Optional.empty(), with(VIEW, "silence", "set_aside", "inconsistent"),
                    "Recognition stands and double standards."),
            new Route("/api/timeline", List.of("timeline"), Optional.empty(), List.of("from", "to", "on", "ties", "regime", "all", "exclude", "interpretation"),
                    "Per year: states, covered, systems, blocs, buffer, levels."),
            new Route("/api/compare", List.of("compare"), Optional.empty(), List.of("scenario", "regimes", "interpretation"),
                    "A shipped scenario under several regimes side by side (POST a scenario file to compare your own)."));

    private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.,=:/-]{0,199}");
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,99}");

    private final Analyses analyses;

    AnalysisRoutes(Analyses analyses) {
        this.analyses = analyses;
    }

    private static List<String> with(List<String> base, String... more) {
        List<String> out = new ArrayList<>(base);
        out.addAll(List.of(more));
        return List.copyOf(out);
    }

    /** The GET handler of a route. */
    void get(Route r, Context ctx) {
        if (r.path().equals("/api/compare") && ctx.queryParam("scenario") == null) {
            throw new BadInput(400, "scenario", "name a shipped scenario (see /api/scenarios), or POST your own scenario file");
        }
        List<String> args = new ArrayList<>(r.command());
        r.argument().ifPresent(p -> args.add(checked(p, ctx.pathParam(p))));
        args.addAll(options(r, ctx.queryParamMap(), "compare".equals(r.command().get(0))));
        ctx.contentType("application/json").result(analyses.run(args));
    }

    private static List<String> options(Route r, Map<String, List<String>> query, boolean scenarioIsArgument) {
        Set<String> allowed = new TreeSet<>(r.params());
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : query.entrySet()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                throw new BadInput(400, name, "'" + name + "' is not a parameter of " + r.path()
                        + (allowed.isEmpty() ? " (it takes none)" : " (parameters: " + String.join(", ", allowed) + ")"));
            }
            List<String> values = e.getValue();
            if (values.size() > 1 && !"interpretation".equals(name)) {
                throw new BadInput(400, name, "'" + name + "' is given " + values.size() + " times; give it once (a list is comma-separated)");
            }
            for (String v : values) {
                if (FLAGS.contains(name)) {
                    if (v.isEmpty() || "true".equals(v)) {
                        out.add(option(name));
                    } else if (!"false".equals(v)) {
                        throw new BadInput(400, name, "'" + name + "' is a flag: true or false, not '" + v + "'");
                    }
                    continue;
                }
                String value = checked(name, v);
                if ("scenario".equals(name)) {
                    value = shipped(value);
                    if (scenarioIsArgument) {
                        out.add(0, value);
                        continue;
                    }
                }
                if ("interpretation".equals(name)) {
                    out.add("-I");
                    out.add(value);
                } else {
                    out.add(option(name) + "=" + value);
                }
            }
        }
        return out;
    }

    private static String option(String param) {
        return "--" + param.replace('_', '-');
    }

    private static String checked(String field, String value) {
        if (value == null || !VALUE.matcher(value).matches()) {
            throw new BadInput(400, field, "'" + field + "' must be letters, digits and . , = : / - _ (at most 200), not '"
                    + (value == null ? "" : value.length() > 60 ? value.substring(0, 60) + "..." : value) + "'");
        }
        return value;
    }

    /** A shipped scenario named by the API: its file name, checked against the shipped ones (never a path). */
    static String shipped(String name) {
        String base = name.endsWith(".yaml") ? name.substring(0, name.length() - 5) : name;
        List<String> known = shippedScenarios();
        if (!NAME.matcher(base).matches() || !known.contains(base)) {
            throw new BadInput(400, "scenario", "no shipped scenario '" + name + "' (shipped: " + String.join(", ", known) + ")");
        }
        return base + ".yaml";
    }

    /** The shipped scenarios' names, listed once: they are part of the build. */
    static List<String> shippedScenarios() {
        return Shipped.NAMES;
    }

    private static final class Shipped {
        static final List<String> NAMES = list();

        private static List<String> list() {
            try (var s = Files.list(EmbeddedData.scenariosDirectory())) {
                return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml"))
                        .map(n -> n.substring(0, n.length() - 5)).sorted().toList();
            } catch (IOException e) {
                return List.of();
            }
        }
    }
}
