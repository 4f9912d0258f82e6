package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.provision;
import static org.eurosec.cli.ReportCells.row;
import static org.eurosec.cli.ReportCells.states;

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
            String key = "system " + (n + 1) + " (" + s.size() + " states), " + tiedThrough(s, b.names());
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
            brows.add(row("system", tiedThrough(s, b.names()), s.size(), states(w, s.members()), Cell.many(s.provisions().stream().map(x -> provision(w, x)).toList())));
        }
        for (Blocs.BlocRow s : b.blocs()) {
            brows.add(row("bloc", tiedThrough(s, b.names()), s.size(), states(w, s.members()), ""));
        }
        brows.add(row("buffer", "tied to no one", b.buffer().size(), states(w, b.buffer()), ""));
        blocs.blocks().add(new ReportDocument.Details(v.label() + ": systems, blocs and buffer", List.of(ReportDocument.table("",
                List.of("group", "what ties it", "size", "members", "provisions"), brows))));
    }

    /**
     * What ties a group, in words (as the page's legend says it): the organisations and instruments all
     * its ties share ("tied through North Atlantic Treaty Organization and ..."), or for a mixed group its
     * three most frequent ones and how many more; a long name without its bracketed note. An id the
     * answer does not name stays an id.
     */
    static String tiedThrough(Blocs.BlocRow s, Map<String, String> names) {
        // A long name without its bracketed note ("European Union", "Brussels Treaty"), so the key stays short
        // enough to read; a short one whole ("European Security Treaty (draft)").
        java.util.function.Function<String, String> named = id -> {
            String n = names.getOrDefault(id, id);
            return n.length() > 40 ? n.replaceFirst("\\s*\\(.*$", "") : n;
        };
        if (!s.label().startsWith("mixed")) {
            return "tied through " + String.join(" and ", java.util.Arrays.stream(s.label().split("\\+")).map(named).toList());
        }
        List<String> ids = new ArrayList<>(s.tiesThrough().keySet());
        int more = ids.size() - 3;
        return "tied mostly through " + String.join(", ", ids.stream().limit(3).map(named).toList()) + (more > 0 ? " and " + more + " more" : "");
    }

    /** The summary's figure: the size of each system, e.g. {@code [56]}. */
    static String systemSizes(Blocs.WorldBlocs b) {
        return b.systems().stream().map(s -> String.valueOf(s.size())).toList().toString();
    }
}
