package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.analysis.SecurityLevels;
import org.eurosec.engine.ScenarioEngine.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "levels", mixinStandardHelpOptions = true,
        description = {"Levels of security: states grouped by the exact set of binding guarantees they hold on a day,",
                "per regime (the draft treaty's principle forbids \"zones of different levels of security\")."})
final class LevelsCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Mixin
    Views views;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Table t = new Table("regime", "as_of", "level", "guarantees", "size", "states", "provisions");
        List<Map<String, Object>> json = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Views.View v : views.views(options)) {
            Optional<List<Level>> levels = SecurityLevels.of(v.coverage(), v.day(), views.universe());
            if (levels.isEmpty()) {
                Views.unknown(v, json, summary);
                continue;
            }
            Map<String, Object> m = Json.obj();
            m.put("regime", v.label());
            m.put("as_of", v.day().toString());
            m.put("known", true);
            m.put("count", levels.get().size());
            List<Map<String, Object>> ls = new ArrayList<>();
            int n = 0;
            for (Level l : levels.get()) {
                n++;
                t.row(v.label(), v.day(), n, l.provisions().size(), l.states().size(), String.join(" ", l.states()),
                        l.provisions().isEmpty() ? "(none: not covered)" : String.join(" ", l.provisions()));
                Map<String, Object> lm = Json.obj();
                lm.put("level", n);
                lm.put("provisions", l.provisions());
                lm.put("states", l.states());
                ls.add(lm);
            }
            m.put("levels", ls);
            json.add(m);
            summary.add(v.label() + " " + v.day() + ": " + levels.get().size() + " levels of security among "
                    + levels.get().stream().mapToInt(l -> l.states().size()).sum() + " states");
        }
        Views.print(options, out, Json.obj(), json, List.of(t), summary,
                "a level: the states holding exactly the same binding guarantees (by provision); one level means no zones");
        return 0;
    }
}
