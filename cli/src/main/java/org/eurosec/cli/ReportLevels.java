package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.provision;
import static org.eurosec.cli.ReportCells.row;

import java.util.ArrayList;
import java.util.List;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.SecurityLevels;
import org.eurosec.analysis.Universe;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Architecture;

/** The report's levels section: the participating States grouped by the guarantees they hold, per regime. */
final class ReportLevels {

    private ReportLevels() {
    }

    /** Adds one regime's table; returns the number of levels for the summary. */
    static int add(ReportDocument.Section levels, Views.View v, Architecture w, IntervalCoverage c, Universe universe) {
        List<ScenarioEngine.Level> ls = SecurityLevels.of(c, v.day(), universe).orElseThrow();
        List<List<Cell>> lrows = new ArrayList<>();
        int li = 0;
        for (ScenarioEngine.Level l : ls) {
            li++;
            lrows.add(row(li, l.states().size(), String.join(" ", l.states()), l.provisions().isEmpty() ? Cell.of("none: not covered")
                    : Cell.many(l.provisions().stream().map(x -> provision(w, x)).toList())));
        }
        levels.blocks().add(ReportDocument.table(v.label() + ": " + ls.size() + " levels of security", List.of("level", "states", "who",
                "guarantees held (provisions)"), lrows));
        return ls.size();
    }
}
