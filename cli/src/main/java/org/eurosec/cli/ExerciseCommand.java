package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
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

@Command(name = "exercise",
        description = "Create, list, replay and administer exercises: credentials issued, rotated and revoked, an exercise closed.",
        subcommands = {ExerciseCommand.New.class, ExerciseCommand.ListAll.class, ExerciseCommand.Replay.class, ExerciseCommand.AdminToken.class,
                ExerciseCommand.CredentialList.class, ExerciseCommand.Issue.class, ExerciseCommand.Rotate.class, ExerciseCommand.Revoke.class,
                ExerciseCommand.Close.class, FollowCommand.class},
                footer = {"", "Examples:", "  eurosec exercise new --regime est-2009 --clock accelerated --factor 600", "  eurosec exercise list"})
final class ExerciseCommand implements Runnable {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The option a field of the store's names: reply_within is --reply-within. */
    static String option(String field) {
        return "--" + field.replace('_', '-');
    }

    static Exercises exercises(Options options, Database db) {
        Architecture base = options.architecture();
        return new Exercises(db, base, options.regimes(base), options.clock());
    }

    @Command(name = "new",
            description = {"Create an exercise under a regime and print a credential for each of its actors.",
                    "Its parties are the regime's: a credential per delegation, one for the depositary and one for observers, "
                        + "shown once and stored only as hashes."},
                    footer = {"", "Examples:", "  eurosec exercise new --regime est-2009 --clock accelerated --factor 600", "  eurosec exercise new --regime status-quo --instrument vienna-document-2011 --day 2012-03-01"})
    static final class New implements Callable<Integer> {
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
                if (options.format() == Format.JSON) {
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
                out.print(options.format() == Format.CSV ? t.csv() : t.text());
                if (options.format() != Format.CSV) {
                    out.println();
                    out.println("journal key (Ed25519; every accepted action's receipt is signed with it; keep your receipts):");
                    out.println("  key_id " + db.key().id());
                    out.println("  public " + db.key().publicKeyBase64());
                    out.println("receipt of the creation: " + c.receipt().toJson());
                }
                return 0;
            }
        }

