package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.analysis.BlocAnalysis.Blocs;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.OrganisationOverlap.Overlap;
import org.eurosec.model.Architecture;
import org.eurosec.query.Coverage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.eurosec.cli.ReportDocument.Cell;

@Command(name = "report", mixinStandardHelpOptions = true,
        description = {"One self-contained file (HTML, or Markdown with --format md) that answers the brief's questions with this",
                "project's numbers for a day and several regimes: maps of coverage and blocs, levels, vetoes, the overlap of",
                "organisations, positions, double standards and the timeline, every claim linked to its provision or fact."})
final class ReportCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Mixin
    Views views;

    @Spec
    CommandSpec spec;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE (default: standard output).")
    Path outFile;

    @Option(names = "--applicants", paramLabel = "STATE", split = ",", defaultValue = "GEO,UKR",
            description = "States whose accession to --organisation the veto section examines (default GEO,UKR).")
    List<String> applicants;

    @Option(names = "--organisation", paramLabel = "ID", defaultValue = "nato", description = "The organisation for the veto section (default nato).")
    String organisation;

    private Architecture base;

    @Override
    public Integer call() throws IOException {
        if (options.format != Format.TABLE && options.format != Format.HTML && options.format != Format.MD) {
            throw new UserError("--format: report writes html (default) or md");
        }
        if (views.regimes.isEmpty()) {
            views.regimes = List.of("status-quo", "est-2009", "esd-west");
        }
        base = options.architecture();
        List<Views.View> vs = views.views(options);
        for (String a : applicants) {
            if (base.state(a.trim().toUpperCase(java.util.Locale.ROOT)).isEmpty()) {
                throw new UserError("--applicants: unknown state '" + a + "'");
            }
        }
        if (base.organisation(organisation).isEmpty()) {
            throw new UserError("--organisation: unknown organisation '" + organisation + "'");
        }
        LocalDate day = vs.get(0).day();
        if (!base.covers(day) && (day.isBefore(base.coversFrom()) || views.strict)) {
            throw new UserError("--date " + day + " is outside what the data covers (" + base.coversFrom() + " to " + base.factsCheckedThrough()
                    + ", the day its facts were last checked)");
        }
        if (outFile != null && outFile.getParent() != null && !Files.isDirectory(outFile.getParent())) {
            throw new UserError("--out " + outFile + ": the folder does not exist");
        }
        ReportDocument doc = build(vs, day);
        String text = options.format == Format.MD ? doc.markdown() : doc.html();
        if (outFile == null) {
            spec.commandLine().getOut().print(text);
        } else {
            Path tmp = outFile.resolveSibling(outFile.getFileName() + ".part");
            Files.writeString(tmp, text);
            Files.move(tmp, outFile, StandardCopyOption.REPLACE_EXISTING);
            spec.commandLine().getErr().println("wrote " + outFile + " (" + text.length() / 1024 + " KiB)");
        }
        return 0;
    }

    // ------------------------------------------------------------------ the report

    private ReportDocument build(List<Views.View> vs, LocalDate day) {
        String regimes = String.join(", ", vs.stream().map(Views.View::label).toList());
        ReportDocument doc = new ReportDocument("The Euro-Atlantic security architecture on " + day + ": " + regimes);
        doc.sharedSvg = ReportFigures.definitions();
        doc.subtitle.add(Cell.of("Computed by eurosec from its sourced data (facts checked through " + base.factsCheckedThrough() + ") and regime files. "
                + (base.provisional(day) ? "Provisional: " + day + " lies after that day and is answered from the facts as last checked"
                        + " (scheduled changes included). " : "")
                + "The questions are those of "));
        doc.subtitle.add(Cell.link("Nopens, \"A New Security Architecture for Europe? Russian Proposal and Western Reactions\" (Egmont, 2009)",
                "https://www.worldsecuritynetwork.com/Russia/Nopens-Patrick/A-New-Security-Architecture-for-Europe-Russian-Proposal-and-Western-Reactions"));
        doc.subtitle.add(Cell.of(". Every provision and state below links to its public source; hover a map for a state's status. "
                + "A regime's hypothetical treaties are taken as in force among all eligible parties."));
        Map<String, IntervalCoverage> coverage = new LinkedHashMap<>();
        vs.forEach(v -> coverage.put(v.label(), v.coverage()));

        ReportDocument.Section summary = doc.section("summary", "The answers in brief");
        List<List<Cell>> srows = new ArrayList<>();
        ReportDocument.Section cov = doc.section("coverage", "Who is covered by a binding defence guarantee");
        ReportDocument.Section blocs = doc.section("blocs", "Blocs and the buffer zone");
        ReportDocument.Section levels = doc.section("levels", "Levels of security");
        ReportDocument.Section vetoes = doc.section("vetoes", "Who could block an accession");
        ReportDocument.Section overlap = doc.section("overlap", "Overlapping organisations");
        ReportDocument.Section positions = doc.section("positions", "Positions on the four questions");
        ReportDocument.Section uniformity = doc.section("uniformity", "Double standards in recognising secessions");
        ReportDocument.Section timeline = doc.section("timeline", "Timeline since 1975");
        ReportDocument.Section method = doc.section("method", "How these numbers were obtained");

        ReportBlocs.intro(blocs);
        ReportVetoes.intro(vetoes, organisation, day);
        for (Views.View v : vs) {
            IntervalCoverage c = coverage.get(v.label());
            Architecture w = v.world();
            String covered = ReportCoverage.add(cov, v, w, coverageRows(v, c));
            Blocs b = ReportBlocs.add(blocs, v, w, c, views.universe());
            int ls = ReportLevels.add(levels, v, w, c, views.universe());
            ReportVetoes.add(vetoes, v, base, w, applicants, organisation);
            Overlap o = ReportOverlap.add(overlap, v, c, views.universe());
            srows.add(row(v.label(), covered, b.systems().stream().map(s -> String.valueOf(s.members().size())).toList().toString(),
                    b.buffer().size(), ls, o.bodies().size(), String.format(java.util.Locale.ROOT, "%.2f", o.meanBodiesPerState())));
        }
        // Maps side by side first, then their tables.
        for (ReportDocument.Section sec : List.of(cov, blocs)) {
            sec.blocks().sort(java.util.Comparator.comparingInt(x -> x instanceof ReportDocument.Para ? 0 : x instanceof ReportDocument.Figure ? 1 : 2));
        }
        summary.blocks().add(ReportDocument.table("On " + day, List.of("regime", "covered", "systems of tied states", "buffer zone",
                "levels of security", "bodies", "bodies per state"), srows));

        ReportPositions.add(positions, vs, views.universe());
        ReportUniformity.add(uniformity, vs.get(0), views.universe());
        ReportTimeline.add(timeline, vs, base, views.universe());
        method.blocks().add(ReportDocument.para("Facts checked through " + base.factsCheckedThrough() + " (covers " + base.coversFrom() + " onwards); readings: "
                + vs.get(0).reading().choices() + ". Reproduce each section with the command line: eurosec coverage, blocs --ties security-treaty,"
                + " levels, veto, overlap, positions, uniformity and timeline, each with --date " + day + " --regimes "
                + String.join(",", vs.stream().map(Views.View::label).toList()) + " and --format json for the full detail and sources."));
        method.blocks().add(ReportDocument.para("Unknown is never shown as no: positions not stated are unknown, days outside the data are left out."
                + " Values flagged unconfirmed in the data are marked where a provision's tooltip says so."));
        return doc;
    }

    /**
     * The coverage section's rows: from the application layer's coverage view for a day under a
     * regime (with the choices that apply in that regime's world); from the analysis itself for the
     * world a scenario's events leave, which the coverage question does not take.
     */
    private List<ReportCoverage.Row> coverageRows(Views.View v, IntervalCoverage c) {
        if (views.scenario != null) {
            return ReportCoverage.of((Known) c.coverage(v.day(), views.universe()));
        }
        List<String> choices = v.reading().choices().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList();
        Coverage.Answer a = (Coverage.Answer) options.eurosec().coverage(new Coverage.Query(Optional.of(v.day()), v.label(), views.all,
                views.exclude, List.of(), choices, false));
        return ReportCoverage.of(a);
    }
}
