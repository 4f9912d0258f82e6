package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.state;
import static org.eurosec.cli.ReportCells.states;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.model.Positions.Question;
import org.eurosec.query.Positions;

/** The report's positions section: the latest stated positions on the brief's four questions, each regime's answers and who would block them. */
final class ReportPositions {

    private ReportPositions() {
    }

    /** The section when the data has no positions to compare. */
    static void none(ReportDocument.Section s, String why) {
        s.blocks().add(ReportDocument.para(why));
    }

    /** Adds the section from the positions question's answer; {@code w} (the first world) gives the questions' texts and sources. */
    static void add(ReportDocument.Section s, Architecture w, Positions.Answer a) {
        List<String> qs = a.questions();
        for (Question q : w.positions().questions()) {
            s.blocks().add(ReportDocument.para(Cell.of(q.id() + ": "), Cell.link(q.text(), q.provenance().source())));
        }
        List<List<Cell>> rows = new ArrayList<>();
        a.positions().forEach((actor, m) -> {
            List<Cell> r = new ArrayList<>();
            r.add(state(w, actor));
            for (String q : qs) {
                Positions.HeldRow h = m.get(q);
                r.add(h == null ? Cell.of("") : new Cell(h.answer() + ("inferred".equals(h.strength()) ? " (inferred)" : ""),
                        Optional.of(h.source()), Optional.of(h.saidBy() + ", " + h.date() + ": " + h.summary())));
            }
            rows.add(r);
        });
        List<String> headers = new ArrayList<>(List.of("actor"));
        headers.addAll(qs);
        s.blocks().add(ReportDocument.table("Latest stated position per question on " + a.asOf() + " (each linked to its source)", headers, rows));
        List<List<Cell>> vrows = new ArrayList<>();
        for (Positions.RegimeRow r : a.regimes()) {
            vrows.add(row(r.regime(), String.join(" / ", r.answers().stream().map(Positions.ChoiceRow::answer).toList()), states(w, r.accepts()),
                    states(w, r.noObjectionKnown()), r.blocks().size(), states(w, r.blocks()), r.unknown().size()));
        }
        s.blocks().add(ReportDocument.table("Each regime's answers (read from its provisions) and who would block an OSCE consensus",
                List.of("regime", "answers (" + String.join(" / ", qs) + ")", "accepts on every question", "no objection known", "would block", "who would block",
                        "no statement"), vrows));
        List<List<Cell>> varRows = new ArrayList<>();
        for (int i = 0; i < Math.min(4, a.variants().size()); i++) {
            Positions.VariantRow x = a.variants().get(i);
            varRows.add(row(i + 1, String.join(" / ", x.answers().values()), x.blockers().size(), states(w, x.blockers())));
        }
        s.blocks().add(ReportDocument.table("The combinations of answers the fewest would block", List.of("rank", "answers", "blockers", "who"), varRows));
    }
}