        private static Period period(String option, String v) {
            try {
                return Period.parse(v.trim()); // its bounds are the rules' to check (ProcedureRules.Settings.refusals)
            } catch (DateTimeParseException e) {
                throw new UserError(option + ": '" + v + "' is not a period such as P10D or P2D");
            }
        }
    }

    @Command(name = "list", description = "The exercises in the database.",
        footer = {"", "Examples:", "  eurosec exercise list", "  eurosec exercise list --format json"})
    static final class ListAll implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        FormatOption formatOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = service.open()) {
                Exercises ex = exercises(options, db);
                Table t = new Table("exercise", "regime", "journal_entries", "now", "closed_at");
                // From the database's index and each exercise's first entry: no exercise is read into memory, no journal read whole.
                for (Exercises.Summary s : ex.summaries()) {
                    t.row(s.id(), s.regime(), s.entries(), ex.nowOf(s.id()), s.closedAt().orElse(""));
                }
                spec.commandLine().getOut().print(options.format() == Format.CSV ? t.csv() : t.text());
                return 0;
            }
        }
    }

    @Command(name = "replay",
            description = {"Rebuild an exercise from its journal alone, through the rules of this build.",
                    "Every entry must be accepted again, at its recorded time and by its recorded actor. Exit 4 when an entry does not replay."},
                    footer = {"", "Examples:", "  eurosec exercise replay ex-ab12cd"})
    static final class Replay implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        RecordFormatOption formatOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @picocli.CommandLine.Mixin
        WideOption wideOption;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EXERCISE")
        String id;

        @Override
        public Integer call() {
            Exercises.Replay r = withExercises(options, service, ex -> ex.replay(id),
                    e -> e.getMessage() + " (`eurosec exercise list` shows them)");
            PrintWriter out = spec.commandLine().getOut();
            if (options.format() == Format.JSON) {
                Map<String, Object> m = Json.obj();
                m.put("exercise", id);
                m.put("entries", r.entries());
                m.put("replays", r.problems().isEmpty());
                m.put("problems", r.problems());
                if (r.state() != null) {
                    // Written a procedure at a time: an exercise of hundreds of thousands of them fits the
                    // heap that replays it, their maps and text all at once would not.
                    org.eurosec.mechanism.Actor all = new org.eurosec.mechanism.Actor.Depositary();
                    m.put("procedures", org.eurosec.server.ProcedureJson.onDemand(all, org.eurosec.mechanism.Mechanism.visible(r.state(), all)));
                }
                org.eurosec.query.Json.write(m, out);
            } else {
                out.println(id + ": " + r.entries() + " journal entries; " + (r.problems().isEmpty() ? "the exercise replays exactly"
                        : r.problems().size() + " problem(s)"));
                r.problems().forEach(p -> out.println("  " + p));
                if (r.state() != null) {
                    java.util.Collection<Procedure> procedures = r.state().procedures().values();
                    Table.print(out, List.of("procedure", "kind", "provision", "status", "opened", "deadline"), () -> procedures.stream()
                            .map(p -> Table.cells(p.id(), p.kind(), p.provision(), p.status().id(), p.opened(), p.deadline().map(Object::toString).orElse("")))
                            .iterator());
                }
            }
            return r.problems().isEmpty() ? 0 : 4;
        }
    }

    @Command(name = "admin-token",
            description = {"Make the administrator's credential, which creates exercises and issues, rotates and revokes credentials over HTTP.",
                    "It is printed once and stored only as a hash; `serve` makes it on its first start. With an existing one, nothing changes "
                        + "unless --replace makes a new one (the old one is refused from then on)."},
                    footer = {"", "Examples:", "  eurosec exercise admin-token --replace"})
    static final class AdminToken implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        RecordFormatOption formatOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Option(names = "--replace", description = "Make a new administrator's credential in place of the existing one.")
        boolean replace;

        @Override
        public Integer call() {
            try (Database db = service.open()) {
                Optional<String> token = exercises(options, db).adminToken(replace);
                PrintWriter out = spec.commandLine().getOut();
                if (token.isEmpty()) {
                    throw new UserError("--replace: an administrator's credential exists and is kept (it was shown once); "
                            + "`eurosec exercise admin-token --replace` makes a new one");
                }
                if (options.format() == Format.JSON) {
                    Map<String, Object> m = Json.obj();
                    m.put("admin_credential", token.get());
                    out.print(Json.write(m));
                } else {
                    out.println("administrator's credential (shown once, stored only as a hash; send as 'Authorization: Bearer TOKEN' to /api/admin):");
                    out.println(token.get());
                }
                return 0;
            }
        }
    }

    /**
     * Runs one piece of work on the exercises of the database the service options name, closing it
     * after; a refusal of the input becomes a user error worded by {@code message}.
     */
    static <T> T withExercises(Options options, ServiceOptions service, Function<Exercises, T> work, Function<BadInput, String> message) {
        try (Database db = service.open()) {
            try {
                return work.apply(exercises(options, db));
            } catch (BadInput e) {
                throw new UserError(message.apply(e));
            }
        }
    }

    /** What the credential commands share: the exercise and the actor. */
    abstract static class CredentialCommand implements Callable<Integer> {
        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        RecordFormatOption formatOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EXERCISE", description = "The exercise, e.g. ex-ab12cd (`eurosec exercise list` shows them).")
        String id;

        @Option(names = "--actor", required = true, paramLabel = "ACTOR", description = "delegation:ISO3 (a party's), depositary or observer.")
        String actor;

        <T> T run(Function<Exercises, T> work) {
            return withExercises(options, service, work,
                    e -> ("exercise".equals(e.field()) || "actor".equals(e.field()) ? "" : option(e.field()) + ": ") + e.getMessage());
        }

        int printIssued(Exercises.NewCredential n) {
            PrintWriter out = spec.commandLine().getOut();
            if (options.format() == Format.JSON) {
                Map<String, Object> m = Json.obj();
                m.put("exercise", n.exercise());
                m.put("actor", n.actor());
                m.put("credential", n.token());
                m.put("revoked", n.revoked());
                out.print(Json.write(m));
            } else {
                out.println("credential of " + n.actor() + " in " + n.exercise() + " (shown once, stored only as a hash)"
                        + (n.revoked() > 0 ? "; " + n.revoked() + " earlier one(s) revoked" : "") + ":");
                out.println(n.token());
            }
            return 0;
        }
    }

    @Command(name = "issue",
            description = {"Issue one more credential to an actor of an open exercise: a party's delegation, the depositary or an observer.",
                    "It is printed once and stored only as a hash; the actor's other credentials keep working."},
                    footer = {"", "Examples:", "  eurosec exercise issue ex-ab12cd --actor observer"})
    static final class Issue extends CredentialCommand {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Override
        public Integer call() {
            return printIssued(run(ex -> ex.issue(id, actor, false)));
        }
    }

    @Command(name = "rotate",
            description = {"Replace an actor's credentials in an open exercise with a new one, printed once: the old ones are refused from now on."},
            footer = {"", "Examples:", "  eurosec exercise rotate ex-ab12cd --actor delegation:GEO"})
    static final class Rotate extends CredentialCommand {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Override
        public Integer call() {
            return printIssued(run(ex -> ex.issue(id, actor, true)));
        }
    }

    @Command(name = "revoke",
            description = {"Revoke every credential an actor holds in an exercise: each is refused (401) from now on.",
                    "A running server on the same database notices within a second."},
                    footer = {"", "Examples:", "  eurosec exercise revoke ex-ab12cd --actor delegation:GEO"})
    static final class Revoke extends CredentialCommand {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Override
        public Integer call() {
            Exercises.Revocation r = run(ex -> ex.revoke(id, actor));
            PrintWriter out = spec.commandLine().getOut();
            if (options.format() == Format.JSON) {
                Map<String, Object> m = Json.obj();
                m.put("exercise", r.exercise());
                m.put("actor", r.actor());
                m.put("revoked", r.revoked());
                out.print(Json.write(m));
            } else {
                out.println(r.actor() + " in " + r.exercise() + ": " + r.revoked() + " credential(s) revoked");
            }
            return 0;
        }
    }

    @Command(name = "close",
            description = {"Close an exercise and print the closing's signed receipt.",
                    "Deadlines already passed are journaled, then the closing with its reason; from then on every action is refused "
                        + "(409, exit 2) and everything stays readable."},
                    footer = {"", "Examples:", "  eurosec exercise close ex-ab12cd --reason \"end of the session\""})
    static final class Close implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        RecordFormatOption formatOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EXERCISE", description = "The exercise, e.g. ex-ab12cd.")
        String id;

        @Option(names = "--reason", paramLabel = "TEXT", defaultValue = "", description = "Why it is closed (journaled with the closing).")
        String reason;

        @Override
        public Integer call() {
            org.eurosec.store.Receipt r = withExercises(options, service, ex -> ex.closeExercise(id, reason),
                    e -> ("exercise".equals(e.field()) ? "" : option(e.field()) + ": ") + e.getMessage());
            PrintWriter out = spec.commandLine().getOut();
            if (options.format() == Format.JSON) {
                Map<String, Object> m = Json.obj();
                m.put("exercise", id);
                m.put("closed", true);
                m.put("receipt", r.toJson());
                out.print(Json.write(m));
            } else {
                out.println(id + " is closed (journal entry " + r.seq() + "); receipt: " + r.toJson());
            }
            return 0;
        }
    }

    @Command(name = "credentials",
            description = {"List an exercise's credentials: the actor, an id (the first characters of the stored hash), when each was issued and revoked.",
                    "No credential itself is ever shown again."},
                    footer = {"", "Examples:", "  eurosec exercise credentials ex-ab12cd"})
    static final class CredentialList implements Callable<Integer> {
        @picocli.CommandLine.Mixin
        HelpOption help;

        @Mixin
        Options options;
        @picocli.CommandLine.Mixin
        FormatOption formatOption;
        @picocli.CommandLine.Mixin
        RegimesDirOption regimesDirOption;
        @Mixin
        ServiceOptions service;
        @Spec
        CommandSpec spec;

        @Parameters(paramLabel = "EXERCISE", description = "The exercise, e.g. ex-ab12cd.")
        String id;

        @Override
        public Integer call() {
            java.util.List<org.eurosec.store.Credentials.Issued> all = withExercises(options, service, ex -> ex.credentials(id),
                    e -> e.getMessage() + " (`eurosec exercise list` shows them)");
            Table t = new Table("actor", "id", "issued_at", "revoked_at");
            all.forEach(i -> t.row(i.actor(), i.id(), i.issuedAt(), i.revokedAt()));
            PrintWriter out = spec.commandLine().getOut();
            if (options.format() == Format.JSON) {
                out.print(Json.write(all.stream().map(i -> {
                    Map<String, Object> m = Json.obj();
                    m.put("actor", i.actor());
                    m.put("id", i.id());
                    m.put("issued_at", i.issuedAt().isEmpty() ? null : i.issuedAt());
                    m.put("revoked_at", i.revokedAt().isEmpty() ? null : i.revokedAt());
                    return m;
                }).toList()));
            } else {
                out.print(options.format() == Format.CSV ? t.csv() : t.text());
            }
            return 0;
        }
    }
}
