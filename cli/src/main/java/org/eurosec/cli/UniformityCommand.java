package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.eurosec.analysis.RecognitionConsistency;
import org.eurosec.analysis.RecognitionConsistency.Side;
import org.eurosec.analysis.RecognitionConsistency.Stand;
import org.eurosec.analysis.RecognitionConsistency.StateRecord;
import org.eurosec.analysis.RecognitionConsistency.Verdict;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "uniformity", mixinStandardHelpOptions = true,
        description = {"Are conflict-settlement principles applied uniformly? For each state, its recognitions and refusals of Kosovo,",
                "Abkhazia, South Ossetia, Northern Cyprus and Transnistria on a day: a recognition sides with self-determination,",
                "a refusal with territorial integrity; states that side both ways are listed with the cases that make them so."})
final class UniformityCommand implements Callable<Integer> {

    @Mixin
    Options options;

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
        RecognitionConsistency.Silence reading = switch (silence.trim()) {
            case "integrity" -> RecognitionConsistency.Silence.INTEGRITY;
            case "abstain" -> RecognitionConsistency.Silence.ABSTAIN;
            default -> throw new UserError("--silence: '" + silence + "' is not a reading (integrity, abstain)");
        };
        PrintWriter out = spec.commandLine().getOut();
        Table t = new Table("regime", "as_of", "iso3", "ccode", "name", "verdict", "recognises", "refuses", "silent");
        List<Map<String, Object>> json = new ArrayList<>();
        List<String> summary = new ArrayList<>();
        for (Views.View v : views.views(options)) {
            Set<String> aside = new TreeSet<>();
            for (String e : setAside) {
                String id = e.trim().toUpperCase(Locale.ROOT);
                if (v.world().recognitions().cases().stream().noneMatch(c -> c.entity().equals(id))) {
                    throw new UserError("--set-aside: '" + e + "' is not a case (" + String.join(", ",
                            v.world().recognitions().cases().stream().map(c -> c.entity()).toList()) + ")");
                }
                aside.add(id);
            }
            if (v.world().recognitions().cases().isEmpty()) {
                throw new UserError("the data has no recognitions.yaml: nothing to compare");
            }
            Optional<List<StateRecord>> r = RecognitionConsistency.of(v.coverage(), v.day(), views.universe(), reading, aside);
            if (r.isEmpty()) {
                Views.unknown(v, json, summary);
                continue;
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            int inconsistent = 0;
            for (StateRecord s : r.get()) {
                if (s.verdict() == Verdict.INCONSISTENT) {
                    inconsistent++;
                }
                if (onlyInconsistent && s.verdict() != Verdict.INCONSISTENT) {
                    continue;
                }
                t.row(v.label(), v.day(), s.state().iso3(), Json.code(s.state().ccodeOn(v.day())), s.state().name(), s.verdict().id(),
                        cases(s, Side.SELF_DETERMINATION, true), cases(s, Side.TERRITORIAL_INTEGRITY, true), silentCases(s));
                Map<String, Object> m = Json.obj();
                m.put("iso3", s.state().iso3());
                m.put("ccode", Json.code(s.state().ccodeOn(v.day())));
                m.put("verdict", s.verdict().id());
                List<Map<String, Object>> stands = new ArrayList<>();
                for (Stand st : s.stands()) {
                    Map<String, Object> x = Json.obj();
                    x.put("case", st.kase().entity());
                    x.put("parent", st.kase().parent());
                    x.put("side", st.side().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
                    x.put("own_territory", st.ownTerritory());
                    x.put("act", st.act().map(a -> {
                        Map<String, Object> y = Json.obj();
                        y.put("stance", a.stance().name().toLowerCase(java.util.Locale.ROOT));
                        y.put("from", a.from().map(Object::toString).orElse(null));
                        y.put("to", a.to().map(Object::toString).orElse(null));
                        Json.provenance(y, a.provenance());
                        return y;
                    }).orElse(null));
                    stands.add(x);
                }
                m.put("stands", stands);
                rows.add(m);
            }
            Map<String, Object> m = Json.obj();
            m.put("regime", v.label());
            m.put("as_of", v.day().toString());
            m.put("known", true);
            m.put("silence", reading.id());
            m.put("set_aside", aside);
            m.put("inconsistent", inconsistent);
            m.put("states", rows);
            json.add(m);
            summary.add(v.label() + " " + v.day() + ": " + inconsistent + " of " + r.get().size() + " states side with self-determination in one case and with"
                    + " territorial integrity in another (silence: " + reading.id() + (aside.isEmpty() ? "" : "; set aside: " + String.join(",", aside)) + ")");
        }
        Views.print(options, out, Json.obj(), json, List.of(t), summary, "recognises: cases it recognised (date); refuses: explicit refusals;"
                + " silent: neither (counted as " + (reading == RecognitionConsistency.Silence.INTEGRITY ? "territorial integrity" : "no stand")
                + "); own territory in brackets");
        return 0;
    }

    private static String cases(StateRecord s, Side side, boolean explicitOnly) {
        List<String> out = new ArrayList<>();
        for (Stand st : s.stands()) {
            if (st.side() == side && st.act().isPresent()) {
                String c = st.kase().entity() + st.act().get().from().map(d -> " " + d).orElse("");
                out.add(st.ownTerritory() ? "[" + c + "]" : c);
            }
        }
        return String.join("; ", out);
    }

    private static String silentCases(StateRecord s) {
        return String.join(" ", s.stands().stream().filter(st -> st.act().isEmpty())
                .map(st -> st.ownTerritory() ? "[" + st.kase().entity() + "]" : st.kase().entity()).toList());
    }
}
