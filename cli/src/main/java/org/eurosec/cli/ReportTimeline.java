package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;

import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eurosec.cli.ReportDocument.Block;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.query.Timeline;

/** The report's timeline section: each year since 1975, participating States, covered, buffer and levels, per regime. */
final class ReportTimeline {

    private ReportTimeline() {
    }

    /** Adds the chart and each world's table from the timeline question's answer ({@code labels}: the worlds in order). */
    static void add(ReportDocument.Section s, List<String> labels, int from, int to, MonthDay on, Timeline.View view) {
        List<Integer> years = ReportFigures.range(from, to);
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        List<Block> tables = new ArrayList<>();
        List<Integer> firstBuffer = null;
        List<Integer> firstCovered = null;
        for (String label : labels) {
            List<Timeline.YearRow> ys = view.years().stream().filter(y -> y.regime().equals(label)).toList();
            List<Integer> covered = ys.stream().map(Timeline.YearRow::covered).toList();
            List<Integer> buffer = ys.stream().map(Timeline.YearRow::buffer).toList();
            if (firstBuffer == null) {
                series.put("participating States", ys.stream().map(Timeline.YearRow::states).toList());
                series.put("covered", covered);
                series.put("tied to no one (buffer)", buffer);
                series.put("levels of security", ys.stream().map(Timeline.YearRow::levels).toList());
                firstBuffer = buffer;
                firstCovered = covered;
            } else {
                if (!covered.equals(firstCovered)) {
                    series.put(label + ": covered", covered);
                }
                if (!buffer.equals(firstBuffer)) {
                    series.put(label + ": buffer", buffer);
                }
            }
            List<List<Cell>> rows = new ArrayList<>();
            for (Timeline.YearRow y : ys) {
                rows.add(y.known() ? row(y.asOf(), y.states(), y.covered(), y.states() - y.covered(), y.systems().toString(), y.buffer(), y.levels())
                        : row(y.asOf(), "unknown", "", "", "", "", ""));
            }
            tables.add(new ReportDocument.Details(label + ": the figures", List.of(ReportDocument.table("", List.of("day", "states", "covered",
                    "not covered", "systems (" + view.ties() + " ties)", "buffer", "levels"), rows))));
        }
        s.blocks().add(new ReportDocument.Figure(ReportFigures.chart(years, series, "Timeline"), "Each year on " + on.toString().substring(2)
                + ", under " + labels.get(0) + " (solid) and where another regime differs (dashed): participating States, covered,"
                + " tied to no one by a security treaty, levels of security. A regime's hypothetical treaties count as in force on every day"
                + " among the states eligible that day (the counterfactual, not a forecast)"));
        s.blocks().addAll(tables);
    }
}
