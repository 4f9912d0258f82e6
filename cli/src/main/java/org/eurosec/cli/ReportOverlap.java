package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.OrganisationOverlap;
import org.eurosec.analysis.OrganisationOverlap.Overlap;
import org.eurosec.analysis.Universe;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Dimension;

/** The report's overlap section: the bodies, their mandates by dimension and the members every two share, per regime. */
final class ReportOverlap {

    private ReportOverlap() {
    }

    /** Adds one regime's figures and matrix; returns the overlap for the summary. */
    static Overlap add(ReportDocument.Section overlap, Views.View v, IntervalCoverage c, Universe universe) {
        Overlap o = OrganisationOverlap.of(c, v.day(), universe, false).orElseThrow();
        List<List<Cell>> orows = new ArrayList<>();
        o.perDimension().forEach((dim, f) -> orows.add(row(dim.id(), f.bodies(), String.format(java.util.Locale.ROOT, "%.2f", f.meanPerState()),
                f.statesInTwoOrMore())));
        overlap.blocks().add(ReportDocument.para(v.label() + ": " + o.bodies().size() + " bodies ("
                + o.bodies().stream().filter(OrganisationOverlap.Body::treatyBody).count() + " of them treaty bodies); a participating State belongs to "
                + String.format(java.util.Locale.ROOT, "%.2f", o.meanBodiesPerState()) + " on average; " + o.duplicatingPairs()
                + " pairs share members and a dimension of their mandate."));
        overlap.blocks().add(ReportDocument.table("", List.of("dimension", "bodies", "mean bodies per state", "states in two or more"), orows));
        List<String> ids = o.bodies().stream().map(OrganisationOverlap.Body::id).toList();
        List<String> headers = new ArrayList<>();
        headers.add("shared members");
        headers.addAll(ids);
        List<List<Cell>> matrix = new ArrayList<>();
        for (OrganisationOverlap.Body x : o.bodies()) {
            List<Cell> r = new ArrayList<>();
            r.add(Cell.of(x.id()));
            for (OrganisationOverlap.Body y : o.bodies()) {
                if (x == y) {
                    r.add(Cell.of(x.members().size()));
                    continue;
                }
                OrganisationOverlap.Pair p = o.pairs().stream().filter(q -> q.a() == x && q.b() == y || q.a() == y && q.b() == x).findFirst().orElseThrow();
                r.add(new Cell(String.valueOf(p.shared()), Optional.empty(), Optional.of(String.format(java.util.Locale.ROOT, "Jaccard %.2f; shared dimensions: %s",
                        p.jaccard(), p.sharedDimensions().stream().map(Dimension::id).toList()))));
            }
            matrix.add(r);
        }
        overlap.blocks().add(new ReportDocument.Details(v.label() + ": overlap matrix (shared members; the diagonal is the membership)",
                List.of(ReportDocument.table("", headers, matrix))));
        return o;
    }
}
