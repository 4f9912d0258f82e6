package org.eurosec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eurosec.query.Levels;
import org.eurosec.query.Levels.LevelRow;
import org.eurosec.query.Levels.WorldLevels;
import org.eurosec.query.Worlds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "levels",
        description = {"Levels of security: states grouped by the exact set of binding guarantees they hold on a day, per regime.",
                "The draft treaty's principle forbids \"zones of different levels of security\"."},
                footer = {"", "Examples:", "  eurosec levels --date 2009-12-01 --regimes status-quo,est-2009", "  eurosec levels --date 2009-12-01 -I levels-guarantors=all-states"})
final class LevelsCommand implements Callable<Integer> {
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
    WideOption wideOption;

    @Mixin
    Views views;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Levels.View view = options.eurosec().levels(new Levels.Query(views.scope(options)));
        Table t = new Table("regime", "as_of", "level", "guarantees", "size", "states", "provisions");
        List<String> summary = new ArrayList<>();
        for (Worlds.Entry e : view.views()) {
            if (WorldsOutput.unknown(e, summary)) {
                continue;
            }
            WorldLevels w = (WorldLevels) e;
            for (LevelRow l : w.levels()) {
                t.row(w.regime(), w.asOf(), l.level(), l.provisions().size(), l.states().size(), String.join(" ", l.states()),
                        l.provisions().isEmpty() ? "(none: not covered)" : String.join(" ", l.provisions()));
            }
            summary.add(w.regime() + " " + w.asOf() + ": " + w.count() + " levels of security among "
                    + w.levels().stream().mapToInt(l -> l.states().size()).sum() + " states (guarantees counted: " + w.guarantors() + ")");
            for (Levels.NotCountedRow n : w.notCounted()) {
                summary.add(w.regime() + ": not counted: " + n.provision() + " to " + n.beneficiary() + " from " + String.join(" ", n.guarantors())
                        + ", not generally recognised (" + String.join(", ", n.recognition().stream()
                        .map(r -> r.state() + " recognised by " + r.recognisedBy() + " of the data's " + r.of() + " other states").toList()) + ")");
            }
        }
        WorldsOutput.print(options, spec.commandLine().getOut(), view,
                new org.eurosec.query.Common.Checked(view.provisional(), view.factsCheckedThrough()), List.of(t), summary,
                "a level: the states holding exactly the same binding guarantees (by provision); one level means no zones; by default a"
                        + " guarantee counts only if one of its guarantors is generally recognised that day: not the entity of a secession in"
                        + " data/recognitions.yaml, or recognised by more than half of the data's other states"
                        + " (-I levels-guarantors=all-states counts every guarantee)");
        return 0;
    }
}
