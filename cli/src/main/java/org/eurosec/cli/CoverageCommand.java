package org.eurosec.cli;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.eurosec.analysis.CoverageAnalysis.CoverageResult;
import org.eurosec.analysis.CoverageAnalysis.Known;
import org.eurosec.analysis.CoverageAnalysis.StateCoverage;
import org.eurosec.analysis.CoverageAnalysis.Unknown;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.analysis.Universe;
import org.eurosec.engine.Commitment;
import org.eurosec.engine.GuaranteeGroup;
import org.eurosec.explain.Explanation;
import org.eurosec.model.Architecture;
import org.eurosec.model.DefenceTerms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "coverage", mixinStandardHelpOptions = true,
        description = {"Who is and who is not covered by a binding defence guarantee on a day, and by which provisions.",
                "Default universe: the CSCE/OSCE participating States of that day."})
final class CoverageCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Option(names = "--date", paramLabel = "YYYY-MM-DD", converter = Dates.class,
            description = "The day to answer for (default: the data's as-of date).")
    LocalDate date;

    @Option(names = "--all", description = "List every state in the data that existed that day, participating or not.")
    boolean all;

    @Option(names = "--exclude", paramLabel = "TAG", split = ",", description = "Leave out states with this tag (e.g. microstate). Repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--state", paramLabel = "ID", split = ",", description = "Only these states (e.g. --state UKR,GEO). Repeatable.")
    List<String> only = new ArrayList<>();

    @Option(names = "--regime", paramLabel = "ID", defaultValue = "status-quo",
            description = "Apply a regime's instruments on top of history (default: status-quo); its hypothetical treaties count as in force among all eligible parties.")
    String regimeId;

    @Override
    public Integer call() {
        Architecture base = options.architecture();
        Architecture a = "status-quo".equals(regimeId) && options.regimesDir == null ? base
                : org.eurosec.engine.RegimeApplication.apply(base, options.regime(options.regimes(base), regimeId), false);
        IntervalCoverage coverage = IntervalCoverage.of(a, options.reading(a));
        LocalDate day = date != null ? date : a.asOf();
        Universe universe = new Universe(all, Set.copyOf(exclude));
        Set<String> wanted = new java.util.TreeSet<>();
        for (String s : only) {
            String id = s.trim().toUpperCase(java.util.Locale.ROOT);
            if (a.state(id).isEmpty()) {
                throw new UserError("--state: unknown state id '" + s + "'; `eurosec actors --date D` lists them");
            }
            wanted.add(id);
        }
        CoverageResult result = coverage.coverage(day, wanted.isEmpty() ? universe : new Universe(true, universe.excludeTags()));
        if (!wanted.isEmpty() && result instanceof Known all) {
            result = new Known(all.day(), all.states().stream().filter(s -> wanted.contains(s.state().id())).toList());
        }
        var out = spec.commandLine().getOut();
        if (result instanceof Unknown u) {
            switch (options.format) {
                case JSON -> out.print(Json.write(Json.unknown(day, u.message())));
                case CSV -> out.print(new Table("as_of", "known", "message").row(day, false, u.message()).csv());
                default -> out.println(u.message());
            }
            return 0;
        }
        Known k = (Known) result;
        switch (options.format) {
            case JSON -> out.print(Json.write(json(k, coverage, a)));
            case CSV -> out.print(table(k, coverage, true).csv());
            default -> {
                out.print(table(k, coverage, false).text());
                List<String> uncovered = k.states().stream().filter(s -> !s.covered()).map(s -> s.state().id()).toList();
                out.println();
                out.println(day + ": " + (k.states().size() - uncovered.size()) + " of " + k.states().size()
                        + " states covered; not covered: " + (uncovered.isEmpty() ? "none" : String.join(" ", uncovered)));
                out.println("guarantees: organisation or treaty, article, (number of guarantors); political commitments are counted, never coverage");
                out.println("regime: " + regimeId + "; reading: " + coverage.reading().choices());
                if (options.explain) {
                    for (StateCoverage s : k.states()) {
                        out.println();
                        coverage.explain(day, s.state().id()).lines().forEach(out::println);
                    }
                }
            }
        }
        return 0;
    }

    private Table table(Known k, IntervalCoverage coverage, boolean csv) {
        Table t = options.explain && csv
                ? new Table("iso3", "ccode", "name", "covered", "guarantees", "political_commitments", "explanation")
                : new Table("iso3", "ccode", "name", "covered", "guarantees", "political_commitments");
        for (StateCoverage s : k.states()) {
            List<String> gs = new ArrayList<>();
            for (GuaranteeGroup g : s.guarantees()) {
                if (csv) {
                    gs.add(g.provision().id() + " via " + g.throughId() + " (" + g.guarantors().size() + " guarantors, "
                            + g.provision().defence().orElseThrow().assistance().id() + ")");
                } else {
                    String article = g.provision().id().substring(g.provision().id().indexOf('/') + 1);
                    gs.add(g.throughId() + " " + article + " (" + g.guarantors().size() + ")");
                }
            }
            Set<String> pol = new LinkedHashSet<>();
            s.politicalCommitments().forEach(c -> pol.add(c.instrument().id()));
            Object code = s.ccode().isPresent() ? s.ccode().getAsInt() : "";
            String political = csv ? String.join(";", pol) : String.valueOf(pol.size());
            String guarantees = String.join(csv ? ";" : "; ", gs);
            if (options.explain && csv) {
                t.row(s.state().iso3(), code, s.state().name(), s.covered(), guarantees, political,
                        String.join(" | ", coverage.explain(k.day(), s.state().id()).lines()).replaceAll("\\s{2,}", " "));
            } else {
                t.row(s.state().iso3(), code, s.state().name(), s.covered() ? "yes" : "no", guarantees, political);
            }
        }
        return t;
    }

    private Map<String, Object> json(Known k, IntervalCoverage coverage, Architecture a) {
        Map<String, Object> root = Json.obj();
        root.put("as_of", k.day().toString());
        root.put("known", true);
        root.put("data_as_of", a.asOf().toString());
        root.put("universe", all ? "all-states" : "osce-participating-states");
        root.put("excluded_tags", exclude);
        root.put("regime", regimeId);
        root.put("reading", coverage.reading().choices());
        root.put("covered_count", k.states().stream().filter(StateCoverage::covered).count());
        root.put("uncovered", k.states().stream().filter(s -> !s.covered()).map(s -> s.state().iso3()).toList());
        List<Object> states = new ArrayList<>();
        for (StateCoverage s : k.states()) {
            Map<String, Object> m = Json.obj();
            m.put("iso3", s.state().iso3());
            m.put("ccode", Json.code(s.ccode()));
            m.put("gw_code", Json.code(s.state().gwCode()));
            m.put("id", s.state().id());
            m.put("name", s.state().name());
            m.put("covered", s.covered());
            m.put("participating", s.participating());
            m.put("recognition", s.state().recognition().name().toLowerCase(java.util.Locale.ROOT));
            m.put("tags", s.state().tags());
            List<Object> gs = new ArrayList<>();
            for (GuaranteeGroup g : s.guarantees()) {
                DefenceTerms t = g.provision().defence().orElseThrow();
                Map<String, Object> gm = Json.obj();
                gm.put("provision", g.provision().id());
                gm.put("article", g.provision().article());
                gm.put("kind", g.provision().kind().id());
                gm.put("through", g.throughId());
                gm.put("instrument", g.instrument().id());
                gm.put("guarantors", g.guarantorIds());
                gm.put("guarantor_count", g.guarantors().size());
                gm.put("legal_force", g.instrument().legalForce().id());
                gm.put("assistance", t.assistance().id());
                gm.put("consent_required", t.consentRequired());
                gm.put("conditions", t.conditions());
                gm.put("scope", Json.opt(t.scope()));
                gm.put("unconfirmed", g.provision().unconfirmed());
                gm.put("source", g.provision().provenance().source());
                gs.add(gm);
            }
            m.put("guarantees", gs);
            List<Object> pol = new ArrayList<>();
            for (Commitment c : s.politicalCommitments()) {
                Map<String, Object> pm = Json.obj();
                pm.put("instrument", c.instrument().id());
                pm.put("name", c.instrument().name());
                pm.put("through", c.party().via());
                pm.put("legal_force", c.instrument().legalForce().id());
                pm.put("source", c.instrument().provenance().source());
                pol.add(pm);
            }
            m.put("political_commitments", pol);
            if (options.explain) {
                Explanation e = coverage.explain(k.day(), s.state().id());
                m.put("explanation", Json.explanation(e));
            }
            states.add(m);
        }
        root.put("states", states);
        return root;
    }
}
