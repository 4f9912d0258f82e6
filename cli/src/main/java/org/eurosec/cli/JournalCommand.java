package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.eurosec.store.BadInput;
import org.eurosec.store.Database;
import org.eurosec.store.Journal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "journal", mixinStandardHelpOptions = true, description = "Read or verify an exercise's hash-chained journal.",
        subcommands = {JournalCommand.Verify.class, JournalCommand.Show.class})
final class JournalCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The exercise's journal as stored, or a one-line error naming the exercise. */
    static List<Journal.Entry> entries(Options options, Database db, String id) {
        try {
            return ExerciseCommand.exercises(options, db).journal(id);
        } catch (BadInput e) {
            throw new UserError(e.getMessage() + " in " + db.url() + " (`eurosec exercise list` shows them)");
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Check the hash chain: names every edited, removed or reordered entry. Exit 4 when the journal is not intact.")
    static final class Verify implements Callable<Integer> {
        @Mixin
        Options options;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EXERCISE")
        String id;

        @Override
        public Integer call() {
            try (Database db = service.open()) {
                List<Journal.Entry> entries = entries(options, db, id);
                List<String> problems = Journal.verify(entries);
                PrintWriter out = spec.commandLine().getOut();
                if (options.format == Format.JSON) {
                    Map<String, Object> m = Json.obj();
                    m.put("exercise", id);
                    m.put("entries", entries.size());
                    m.put("intact", problems.isEmpty());
                    m.put("problems", problems);
                    out.print(Json.write(m));
                } else {
                    out.println(id + ": " + entries.size() + " entries; " + (problems.isEmpty() ? "the chain is intact (last hash "
                            + entries.get(entries.size() - 1).hash().substring(0, 16) + "...)" : "NOT intact:"));
                    problems.forEach(p -> out.println("  " + p));
                }
                return problems.isEmpty() ? 0 : 4;
            } catch (BadInput e) {
                throw new UserError(e.getMessage());
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "List the journal's entries.")
    static final class Show implements Callable<Integer> {
        @Mixin
        Options options;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EXERCISE")
        String id;

        @Override
        public Integer call() {
            try (Database db = service.open()) {
                Table t = new Table("seq", "at", "actor", "kind", "body", "hash");
                for (Journal.Entry e : entries(options, db, id)) {
                    t.row(e.seq(), e.atExercise(), e.actor(), e.kind(), e.body().length() > 100 ? e.body().substring(0, 97) + "..." : e.body(),
                            e.hash().substring(0, 12));
                }
                spec.commandLine().getOut().print(options.format == Format.CSV ? t.csv() : t.text());
                return 0;
            }
        }
    }
}
