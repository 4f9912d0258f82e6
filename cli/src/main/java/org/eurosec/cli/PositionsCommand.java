package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.RegimeChoices;
import org.eurosec.analysis.StatedPositions;
import org.eurosec.analysis.StatedPositions.Held;
import org.eurosec.analysis.StatedPositions.Stance;
import org.eurosec.analysis.StatedPositions.Variant;
import org.eurosec.analysis.StatedPositions.Verdict;
import org.eurosec.model.Positions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "positions", mixinStandardHelpOptions = true,
        description = {"The actors' stated positions on the brief's four questions (new or existing architecture, binding or political,",
                "hard security or comprehensive, veto or free choice) as of a day; for each regime, its answers read from its",
                "provisions, who would accept it and who would block an OSCE consensus; and the combinations the fewest would block."})
final class PositionsCommand implements Callable<Integer> {

    @Mixin
    Options options;

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
        List<Views.View> vs = views.views(options);
        Positions positions = vs.get(0).world().positions();
        if (positions.questions().isEmpty()) {
            throw new UserError("the data has no positions.yaml: no positions to compare");
        }
        Views.View first = vs.get(0);
        if (!(first.coverage().coverage(first.day(), views.universe()) instanceof Known known)) {
            String msg = first.coverage().outside(first.day());
            out.println(options.format == Format.JSON ? Json.write(Json.unknown(first.day(), msg)) : msg);
            return 0;
        }
        List<String> states = known.states().stream().map(s -> s.state().id()).toList();
        Set<String> actors = new TreeSet<>(states);
        positions.statements().stream().map(Positions.Statement::actor).filter(x -> first.world().organisation(x).isPresent()).forEach(actors::add);
        Map<String, Map<String, Held>> all = StatedPositions.on(first.world(), first.day(), actors, inherit);
        Map<String, Map<String, Held>> participants = new LinkedHashMap<>();
        states.forEach(s -> participants.put(s, all.get(s)));
        List<String> qs = positions.questions().stream().map(Positions.Question::id).toList();

