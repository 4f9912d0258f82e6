package org.eurosec.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.load.ArchitectureLoader;
import org.eurosec.load.EmbeddedData;
import org.eurosec.load.Problem;
import org.eurosec.load.SourceMix;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Provenance;
import org.eurosec.model.Provision;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate",
        description = {"Check the data, the regimes and the scenarios (sources, ids, dates, spells) and print what the data holds.",
                "The data: the embedded directory, or --data DIR; then the regimes (embedded, or --regimes-dir DIR) and the scenarios "
                        + "(shipped, or --scenarios DIR) against it.",
                "Prints file:line: message for each problem and exits 2 if there is any."},
                footer = {"", "Examples:", "  eurosec validate", "  eurosec validate --report-unconfirmed", "  eurosec validate --format json"})
final class ValidateCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    FormatOption formatOption;
    @picocli.CommandLine.Mixin
    RegimesDirOption regimesDirOption;
    @picocli.CommandLine.Mixin
    WideOption wideOption;

    @Spec
    CommandSpec spec;

    @picocli.CommandLine.Option(names = "--scenarios", paramLabel = "DIR",
            description = "Check the scenario files in DIR instead of the shipped ones.")
    Path scenarios;

    @picocli.CommandLine.Option(names = "--report-unconfirmed",
            description = "Also list the instruments whose entry into force is assumed on their signature day "
                    + "(in_force_basis: signature-assumed) and the other facts flagged unconfirmed.")
    boolean reportUnconfirmed;

    @Override
    public Integer call() {
        Path dir = options.data != null ? options.data : EmbeddedData.directory();
        String shown = options.data != null ? options.data.toString().replaceAll("/+$", "") : "data";
        if (options.data != null && !Files.isDirectory(dir)) {
            throw new UserError("--data " + dir + ": not a directory");
        }
        List<Problem> problems = new ArrayList<>(ArchitectureLoader.check(dir, shown));
        String more = "";
        int crosswalkCount = 0;
        int regimeCount = 0;
        int scenarioCount = 0;
        Architecture loaded = null;
        if (problems.isEmpty()) {
            Architecture a = ArchitectureLoader.load(dir, shown);
            loaded = a;
            Path regimesDir = options.regimesDir() != null ? options.regimesDir() : EmbeddedData.regimesDirectory();
            String regimesShown = options.regimesDir() != null ? options.regimesDir().toString().replaceAll("/+$", "") : "regimes";
            if (!Files.isDirectory(regimesDir)) {
                throw new UserError("--regimes-dir " + regimesDir + ": not a directory");
            }
            List<Problem> crosswalkProblems = org.eurosec.load.CrosswalkLoader.check(dir, shown, a);
            problems.addAll(crosswalkProblems);
            if (crosswalkProblems.isEmpty()) {
                var crosswalks = org.eurosec.load.CrosswalkLoader.load(dir, shown, a);
                crosswalkCount = crosswalks.size();
                more = "; " + shown + "/crosswalk: " + crosswalks.size() + " crosswalks ("
                        + crosswalks.values().stream().mapToInt(c -> c.alliances().size()).sum() + " alliances, "
                        + crosswalks.values().stream().mapToLong(c -> c.alliances().stream().filter(org.eurosec.model.Crosswalk.Entry::unconfirmed).count()).sum()
                        + " unconfirmed)";
            }
            List<Problem> regimeProblems = org.eurosec.load.RegimeLoader.check(regimesDir, regimesShown, a);
            problems.addAll(regimeProblems);
            if (regimeProblems.isEmpty()) {
                var regimes = org.eurosec.load.RegimeLoader.load(regimesDir, regimesShown, a);
                Path scenariosDir = scenarios != null ? scenarios : EmbeddedData.scenariosDirectory();
                String scenariosShown = scenarios != null ? scenarios.toString().replaceAll("/+$", "") : "scenarios";
                if (!Files.isDirectory(scenariosDir)) {
                    throw new UserError("--scenarios " + scenariosDir + ": not a directory");
                }
                int count = 0;
                try (var files = Files.list(scenariosDir)) {
                    for (Path f : files.filter(x -> x.toString().endsWith(".yaml")).sorted().toList()) {
                        count++;
                        try {
                            org.eurosec.load.ScenarioLoader.load(f, scenariosShown + "/" + f.getFileName(), a, regimes);
                        } catch (org.eurosec.load.DataException e) {
                            problems.addAll(e.problems());
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new UserError(scenariosDir + ": cannot list: " + e.getMessage());
                }
                more += "; " + regimesShown + ": " + regimes.size() + " regimes; " + scenariosShown + ": " + count + " scenarios";
                regimeCount = regimes.size();
                scenarioCount = count;
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Map<String, Object> counts = problems.isEmpty() ? counts(loaded, crosswalkCount, regimeCount, scenarioCount) : Map.of();
        if (options.format() == Format.JSON) {
            Map<String, Object> m = Json.obj();
            m.put("data", shown);
            m.put("valid", problems.isEmpty());
            List<Object> ps = new ArrayList<>();
            for (Problem p : problems) {
                Map<String, Object> pm = Json.obj();
                pm.put("file", p.file());
                pm.put("line", p.line());
                pm.put("message", p.message());
                ps.add(pm);
            }
            m.put("problems", ps);
            if (problems.isEmpty()) {
                m.put("counts", counts);
                var citations = SourceMix.citations(dir, shown);
                Map<String, Object> sm = Json.obj();
                sm.put("citations", citations.size());
                SourceMix.counts(citations).forEach((k, v) -> sm.put(k.id(), v));
                m.put("sources", sm);
                if (reportUnconfirmed) {
                    List<Object> us = new ArrayList<>();
                    for (Unconfirmed u : unconfirmed(ArchitectureLoader.load(dir, shown))) {
                        Map<String, Object> um = Json.obj();
                        um.put("file", u.file());
                        um.put("line", u.line());
                        um.put("id", u.id());
                        um.put("reason", u.reason());
                        us.add(um);
                    }
                    m.put("unconfirmed", us);
                }
            }
            out.print(Json.write(m));
        } else if (options.format() == Format.CSV) {
            Table t = new Table("file", "line", "message");
            problems.forEach(p -> t.row(p.file(), p.line(), p.message()));
            out.print(t.csv());
        } else if (problems.isEmpty()) {
            Architecture a = loaded;
            long provisions = a.instruments().values().stream().mapToLong(i -> i.provisions().size()).sum();
            long spells = a.organisations().values().stream().mapToLong(o -> o.members().size()).sum();
            out.println(shown + ": ok — " + a.states().size() + " states, " + a.organisations().size() + " organisations ("
                    + spells + " membership spells), " + a.instruments().size() + " instruments (" + provisions
                    + " provisions), " + a.interpretations().size() + " interpretations, " + counts.get("position_statements")
                    + " position statements, " + counts.get("recognition_acts") + " recognitions and refusals; covers " + a.coversFrom() + " (facts checked through " + a.factsCheckedThrough() + ")" + more);
            out.println(shown + ": " + SourceMix.summary(SourceMix.citations(dir, shown)));
            if (reportUnconfirmed) {
                List<Unconfirmed> us = unconfirmed(a);
                long assumed = us.stream().filter(u -> u.reason().startsWith(ASSUMED)).count();
                out.println(us.size() + " unconfirmed fact(s), " + assumed + " of them an entry into force assumed on the signature day:");
                us.forEach(u -> out.println(u.file() + ":" + u.line() + ": " + u.id() + ": " + u.reason()));
            }
        } else {
            problems.forEach(err::println);
            // the loader's closing "… and N knock-on problems" line counts the problems it does not show; it is not one itself
            long causes = problems.stream().filter(p -> !p.message().startsWith("… and ")).count();
            err.println(causes + " problem(s)" + (causes < problems.size() ? " (and the knock-on problems counted above)" : ""));
        }
        return problems.isEmpty() ? 0 : 2;
    }

    /**
     * What the data holds, by kind (the figures the README quotes: {@code ReadmeFiguresTest} reads them
     * from {@code validate --format json}); the regimes and scenarios as checked, 0 when not reached.
     */
    static Map<String, Object> counts(Architecture a, int crosswalks, int regimes, int scenarios) {
        Map<String, Object> c = Json.obj();
        c.put("states", a.states().size());
        c.put("organisations", a.organisations().size());
        c.put("membership_spells", a.organisations().values().stream().mapToLong(o -> o.members().size()).sum());
        c.put("instruments", a.instruments().size());
        c.put("provisions", a.instruments().values().stream().mapToLong(i -> i.provisions().size()).sum());
        c.put("interpretations", a.interpretations().size());
        c.put("position_statements", a.positions().statements().size());
        c.put("recognition_acts", a.recognitions().acts().size());
        c.put("crosswalks", crosswalks);
        c.put("regimes", regimes);
        c.put("scenarios", scenarios);
        return c;
    }

    private static final String ASSUMED = "in force from its signature day";

    /** One fact flagged unconfirmed, with where it is and why. */
    record Unconfirmed(String file, int line, String id, String reason) {
    }

    /**
     * The instruments whose entry into force is assumed on signature first, then the other
     * instruments and provisions flagged unconfirmed in the data (a provision of an assumed
     * instrument is listed only when it is also flagged for a reason of its own).
     */
    static List<Unconfirmed> unconfirmed(Architecture a) {
        List<Unconfirmed> assumed = new ArrayList<>();
        List<Unconfirmed> other = new ArrayList<>();
        for (Instrument i : a.instruments().values()) {
            Provenance p = i.provenance();
            if (i.inForceAssumed()) {
                assumed.add(new Unconfirmed(p.file(), p.line(), i.id(), ASSUMED + " " + i.signed().orElseThrow()
                        + " assumed (in_force_basis: signature-assumed; no date of ratification found)"));
            } else if (p.unconfirmed()) {
                other.add(new Unconfirmed(p.file(), p.line(), i.id(), "instrument flagged unconfirmed"));
            }
            for (Provision pr : i.provisions()) {
                boolean own = Boolean.TRUE.equals(pr.params().get("unconfirmed")) || (!i.inForceAssumed() && pr.provenance().unconfirmed());
                if (own) {
                    other.add(new Unconfirmed(pr.provenance().file(), pr.provenance().line(), pr.id(), "provision flagged unconfirmed"));
                }
            }
        }
        assumed.addAll(other);
        return assumed;
    }
}
