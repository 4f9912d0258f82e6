package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.provision;
import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.states;

import java.util.ArrayList;
import java.util.List;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.query.Levels;

/** The report's levels section: the participating States grouped by the guarantees they hold, per regime. */
final class ReportLevels {

    private ReportLevels() {
    }

    /** Adds one world's table from the levels question's answer for it. */
    static void add(ReportDocument.Section levels, Views.View v, Architecture w, Levels.WorldLevels ls) {
        List<List<Cell>> lrows = new ArrayList<>();
        for (Levels.LevelRow l : ls.levels()) {
            lrows.add(row(l.level(), l.states().size(), states(w, l.states()), l.provisions().isEmpty() ? Cell.of("none: not covered")
                    : Cell.many(l.provisions().stream().map(x -> provision(w, x)).toList())));
        }
        levels.blocks().add(ReportDocument.table(v.label() + ": " + ls.count() + " levels of security", List.of("level", "states", "who",
                "guarantees held (provisions)"), lrows));
    }
}
