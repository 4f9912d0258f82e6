package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.state;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eurosec.analysis.RecognitionConsistency;
import org.eurosec.analysis.Universe;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;

/** The report's uniformity section: the states that side with secession in one case and with territorial integrity in another. */
final class ReportUniformity {

    private ReportUniformity() {
    }

    static void add(ReportDocument.Section s, Views.View v, Universe universe) {
        Architecture w = v.world();
        if (w.recognitions().cases().isEmpty()) {
            s.blocks().add(ReportDocument.para("The data has no recognitions.yaml."));
            return;
        }
        List<RecognitionConsistency.StateRecord> r = RecognitionConsistency.of(v.coverage(), v.day(), universe,
                RecognitionConsistency.Silence.INTEGRITY, Set.of()).orElseThrow();
        List<RecognitionConsistency.StateRecord> bad = r.stream().filter(x -> x.verdict() == RecognitionConsistency.Verdict.INCONSISTENT).toList();
        s.blocks().add(ReportDocument.para(bad.size() + " of " + r.size() + " participating States side with self-determination in one case and with"
                + " territorial integrity in another on " + v.day() + " (not recognising counts as a stand for the parent state; `eurosec uniformity"
                + " --silence abstain` counts only explicit acts, `--set-aside XKX` treats Kosovo as sui generis)."));
        List<List<Cell>> rows = new ArrayList<>();
        for (RecognitionConsistency.StateRecord x : bad) {
            List<Cell> recog = new ArrayList<>();
            List<Cell> refuse = new ArrayList<>();
            for (RecognitionConsistency.Stand st : x.stands()) {
                if (st.act().isEmpty() || st.ownTerritory()) {
                    continue;
                }
                Cell c = Cell.link(st.kase().entity() + st.act().get().from().map(d -> " " + d).orElse(""), st.act().get().provenance().source());
                (st.side() == RecognitionConsistency.Side.SELF_DETERMINATION ? recog : refuse).add(c);
            }
            rows.add(row(state(w, x.state().id()), x.state().name(), Cell.many(recog), Cell.many(refuse),
                    String.join(" ", x.stands().stream().filter(st -> st.act().isEmpty() && !st.ownTerritory()).map(st -> st.kase().entity()).toList())));
        }
        s.blocks().add(ReportDocument.table("Inconsistent states and the cases that make them so", List.of("state", "name", "recognises",
                "refuses explicitly", "silent on"), rows));
    }
}
