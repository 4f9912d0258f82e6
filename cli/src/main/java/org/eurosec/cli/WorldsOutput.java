package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.List;
import org.eurosec.query.Worlds;

/** How the view-based commands print an answer with one entry per world. */
final class WorldsOutput {

    private WorldsOutput() {
    }

    /**
     * Prints the answer in the chosen format: JSON as the view ({@code {...root, views: [...]}}),
     * the first table as CSV, or the text tables followed by the per-world summary lines, the notes
     * and, for a day after the facts were last checked, the provisional note.
     */
    static void print(Options options, PrintWriter out, Object view, org.eurosec.query.Common.Checked checked, List<Table> tables,
            List<String> summary, String... notes) {
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(view));
            case CSV -> out.print(tables.get(0).csv());
            default -> {
                for (Table t : tables) {
                    out.print(t.text());
                    out.println();
                }
                summary.forEach(out::println);
                for (String n : notes) {
                    out.println(n);
                }
                checked.note().ifPresent(out::println);
            }
        }
    }

    /** Whether an entry is a world the data does not cover; if so, its summary line says so. */
    static boolean unknown(Worlds.Entry e, List<String> summary) {
        if (e instanceof Worlds.Unknown u) {
            summary.add(u.regime() + ": " + u.message());
            return true;
        }
        return false;
    }
}
