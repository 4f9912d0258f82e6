package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.RegimeChoices;
import org.eurosec.analysis.StatedPositions;
import org.eurosec.analysis.Universe;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.model.Positions;

/** The report's positions section: the latest stated positions on the brief's four questions, each regime's answers and who would block them. */
final class ReportPositions {

    private ReportPositions() {
    }

    static void add(ReportDocument.Section s, List<Views.View> vs, Universe universe) {
        Views.View first = vs.get(0);
        Architecture w = first.world();
        Positions p = w.positions();
        if (p.questions().isEmpty()) {
            s.blocks().add(ReportDocument.para("The data has no positions.yaml."));
            return;
        }
        Known k = (Known) first.coverage().coverage(first.day(), universe);
        Set<String> actors = new TreeSet<>();
        k.states().forEach(x -> actors.add(x.state().id()));
        Map<String, Map<String, StatedPositions.Held>> held = StatedPositions.on(w, first.day(), actors, false);
        List<String> qs = p.questions().stream().map(Positions.Question::id).toList();
        for (Positions.Question q : p.questions()) {
            s.blocks().add(ReportDocument.para(Cell.of(q.id() + ": "), Cell.link(q.text(), q.provenance().source())));
        }
        List<List<Cell>> rows = new ArrayList<>();
        held.forEach((actor, m) -> {
            if (m.isEmpty()) {
                return;
            }
            List<Cell> r = new ArrayList<>();
            r.add(state(w, actor));
            for (String q : qs) {
                StatedPositions.Held h = m.get(q);
                r.add(h == null ? Cell.of("") : new Cell(h.answer() + (h.statement().strength() == Positions.Strength.INFERRED ? " (inferred)" : ""),
                        Optional.of(h.statement().provenance().source()), Optional.of(h.statement().saidBy() + ", " + h.statement().date() + ": "
                                + h.statement().summary())));
            }
            rows.add(r);
        });
        List<String> headers = new ArrayList<>(List.of("state"));
        headers.addAll(qs);
        s.blocks().add(ReportDocument.table("Latest stated position per question on " + first.day() + " (each linked to its source)", headers, rows));
        List<List<Cell>> vrows = new ArrayList<>();
        for (Views.View v : vs) {
            Map<String, String> answers = new LinkedHashMap<>();
            RegimeChoices.of(v.regime(), v.world(), v.reading(), v.day()).forEach(c -> answers.put(c.question(), c.answer()));
            List<StatedPositions.Verdict> judged = StatedPositions.judge(held, answers);
            List<String> block = judged.stream().filter(x -> x.stance() == StatedPositions.Stance.BLOCKS).map(StatedPositions.Verdict::actor).toList();
            List<String> accept = judged.stream().filter(x -> x.stance() == StatedPositions.Stance.ACCEPTS).map(StatedPositions.Verdict::actor).toList();
            long unknown = judged.stream().filter(x -> x.stance() == StatedPositions.Stance.UNKNOWN).count();
            vrows.add(row(v.label(), String.join(" / ", answers.values()), String.join(" ", accept), block.size() + ": " + String.join(" ", block), unknown));
        }
        s.blocks().add(ReportDocument.table("Each regime's answers (read from its provisions) and who would block an OSCE consensus",
                List.of("regime", "answers (" + String.join(" / ", qs) + ")", "accepts on every question", "would block", "no statement"), vrows));
        List<StatedPositions.Variant> ranked = StatedPositions.variants(p.questions(), held);
        List<List<Cell>> varRows = new ArrayList<>();
        for (int i = 0; i < Math.min(4, ranked.size()); i++) {
            StatedPositions.Variant x = ranked.get(i);
            varRows.add(row(i + 1, String.join(" / ", x.answers().values()), x.blockers().size(), String.join(" ", x.blockers())));
        }
        s.blocks().add(ReportDocument.table("The combinations of answers the fewest would block", List.of("rank", "answers", "blockers", "who"), varRows));
    }
}
