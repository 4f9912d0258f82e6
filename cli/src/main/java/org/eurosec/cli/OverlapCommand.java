package org.eurosec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.query.Overlap;
import org.eurosec.query.Overlap.DimensionRow;
import org.eurosec.query.Overlap.PairRow;
import org.eurosec.query.Overlap.WorldOverlap;
import org.eurosec.query.Worlds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "overlap",
        description = {"The \"plethora of security organisations\": how bodies overlap in members and mandates on a day, per regime.",
                "Membership overlap between every pair of bodies, and overlap of their mandates across the four dimensions "
                        + "(politico-military, economic-environmental, human, energy).",
                "Treaty bodies (a conference of the parties of a treaty in force) count as bodies, so a regime's new treaty shows its effect."},
                footer = {"", "Examples:", "  eurosec overlap --date 2009-12-01 --regimes status-quo,est-2009", "  eurosec overlap --date 2009-12-01 --pairs duplicating --with-nominal"})
final class OverlapCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    RegimesDirOption regimesDirOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

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
        Overlap.Query q = new Overlap.Query(views.scope(options), withNominal, Overlap.Pairs.of("pairs", which));
        Overlap.View view = options.eurosec().overlap(q);
        Table pairs = new Table("regime", "as_of", "body1", "body2", "shared_members", "jaccard", "shared_dimensions");
        Table dims = new Table("regime", "as_of", "dimension", "bodies", "mean_bodies_per_state", "states_in_2_or_more");
        List<String> summary = new ArrayList<>();
        for (Worlds.Entry e : view.views()) {
            if (WorldsOutput.unknown(e, summary)) {
                continue;
            }
            WorldOverlap o = (WorldOverlap) e;
            for (PairRow p : o.pairs()) {
                if (q.pairs().lists(p)) {
                    pairs.row(o.regime(), o.asOf(), p.body1(), p.body2(), p.sharedMembers(), String.format(Locale.ROOT, "%.2f", p.jaccard()),
                            p.sharedDimensions().isEmpty() ? "-" : String.join(" ", p.sharedDimensions()));
                }
            }
            for (Map.Entry<String, DimensionRow> d : o.dimensions().entrySet()) {
                dims.row(o.regime(), o.asOf(), d.getKey(), d.getValue().bodies(), String.format(Locale.ROOT, "%.2f", d.getValue().meanBodiesPerState()),
                        d.getValue().statesInTwoOrMore());
            }
            summary.add(String.format(Locale.ROOT, "%s %s: %d bodies (%d treaty bodies), %.2f per state, %d pairs share members, %d share members and a dimension, mean Jaccard %.3f",
                    o.regime(), o.asOf(), o.bodies().size(), o.bodies().stream().filter(Overlap.BodyRow::treatyBody).count(), o.meanBodiesPerState(),
                    o.pairs().stream().filter(p -> p.sharedMembers() > 0).count(), o.duplicatingPairs(), o.meanJaccard()));
        }
        WorldsOutput.print(options, spec.commandLine().getOut(), view,
                new org.eurosec.query.Common.Checked(view.provisional(), view.factsCheckedThrough()), List.of(pairs, dims), summary, "jaccard: shared members / members of either;"
                + " mandates from data/organisations (mandate:) and instruments (dimensions:)"
                + (view.withNominal() ? "" : "; nominal competences left out (--with-nominal)"));
        return 0;
    }
}
