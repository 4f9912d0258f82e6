package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eurosec.analysis.SecurityTimeline;
import org.eurosec.analysis.TieKind;
import org.eurosec.analysis.Universe;
import org.eurosec.cli.ReportDocument.Block;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;

/** The report's timeline section: each year since 1975, participating States, covered, buffer and levels, per regime. */
final class ReportTimeline {

    private ReportTimeline() {
    }

    static void add(ReportDocument.Section s, List<Views.View> vs, Architecture base, Universe universe) {
        int to = base.factsCheckedThrough().getYear();
        MonthDay on = MonthDay.from(vs.get(0).day());
        if (on.atYear(to).isAfter(base.factsCheckedThrough())) {
            to--;
        }
        List<Integer> years = ReportFigures.range(1975, to);
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        List<Block> tables = new ArrayList<>();
        List<Integer> firstBuffer = null;
        List<Integer> firstCovered = null;
        for (Views.View v : vs) {
            List<SecurityTimeline.Year> ys = SecurityTimeline.years(v.coverage(), 1975, to, on, universe, TieKind.SECURITY_TREATY);
            List<Integer> covered = ys.stream().map(y -> y.known() ? y.covered() : null).toList();
            List<Integer> buffer = ys.stream().map(y -> y.known() ? y.buffer() : null).toList();
            if (firstBuffer == null) {
                series.put("participating States", ys.stream().map(y -> y.known() ? y.states() : null).toList());
                series.put("covered", covered);
                series.put("tied to no one (buffer)", buffer);
                series.put("levels of security", ys.stream().map(y -> y.known() ? y.levels() : null).toList());
                firstBuffer = buffer;
                firstCovered = covered;
            } else {
                if (!covered.equals(firstCovered)) {
                    series.put(v.label() + ": covered", covered);
                }
                if (!buffer.equals(firstBuffer)) {
                    series.put(v.label() + ": buffer", buffer);
                }
            }
            List<List<Cell>> rows = new ArrayList<>();
            for (SecurityTimeline.Year y : ys) {
                rows.add(row(y.day(), y.known() ? y.states() : "unknown", y.covered(), y.states() - y.covered(), y.systems().toString(), y.buffer(), y.levels()));
            }
            tables.add(new ReportDocument.Details(v.label() + ": the figures", List.of(ReportDocument.table("", List.of("day", "states", "covered",
                    "not covered", "systems (security-treaty ties)", "buffer", "levels"), rows))));
        }
        s.blocks().add(new ReportDocument.Figure(ReportFigures.chart(years, series, "Timeline"), "Each year on " + on.toString().substring(2)
                + ", under " + vs.get(0).label() + " (solid) and where another regime differs (dashed): participating States, covered,"
                + " tied to no one by a security treaty, levels of security. A regime's hypothetical treaties count as in force on every day"
                + " among the states eligible that day (the counterfactual, not a forecast)"));
        s.blocks().addAll(tables);
    }
}
