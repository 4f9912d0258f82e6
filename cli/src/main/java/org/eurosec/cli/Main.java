package org.eurosec.cli;

import java.io.PrintWriter;
import org.eurosec.load.DataException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The `eurosec` command: every analysis as a subcommand, with table, JSON and CSV output. */
@Command(name = "eurosec", mixinStandardHelpOptions = true, version = "eurosec 0.1.0",
        description = "An executable, explainable model of the Euro-Atlantic security architecture.")
public final class Main implements Runnable {

    /**
     * The subcommands' names, in the order the usage lists them. A command line naming one of them
     * first builds only that one (picocli reads each command's annotations when it is added, about
     * a tenth of a second for all of them on a cold JVM); anything else (no command, {@code --help},
     * {@code help}, a misspelt name) builds them all, except {@code --version} alone, which builds none.
     * {@code MainTest} checks the names against the commands' own. Each command is made by
     * {@link #command(String)}, a switch rather than a map of constructor references, whose two dozen
     * lambdas would each be spun up at every start.
     */
    static final java.util.List<String> COMMANDS = java.util.List.of("coverage", "actor", "actors", "instrument", "validate",
            "interpretations", "regimes", "regime", "scenario", "compare", "veto", "blocs", "levels", "timeline", "export", "reconcile",
            "overlap", "uniformity", "positions", "report", "serve", "exercise", "journal", "help");

    /** A new instance of the subcommand {@code name} (one of {@link #COMMANDS}). */
    static Object command(String name) {
        return switch (name) {
            case "coverage" -> new CoverageCommand();
            case "actor" -> new ActorCommand();
            case "actors" -> new ActorsCommand();
            case "instrument" -> new InstrumentCommand();
            case "validate" -> new ValidateCommand();
            case "interpretations" -> new InterpretationsCommand();
            case "regimes" -> new RegimesCommand();
            case "regime" -> new RegimeCommand();
            case "scenario" -> new ScenarioCommand();
            case "compare" -> new CompareCommand();
            case "veto" -> new VetoCommand();
            case "blocs" -> new BlocsCommand();
            case "levels" -> new LevelsCommand();
            case "timeline" -> new TimelineCommand();
            case "export" -> new ExportCommand();
            case "reconcile" -> new ReconcileCommand();
            case "overlap" -> new OverlapCommand();
            case "uniformity" -> new UniformityCommand();
            case "positions" -> new PositionsCommand();
            case "report" -> new ReportCommand();
            case "serve" -> new ServeCommand();
            case "exercise" -> new ExerciseCommand();
            case "journal" -> new JournalCommand();
            case "help" -> new CommandLine.HelpCommand();
            default -> throw new IllegalArgumentException("no command " + name);
        };
    }

    /** The command tree for {@code args}: the root with the one subcommand named first, or with all of them. */
    static CommandLine tree(Main root, String[] args) {
        CommandLine cl = new CommandLine(root);
        String first = args.length > 0 ? args[0] : "";
        if (!first.equals("help") && COMMANDS.contains(first)) {
            cl.addSubcommand(first, command(first));
        } else if (args.length == 1 && (first.equals("-V") || first.equals("--version"))) {
            return cl; // the version alone needs no command
        } else {
            for (String name : COMMANDS) {
                cl.addSubcommand(name, command(name));
            }
        }
        return cl;
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** The commands whose text output (tables and the prose around them) is fitted to the terminal's width. */
    private static final java.util.Set<String> FITTED = java.util.Set.of("coverage", "actor", "actors", "instrument", "validate",
            "interpretations", "regimes", "regime", "scenario", "compare", "veto", "blocs", "levels", "timeline", "overlap", "uniformity",
            "positions");

    /** Where "today" comes from: the day every dated command answers for when no --date is given. */
    final java.time.Clock clock;

    Main(java.time.Clock clock) {
        this.clock = clock;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true), new SystemClock()));
    }

    /** Runs the command line with today's date from the system clock (the machine's time zone). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, new SystemClock());
    }

    /**
     * Runs the command line with the given streams and returns the exit status (0 ok, 2 bad input or
     * data, 1 a fault of ours); tables fit $COLUMNS (which the launcher sets from the terminal), else
     * {@value Table#DEFAULT_WIDTH} columns.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.time.Clock clock) {
        return run(args, out, err, clock, columns(System.getenv("COLUMNS")));
    }

    /** The width $COLUMNS gives, or the default when it is unset or not a sensible number. */
    static int columns(String env) {
        try {
            int n = env == null ? 0 : Integer.parseInt(env.trim());
            return n >= 20 ? n : Table.DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return Table.DEFAULT_WIDTH;
        }
    }

    /** As {@link #run(String[], PrintWriter, PrintWriter, java.time.Clock)}, with tables fitted to {@code columns}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err, java.time.Clock clock, int columns) {
        Table.WIDTH.set(columns);
        try {
            return execute(args, out, err, clock);
        } finally {
            Table.WIDTH.remove();
        }
    }

    private static int execute(String[] args, PrintWriter out, PrintWriter err, java.time.Clock clock) {
        CommandLine cl = tree(new Main(clock), args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setParameterExceptionHandler((ex, arguments) -> Errors.parameter(ex, err));
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof org.eurosec.query.QueryException q) {
                return Errors.print(q, err, commandLine);
            }
            if (ex instanceof UserError || ex instanceof org.eurosec.engine.UndeclaredClash) {
                return Errors.user(ex.getMessage(), err, commandLine);
            }
            if (ex instanceof DataException de) {
                Errors.problems(de.problems(), new org.eurosec.query.QueryException.DataProblems("data", de.problems(), true).closing(), err);
                return 2;
            }
            if (ex instanceof org.eurosec.store.StoreUnavailable) {
                err.println("eurosec: " + ex.getMessage());
                return 1;
            }
            err.println("eurosec: internal error (please report): " + ex);
            return 1;
        });
        cl.setExecutionStrategy(parseResult -> {
            CommandLine.ParseResult last = parseResult;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            if (!last.commandSpec().name().equals("report") && last.hasMatchedOption("--format")) {
                Object f = last.matchedOptionValue("--format", Format.TABLE);
                if (f == Format.HTML || f == Format.MD) {
                    return Errors.user("--format " + f.toString().toLowerCase(java.util.Locale.ROOT)
                            + " is for `report`; this command writes table, json or csv", err, last.commandSpec().commandLine());
                }
            }
            if (last.hasMatchedOption("--wide")) {
                Table.WIDTH.set(Integer.MAX_VALUE);
            }
            PrintWriter fitted = null;
            if (FITTED.contains(last.commandSpec().qualifiedName(" ").replaceFirst("^eurosec ", "").split(" ")[0])
                    && last.matchedOptionValue("--format", Format.TABLE) == Format.TABLE && Table.WIDTH.get() != Integer.MAX_VALUE) {
                fitted = FittedWriter.over(out, Table.WIDTH.get());
                last.commandSpec().commandLine().setOut(fitted);
            }
            try {
                return new CommandLine.RunLast().execute(parseResult);
            } finally {
                if (fitted != null) {
                    fitted.flush();
                }
            }
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
