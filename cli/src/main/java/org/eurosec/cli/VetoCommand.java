package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.query.Common.FindingView;
import org.eurosec.query.Common.UnknownDay;
import org.eurosec.query.Veto;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "veto",
        description = {"Who decides a state's accession to an organisation on a day under a regime, and who can block it, with the provision for each."},
        footer = {"", "Examples:", "  eurosec veto --applicant GEO --organisation nato --date 2009-12-01 --regime est-2009", "  eurosec veto --applicant UKR --organisation nato --date 2009-12-01 --explain"})
final class VetoCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    RegimesDirOption regimesDirOption;
    @picocli.CommandLine.Mixin
    ExplainOption explainOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

    @Spec
    CommandSpec spec;

    @Option(names = "--applicant", required = true, paramLabel = "STATE", description = "The state asking to join, e.g. GEO.")
    String applicant;

    @Option(names = "--organisation", required = true, paramLabel = "ID", description = "The organisation, e.g. nato.")
    String organisation;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class, description = "The day (default: today).")
    LocalDate date;

    @Mixin
    StrictOption strictOption;

    @Option(names = "--regime", paramLabel = "ID", defaultValue = "status-quo", description = "The regime (default: status-quo).")
    String regimeId;

    @Override
    public Integer call() {
        Veto.View view = options.eurosec().veto(new Veto.Query(applicant, organisation, Optional.ofNullable(date), regimeId,
                options.interpretations(), options.explain(), strictOption.strict));
        PrintWriter out = spec.commandLine().getOut();
        if (view instanceof UnknownDay u) {
            switch (options.format()) {
                case JSON -> out.print(org.eurosec.query.Json.write(u));
                default -> out.println(u.message());
            }
            return 0;
        }
        Veto.Answer d = (Veto.Answer) view;
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(d));
            case CSV -> {
                Table t = new Table("applicant", "organisation", "regime", "as_of", "actor", "provision", "how");
                d.mayBlock().forEach(b -> t.row(d.applicant(), d.organisation(), d.regime(), d.asOf(), b.actor(), b.provision(), b.how()));
                out.print(t.csv());
            }
            default -> {
                out.println("accession of " + d.applicant() + " to " + d.organisation() + " on " + d.asOf() + " under " + d.regime());
                if (d.alreadyMember()) {
                    out.println(d.applicant() + " is already a member of " + d.organisation() + " on " + d.asOf() + ": there is no accession to block");
                }
                Veto.Decided by = d.decidedBy();
                out.println("decided by: " + by.actors().size() + " members (" + (by.rule() != null ? by.rule() : "no rule in the data")
                        + (by.provision() != null ? ", " + by.provision() : "") + ")");
                if (d.prohibitedBy() != null) {
                    out.println("EXCLUDED: " + d.prohibitedBy() + " forbids this accession whatever the members decide");
                }
                Map<String, List<Veto.BlockView>> byProvision = new LinkedHashMap<>();
                d.mayBlock().forEach(b -> byProvision.computeIfAbsent(b.provision(), k -> new ArrayList<>()).add(b));
                if (byProvision.isEmpty()) {
                    out.println("no single actor can block it");
                }
                byProvision.forEach((p, bs) -> {
                    out.println("may block under " + p + " (" + bs.size() + "): " + String.join(" ", bs.stream().map(Veto.BlockView::actor).toList()));
                    out.println("  how: " + bs.get(0).how());
                });
                Table t = Findings.table();
                d.findings().forEach(f -> Findings.row(t, f));
                out.println();
                out.print(t.text());
                Provisional.note(out, d.provisional(), d.factsCheckedThrough());
                if (options.explain()) {
                    for (FindingView f : d.findings()) {
                        f.explanation().lines().forEach(l -> out.println("  " + l));
                    }
                }
            }
        }
        return 0;
    }
}
