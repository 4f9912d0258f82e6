package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.analysis.ActorHistory;
import org.eurosec.analysis.IntervalCoverage;
import org.eurosec.model.Architecture;
import org.eurosec.model.CodeSpell;
import org.eurosec.model.Dated;
import org.eurosec.model.Membership;
import org.eurosec.model.Organisation;
import org.eurosec.model.Rule;
import org.eurosec.model.Span;
import org.eurosec.model.State;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "actor", mixinStandardHelpOptions = true,
        description = "One actor through time: a state's memberships, treaties and coverage periods, or an organisation's rules and members.")
final class ActorCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A state id (UKR, DEU, SUN, XKX, ...) or an organisation id (nato, csto, ...).")
    String id;

    @Override
    public Integer call() {
        Architecture a = options.architecture();
        Optional<State> state = a.state(id.toUpperCase(Locale.ROOT));
        if (state.isPresent()) {
            IntervalCoverage coverage = IntervalCoverage.of(a, options.reading(a));
            printState(a, coverage, new ActorHistory(coverage.timeline()).of(state.get().id()));
            return 0;
        }
        Optional<Organisation> org = a.organisation(id.toLowerCase(Locale.ROOT));
        if (org.isPresent()) {
            printOrganisation(org.get());
            return 0;
        }
        throw new UserError("unknown actor '" + id + "': not a state id (e.g. UKR) nor an organisation id (one of "
                + String.join(", ", a.organisations().keySet()) + "); `eurosec actors` lists them");
    }

    private static String to(Span s) {
        return s.to().map(Object::toString).orElse("");
    }

    private void printState(Architecture a, IntervalCoverage coverage, ActorHistory.History h) {
        PrintWriter out = spec.commandLine().getOut();
        State s = h.state();
        switch (options.format) {
            case JSON -> {
                Map<String, Object> m = Json.obj();
                m.put("id", s.id());
                m.put("iso3", s.iso3());
                m.put("name", s.name());
                m.put("ccode", Json.code(s.ccodeNear(a.asOf())));
                List<Object> codes = new ArrayList<>();
                for (CodeSpell c : s.ccodes()) {
                    Map<String, Object> cm = Json.obj();
                    cm.put("ccode", c.ccode());
                    if (!c.span().from().equals(java.time.LocalDate.MIN)) {
                        cm.putAll(Json.span(c.span()));
                    }
                    codes.add(cm);
                }
                m.put("ccodes", codes);
                m.put("gw_code", Json.code(s.gwCode()));
                m.put("recognition", s.recognition().name().toLowerCase(java.util.Locale.ROOT));
                m.put("tags", s.tags());
                m.put("predecessors", s.predecessors());
                List<Object> ex = new ArrayList<>();
                for (Dated d : s.exists()) {
                    ex.add(Json.provenance(Json.span(d.span()), d.provenance()));
                }
                m.put("exists", ex);
                List<Object> ties = new ArrayList<>();
                for (ActorHistory.Tie t : h.ties()) {
                    Map<String, Object> tm = Json.obj();
                    tm.put("in", t.in());
                    tm.put("kind", t.kind());
                    tm.put("status", t.status());
                    tm.putAll(Json.span(t.span()));
                    ties.add(Json.provenance(tm, t.provenance()));
                }
                m.put("memberships", ties);
                List<Object> periods = new ArrayList<>();
                for (ActorHistory.Period p : h.periods()) {
                    Map<String, Object> pm = Json.span(p.span());
                    pm.put("covered", p.covered());
                    List<Object> gs = new ArrayList<>();
                    for (ActorHistory.HeldGuarantee g : p.guarantees()) {
                        Map<String, Object> gm = Json.obj();
                        gm.put("provision", g.provision());
                        gm.put("through", g.through());
                        gm.put("assistance", g.assistance());
                        gm.put("legal_force", g.legalForce());
                        gm.put("guarantors_min", g.minGuarantors());
                        gm.put("guarantors_max", g.maxGuarantors());
                        gs.add(gm);
                    }
                    pm.put("guarantees", gs);
                    if (options.explain) {
                        pm.put("explanation", Json.explanation(coverage.explain(p.span().from(), s.id())));
                    }
                    periods.add(pm);
                }
                m.put("coverage_periods", periods);
                m.put("reading", coverage.reading().choices());
                out.print(Json.write(m));
            }
            case CSV -> {
                Table t = new Table("record", "iso3", "in", "from", "to", "status", "detail", "source");
                for (ActorHistory.Tie tie : h.ties()) {
                    t.row(tie.kind(), s.iso3(), tie.in(), tie.span().from(), to(tie.span()), tie.status(), "", tie.provenance().source());
                }
                for (ActorHistory.Period p : h.periods()) {
                    t.row("coverage", s.iso3(), "", p.span().from(), to(p.span()), p.covered() ? "covered" : "not-covered",
                            String.join(";", p.guarantees().stream().map(g -> g.provision() + " via " + g.through()).toList()), "");
                }
                out.print(t.csv());
            }
            default -> {
                out.println(s.name() + " (" + s.id() + ")  iso3 " + s.iso3() + "  ccode "
                        + String.join(", ", s.ccodes().stream().map(c -> c.ccode()
                        + (c.span().from().equals(java.time.LocalDate.MIN) ? "" : " " + c.span())).toList())
                        + s.gwCode().stream().mapToObj(g -> "  gw " + g).findFirst().orElse("")
                        + "  recognition " + s.recognition().name().toLowerCase(java.util.Locale.ROOT)
                        + (s.tags().isEmpty() ? "" : "  tags " + String.join(",", s.tags())));
                for (Dated d : s.exists()) {
                    out.println("exists " + d.span() + "  <" + d.provenance().source() + ">");
                }
                if (!s.predecessors().isEmpty()) {
                    out.println("successor of " + String.join(", ", s.predecessors()));
                }
                out.println();
                out.println("Memberships and participations");
                Table t = new Table("in", "kind", "from", "to", "status", "source");
                h.ties().forEach(tie -> t.row(tie.in(), tie.kind(), tie.span().from(), to(tie.span()), tie.status(), tie.provenance().source()));
                out.print(t.text());
                out.println();
                out.println("Defence coverage through time (" + a.coversFrom() + " to " + a.asOf() + ")");
                Table p = new Table("from", "to", "covered", "guarantees");
                for (ActorHistory.Period per : h.periods()) {
                    p.row(per.span().from(), to(per.span()), per.covered() ? "yes" : "no",
                            String.join("; ", per.guarantees().stream().map(g -> g.provision() + " via " + g.through() + " ("
                                    + (g.minGuarantors() == g.maxGuarantors() ? "" + g.minGuarantors() : g.minGuarantors() + "-" + g.maxGuarantors())
                                    + " guarantors, " + g.assistance() + ")").toList()));
                }
                out.print(p.text());
                if (options.explain) {
                    for (ActorHistory.Period per : h.periods()) {
                        out.println();
                        coverage.explain(per.span().from(), s.id()).lines().forEach(out::println);
                    }
                }
            }
        }
    }

    private void printOrganisation(Organisation o) {
        PrintWriter out = spec.commandLine().getOut();
        switch (options.format) {
            case JSON -> {
                Map<String, Object> m = Json.obj();
                m.put("id", o.id());
                m.put("name", o.name());
                m.put("kind", o.kind());
                m.put("founded_by", Json.opt(o.foundedBy()));
                m.put("exists", Json.provenance(Json.span(o.exists().span()), o.exists().provenance()));
                m.put("accession", o.accession().map(this::rule).orElse(null));
                m.put("decisions", o.decisions().map(this::rule).orElse(null));
                List<Object> members = new ArrayList<>();
                for (Membership mem : o.members()) {
                    Map<String, Object> mm = Json.obj();
                    mm.put("state", mem.actor());
                    mm.put("status", mem.status().name().toLowerCase(java.util.Locale.ROOT));
                    mm.putAll(Json.span(mem.span()));
                    members.add(Json.provenance(mm, mem.provenance()));
                }
                m.put("members", members);
                out.print(Json.write(m));
            }
            case CSV -> out.print(memberTable(o).csv());
            default -> {
                out.println(o.name() + " (" + o.id() + ", " + o.kind() + ")  exists " + o.exists().span()
                        + o.foundedBy().map(f -> "  founded by " + f).orElse(""));
                o.accession().ifPresent(r -> out.println("accession: " + r.kind().id() + r.provision().map(p -> " (" + p + ")").orElse("")));
                o.decisions().ifPresent(r -> out.println("decisions: " + r.kind().id() + r.provision().map(p -> " (" + p + ")").orElse("")));
                out.println();
                out.print(memberTable(o).text());
            }
        }
    }

    private Table memberTable(Organisation o) {
        Table t = new Table("state", "from", "to", "status", "source");
        o.members().stream().sorted((x, y) -> x.span().from().compareTo(y.span().from()))
                .forEach(m -> t.row(m.actor(), m.span().from(), to(m.span()), m.status().name().toLowerCase(java.util.Locale.ROOT), m.provenance().source()));
        return t;
    }

    private Map<String, Object> rule(Rule r) {
        Map<String, Object> m = Json.obj();
        m.put("rule", r.kind().id());
        m.put("provision", Json.opt(r.provision()));
        return Json.provenance(m, r.provenance());
    }
}
