package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.analysis.OrganisationOverlap;
import org.eurosec.analysis.OrganisationOverlap.Body;
import org.eurosec.analysis.OrganisationOverlap.DimensionFigures;
import org.eurosec.analysis.OrganisationOverlap.Overlap;
import org.eurosec.analysis.OrganisationOverlap.Pair;
import org.eurosec.model.Dimension;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "overlap", mixinStandardHelpOptions = true,
        description = {"The \"plethora of security organisations\": membership overlap between every pair of bodies and overlap of",
                "their mandates across the four dimensions (politico-military, economic-environmental, human, energy), per regime.",
                "Treaty bodies (a conference of the parties of a treaty in force) count as bodies, so a regime's new treaty shows its effect."})
final class OverlapCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Mixin
    Views views;

    @Spec
    CommandSpec spec;

    @Option(names = "--with-nominal", description = "Also count mandate dimensions marked nominal in the data (a competence on paper, never a programme).")
    boolean withNominal;

    @Option(names = "--pairs", paramLabel = "WHICH", defaultValue = "overlapping",
            description = "Which pairs to list: overlapping (default: sharing a member), duplicating (sharing a member and a dimension), all.")
    String which;

    @Override
    public Integer call() {
        if (!List.of("overlapping", "duplicating", "all").contains(which)) {
            throw new UserError("--pairs: '" + which + "' is not one of overlapping, duplicating, all");
        }
        PrintWriter out = spec.commandLine().getOut();
        Table pairs = new Table("regime", "as_of", "body1", "body2", "shared_members", "jaccard", "shared_dimensions");
        Table dims = new Table("regime", "as_of", "dimension", "bodies", "mean_bodies_per_state", "states_in_2_or_more");
        List<Map<String, Object>> json = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Views.View v : views.views(options)) {
            Optional<Overlap> r = OrganisationOverlap.of(v.coverage(), v.day(), views.universe(), withNominal);
            if (r.isEmpty()) {
                Views.unknown(v, json, summary);
                continue;
            }
            Overlap o = r.get();
            for (Pair p : o.pairs()) {
                if (which.equals("all") || which.equals("overlapping") && p.shared() > 0 || which.equals("duplicating") && p.duplicating()) {
                    pairs.row(v.label(), o.day(), p.a().id(), p.b().id(), p.shared(), String.format(java.util.Locale.ROOT, "%.2f", p.jaccard()), dimensions(p.sharedDimensions()));
                }
            }
            for (Map.Entry<Dimension, DimensionFigures> e : o.perDimension().entrySet()) {
                dims.row(v.label(), o.day(), e.getKey().id(), e.getValue().bodies(), String.format(java.util.Locale.ROOT, "%.2f", e.getValue().meanPerState()),
                        e.getValue().statesInTwoOrMore());
            }
            json.add(json(v.label(), o));
            summary.add(String.format(java.util.Locale.ROOT, "%s %s: %d bodies (%d treaty bodies), %.2f per state, %d pairs share members, %d share members and a dimension, mean Jaccard %.3f",
                    v.label(), o.day(), o.bodies().size(), o.bodies().stream().filter(Body::treatyBody).count(), o.meanBodiesPerState(),
                    o.pairs().stream().filter(p -> p.shared() > 0).count(), o.duplicatingPairs(), o.meanJaccard()));
        }
        Map<String, Object> root = Json.obj();
        root.put("with_nominal", withNominal);
        Views.print(options, out, root, json, List.of(pairs, dims), summary, "jaccard: shared members / members of either; mandates from"
                + " data/organisations (mandate:) and instruments (dimensions:)" + (withNominal ? "" : "; nominal competences left out (--with-nominal)"));
        return 0;
    }

    private static String dimensions(java.util.Set<Dimension> d) {
        return d.isEmpty() ? "-" : String.join(" ", d.stream().map(Dimension::id).toList());
    }

    private static Map<String, Object> json(String label, Overlap o) {
        Map<String, Object> m = Json.obj();
        m.put("regime", label);
        m.put("as_of", o.day().toString());
        m.put("known", true);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (Body b : o.bodies()) {
            Map<String, Object> x = Json.obj();
            x.put("id", b.id());
            x.put("name", b.name());
            x.put("treaty_body", b.treatyBody());
            x.put("members", b.members());
            x.put("dimensions", b.dimensions().stream().map(Dimension::id).toList());
            Map<String, Object> src = Json.obj();
            b.sources().forEach((d, u) -> src.put(d.id(), u));
            x.put("mandate_sources", src);
            bodies.add(x);
        }
        m.put("bodies", bodies);
        List<Map<String, Object>> pairs = new ArrayList<>();
        for (Pair p : o.pairs()) {
            Map<String, Object> x = Json.obj();
            x.put("body1", p.a().id());
            x.put("body2", p.b().id());
            x.put("shared_members", p.shared());
            x.put("jaccard", Math.round(p.jaccard() * 1000) / 1000.0);
            x.put("shared_dimensions", p.sharedDimensions().stream().map(Dimension::id).toList());
            pairs.add(x);
        }
        m.put("pairs", pairs);
        Map<String, Object> dims = Json.obj();
        o.perDimension().forEach((d, f) -> {
            Map<String, Object> x = Json.obj();
            x.put("bodies", f.bodies());
            x.put("mean_bodies_per_state", Math.round(f.meanPerState() * 100) / 100.0);
            x.put("states_in_2_or_more", f.statesInTwoOrMore());
            dims.put(d.id(), x);
        });
        m.put("dimensions", dims);
        m.put("mean_bodies_per_state", Math.round(o.meanBodiesPerState() * 100) / 100.0);
        m.put("duplicating_pairs", o.duplicatingPairs());
        m.put("per_state", o.perState());
        return m;
    }
}
