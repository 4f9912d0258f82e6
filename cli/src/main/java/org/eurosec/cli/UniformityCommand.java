package org.eurosec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.eurosec.analysis.RecognitionConsistency.Silence;
import org.eurosec.query.Uniformity;
import org.eurosec.query.Uniformity.StandRow;
import org.eurosec.query.Uniformity.StateRow;
import org.eurosec.query.Uniformity.WorldStands;
import org.eurosec.query.Worlds;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "uniformity",
        description = {"Whether conflict-settlement principles are applied uniformly: each state's recognitions and refusals on a day.",
                "The cases: Kosovo, Abkhazia, South Ossetia, Northern Cyprus and Transnistria; a recognition sides with self-determination, "
                        + "a refusal with territorial integrity; states that side both ways are listed with the cases that make them so."},
                footer = {"", "Examples:", "  eurosec uniformity --date 2009-12-01 --inconsistent", "  eurosec uniformity --date 2009-12-01 --set-aside XKX"})
final class UniformityCommand implements Callable<Integer> {
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

    @Option(names = "--silence", paramLabel = "READING", defaultValue = "integrity",
            description = "What not recognising (without an explicit refusal) counts as: integrity (default: a stand for the parent state) or abstain (left out).")
    String silence;

    @Option(names = "--set-aside", paramLabel = "ENTITY", split = ",",
            description = "Cases to leave out, e.g. XKX for the reading that Kosovo is sui generis.")
    List<String> setAside = new ArrayList<>();

    @Option(names = "--inconsistent", description = "List only the states whose stands are inconsistent.")
    boolean onlyInconsistent;

    @Override
    public Integer call() {
        Silence reading = Uniformity.reading("silence", silence);
        Uniformity.View view = options.eurosec().uniformity(new Uniformity.Query(views.scope(options), reading, setAside, onlyInconsistent));
        Table t = new Table("regime", "as_of", "iso3", "ccode", "name", "verdict", "recognises", "refuses", "silent");
        List<String> summary = new ArrayList<>();
        for (Worlds.Entry e : view.views()) {
            if (WorldsOutput.unknown(e, summary)) {
                continue;
            }
            WorldStands w = (WorldStands) e;
            for (StateRow s : w.states()) {
                t.row(w.regime(), w.asOf(), s.iso3(), s.ccode(), s.name(), s.verdict(), cases(s, "self-determination"), cases(s, "territorial-integrity"),
                        silentCases(s));
            }
            summary.add(w.regime() + " " + w.asOf() + ": " + w.inconsistent() + " of " + w.counted() + " states side with self-determination in one case and with"
                    + " territorial integrity in another (silence: " + w.silence() + (w.setAside().isEmpty() ? "" : "; set aside: " + String.join(",", w.setAside())) + ")");
        }
        WorldsOutput.print(options, spec.commandLine().getOut(), view,
                new org.eurosec.query.Common.Checked(view.provisional(), view.factsCheckedThrough()), List.of(t), summary, "recognises: cases it recognised (date); refuses: explicit refusals;"
                + " silent: neither (counted as " + (reading == Silence.INTEGRITY ? "territorial integrity" : "no stand") + "); own territory in brackets");
        return 0;
    }

    /** The cases where a state's act sides with {@code side}, each with its date; its own territory in brackets. */
    private static String cases(StateRow s, String side) {
        List<String> out = new ArrayList<>();
        for (StandRow st : s.stands()) {
            if (st.side().equals(side) && st.act().isPresent()) {
                String c = st.kase() + st.act().get().from().map(d -> " " + d).orElse("");
                out.add(st.ownTerritory() ? "[" + c + "]" : c);
            }
        }
        return String.join("; ", out);
    }

    private static String silentCases(StateRow s) {
        return String.join(" ", s.stands().stream().filter(st -> st.act().isEmpty()).map(st -> st.ownTerritory() ? "[" + st.kase() + "]" : st.kase()).toList());
    }
}
