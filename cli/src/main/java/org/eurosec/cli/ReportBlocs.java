package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.provision;
import static org.eurosec.cli.ReportCells.row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.analysis.BlocAnalysis.Bloc;
import org.eurosec.analysis.BlocAnalysis.Blocs;
import org.eurosec.analysis.CliqueBlocs;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.TieKind;
import org.eurosec.analysis.Universe;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;

/** The report's blocs section: systems of states tied by security treaties, the blocs in them and the buffer zone, per regime. */
final class ReportBlocs {

    private ReportBlocs() {
    }

    static void intro(ReportDocument.Section blocs) {
        blocs.blocks().add(ReportDocument.para("Ties: ", TieKind.SECURITY_TREATY.id(), " (", TieKind.SECURITY_TREATY.meaning(),
                "). A system is a group of states linked by chains of ties; a bloc (in the tables) a group in which each is tied to every other;"
                        + " the buffer zone are the participating States tied to no one."));
    }

    /** Adds one regime's map and table; returns the blocs for the summary. */
    static Blocs add(ReportDocument.Section blocs, Views.View v, Architecture w, IntervalCoverage c, Universe universe) {
        Blocs b = (Blocs) new CliqueBlocs(c).blocs(v.day(), universe, TieKind.SECURITY_TREATY);
        Map<String, String> sysOf = new LinkedHashMap<>();
        Map<String, String> blocLegend = new LinkedHashMap<>();
        int n = 0;
        for (Bloc s : b.systems()) {
            String key = "system " + (n + 1) + " (" + s.label() + ")";
            blocLegend.put(key, ReportFigures.PALETTE[n % ReportFigures.PALETTE.length]);
            for (String m : s.members()) {
                sysOf.put(m, key);
            }
            n++;
        }
        blocLegend.put("buffer", ReportFigures.ORANGE);
        b.buffer().forEach(x -> sysOf.put(x, "buffer"));
        String blocMap = ReportFigures.map(w, v.day(), id -> Optional.ofNullable(sysOf.get(id)).map(key -> new ReportFigures.Paint(key,
                key.equals("buffer") ? "buffer zone: tied to no one" : key)), blocLegend, "Blocs on " + v.day() + " under " + v.label());
        blocs.blocks().add(new ReportDocument.Figure(blocMap, "Blocs under " + v.label() + ": " + b.systems().size()
                + " system(s), buffer of " + b.buffer().size(), true));
        List<List<Cell>> brows = new ArrayList<>();
        for (Bloc s : b.systems()) {
            brows.add(row("system", s.label(), s.members().size(), String.join(" ", s.members()), Cell.many(s.provisions().stream().map(x -> provision(w, x)).toList())));
        }
        for (Bloc s : b.blocs()) {
            brows.add(row("bloc", s.label(), s.members().size(), String.join(" ", s.members()), ""));
        }
        brows.add(row("buffer", "tied to no one", b.buffer().size(), String.join(" ", b.buffer()), ""));
        blocs.blocks().add(new ReportDocument.Details(v.label() + ": systems, blocs and buffer", List.of(ReportDocument.table("",
                List.of("group", "label", "size", "members", "provisions"), brows))));
        return b;
    }
}
