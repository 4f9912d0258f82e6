package org.eurosec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.query.Json;
import org.eurosec.query.Reconcile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "reconcile",
        description = {"Compare eurosec's directed dyad-year panel with your copy of ATOP or COW and give each disagreement its cause.",
                "Cell by cell for each obligation kind both code, every disagreement gets one cause: convention (the two date it differently), "
                        + "interpretation (a named reading decides it, or two together: the note names the second), fact (a sourced crosswalk "
                        + "note says why the data differ) or missing (eurosec has no instrument for it); the rest are unexplained. A missing cell is out_of_scope (a crosswalk "
                        + "entry says why eurosec leaves the pledge out on purpose), not_encoded (a crosswalk entry names a known treaty "
                        + "eurosec has not encoded yet, its text not read) or no_entry (the crosswalk says nothing of it); the note column "
                        + "carries the entry, and the summary counts the three. ATOP's readings, as its rows show them, are listed in data/crosswalk/atop.yaml.",
                "ATOP columns: defense, offense, neutral, nonagg, consul; COW: defense, neutrality, nonaggression, entente (read as consultation); "
                        + "peacesciencer's atop_*/cow_* names are accepted too."},
                footer = {"", "Examples:", "  eurosec export dyad-year --directed --convention atop --out dyad-year.csv", "  eurosec reconcile atop atop-dyad-year.csv --convention atop --kinds defence -I agreed-assistance=counts --format json"})
final class ReconcileCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "DATASET", description = "atop or cow: the dataset the file comes from.")
    String dataset;

    @Parameters(index = "1", paramLabel = "FILE", description = "The dataset's directed dyad-year CSV (ccode1, ccode2, year and one column per kind).")
    Path file;

    @Option(names = "--convention", paramLabel = "NAME",
            description = "Date eurosec's panel the way atop or cow does (from signature and accession protocols); default: eurosec's own.")
    String convention;

    @Option(names = "--kinds", paramLabel = "KIND", split = ",",
            description = "Compare only these kinds (defence, offence, neutrality, non_aggression, consultation); default: all the dataset codes.")
    List<String> kinds = new ArrayList<>();

    @Option(names = "--skip-unknown-states", description = "Leave out rows naming a COW code no state in eurosec's data carries, instead of refusing the file.")
    boolean skipUnknownStates;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        String csv = UserFiles.text(file, "");
        Reconcile.View v = options.eurosec().reconcile(new Reconcile.Query(dataset, file.toString(), csv, "file", Optional.ofNullable(convention), kinds,
                options.interpretations(), skipUnknownStates));
        PrintWriter out = spec.commandLine().getOut();
        switch (options.format()) {
            // Written row by row: every disagreement of all kinds runs to some 100 MB of text.
            case JSON -> Json.write(v, out);
            case CSV -> {
                Table.csvLine(out, "year", "ccode1", "state1", "ccode2", "state2", "kind", "dataset", "eurosec", "cause", "instrument", "provisions",
                        "interpretation", "option", "eurosec_date", "dataset_date", "source", "note");
                for (Reconcile.Row r : v.rows()) {
                    Table.csvLine(out, r.year(), r.ccode1(), r.state1(), r.ccode2(), r.state2(), r.kind(), r.dataset(), r.eurosec(), r.cause(),
                            r.instrument().orElse(""), String.join(" ", r.provisions()), r.interpretation().orElse(""), r.option().orElse(""),
                            r.eurosecDate().map(Object::toString).orElse(""), r.datasetDate().map(Object::toString).orElse(""), r.source().orElse(""),
                            r.note().orElse(""));
                }
            }
            default -> table(v, out);
        }
        return 0;
    }

    /** The summary, then the disagreements grouped by cause, kind, dyad and explanation with their years. */
    private static void table(Reconcile.View v, PrintWriter out) {
        out.println("eurosec (dated: " + v.convention() + ") against " + v.dataset() + ", " + v.years().get(0) + "-" + v.years().get(1) + ", kinds: "
                + String.join(", ", v.kinds()));
        out.println("compared " + v.compared() + " directed dyad-year cells: " + v.agree() + " agree, " + v.disagree() + " disagree, "
                + v.unexplained() + " unexplained");
        v.byKind().forEach((k, c) -> out.println("  " + k + ": " + c.agree() + " of " + c.compared() + " agree ("
                + String.format(java.util.Locale.ROOT, "%.2f", c.agreement() * 100) + "%)"));
        out.println("by cause: " + String.join(", ", v.byCause().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        out.println("missing: " + String.join(", ", v.missing().entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList()));
        if (v.notCompared() > 0 || v.skippedRows() > 0) {
            out.println("not compared: " + v.notCompared() + " of the file's pledges on dyad-years eurosec does not list; rows skipped for an unknown code: "
                    + v.skippedRows());
        }
        Map<String, List<Reconcile.Row>> groups = new LinkedHashMap<>();
        for (Reconcile.Row r : v.rows()) {
            String key = String.join("|", r.cause(), r.kind(), r.state1(), r.state2(), String.valueOf(r.dataset()), r.instrument().orElse(""),
                    r.interpretation().orElse(""), r.option().orElse(""), r.note().orElse(""));
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
        }
        if (groups.isEmpty()) {
            return;
        }
        out.println();
        Table t = new Table("cause", "kind", "from", "to", "years", "coded by", "instrument", "why");
        for (List<Reconcile.Row> g : groups.values()) {
            Reconcile.Row r = g.get(0);
            String why = switch (r.cause()) {
                case "convention" -> r.eurosecDate().map(d -> "eurosec " + d + ", " + v.dataset() + " " + r.datasetDate().map(Object::toString).orElse("?")).orElse("dated differently");
                case "interpretation" -> "-I " + r.interpretation().orElse("") + "=" + r.option().orElse("") + " would agree";
                default -> r.note().map(n -> n.length() > 90 ? n.substring(0, 87) + "..." : n).orElse("");
            };
            t.row(r.cause(), r.kind(), r.state1(), r.state2(), years(g), r.dataset() == 1 ? v.dataset() : "eurosec", r.instrument().orElse(""), why);
        }
        out.print(t.text());
    }

    /** The years of a group as ranges: 1992-1998, 2003. */
    static String years(List<Reconcile.Row> g) {
        List<String> parts = new ArrayList<>();
        int start = g.get(0).year();
        int prev = start;
        for (int i = 1; i <= g.size(); i++) {
            int y = i < g.size() ? g.get(i).year() : Integer.MIN_VALUE;
            if (y != prev + 1) {
                parts.add(start == prev ? String.valueOf(start) : start + "-" + prev);
                start = y;
            }
            prev = y;
        }
        return String.join(", ", parts);
    }
}