        Table held = new Table("actor", qs.get(0), qs.get(1), qs.get(2), qs.get(3));
        for (Map.Entry<String, Map<String, Held>> e : all.entrySet()) {
            if (e.getValue().isEmpty()) {
                continue;
            }
            List<Object> row = new ArrayList<>();
            row.add(e.getKey());
            for (String q : qs) {
                Held h = e.getValue().get(q);
                row.add(h == null ? "" : h.answer() + " (" + h.statement().date() + (h.statement().strength() == Positions.Strength.INFERRED ? ", inferred" : "")
                        + h.inheritedFrom().map(o -> ", via " + o).orElse("") + ")");
            }
            held.row(row.toArray());
        }
        List<Map<String, Object>> regimesJson = new ArrayList<>();
        Table verdicts = new Table("regime", "as_of", "architecture", "form", "scope", "veto", "accept", "no_objection_known", "block", "unknown");
        List<String> blockLines = new ArrayList<>();
        Map<Map<String, String>, List<String>> regimeOfVariant = new LinkedHashMap<>();
        for (Views.View v : vs) {
            List<RegimeChoices.Choice> choices = RegimeChoices.of(v.regime(), v.world(), v.reading(), v.day());
            Map<String, String> answers = new LinkedHashMap<>();
            choices.forEach(c -> answers.put(c.question(), c.answer()));
            regimeOfVariant.computeIfAbsent(answers, k -> new ArrayList<>()).add(v.label());
            List<Verdict> judged = StatedPositions.judge(participants, answers);
            Map<Stance, List<String>> by = new LinkedHashMap<>();
            for (Stance s : Stance.values()) {
                by.put(s, judged.stream().filter(x -> x.stance() == s).map(Verdict::actor).toList());
            }
            verdicts.row(v.label(), v.day(), answers.get("architecture"), answers.get("form"), answers.get("scope"), answers.get("veto"),
                    String.join(" ", by.get(Stance.ACCEPTS)), String.join(" ", by.get(Stance.NO_OBJECTION_KNOWN)),
                    String.join(" ", by.get(Stance.BLOCKS)), by.get(Stance.UNKNOWN).size());
            for (Verdict x : judged) {
                if (x.stance() == Stance.BLOCKS) {
                    blockLines.add(v.label() + ": " + x.actor() + " blocks on " + String.join(", ", x.objections().stream()
                            .map(h -> h.question() + " (holds " + h.answer() + ", " + h.statement().saidBy() + ", " + h.statement().date() + ")").toList()));
                }
            }
            Map<String, Object> m = Json.obj();
            m.put("regime", v.label());
            m.put("as_of", v.day().toString());
            List<Map<String, Object>> cs = new ArrayList<>();
            for (RegimeChoices.Choice c : choices) {
                Map<String, Object> x = Json.obj();
                x.put("question", c.question());
                x.put("answer", c.answer());
                x.put("because", c.because());
                x.put("rule", c.rule());
                cs.add(x);
            }
            m.put("answers", cs);
            for (Stance s : Stance.values()) {
                m.put(s.id(), by.get(s));
            }
            List<Map<String, Object>> objections = new ArrayList<>();
            for (Verdict x : judged) {
                for (Held h : x.objections()) {
                    objections.add(json(h));
                }
            }
            m.put("objections", objections);
            regimesJson.add(m);
        }
        List<Variant> ranked = StatedPositions.variants(positions.questions(), participants);
        Table variantTable = new Table("rank", "architecture", "form", "scope", "veto", "blockers", "who", "regimes");
        List<Map<String, Object>> variantJson = new ArrayList<>();
        int rank = 0;
        for (Variant x : ranked) {
            rank++;
            String regimes = String.join(" ", regimeOfVariant.getOrDefault(x.answers(), List.of()));
            if (rank <= variants || !regimes.isEmpty()) {
                variantTable.row(rank, x.answers().get("architecture"), x.answers().get("form"), x.answers().get("scope"), x.answers().get("veto"),
                        x.blockers().size(), String.join(" ", x.blockers()), regimes);
            }
            Map<String, Object> m = Json.obj();
            m.put("answers", x.answers());
            m.put("blockers", x.blockers());
            m.put("regimes", regimeOfVariant.getOrDefault(x.answers(), List.of()));
            variantJson.add(m);
        }
        switch (options.format) {
            case JSON -> {
                Map<String, Object> root = Json.obj();
                root.put("as_of", first.day().toString());
                root.put("inherit", inherit);
                Map<String, Object> pos = Json.obj();
                all.forEach((actor, m) -> {
                    if (!m.isEmpty()) {
                        Map<String, Object> x = Json.obj();
                        m.forEach((q, h) -> x.put(q, json(h)));
                        pos.put(actor, x);
                    }
                });
                root.put("positions", pos);
                root.put("regimes", regimesJson);
                root.put("variants", variantJson);
                out.print(Json.write(root));
            }
            case CSV -> out.print(verdicts.csv());
            default -> {
                out.println("Positions held on " + first.day() + " (latest statement per question; `open` = interest without commitment):");
                out.print(held.text());
                out.println();
                out.print(verdicts.text());
                out.println();
                blockLines.forEach(out::println);
                out.println();
                out.println("The 16 combinations of answers, fewest blockers among the participating States first (and those of the regimes shown):");
                out.print(variantTable.text());
                out.println();
                out.println("a state blocks when one of its positions contradicts one of the answers; one with no statement is unknown, never agreeing;"
                        + " a regime's answers are read from its provisions (`--format json` shows which)");
            }
        }
        return 0;
    }

    private static Map<String, Object> json(Held h) {
        Map<String, Object> x = Json.obj();
        x.put("actor", h.actor());
        x.put("question", h.question());
        x.put("answer", h.answer());
        x.put("date", h.statement().date().toString());
        x.put("date_precision", h.statement().monthOnly() ? "month" : "day");
        x.put("strength", h.statement().strength().id());
        x.put("said_by", h.statement().saidBy());
        x.put("summary", h.statement().summary());
        x.put("inherited_from", h.inheritedFrom().orElse(null));
        Json.provenance(x, h.statement().provenance());
        return x;
    }
}
