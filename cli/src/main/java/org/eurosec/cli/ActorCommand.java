package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.concurrent.Callable;
import org.eurosec.query.Actor;
import org.eurosec.query.Common.SpanView;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "actor",
        description = "One actor through time: a state's memberships, treaties and coverage periods, or an organisation's rules and members.",
        footer = {"", "Examples:", "  eurosec actor UKR", "  eurosec actor nato --format json"})
final class ActorCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    ExplainOption explainOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "ID", description = "A state id (UKR, DEU, SUN, XKX, ...) or an organisation id (nato, csto, ...).")
    String id;

    @Override
    public Integer call() {
        Actor.View view = options.eurosec().actor(new Actor.Query(id, options.interpretations(), options.explain()));
        if (view instanceof Actor.StateView s) {
            printState(s);
        } else {
            printOrganisation((Actor.OrganisationView) view);
        }
        return 0;
    }

    private static String to(SpanView s) {
        return s.to() != null ? s.to().toString() : "";
    }

    /** A span as the text shows it: [from, to) or [from, open). */
    private static String text(SpanView s) {
        return "[" + s.from() + ", " + (s.to() != null ? s.to() : "open") + ")";
    }

    private void printState(Actor.StateView s) {
        PrintWriter out = spec.commandLine().getOut();
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(s));
            case CSV -> {
                Table t = new Table("record", "iso3", "in", "from", "to", "status", "detail", "source");
                for (Actor.TieView tie : s.memberships()) {
                    t.row(tie.kind(), s.iso3(), tie.in(), tie.span().from(), to(tie.span()), tie.status(), "", tie.sourced().source());
                }
                for (Actor.PeriodView p : s.coveragePeriods()) {
                    t.row("coverage", s.iso3(), "", p.span().from(), to(p.span()), p.covered() ? "covered" : "not-covered",
                            String.join(";", p.guarantees().stream().map(g -> g.provision() + " via " + g.through()).toList()), "");
                }
                out.print(t.csv());
            }
            default -> {
                out.println(s.name() + " (" + s.id() + ")  iso3 " + s.iso3() + "  ccode "
                        + String.join(", ", s.ccodes().stream().map(c -> c.ccode() + (c.span() == null ? "" : " " + text(c.span()))).toList())
                        + (s.gwCode() != null ? "  gw " + s.gwCode() : "")
                        + "  recognition " + s.recognition()
                        + (s.tags().isEmpty() ? "" : "  tags " + String.join(",", s.tags())));
                for (Actor.SpellView d : s.exists()) {
                    out.println("exists " + text(d.span()) + "  <" + d.sourced().source() + ">");
                }
                if (!s.predecessors().isEmpty()) {
                    out.println("successor of " + String.join(", ", s.predecessors()));
                }
                out.println();
                out.println("Memberships and participations");
                Table t = new Table("in", "kind", "from", "to", "status", "source");
                s.memberships().forEach(tie -> t.row(tie.in(), tie.kind(), tie.span().from(), to(tie.span()), tie.status(), tie.sourced().source()));
                out.print(t.text());
                out.println();
                out.println("Defence coverage through time (" + s.coversFrom() + " to " + s.dataAsOf() + ")");
                Table p = new Table("from", "to", "covered", "guarantees");
                for (Actor.PeriodView per : s.coveragePeriods()) {
                    p.row(per.span().from(), to(per.span()), per.covered() ? "yes" : "no",
                            String.join("; ", per.guarantees().stream().map(g -> g.provision() + " via " + g.through() + " ("
                                    + (g.guarantorsMin() == g.guarantorsMax() ? "" + g.guarantorsMin() : g.guarantorsMin() + "-" + g.guarantorsMax())
                                    + " guarantors, " + g.assistance() + ")").toList()));
                }
                out.print(p.text());
                if (options.explain()) {
                    for (Actor.PeriodView per : s.coveragePeriods()) {
                        out.println();
                        per.explanation().lines().forEach(out::println);
                    }
                }
            }
        }
    }

    private void printOrganisation(Actor.OrganisationView o) {
        PrintWriter out = spec.commandLine().getOut();
        switch (options.format()) {
            case JSON -> out.print(org.eurosec.query.Json.write(o));
            case CSV -> out.print(memberTable(o).csv());
            default -> {
                out.println(o.name() + " (" + o.id() + ", " + o.kind() + ")  exists " + text(o.exists().span())
                        + (o.foundedBy() != null ? "  founded by " + o.foundedBy() : ""));
                if (o.accession() != null) {
                    out.println("accession: " + rule(o.accession()));
                }
                if (o.decisions() != null) {
                    out.println("decisions: " + rule(o.decisions()));
                }
                out.println();
                out.print(memberTable(o).text());
            }
        }
    }

    private static String rule(Actor.RuleView r) {
        return r.rule() + (r.provision() != null ? " (" + r.provision() + ")" : "");
    }

    /** The membership spells in the order they began. */
    private static Table memberTable(Actor.OrganisationView o) {
        Table t = new Table("state", "from", "to", "status", "source");
        o.members().stream().sorted(Comparator.comparing((Actor.MemberView m) -> m.span().from()))
                .forEach(m -> t.row(m.state(), m.span().from(), to(m.span()), m.status(), m.sourced().source()));
        return t;
    }
}
