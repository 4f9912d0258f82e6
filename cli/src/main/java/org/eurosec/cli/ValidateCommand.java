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
import org.eurosec.model.Architecture;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {"Check a data directory (the embedded one, or --data DIR): sources, ids, dates, spells.",
                "Prints file:line: message for each problem and exits 2 if there is any."})
final class ValidateCommand implements Callable<Integer> {

    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        Path dir = options.data != null ? options.data : EmbeddedData.directory();
        String shown = options.data != null ? options.data.toString().replaceAll("/+$", "") : "data";
        if (options.data != null && !Files.isDirectory(dir)) {
            throw new UserError("--data " + dir + ": not a directory");
        }
        List<Problem> problems = ArchitectureLoader.check(dir, shown);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (options.format == Format.JSON) {
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
            out.print(Json.write(m));
        } else if (options.format == Format.CSV) {
            Table t = new Table("file", "line", "message");
            problems.forEach(p -> t.row(p.file(), p.line(), p.message()));
            out.print(t.csv());
        } else if (problems.isEmpty()) {
            Architecture a = ArchitectureLoader.load(dir, shown);
            long provisions = a.instruments().values().stream().mapToLong(i -> i.provisions().size()).sum();
            long spells = a.organisations().values().stream().mapToLong(o -> o.members().size()).sum();
            out.println(shown + ": ok — " + a.states().size() + " states, " + a.organisations().size() + " organisations ("
                    + spells + " membership spells), " + a.instruments().size() + " instruments (" + provisions
                    + " provisions), " + a.interpretations().size() + " interpretations; covers " + a.coversFrom() + " to " + a.asOf());
        } else {
            problems.forEach(err::println);
            err.println(shown + ": " + problems.size() + " problem(s)");
        }
        return problems.isEmpty() ? 0 : 2;
    }
}
