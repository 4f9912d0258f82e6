package org.eurosec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.model.Provision;
import org.eurosec.model.State;

/** The report's cells: a provision or a state linked to its source, a row of plain values. */
final class ReportCells {

    private ReportCells() {
    }

    static Cell provision(Architecture w, String id) {
        Optional<Provision> p = w.provision(id);
        return p.map(x -> new Cell(id, Optional.of(x.provenance().source()), Optional.of(x.title()
                + (x.unconfirmed() ? " (unconfirmed)" : "")))).orElse(Cell.of(id));
    }

    static Cell state(Architecture w, String id) {
        Optional<State> s = w.state(id);
        return s.map(x -> new Cell(id, Optional.of(x.provenance().source()), Optional.of(x.name()))).orElse(Cell.of(id));
    }

    static List<Cell> row(Object... cells) {
        List<Cell> out = new ArrayList<>();
        for (Object c : cells) {
            out.add(c instanceof Cell x ? x : Cell.of(c == null ? "" : c));
        }
        return out;
    }
}
