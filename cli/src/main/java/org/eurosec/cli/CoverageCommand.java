package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eurosec.query.Common.UnknownDay;
import org.eurosec.query.Coverage;
import org.eurosec.query.Coverage.GuaranteeRow;
import org.eurosec.query.Coverage.StateRow;
import org.eurosec.query.Scenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "coverage",
        description = {"Who is and who is not covered by a binding defence guarantee on a day, and by which provisions.",
                "Default universe: the CSCE/OSCE participating States of that day."},
                footer = {"", "Examples:", "  eurosec coverage --date 2009-12-01 --regime est-2009", "  eurosec coverage --date 2009-12-01 --state UKR,GEO --explain", "  eurosec coverage --exclude microstate --format json"})
final class CoverageCommand implements Callable<Integer> {
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

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "The day to answer for (default: today).")
    LocalDate date;

    @Mixin
    StrictOption strictOption;

    @Option(names = "--all", description = "List every state in the data that existed that day, participating or not.")
    boolean all;

    @Option(names = "--exclude", paramLabel = "TAG", split = ",", description = "Leave out states with this tag (e.g. microstate). Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--state", paramLabel = "ID", split = ",", description = "Only these states (e.g. --state UKR,GEO). Repeatable.")
    List<String> only = new ArrayList<>();

    @Option(names = "--regime", paramLabel = "ID",
            description = "Apply a regime's instruments on top of history (default: status-quo); its hypothetical treaties count as in force "
                    + "among all eligible parties. With --scenario, the scenario's column (default: its first).")
    String regimeId;

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Look at the world the scenario's events leave (a path, or the name of a shipped scenario); the day defaults to "
                    + "its last event's.")
    String scenario;

    @Override
    public Integer call() {
        Optional<Scenarios.Source> source = Optional.ofNullable(scenario).map(s -> Scenarios.Source.named("scenario", s));
        Coverage.View view = options.eurosec().coverage(new Coverage.Query(Optional.ofNullable(date), Coverage.Query.regime(regimeId, source), all,
                exclude, only, options.interpretations(), options.explain(), strictOption.strict, source));
        PrintWriter out = spec.commandLine().getOut();
        if (view instanceof UnknownDay u) {
            switch (options.format()) {
                case JSON -> out.print(org.eurosec.query.Json.write(u));
                case CSV -> out.print(new Table("as_of", "known", "message").row(u.asOf(), false, u.message()).csv());
                default -> out.println(u.message());
            }
            return 0;
        }
        Coverage.Answer k = (Coverage.Answer) view;
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(k));
            case CSV -> out.print(table(k, true).csv());
            default -> {
                out.print(table(k, false).text());
                footnote(k, out);
                out.println();
                Table.say(out, k.asOf() + ": " + k.coveredCount() + " of " + k.states().size()
                        + " states covered; not covered: " + (k.uncovered().isEmpty() ? "none" : String.join(" ", k.uncovered())));
                Table.say(out, "guarantees: organisation or treaty, article, (number of guarantors); political commitments are counted,"
                        + " never coverage" + (wideOption.wide || options.explain() ? "" : "; --wide lists every guarantee"));
                Table.say(out, "regime: " + k.regime() + "; reading: " + k.reading());
                Provisional.note(out, k.provisional(), k.factsCheckedThrough());
                if (options.explain()) {
                    for (StateRow s : k.states()) {
                        out.println();
                        s.explanation().lines().forEach(out::println);
                    }
                }
            }
        }
        return 0;
    }

    private Table table(Coverage.Answer k, boolean csv) {
        Table t = options.explain() && csv
                ? new Table("iso3", "ccode", "name", "covered", "guarantees", "political_commitments", "explanation")
                : new Table("iso3", "ccode", "name", "covered", "guarantees", csv ? "political_commitments" : "political");
        for (StateRow s : k.states()) {
            List<String> gs = new ArrayList<>();
            for (GuaranteeRow g : s.guarantees()) {
                if (csv) {
                    gs.add(g.provision() + " via " + g.through() + " (" + g.guarantorCount() + " guarantors, " + g.assistance() + ")");
                } else {
                    String article = g.provision().substring(g.provision().indexOf('/') + 1);
                    gs.add(g.through() + " " + article + " (" + g.guarantorCount() + ")" + (g.unconfirmedFacts().isEmpty() ? "" : "*"));
                }
            }
            Set<String> pol = new LinkedHashSet<>();
            s.politicalCommitments().forEach(c -> pol.add(c.instrument()));
            Object code = s.ccode() != null ? s.ccode() : "";
            String political = csv ? String.join(";", pol) : String.valueOf(pol.size());
            String guarantees = csv || options.explain() ? String.join(csv ? ";" : "; ", gs) : Table.summary(gs, "; ");
            if (options.explain() && csv) {
                t.row(s.iso3(), code, s.name(), s.covered(), guarantees, political,
                        String.join(" | ", s.explanation().lines()).replaceAll("\\s{2,}", " "));
            } else {
                t.row(s.iso3(), code, s.name(), s.covered() ? (s.coverageUnconfirmed() ? "yes*" : "yes") : "no", guarantees, political);
            }
        }
        return t;
    }

    /**
     * Under the table: what each starred value rests on that the data marks unconfirmed ("yes*": every
     * guarantee the state holds does; a starred guarantee: that one does).
     */
    private static void footnote(Coverage.Answer k, PrintWriter out) {
        List<String> notes = new ArrayList<>();
        for (StateRow s : k.states()) {
            List<String> parts = new ArrayList<>();
            for (GuaranteeRow g : s.guarantees()) {
                if (!g.unconfirmedFacts().isEmpty()) {
                    parts.add(g.instrument() + " (" + String.join(", ", g.unconfirmedFacts().stream().map(f -> f.fact().replace('-', ' ')).toList()) + ")");
                }
            }
            if (!parts.isEmpty()) {
                notes.add(s.iso3() + (s.coverageUnconfirmed() ? " yes*" : "") + ": " + String.join("; ", parts));
            }
        }
        if (!notes.isEmpty()) {
            Table.say(out, "* rests on facts the data marks unconfirmed (the article's text, the treaty's dates, the state's party spell):");
            notes.forEach(n -> Table.say(out, "  " + n));
        }
    }
}
