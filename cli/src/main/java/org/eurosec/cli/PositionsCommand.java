package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.query.Common.UnknownDay;
import org.eurosec.query.Positions;
import org.eurosec.query.Positions.HeldRow;
import org.eurosec.query.Positions.RegimeRow;
import org.eurosec.query.Positions.VariantRow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "positions",
        description = {"The actors' stated positions on the brief's four questions on a day, and who would accept or block each regime.",
                "The questions: new or existing architecture, binding or political, hard security or comprehensive, veto or free choice.",
                "For each regime: its answers read from its provisions, who would accept it and who would block an OSCE consensus; "
                        + "then the combinations the fewest would block."},
                footer = {"", "Examples:", "  eurosec positions --date 2010-12-01", "  eurosec positions --date 2010-12-01 --inherit --variants 2"})
final class PositionsCommand implements Callable<Integer> {
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

    @Option(names = "--inherit", description = "A state with no statement of its own on a question takes its organisations' answer (NATO, EU, OSCE statements), if they agree.")
    boolean inherit;

    @Option(names = "--variants", paramLabel = "N", defaultValue = "4", description = "How many of the 16 combinations to list, fewest blockers first (default 4).")
    int variants;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Positions.View view = options.eurosec().positions(new Positions.Query(views.scope(options), inherit, variants));
        if (view instanceof UnknownDay u) {
            out.print(options.format() == Format.JSON ? org.eurosec.query.Json.write(u) : u.message() + System.lineSeparator());
            return 0;
        }
        Positions.Answer a = (Positions.Answer) view;
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(a));
            case CSV -> out.print(verdicts(a).csv());
            default -> text(a, out);
        }
        return 0;
    }

    /** Why a position contradicts a regime: the regime's answer, the latest statement (date, who, source), what it replaced. */
    private static String because(RegimeRow r, HeldRow h) {
        return h.question() + ": " + r.regime() + " answers " + r.answer(h.question()) + ", its latest statement on " + h.question() + " holds "
                + h.answer() + " (" + h.date() + ("inferred".equals(h.strength()) ? ", inferred" : "") + ", " + h.saidBy()
                + (h.inheritedFrom() != null ? ", via " + h.inheritedFrom() : "") + ", " + h.source() + ")"
                + (h.supersedes() == null ? "" : ", replacing " + h.supersedes().answer() + " (" + h.supersedes().date() + ", " + h.supersedes().saidBy() + ")");
    }

    private static Table verdicts(Positions.Answer a) {
        Table t = new Table("regime", "as_of", "architecture", "form", "scope", "veto", "accept", "no_objection_known", "block", "unknown");
        for (RegimeRow r : a.regimes()) {
            t.row(r.regime(), r.asOf(), r.answer("architecture"), r.answer("form"), r.answer("scope"), r.answer("veto"), String.join(" ", r.accepts()),
                    String.join(" ", r.noObjectionKnown()), String.join(" ", r.blocks()), r.unknown().size());
        }
        return t;
    }

    private void text(Positions.Answer a, PrintWriter out) {
        List<String> qs = a.questions();
        Table held = new Table("actor", qs.get(0), qs.get(1), qs.get(2), qs.get(3));
        for (Map.Entry<String, Map<String, HeldRow>> e : a.positions().entrySet()) {
            List<Object> row = new ArrayList<>();
            row.add(e.getKey());
            for (String q : qs) {
                HeldRow h = e.getValue().get(q);
                row.add(h == null ? "" : h.answer() + " (" + h.date() + ("inferred".equals(h.strength()) ? ", inferred" : "")
                        + (h.inheritedFrom() != null ? ", via " + h.inheritedFrom() : "") + ")");
            }
            held.row(row.toArray());
        }
        out.println("Positions held on " + a.asOf() + " (latest statement per question; `open` = interest without commitment):");
        out.print(held.text());
        out.println();
        out.print(verdicts(a).text());
        out.println();
        for (RegimeRow r : a.regimes()) {
            // A blocker's objections come together, in the order of the blockers: each with the regime's answer, the
            // statement that contradicts it (its date, who made it, its source) and the earlier one it replaced.
            Map<String, List<HeldRow>> byActor = new LinkedHashMap<>();
            r.objections().forEach(h -> byActor.computeIfAbsent(h.actor(), k -> new ArrayList<>()).add(h));
            byActor.forEach((actor, hs) -> out.println(r.regime() + ": " + actor + " blocks: " + String.join("; ", hs.stream()
                    .map(h -> because(r, h)).toList())));
            if (r.proposer() != null) {
                Positions.ProposerRow p = r.proposer();
                out.println(r.regime() + ": " + p.actor() + " accepts as its proposer (proposed " + p.proposed() + ", " + p.source() + "; "
                        + p.reading() + ")" + (p.setAside().isEmpty() ? "" : ", setting aside: " + String.join("; ", p.setAside().stream()
                        .map(h -> because(r, h)).toList())));
            }
        }
        out.println();
        out.println("The 16 combinations of answers, fewest blockers among the participating States first (and those of the regimes shown):");
        Table variantTable = new Table("rank", "architecture", "form", "scope", "veto", "blockers", "who", "regimes");
        int rank = 0;
        for (VariantRow x : a.variants()) {
            rank++;
            if (rank <= variants || !x.regimes().isEmpty()) {
                variantTable.row(rank, x.answers().get("architecture"), x.answers().get("form"), x.answers().get("scope"), x.answers().get("veto"),
                        x.blockers().size(), String.join(" ", x.blockers()), String.join(" ", x.regimes()));
            }
        }
        out.print(variantTable.text());
        out.println();
        out.println(a.rule() + "; a regime's answers are read from its provisions (`--format json` shows which)");
        Provisional.note(out, a.provisional(), a.factsCheckedThrough());
    }
}
