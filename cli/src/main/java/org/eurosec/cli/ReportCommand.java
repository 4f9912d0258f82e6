package org.eurosec.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.eurosec.analysis.BlocAnalysis.Bloc;
import org.eurosec.analysis.BlocAnalysis.Blocs;
import org.eurosec.analysis.CliqueBlocs;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.CoverageAnalysis.StateCoverage;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.OrganisationOverlap;
import org.eurosec.analysis.OrganisationOverlap.Overlap;
import org.eurosec.analysis.RecognitionConsistency;
import org.eurosec.analysis.RegimeChoices;
import org.eurosec.analysis.SecurityLevels;
import org.eurosec.analysis.SecurityTimeline;
import org.eurosec.analysis.StatedPositions;
import org.eurosec.analysis.TieKind;
import org.eurosec.engine.AccessionDecision;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.engine.ScenarioEngine;
import org.eurosec.model.Architecture;
import org.eurosec.model.Dimension;
import org.eurosec.model.Positions;
import org.eurosec.model.Provision;
import org.eurosec.model.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import org.eurosec.cli.ReportDocument.Block;
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
        if (!base.covers(day)) {
            throw new UserError("--date " + day + " is outside what the data covers (" + base.coversFrom() + " to " + base.asOf() + ")");
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

    // ------------------------------------------------------------------ helpers

    private Cell provision(Architecture w, String id) {
        Optional<Provision> p = w.provision(id);
        return p.map(x -> new Cell(id, Optional.of(x.provenance().source()), Optional.of(x.title()
                + (x.unconfirmed() ? " (unconfirmed)" : "")))).orElse(Cell.of(id));
    }

    private Cell state(Architecture w, String id) {
        Optional<State> s = w.state(id);
        return s.map(x -> new Cell(id, Optional.of(x.provenance().source()), Optional.of(x.name()))).orElse(Cell.of(id));
    }

    private static List<Cell> row(Object... cells) {
        List<Cell> out = new ArrayList<>();
        for (Object c : cells) {
            out.add(c instanceof Cell x ? x : Cell.of(c == null ? "" : c));
        }
        return out;
    }

    // ------------------------------------------------------------------ the report

    private ReportDocument build(List<Views.View> vs, LocalDate day) {
        String regimes = String.join(", ", vs.stream().map(Views.View::label).toList());
        ReportDocument doc = new ReportDocument("The Euro-Atlantic security architecture on " + day + ": " + regimes);
        doc.sharedSvg = ReportFigures.definitions();
        doc.subtitle.add(Cell.of("Computed by eurosec from its sourced data (as of " + base.asOf() + ") and regime files. "
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

        blocs.blocks().add(ReportDocument.para("Ties: ", TieKind.SECURITY_TREATY.id(), " (", TieKind.SECURITY_TREATY.meaning(),
                "). A system is a group of states linked by chains of ties; a bloc (in the tables) a group in which each is tied to every other;"
                        + " the buffer zone are the participating States tied to no one."));
        vetoes.blocks().add(ReportDocument.para("For each regime: who decides the accession of each applicant to ", organisation,
                " on " + day + ", and who could stop it alone, with the provision that lets them."));
        for (Views.View v : vs) {
            IntervalCoverage c = coverage.get(v.label());
            Known k = (Known) c.coverage(v.day(), views.universe());
            Architecture w = v.world();
            List<String> uncovered = k.states().stream().filter(s -> !s.covered()).map(s -> s.state().id()).toList();
            Map<String, StateCoverage> byId = new LinkedHashMap<>();
            k.states().forEach(s -> byId.put(s.state().id(), s));
            // Coverage map and table.
            Map<String, String> covLegend = ReportFigures.legend("covered", ReportFigures.PALETTE[0], "not covered", ReportFigures.ORANGE);
            String covMap = ReportFigures.map(w, v.day(), id -> Optional.ofNullable(byId.get(id)).map(s -> new ReportFigures.Paint(
                    s.covered() ? "covered" : "not covered", s.covered() ? "covered by " + String.join(", ", s.guarantees().stream()
                            .map(g -> g.provision().id()).distinct().toList()) : "not covered by any binding guarantee")), covLegend,
                    "Coverage on " + v.day() + " under " + v.label());
            cov.blocks().add(new ReportDocument.Figure(covMap, "Coverage under " + v.label() + ": blue covered, orange not covered", true));
            List<List<Cell>> crows = new ArrayList<>();
            for (StateCoverage s : k.states()) {
                List<String> provs = s.guarantees().stream().map(g -> g.provision().id()).distinct().toList();
                crows.add(row(state(w, s.state().id()), s.state().name(), s.covered() ? "yes" : "no",
                        Cell.many(provs.stream().map(x -> provision(w, x)).toList()),
                        s.guarantees().stream().map(GuaranteeGroup::throughId).distinct().reduce((x, y) -> x + ", " + y).orElse("")));
            }
            cov.blocks().add(new ReportDocument.Details(v.label() + ": " + (k.states().size() - uncovered.size()) + " of " + k.states().size()
                    + " covered; not covered: " + String.join(" ", uncovered), List.of(ReportDocument.table("", List.of("state", "name", "covered",
                    "guarantee provisions", "through"), crows))));
            // Blocs.
            Blocs b = (Blocs) new CliqueBlocs(c).blocs(v.day(), views.universe(), TieKind.SECURITY_TREATY);
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
            // Levels.
            List<ScenarioEngine.Level> ls = SecurityLevels.of(c, v.day(), views.universe()).orElseThrow();
            List<List<Cell>> lrows = new ArrayList<>();
            int li = 0;
            for (ScenarioEngine.Level l : ls) {
                li++;
                lrows.add(row(li, l.states().size(), String.join(" ", l.states()), l.provisions().isEmpty() ? Cell.of("none: not covered")
                        : Cell.many(l.provisions().stream().map(x -> provision(w, x)).toList())));
            }
            levels.blocks().add(ReportDocument.table(v.label() + ": " + ls.size() + " levels of security", List.of("level", "states", "who",
                    "guarantees held (provisions)"), lrows));
            // Vetoes.
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
            // Overlap.
            Overlap o = OrganisationOverlap.of(c, v.day(), views.universe(), false).orElseThrow();
            List<List<Cell>> orows = new ArrayList<>();
            o.perDimension().forEach((dim, f) -> orows.add(row(dim.id(), f.bodies(), String.format(java.util.Locale.ROOT, "%.2f", f.meanPerState()),
                    f.statesInTwoOrMore())));
            overlap.blocks().add(ReportDocument.para(v.label() + ": " + o.bodies().size() + " bodies ("
                    + o.bodies().stream().filter(OrganisationOverlap.Body::treatyBody).count() + " of them treaty bodies); a participating State belongs to "
                    + String.format(java.util.Locale.ROOT, "%.2f", o.meanBodiesPerState()) + " on average; " + o.duplicatingPairs()
                    + " pairs share members and a dimension of their mandate."));
            overlap.blocks().add(ReportDocument.table("", List.of("dimension", "bodies", "mean bodies per state", "states in two or more"), orows));
            List<String> ids = o.bodies().stream().map(OrganisationOverlap.Body::id).toList();
            List<String> headers = new ArrayList<>();
            headers.add("shared members");
            headers.addAll(ids);
            List<List<Cell>> matrix = new ArrayList<>();
            for (OrganisationOverlap.Body x : o.bodies()) {
                List<Cell> r = new ArrayList<>();
                r.add(Cell.of(x.id()));
                for (OrganisationOverlap.Body y : o.bodies()) {
                    if (x == y) {
                        r.add(Cell.of(x.members().size()));
                        continue;
                    }
                    OrganisationOverlap.Pair p = o.pairs().stream().filter(q -> q.a() == x && q.b() == y || q.a() == y && q.b() == x).findFirst().orElseThrow();
                    r.add(new Cell(String.valueOf(p.shared()), Optional.empty(), Optional.of(String.format(java.util.Locale.ROOT, "Jaccard %.2f; shared dimensions: %s",
                            p.jaccard(), p.sharedDimensions().stream().map(Dimension::id).toList()))));
                }
                matrix.add(r);
            }
            overlap.blocks().add(new ReportDocument.Details(v.label() + ": overlap matrix (shared members; the diagonal is the membership)",
                    List.of(ReportDocument.table("", headers, matrix))));
            // Summary row.
            srows.add(row(v.label(), (k.states().size() - uncovered.size()) + " of " + k.states().size(),
                    b.systems().stream().map(s -> String.valueOf(s.members().size())).toList().toString(), b.buffer().size(), ls.size(),
                    o.bodies().size(), String.format(java.util.Locale.ROOT, "%.2f", o.meanBodiesPerState())));
        }
        // Maps side by side first, then their tables.
        for (ReportDocument.Section sec : List.of(cov, blocs)) {
            sec.blocks().sort(java.util.Comparator.comparingInt(x -> x instanceof ReportDocument.Para ? 0 : x instanceof ReportDocument.Figure ? 1 : 2));
        }
        summary.blocks().add(ReportDocument.table("On " + day, List.of("regime", "covered", "systems of tied states", "buffer zone",
                "levels of security", "bodies", "bodies per state"), srows));

        positionsSection(positions, vs, summary);
        uniformitySection(uniformity, vs.get(0));
        timelineSection(timeline, vs);
        method.blocks().add(ReportDocument.para("Data as of " + base.asOf() + " (covers " + base.coversFrom() + " onwards); readings: "
                + vs.get(0).reading().choices() + ". Reproduce each section with the command line: eurosec coverage, blocs --ties security-treaty,"
                + " levels, veto, overlap, positions, uniformity and timeline, each with --date " + day + " --regimes "
                + String.join(",", vs.stream().map(Views.View::label).toList()) + " and --format json for the full detail and sources."));
        method.blocks().add(ReportDocument.para("Unknown is never shown as no: positions not stated are unknown, days outside the data are left out."
                + " Values flagged unconfirmed in the data are marked where a provision's tooltip says so."));
        return doc;
    }

    private void positionsSection(ReportDocument.Section s, List<Views.View> vs, ReportDocument.Section summary) {
        Views.View first = vs.get(0);
        Architecture w = first.world();
        Positions p = w.positions();
        if (p.questions().isEmpty()) {
            s.blocks().add(ReportDocument.para("The data has no positions.yaml."));
            return;
        }
        Known k = (Known) first.coverage().coverage(first.day(), views.universe());
        Set<String> actors = new TreeSet<>();
        k.states().forEach(x -> actors.add(x.state().id()));
        Map<String, Map<String, StatedPositions.Held>> held = StatedPositions.on(w, first.day(), actors, false);
        List<String> qs = p.questions().stream().map(Positions.Question::id).toList();
        for (Positions.Question q : p.questions()) {
            s.blocks().add(ReportDocument.para(Cell.of(q.id() + ": "), Cell.link(q.text(), q.provenance().source())));
        }
        List<List<Cell>> rows = new ArrayList<>();
        held.forEach((actor, m) -> {
            if (m.isEmpty()) {
                return;
            }
            List<Cell> r = new ArrayList<>();
            r.add(state(w, actor));
            for (String q : qs) {
                StatedPositions.Held h = m.get(q);
                r.add(h == null ? Cell.of("") : new Cell(h.answer() + (h.statement().strength() == Positions.Strength.INFERRED ? " (inferred)" : ""),
                        Optional.of(h.statement().provenance().source()), Optional.of(h.statement().saidBy() + ", " + h.statement().date() + ": "
                                + h.statement().summary())));
            }
            rows.add(r);
        });
        List<String> headers = new ArrayList<>(List.of("state"));
        headers.addAll(qs);
        s.blocks().add(ReportDocument.table("Latest stated position per question on " + first.day() + " (each linked to its source)", headers, rows));
        List<List<Cell>> vrows = new ArrayList<>();
        for (Views.View v : vs) {
            Map<String, String> answers = new LinkedHashMap<>();
            RegimeChoices.of(v.regime(), v.world(), v.reading(), v.day()).forEach(c -> answers.put(c.question(), c.answer()));
            List<StatedPositions.Verdict> judged = StatedPositions.judge(held, answers);
            List<String> block = judged.stream().filter(x -> x.stance() == StatedPositions.Stance.BLOCKS).map(StatedPositions.Verdict::actor).toList();
            List<String> accept = judged.stream().filter(x -> x.stance() == StatedPositions.Stance.ACCEPTS).map(StatedPositions.Verdict::actor).toList();
            long unknown = judged.stream().filter(x -> x.stance() == StatedPositions.Stance.UNKNOWN).count();
            vrows.add(row(v.label(), String.join(" / ", answers.values()), String.join(" ", accept), block.size() + ": " + String.join(" ", block), unknown));
        }
        s.blocks().add(ReportDocument.table("Each regime's answers (read from its provisions) and who would block an OSCE consensus",
                List.of("regime", "answers (" + String.join(" / ", qs) + ")", "accepts on every question", "would block", "no statement"), vrows));
        List<StatedPositions.Variant> ranked = StatedPositions.variants(p.questions(), held);
        List<List<Cell>> varRows = new ArrayList<>();
        for (int i = 0; i < Math.min(4, ranked.size()); i++) {
            StatedPositions.Variant x = ranked.get(i);
            varRows.add(row(i + 1, String.join(" / ", x.answers().values()), x.blockers().size(), String.join(" ", x.blockers())));
        }
        s.blocks().add(ReportDocument.table("The combinations of answers the fewest would block", List.of("rank", "answers", "blockers", "who"), varRows));
    }

    private void uniformitySection(ReportDocument.Section s, Views.View v) {
        Architecture w = v.world();
        if (w.recognitions().cases().isEmpty()) {
            s.blocks().add(ReportDocument.para("The data has no recognitions.yaml."));
            return;
        }
        List<RecognitionConsistency.StateRecord> r = RecognitionConsistency.of(v.coverage(), v.day(), views.universe(),
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

    private void timelineSection(ReportDocument.Section s, List<Views.View> vs) {
        int to = base.asOf().getYear();
        MonthDay on = MonthDay.from(vs.get(0).day());
        if (on.atYear(to).isAfter(base.asOf())) {
            to--;
        }
        List<Integer> years = ReportFigures.range(1975, to);
        Map<String, List<Integer>> series = new LinkedHashMap<>();
        List<Block> tables = new ArrayList<>();
        List<Integer> firstBuffer = null;
        List<Integer> firstCovered = null;
        for (Views.View v : vs) {
            List<SecurityTimeline.Year> ys = SecurityTimeline.years(v.coverage(), 1975, to, on, views.universe(), TieKind.SECURITY_TREATY);
            List<Integer> covered = ys.stream().map(y -> y.known() ? y.covered() : null).toList();
            List<Integer> buffer = ys.stream().map(y -> y.known() ? y.buffer() : null).toList();
            if (firstBuffer == null) {
                series.put("participating States", ys.stream().map(y -> y.known() ? y.states() : null).toList());
                series.put("covered", covered);
                series.put("tied to no one (buffer)", buffer);
                series.put("levels of security", ys.stream().map(y -> y.known() ? y.levels() : null).toList());
                firstBuffer = buffer;
                firstCovered = covered;
            } else {
                if (!covered.equals(firstCovered)) {
                    series.put(v.label() + ": covered", covered);
                }
                if (!buffer.equals(firstBuffer)) {
                    series.put(v.label() + ": buffer", buffer);
                }
            }
            List<List<Cell>> rows = new ArrayList<>();
            for (SecurityTimeline.Year y : ys) {
                rows.add(row(y.day(), y.known() ? y.states() : "unknown", y.covered(), y.states() - y.covered(), y.systems().toString(), y.buffer(), y.levels()));
            }
            tables.add(new ReportDocument.Details(v.label() + ": the figures", List.of(ReportDocument.table("", List.of("day", "states", "covered",
                    "not covered", "systems (security-treaty ties)", "buffer", "levels"), rows))));
        }
        s.blocks().add(new ReportDocument.Figure(ReportFigures.chart(years, series, "Timeline"), "Each year on " + on.toString().substring(2)
                + ", under " + vs.get(0).label() + " (solid) and where another regime differs (dashed): participating States, covered,"
                + " tied to no one by a security treaty, levels of security. A regime's hypothetical treaties count as in force on every day"
                + " among the states eligible that day (the counterfactual, not a forecast)"));
        s.blocks().addAll(tables);
    }
}
