package org.eurosec.cli;

import static org.eurosec.cli.ReportCells.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.query.Blocs;
import org.eurosec.query.Coverage;
import org.eurosec.query.Eurosec;
import org.eurosec.query.Levels;
import org.eurosec.query.Overlap;
import org.eurosec.query.Positions;
import org.eurosec.query.QueryException;
import org.eurosec.query.Timeline;
import org.eurosec.query.Uniformity;
import org.eurosec.query.Veto;
import org.eurosec.query.Worlds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "report",
        description = {"One self-contained file (HTML, or Markdown with --format md) that answers the brief's questions for a day and regimes.",
                "Maps of coverage and blocs, levels, vetoes, the overlap of organisations, positions, double standards and the timeline, "
                        + "with this project's numbers, every claim linked to its provision or fact."},
                footer = {"", "Examples:", "  eurosec report --date 2009-12-01 --regimes status-quo,est-2009 --out report.html", "  eurosec report --date 2009-12-01 --format md --out report.md"})
final class ReportCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    ReportFormatOption formatOption;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    RegimesDirOption regimesDirOption;

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
        if (options.format() != Format.TABLE && options.format() != Format.HTML && options.format() != Format.MD) {
            throw new UserError("--format: report writes html (default) or md");
        }
        if (views.regimes.isEmpty() && views.scenario == null) {
            // With a scenario, its own columns (as every command with --scenario shows them).
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
        if (!base.covers(day) && (day.isBefore(base.coversFrom()) || views.strict())) {
            throw new UserError("--date " + day + " is outside what the data covers (" + base.coversFrom() + " to " + base.factsCheckedThrough()
                    + ", the day its facts were last checked)");
        }
        if (outFile != null && outFile.getParent() != null && !Files.isDirectory(outFile.getParent())) {
            throw new UserError("--out " + outFile + ": the folder does not exist");
        }
        ReportDocument doc = build(vs, day);
        String text = options.format() == Format.MD ? doc.markdown() : doc.html();
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

    /**
     * The report: every figure is the answer of the question the corresponding command asks
     * (coverage, blocs --ties security-treaty, levels, veto, overlap, positions, uniformity,
     * timeline), for the same day, regimes or scenario columns and choices; the worlds themselves
     * are used only to draw the maps and to link ids to their sources.
     */
    private ReportDocument build(List<Views.View> vs, LocalDate day) {
        Eurosec e = options.eurosec();
        Worlds.Scope asked = views.scope(options);
        Worlds.Scope scope = new Worlds.Scope(Optional.of(day), asked.regimes(), asked.scenario(), asked.all(), asked.exclude(), asked.interpretations(),
                asked.strict());
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

        Blocs.View blocsView = e.blocs(new Blocs.Query(scope, Blocs.tieKind("ties", "security-treaty")));
        // The summary counts systems and buffer under both kinds of tie, each named: under security-treaty ties a treaty that
        // only entitles (the 2009 draft's) ties its parties, under defence ties only an obligation to assist does.
        Blocs.View defenceView = e.blocs(new Blocs.Query(scope, Blocs.tieKind("ties", "defence")));
        List<Blocs.WorldBlocs> defencePerWorld = known(defenceView.views(), Blocs.WorldBlocs.class);
        List<Levels.WorldLevels> levelsView = known(e.levels(new Levels.Query(scope)).views(), Levels.WorldLevels.class);
        List<Overlap.WorldOverlap> overlapView = known(e.overlap(new Overlap.Query(scope, false, Overlap.Pairs.ALL)).views(), Overlap.WorldOverlap.class);
        List<Blocs.WorldBlocs> blocsPerWorld = known(blocsView.views(), Blocs.WorldBlocs.class);
        ReportBlocs.intro(blocs, blocsView);
        ReportVetoes.intro(vetoes, organisation, day);
        for (int i = 0; i < vs.size(); i++) {
            Views.View v = vs.get(i);
            Architecture w = v.world();
            Coverage.Answer c = coverage(e, v);
            String covered = ReportCoverage.add(cov, v, w, ReportCoverage.of(c));
            Blocs.WorldBlocs b = same(v, blocsPerWorld.get(i));
            ReportBlocs.add(blocs, v, w, b);
            Levels.WorldLevels ls = same(v, levelsView.get(i));
            ReportLevels.add(levels, v, w, ls);
            ReportVetoes.add(vetoes, v, w, vetoes(e, v), organisation);
            Overlap.WorldOverlap o = same(v, overlapView.get(i));
            ReportOverlap.add(overlap, v, o);
            Blocs.WorldBlocs d = same(v, defencePerWorld.get(i));
            srows.add(row(v.label(), covered, ReportBlocs.systemSizes(b), b.buffer().size(), ReportBlocs.systemSizes(d), d.buffer().size(),
                    ls.count(), o.bodies().size(), ReportOverlap.two(o.meanBodiesPerState())));
        }
        // Maps side by side first, then their tables.
        for (ReportDocument.Section sec : List.of(cov, blocs)) {
            sec.blocks().sort(java.util.Comparator.comparingInt(x -> x instanceof ReportDocument.Para ? 0 : x instanceof ReportDocument.Figure ? 1 : 2));
        }
        summary.blocks().add(ReportDocument.table("On " + day, List.of("regime", "covered", "systems (security-treaty ties)",
                "buffer zone (no security-treaty tie)", "systems (defence ties)", "buffer zone (no defence tie)", "levels of security", "bodies",
                "bodies per state"), srows));
        summary.blocks().add(ReportDocument.para("Systems are the sizes of the groups of participating States linked by chains of ties, the"
                + " buffer zone the states tied to no one, counted under two kinds of tie (eurosec blocs --ties KIND). Security-treaty ties: "
                + blocsView.tiesMeaning() + ", whether it obliges or only entitles; so a regime whose treaty binds every participating State"
                + " to a principle (the 2009 draft's indivisibility, Art. 1) draws one system of all of them and no buffer. Defence ties: "
                + defenceView.tiesMeaning() + "."));

        try {
            if (e.positions(new Positions.Query(scope, false, 4)) instanceof Positions.Answer a) {
                ReportPositions.add(positions, vs.get(0).world(), a);
            }
        } catch (QueryException.InvalidParameter | QueryException.DataProblems x) {
            ReportPositions.none(positions, why(x));
        }
        try {
            Uniformity.WorldStands u = same(vs.get(0), known(e.uniformity(new Uniformity.Query(scope, Uniformity.reading("silence", "integrity"),
                    List.of(), true)).views(), Uniformity.WorldStands.class).get(0));
            ReportUniformity.add(uniformity, vs.get(0), vs.get(0).world(), u);
        } catch (QueryException.InvalidParameter | QueryException.DataProblems x) {
            ReportUniformity.none(uniformity, why(x));
        }
        int to = base.factsCheckedThrough().getYear();
        MonthDay on = MonthDay.from(day);
        if (on.atYear(to).isAfter(base.factsCheckedThrough())) {
            to--;
        }
        Worlds.Scope years = new Worlds.Scope(Optional.empty(), asked.regimes(), asked.scenario(), asked.all(), asked.exclude(), asked.interpretations());
        ReportTimeline.add(timeline, vs.stream().map(Views.View::label).toList(), 1975, to, on,
                e.timeline(new Timeline.Query(years, 1975, Optional.of(to), on, Blocs.tieKind("ties", "security-treaty"))));
        String scopeArgs = (views.scenario != null ? " --scenario " + views.scenario : " --date " + day) + " --regimes "
                + String.join(",", vs.stream().map(Views.View::label).toList());
        method.blocks().add(ReportDocument.para("Facts checked through " + base.factsCheckedThrough() + " (covers " + base.coversFrom() + " onwards); readings: "
                + vs.get(0).reading().choices() + ". Each section is the answer of the command of the same name, with" + scopeArgs
                + " and --format json for the full detail and sources: eurosec coverage, blocs --ties security-treaty, levels, veto, overlap,"
                + " positions, uniformity and timeline --on " + on.toString().substring(2) + " --ties security-treaty."));
        method.blocks().add(ReportDocument.para("Unknown is never shown as no: positions not stated are unknown, days outside the data are left out."
                + " Values flagged unconfirmed in the data are marked where a provision's tooltip says so."));
        return doc;
    }

    /** The coverage question's answer for one world: a day under a regime, or a scenario's column. */
    private Coverage.Answer coverage(Eurosec e, Views.View v) {
        List<String> choices = v.reading().choices().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList();
        Coverage.View c = e.coverage(new Coverage.Query(Optional.of(v.day()), v.label(), views.all, views.exclude, List.of(), choices, false,
                views.strict(), views.scope(options).scenario()));
        if (!(c instanceof Coverage.Answer a)) {
            throw new UserError("--date " + v.day() + " is outside what the data covers");
        }
        return a;
    }

    /** The veto question's answer for each applicant in one world (its regime, the day, its choices). */
    private List<ReportVetoes.Asked> vetoes(Eurosec e, Views.View v) {
        List<String> choices = v.reading().choices().entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList();
        List<ReportVetoes.Asked> out = new ArrayList<>();
        for (String a : applicants) {
            String app = a.trim().toUpperCase(java.util.Locale.ROOT);
            try {
                if (e.veto(new Veto.Query(app, organisation, Optional.of(v.day()), v.regime().id(), choices, false, views.strict())) instanceof Veto.Answer d) {
                    out.add(new ReportVetoes.Asked(app, d, null));
                }
            } catch (QueryException.InvalidParameter x) {
                out.add(new ReportVetoes.Asked(app, null, x.getMessage()));
            }
        }
        return out;
    }

    /** Why a section has no answer: the missing file (file:line: message) or the question's own words. */
    private static String why(QueryException x) {
        return x instanceof QueryException.DataProblems d && !d.problems().isEmpty() ? d.problems().get(0).toString() : x.getMessage();
    }

    /** The entries of a view-based answer, each known (the report's day was checked against the data first). */
    private static <T extends Worlds.Entry> List<T> known(List<Worlds.Entry> entries, Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Worlds.Entry x : entries) {
            if (x instanceof Worlds.Unknown u) {
                throw new UserError(u.message());
            }
            out.add(type.cast(x));
        }
        return out;
    }

    /** An answer's entry for a world, checked to be that world's (the answers list the worlds in the same order). */
    private static <T extends Worlds.Entry> T same(Views.View v, T entry) {
        if (!entry.regime().equals(v.label())) {
            throw new IllegalStateException("the answers list " + entry.regime() + " where the report has " + v.label());
        }
        return entry;
    }
}
