package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.provision;
import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.state;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.engine.AccessionDecision;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Architecture;

/** The report's veto section: for each regime, who decides each applicant's accession and who could stop it alone. */
final class ReportVetoes {

    private ReportVetoes() {
    }

    static void intro(ReportDocument.Section vetoes, String organisation, LocalDate day) {
        vetoes.blocks().add(ReportDocument.para("For each regime: who decides the accession of each applicant to ", organisation,
                " on " + day + ", and who could stop it alone, with the provision that lets them."));
    }

    static void add(ReportDocument.Section vetoes, Views.View v, Architecture base, Architecture w, List<String> applicants, String organisation) {
        List<List<Cell>> vrows = new ArrayList<>();
        for (String a : applicants) {
            String app = a.trim().toUpperCase(java.util.Locale.ROOT);
            AccessionDecision d = new ScenarioEngine(base).accession(v.regime(), v.reading().choices(), app, organisation, v.day());
            Set<String> members = new TreeSet<>(d.decidedBy());
            List<AccessionDecision.Block> outsiders = d.mayBlock().stream().filter(x -> !members.contains(x.actor())).toList();
            Set<String> outsiderProvisions = new TreeSet<>();
            outsiders.forEach(x -> outsiderProvisions.add(x.provision()));
            vrows.add(row(state(w, app), d.rule().orElse("?"), d.ruleProvision().map(p -> provision(w, p)).orElse(Cell.of("")),
                    d.mayBlock().stream().map(AccessionDecision.Block::actor).distinct().count(), outsiders.stream().map(AccessionDecision.Block::actor).distinct().count(),
                    String.join(" ", outsiders.stream().map(AccessionDecision.Block::actor).distinct().toList()),
                    Cell.many(outsiderProvisions.stream().map(x -> provision(w, x)).toList()),
                    d.prohibitedBy().map(p -> provision(w, p)).orElse(Cell.of(""))));
        }
        vetoes.blocks().add(ReportDocument.table(v.label(), List.of("applicant", "rule", "rule provision", "may block", "of them outside "
                + organisation, "outsiders", "outsiders' provision", "prohibited by"), vrows));
    }
}
