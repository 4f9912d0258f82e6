package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.mechanism.Procedure;
import org.eurosec.mechanism.ProcedureRules;
import org.eurosec.model.Architecture;
import org.eurosec.store.BadInput;
import org.eurosec.store.Database;
import org.eurosec.store.Exercises;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "exercise", mixinStandardHelpOptions = true, description = "Create, list and replay exercises.",
        subcommands = {ExerciseCommand.New.class, ExerciseCommand.ListAll.class, ExerciseCommand.Replay.class})
final class ExerciseCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Exercises exercises(Options options, Database db) {
        Architecture base = options.architecture();
        return new Exercises(db, base, options.regimes(base), Clock.systemUTC());
    }

    @Command(name = "new", mixinStandardHelpOptions = true,
            description = {"Create an exercise under a regime: its parties are the regime's; prints a credential per delegation, one for",
                    "the depositary and one for observers. They are shown once and stored only as hashes."})
    static final class New implements Callable<Integer> {
        @Mixin
        Options options;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Option(names = "--regime", required = true, paramLabel = "ID", description = "The regime, e.g. est-2009.")
        String regime;

        @Option(names = "--instrument", paramLabel = "ID", description = "The instrument whose mechanisms run (default: the regime's own; required for status-quo).")
        String instrument;

        @Option(names = "--day", paramLabel = "YYYY-MM-DD", defaultValue = "2010-06-01", converter = Dates.class,
                description = "The day the exercise starts on, which fixes the parties (default 2010-06-01).")
        LocalDate day;

        @Option(names = "--clock", defaultValue = "real", description = "real (default) or accelerated.")
        String clock;

        @Option(names = "--factor", defaultValue = "60", description = "With --clock accelerated: exercise seconds per real second (default 60).")
        long factor;

        @Option(names = "--reply-within", paramLabel = "PERIOD", defaultValue = "P10D", description = "Where the text sets no time limit for a reply (default P10D).")
        String replyWithin;

        @Option(names = "--hold-within", paramLabel = "PERIOD", defaultValue = "P14D", description = "Where the text sets no time limit for consultations (default P14D).")
        String holdWithin;

        @Option(names = "--support-window", paramLabel = "PERIOD", defaultValue = "P7D", description = "Time to gather support for a conference (default P7D).")
        String supportWindow;

        @Option(names = "--voting-window", paramLabel = "PERIOD", defaultValue = "P2D", description = "Time a conference sits and votes (default P2D).")
        String votingWindow;

        @Override
        public Integer call() {
            ProcedureRules.Settings settings = new ProcedureRules.Settings(period("--reply-within", replyWithin), period("--hold-within", holdWithin),
                    period("--support-window", supportWindow), period("--voting-window", votingWindow));
            try (Database db = service.open()) {
                Exercises.Created c;
                try {
                    c = exercises(options, db).create(regime, Optional.ofNullable(instrument), day, clock, factor, settings, options.choices());
                } catch (BadInput e) {
                    throw new UserError(option(e.field()) + ": " + java.util.regex.Pattern.compile("; ([a-z_]+): ").matcher(e.getMessage())
                            .replaceAll(m -> "; " + option(m.group(1)) + ": "));
                }
                PrintWriter out = spec.commandLine().getOut();
                if (options.format == Format.JSON) {
                    Map<String, Object> m = Json.obj();
                    m.put("exercise", c.id());
                    m.put("regime", regime);
                    m.put("rules", c.state().rules().describe());
                    m.put("credentials", c.tokens());
                    Map<String, Object> k = Json.obj();
                    k.put("algorithm", org.eurosec.store.JournalKey.ALGORITHM);
                    k.put("key_id", db.key().id());
                    k.put("public_key", db.key().publicKeyBase64());
                    m.put("journal_key", k);
                    m.put("receipt", c.receipt().toJson());
                    out.print(Json.write(m));
                    return 0;
                }
                out.println("exercise " + c.id() + ": regime " + regime + ", mechanisms of " + c.state().rules().instrument() + ", "
                        + c.state().rules().parties().size() + " parties, starting " + day + " 09:00 UTC on a " + c.clock().mode() + " clock"
                        + (c.clock().mode().equals("accelerated") ? " (x" + c.clock().factor() + ")" : ""));
                out.println("rules: " + c.state().rules().describe());
                out.println();
                out.println("credentials (shown once, stored only as hashes; send as 'Authorization: Bearer TOKEN'):");
                Table t = new Table("actor", "credential");
                c.tokens().forEach(t::row);
                out.print(options.format == Format.CSV ? t.csv() : t.text());
                if (options.format != Format.CSV) {
                    out.println();
                    out.println("journal key (Ed25519; every accepted action's receipt is signed with it; keep your receipts):");
                    out.println("  key_id " + db.key().id());
                    out.println("  public " + db.key().publicKeyBase64());
                    out.println("receipt of the creation: " + c.receipt().toJson());
                }
                return 0;
            }
        }

        /** The option a field of the store's names: reply_within is --reply-within. */
        private static String option(String field) {
            return "--" + field.replace('_', '-');
        }

        private static Period period(String option, String v) {
            try {
                return Period.parse(v.trim()); // its bounds are the rules' to check (ProcedureRules.Settings.refusals)
            } catch (DateTimeParseException e) {
                throw new UserError(option + ": '" + v + "' is not a period such as P10D or P2D");
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The exercises in the database.")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        Options options;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = service.open()) {
                Exercises ex = exercises(options, db);
                Table t = new Table("exercise", "regime", "journal_entries", "now");
                for (String id : ex.ids()) {
                    t.row(id, ex.state(id).regime(), ex.journal(id).size(), ex.now(id));
                }
                spec.commandLine().getOut().print(options.format == Format.CSV ? t.csv() : t.text());
                return 0;
            }
        }
    }

    @Command(name = "replay", mixinStandardHelpOptions = true,
            description = {"Rebuild an exercise from its journal alone, through the rules of this build: every entry must be accepted",
                    "again, at its recorded time and by its recorded actor. Exit 4 when an entry does not replay."})
    static final class Replay implements Callable<Integer> {
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
                Exercises.Replay r;
                try {
                    r = exercises(options, db).replay(id);
                } catch (BadInput e) {
                    throw new UserError(e.getMessage() + " (`eurosec exercise list` shows them)");
                }
                PrintWriter out = spec.commandLine().getOut();
                if (options.format == Format.JSON) {
                    Map<String, Object> m = Json.obj();
                    m.put("exercise", id);
                    m.put("entries", r.entries());
                    m.put("replays", r.problems().isEmpty());
                    m.put("problems", r.problems());
                    if (r.state() != null) {
                        m.put("procedures", org.eurosec.server.ProcedureJson.view(r.state(), new org.eurosec.mechanism.Actor.Depositary()));
                    }
                    out.print(Json.write(m));
                } else {
                    out.println(id + ": " + r.entries() + " journal entries; " + (r.problems().isEmpty() ? "the exercise replays exactly"
                            : r.problems().size() + " problem(s)"));
                    r.problems().forEach(p -> out.println("  " + p));
                    if (r.state() != null) {
                        Table t = new Table("procedure", "kind", "provision", "status", "opened", "deadline");
                        for (Procedure p : r.state().procedures().values()) {
                            t.row(p.id(), p.kind(), p.provision(), p.status().id(), p.opened(), p.deadline().map(Object::toString).orElse(""));
                        }
                        out.print(t.text());
                    }
                }
                return r.problems().isEmpty() ? 0 : 4;
            }
        }
    }
}
