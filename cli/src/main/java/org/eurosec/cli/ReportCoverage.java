package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.provision;
import static org.eurosec.cli.ReportCells.named;
import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.state;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.query.Coverage;

/** The report's coverage section: a map and a table per regime of who holds a binding defence guarantee. */
final class ReportCoverage {

    private ReportCoverage() {
    }

    /**
     * One state as the section shows it: covered or not, by which provisions, through which organisations or treaties;
     * {@code unconfirmed}: covered only by guarantees that rest on facts the data marks unconfirmed.
     */
    record Row(String id, String name, boolean covered, List<String> provisions, List<String> through, boolean unconfirmed) {
    }

    /** The rows from the coverage question's answer (a day under a regime, or a scenario's column). */
    static List<Row> of(Coverage.Answer a) {
        return a.states().stream().map(s -> new Row(s.id(), s.name(), s.covered(),
                s.guarantees().stream().map(Coverage.GuaranteeRow::provision).distinct().toList(),
                s.guarantees().stream().map(Coverage.GuaranteeRow::through).distinct().toList(), s.coverageUnconfirmed())).toList();
    }

    /** Adds one regime's map and table; returns "N of M" covered for the summary. */
    static String add(ReportDocument.Section cov, Views.View v, Architecture w, List<Row> rows) {
        List<String> uncovered = rows.stream().filter(s -> !s.covered()).map(Row::id).toList();
        Map<String, Row> byId = new LinkedHashMap<>();
        rows.forEach(s -> byId.put(s.id(), s));
        Map<String, String> covLegend = ReportFigures.legend("covered", ReportFigures.BLUE, "not covered", ReportFigures.ORANGE);
        String covMap = ReportFigures.map(w, v.day(), id -> Optional.ofNullable(byId.get(id)).map(s -> new ReportFigures.Paint(
                s.covered() ? "covered" : "not covered", s.covered() ? "covered by " + String.join(", ", s.provisions().stream().map(x -> provision(w, x).text()).toList())
                        : "not covered by any binding guarantee")), covLegend,
                "Coverage on " + v.day() + " under " + v.label());
        cov.blocks().add(new ReportDocument.Figure(covMap, "Coverage under " + v.label() + ": blue covered, orange not covered", true));
        List<List<Cell>> crows = new ArrayList<>();
        for (Row s : rows) {
            crows.add(row(state(w, s.id()), s.covered() ? (s.unconfirmed() ? "yes*" : "yes") : "no",
                    Cell.many(s.provisions().stream().map(x -> provision(w, x)).toList()),
                    Cell.many(s.through().stream().map(x -> named(w, x)).toList())));
        }
        cov.blocks().add(new ReportDocument.Details(v.label() + ": " + (rows.size() - uncovered.size()) + " of " + rows.size()
                + " covered; not covered: " + String.join(", ", uncovered.stream().map(x -> ReportCells.name(w, x)).toList()),
                List.of(ReportDocument.table("", List.of("state", "covered",
                "guarantee provisions", "through"), crows))));
        if (rows.stream().anyMatch(Row::unconfirmed)) {
            cov.blocks().add(ReportDocument.para("yes*: covered only by guarantees that rest on facts the data marks unconfirmed (the article's"
                    + " text, the treaty's dates or the state's party spell): " + String.join(", ", rows.stream().filter(Row::unconfirmed)
                    .map(s -> ReportCells.name(w, s.id())).toList()) + "."));
        }
        return (rows.size() - uncovered.size()) + " of " + rows.size();
    }
}
