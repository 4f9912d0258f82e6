package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.provision;
import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.state;
import static org.eurosec.cli.ReportCells.states;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.query.Veto;

/** The report's veto section: for each regime, who decides each applicant's accession and who could stop it alone. */
final class ReportVetoes {

    private ReportVetoes() {
    }

    static void intro(ReportDocument.Section vetoes, String organisation, LocalDate day) {
        vetoes.blocks().add(ReportDocument.para("For each regime: who decides the accession of each applicant to ", organisation,
                " on " + day + ", and who could stop it alone, with the provision that lets them."));
    }

    /** One applicant's answer from the veto question, or why there is none (the applicant does not exist that day). */
    record Asked(String applicant, Veto.Answer answer, String refused) {
    }

    /** Adds one world's table from the veto question's answers for each applicant. */
    static void add(ReportDocument.Section vetoes, Views.View v, Architecture w, List<Asked> asked, String organisation) {
        List<List<Cell>> vrows = new ArrayList<>();
        for (Asked a : asked) {
            if (a.answer() == null) {
                vrows.add(row(state(w, a.applicant()), a.refused(), "", "", "", "", "", ""));
                continue;
            }
            Veto.Answer d = a.answer();
            Set<String> members = new TreeSet<>(d.decidedBy().actors());
            List<Veto.BlockView> outsiders = d.mayBlock().stream().filter(x -> !members.contains(x.actor())).toList();
            Set<String> outsiderProvisions = new TreeSet<>();
            outsiders.forEach(x -> outsiderProvisions.add(x.provision()));
            String rule = d.decidedBy().rule() == null ? "?" : d.decidedBy().rule();
            vrows.add(row(state(w, a.applicant()), d.alreadyMember() ? rule + " (already a member)" : rule,
                    d.decidedBy().provision() == null ? Cell.of("") : provision(w, d.decidedBy().provision()),
                    d.mayBlock().stream().map(Veto.BlockView::actor).distinct().count(), outsiders.stream().map(Veto.BlockView::actor).distinct().count(),
                    states(w, outsiders.stream().map(Veto.BlockView::actor).distinct().toList()),
                    Cell.many(outsiderProvisions.stream().map(x -> provision(w, x)).toList()),
                    d.prohibitedBy() == null ? Cell.of("") : provision(w, d.prohibitedBy())));
        }
        vetoes.blocks().add(ReportDocument.table(v.label(), List.of("applicant", "rule", "rule provision", "may block", "of them outside "
                + organisation, "outsiders", "outsiders' provision", "prohibited by"), vrows));
    }
}
