package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.state;

import java.util.ArrayList;
import java.util.List;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.query.Uniformity;

/** The report's uniformity section: the states that side with secession in one case and with territorial integrity in another. */
final class ReportUniformity {

    private ReportUniformity() {
    }

    /** The section when the data has no recognitions to judge. */
    static void none(ReportDocument.Section s, String why) {
        s.blocks().add(ReportDocument.para(why));
    }

    /** Adds the first world's stands from the uniformity question's answer (only the inconsistent states listed, all counted). */
    static void add(ReportDocument.Section s, Views.View v, Architecture w, Uniformity.WorldStands u) {
        s.blocks().add(ReportDocument.para(u.inconsistent() + " of " + u.counted() + " participating States side with self-determination in one case"
                + " and with territorial integrity in another on " + v.day() + " (not recognising counts as a stand for the parent state; `eurosec"
                + " uniformity --silence abstain` counts only explicit acts, `--set-aside XKX` treats Kosovo as sui generis)."));
        List<List<Cell>> rows = new ArrayList<>();
        for (Uniformity.StateRow x : u.states()) {
            List<Cell> recog = new ArrayList<>();
            List<Cell> refuse = new ArrayList<>();
            for (Uniformity.StandRow st : x.stands()) {
                if (st.act().isEmpty() || st.ownTerritory()) {
                    continue;
                }
                Uniformity.ActRow act = st.act().get();
                Cell c = new Cell(ReportCells.name(w, st.kase()) + act.from().map(d -> " " + d).orElse(""), java.util.Optional.ofNullable(act.source()),
                        java.util.Optional.of(st.kase()));
                (st.side().equals("self-determination") ? recog : refuse).add(c);
            }
            rows.add(row(state(w, x.iso3()), Cell.many(recog), Cell.many(refuse),
                    ReportCells.states(w, x.stands().stream().filter(st -> st.act().isEmpty() && !st.ownTerritory()).map(Uniformity.StandRow::kase).toList())));
        }
        s.blocks().add(ReportDocument.table("Inconsistent states and the cases that make them so", List.of("state", "recognises",
                "refuses explicitly", "silent on"), rows));
    }
}
