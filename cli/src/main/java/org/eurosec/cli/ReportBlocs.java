package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.provision;
import static org.eurosec.cli.ReportCells.row;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.query.Blocs;

/** The report's blocs section: systems of states tied by security treaties, the blocs in them and the buffer zone, per regime. */
final class ReportBlocs {

    private ReportBlocs() {
    }

    static void intro(ReportDocument.Section blocs, Blocs.View view) {
        blocs.blocks().add(ReportDocument.para("Ties: ", view.ties(), " (", view.tiesMeaning(),
                "). A system is a group of states linked by chains of ties; a bloc (in the tables) a group in which each is tied to every other;"
                        + " the buffer zone are the participating States tied to no one."));
    }

    /** Adds one world's map and table from the blocs question's answer for it. */
    static void add(ReportDocument.Section blocs, Views.View v, Architecture w, Blocs.WorldBlocs b) {
        Map<String, String> sysOf = new LinkedHashMap<>();
        Map<String, String> blocLegend = new LinkedHashMap<>();
        int n = 0;
        for (Blocs.BlocRow s : b.systems()) {
            String key = "system " + (n + 1) + " (" + s.label() + ")";
            blocLegend.put(key, ReportFigures.SYSTEMS[n % ReportFigures.SYSTEMS.length]);
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
        for (Blocs.BlocRow s : b.systems()) {
            brows.add(row("system", s.label(), s.size(), String.join(" ", s.members()), Cell.many(s.provisions().stream().map(x -> provision(w, x)).toList())));
        }
        for (Blocs.BlocRow s : b.blocs()) {
            brows.add(row("bloc", s.label(), s.size(), String.join(" ", s.members()), ""));
        }
        brows.add(row("buffer", "tied to no one", b.buffer().size(), String.join(" ", b.buffer()), ""));
        blocs.blocks().add(new ReportDocument.Details(v.label() + ": systems, blocs and buffer", List.of(ReportDocument.table("",
                List.of("group", "label", "size", "members", "provisions"), brows))));
    }

    /** The summary's figure: the size of each system, e.g. {@code [56]}. */
    static String systemSizes(Blocs.WorldBlocs b) {
        return b.systems().stream().map(s -> String.valueOf(s.size())).toList().toString();
    }
}
