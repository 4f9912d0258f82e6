package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.query.Overlap;

/** The report's overlap section: the bodies, their mandates by dimension and the members every two share, per regime. */
final class ReportOverlap {

    private ReportOverlap() {
    }

    /** Adds one world's figures and matrix from the overlap question's answer for it. */
    static void add(ReportDocument.Section overlap, Views.View v, Overlap.WorldOverlap o) {
        List<List<Cell>> orows = new ArrayList<>();
        o.dimensions().forEach((dim, f) -> orows.add(row(dim, f.bodies(), two(f.meanBodiesPerState()), f.statesInTwoOrMore())));
        overlap.blocks().add(ReportDocument.para(v.label() + ": " + o.bodies().size() + " bodies ("
                + o.bodies().stream().filter(Overlap.BodyRow::treatyBody).count() + " of them treaty bodies); a participating State belongs to "
                + two(o.meanBodiesPerState()) + " on average; " + o.duplicatingPairs() + " pairs share members and a dimension of their mandate."));
        overlap.blocks().add(ReportDocument.table("", List.of("dimension", "bodies", "mean bodies per state", "states in two or more"), orows));
        // The columns name the bodies as the rows do (the rows' cells carry the ids in their tooltips).
        List<String> headers = new ArrayList<>();
        headers.add("shared members");
        o.bodies().forEach(b -> headers.add(ReportCells.named(v.world(), b.id()).text()));
        List<List<Cell>> matrix = new ArrayList<>();
        for (Overlap.BodyRow x : o.bodies()) {
            List<Cell> r = new ArrayList<>();
            r.add(ReportCells.named(v.world(), x.id()));
            for (Overlap.BodyRow y : o.bodies()) {
                if (x == y) {
                    r.add(Cell.of(x.members().size()));
                    continue;
                }
                Overlap.PairRow p = o.pairs().stream().filter(q -> q.body1().equals(x.id()) && q.body2().equals(y.id())
                        || q.body1().equals(y.id()) && q.body2().equals(x.id())).findFirst().orElseThrow();
                r.add(new Cell(String.valueOf(p.sharedMembers()), Optional.empty(), Optional.of(String.format(Locale.ROOT,
                        "Jaccard %.2f; shared dimensions: %s", p.jaccard(), p.sharedDimensions()))));
            }
            matrix.add(r);
        }
        overlap.blocks().add(new ReportDocument.Details(v.label() + ": overlap matrix (shared members; the diagonal is the membership)",
                List.of(ReportDocument.table("", headers, matrix))));
    }

    /** A mean as the report and the command's JSON write it: two decimals. */
    static String two(double mean) {
        return String.format(Locale.ROOT, "%.2f", mean);
    }
}
