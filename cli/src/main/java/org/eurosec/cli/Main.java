package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.Map;
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
     * a tenth of a second for all of them on a cold JVM); {@code --version} alone builds none; anything
     * else (no command, {@code --help}, {@code help}, a misspelt name) builds the commands it names
     * and stands in for the others with their {@link #SUMMARIES}. {@code MainTreeTest} checks the
     * names against the commands' own. Each command is made by {@link #command(String)}, a switch
     * rather than a map of constructor references, whose two dozen lambdas would each be spun up at
     * every start.
     */
    static final java.util.List<String> COMMANDS = java.util.List.of("coverage", "actor", "actors", "instrument", "validate",
            "interpretations", "regimes", "regime", "scenario", "compare", "veto", "blocs", "levels", "timeline", "export", "reconcile",
            "overlap", "uniformity", "positions", "report", "serve", "exercise", "journal", "help");

    /**
     * Each subcommand's summary as the root usage lists it (the first line of its header, else of its
     * description: only picocli's {@code help} has a header). The
     * root usage ({@code eurosec}, {@code eurosec --help}, {@code eurosec help}) is printed from this
     * table, each command a stand-in with its name and summary, instead of building two dozen
     * commands (and their options, mixins and examples) only to print one line of each.
     * {@code HelpTextTest} checks every entry against the command's own description and the usage
     * printed this way against the one the full tree prints, so the two cannot drift apart.
     */
    static final Map<String, String> SUMMARIES = Map.ofEntries(
            Map.entry("coverage", "Who is and who is not covered by a binding defence guarantee on a day, and by which provisions."),
            Map.entry("actor", "One actor through time: a state's memberships, treaties and coverage periods, or an organisation's rules and members."),
            Map.entry("actors", "The states and organisations that existed on a day, with their codes and memberships that day."),
            Map.entry("instrument", "One treaty or document: its dates, legal force, parties and provisions, each with its source."),
            Map.entry("validate", "Check the data, the regimes and the scenarios (sources, ids, dates, spells) and print what the data holds."),
            Map.entry("interpretations", "The named interpretation switches, their options and defaults (switch one with -I ID=OPTION)."),
            Map.entry("regimes", "The regimes: sets of instruments applied on top of history (`eurosec regime show ID` for one)."),
            Map.entry("regime", "One regime: `eurosec regime show ID`."),
            Map.entry("scenario", "Run a scenario and check its expected findings (`scenario run FILE`), or list the shipped ones (`scenario list`)."),
            Map.entry("compare", "One scenario under several regimes, side by side: a row per event, effect and provision, a column per regime."),
            Map.entry("veto", "Who decides a state's accession to an organisation on a day under a regime, and who can block it, with the provision for each."),
            Map.entry("blocs", "The blocs drawn by binding ties between states on a day, per regime."),
            Map.entry("levels", "Levels of security: states grouped by the exact set of binding guarantees they hold on a day, per regime."),
            Map.entry("timeline", "How coverage, blocs and levels of security changed year by year, per regime."),
            Map.entry("export", "Research panels as CSV that join with COW and ATOP data: state-year, state-day or dyad-year rows."),
            Map.entry("reconcile", "Compare eurosec's directed dyad-year panel with your copy of ATOP or COW and give each disagreement its cause."),
            Map.entry("overlap", "The \"plethora of security organisations\": how bodies overlap in members and mandates on a day, per regime."),
            Map.entry("uniformity", "Whether conflict-settlement principles are applied uniformly: each state's recognitions and refusals on a day."),
            Map.entry("positions", "The actors' stated positions on the brief's four questions on a day, and who would accept or block each regime."),
            Map.entry("report", "One self-contained file (HTML, or Markdown with --format md) that answers the brief's questions for a day and regimes."),
            Map.entry("serve", "Start the web page and the HTTP API on localhost:7070 (the analyses, exercises, their procedures and journals); stop with Ctrl-C."),
            Map.entry("exercise", "Create, list, replay and administer exercises: credentials issued, rotated and revoked, an exercise closed."),
            Map.entry("journal", "Read or verify an exercise's hash-chained, signed journal."),
            Map.entry("help", "Display help information about the specified command."));

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

    /**
     * The command tree for {@code args}: the root with the one subcommand named first; with none for
     * the version alone, nor for the root usage alone ({@code eurosec}, {@code --help}, {@code -h}), which
     * lists the commands from {@link #SUMMARIES} ({@link RootUsage}); otherwise with every subcommand,
     * built when {@code args} name it (`help veto` builds help and veto) and a stand-in from
     * {@link #SUMMARIES} when they do not. A command
     * line can only reach a subcommand by naming it, so a stand-in is never parsed into: it serves
     * the root usage's list and picocli's "did you mean" suggestions, which read names and summaries only.
     */
    static CommandLine tree(Main root, String[] args) {
        CommandLine cl = new CommandLine(Specs.root(root));
        String first = args.length > 0 ? args[0] : "";
        if (!first.equals("help") && COMMANDS.contains(first)) {
            CommandLine.Model.CommandSpec programmatic = Specs.command(first);
            cl.addSubcommand(first, programmatic != null ? programmatic : command(first));
        } else if (args.length == 1 && (first.equals("-V") || first.equals("--version"))) {
            return cl; // the version alone needs no command
        } else if (args.length == 0 || args.length == 1 && (first.equals("-h") || first.equals("--help"))) {
            cl.setHelpFactory(new RootUsageFactory()); // the root usage alone: it lists the commands, none is built
        } else {
            java.util.Set<String> named = new java.util.HashSet<>(java.util.Arrays.asList(args));
            for (String name : COMMANDS) {
                cl.addSubcommand(name, named.contains(name) ? command(name) : standIn(name));
            }
        }
        return cl;
    }

    /** The tree with every subcommand built (what the root usage's table is checked against). */
    static CommandLine fullTree(Main root) {
        CommandLine cl = new CommandLine(root);
        for (String name : COMMANDS) {
            cl.addSubcommand(name, command(name));
        }
        return cl;
    }

    /** A subcommand as the root usage lists it: its name and summary, without its options (built without reading annotations). */
    private static CommandLine standIn(String name) {
        return new CommandLine(summary(name));
    }

    /** The model of a command as the root usage lists it: its name and its summary from {@link #SUMMARIES}, nothing else. */
    private static CommandLine.Model.CommandSpec summary(String name) {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create().name(name);
        spec.usageMessage().description(SUMMARIES.get(name));
        return spec;
    }

    /**
     * The root usage printed for the root alone: picocli's usage with every command listed from
     * {@link #SUMMARIES}, given to its help as bare models of a name and a summary. A tree of
     * stand-ins would have made a {@code CommandLine} of each, and picocli sets up its converters for
     * every {@code CommandLine} it makes, about as much as building the root, two dozen times.
     * {@code HelpTextTest} checks this usage against the one the fully built tree prints, byte for byte.
     */
    static final class RootUsage extends CommandLine.Help {
        RootUsage(CommandLine.Model.CommandSpec root, CommandLine.Help.ColorScheme colors) {
            super(root, colors);
            for (String name : COMMANDS) {
                addSubcommand(name, summary(name));
            }
        }

        /** The synopsis's " [COMMAND]", which picocli writes only when the root's model itself has subcommands. */
        @Override
        protected CommandLine.Help.Ansi.Text createDetailedSynopsisCommandText() {
            return ansi().new Text(0).concat(" ").concat(commandSpec().usageMessage().synopsisSubcommandLabel());
        }
    }

    /**
     * Picocli's help for the root is a {@link RootUsage}; for the commands it lists, its plain help. A
     * class rather than a lambda, for the class-data archive (see {@link Handlers}).
     */
    static final class RootUsageFactory implements CommandLine.IHelpFactory {
        @Override
        public CommandLine.Help create(CommandLine.Model.CommandSpec spec, CommandLine.Help.ColorScheme colors) {
            return spec.commandLine() != null && spec.parent() == null ? new RootUsage(spec, colors) : new CommandLine.Help(spec, colors);
        }
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
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(args, new PrintWriter(System.out, true), err, new SystemClock(), columns(System.getenv("COLUMNS")),
                System.getenv("EUROSEC_TRACE_STARTUP") != null ? err : null));
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
        return run(args, out, err, clock, columns, null);
    }

    /**
     * As {@link #run(String[], PrintWriter, PrintWriter, java.time.Clock, int)}; with a {@code trace}
     * (the launcher's environment variable EUROSEC_TRACE_STARTUP set), one line there at the end saying
     * where the run's wall time went: the JVM's start up to here, building the command tree, parsing and
     * running the command. A diagnostic for finding start-up costs; the figures the README quotes
     * come from {@code bench/startup}.
     */
    static int run(String[] args, PrintWriter out, PrintWriter err, java.time.Clock clock, int columns, PrintWriter trace) {
        long start = System.nanoTime();
        Table.WIDTH.set(columns);
        try {
            CommandLine cl = tree(new Main(clock), args);
            long built = System.nanoTime();
            int code = execute(cl, args, out, err);
            if (trace != null) {
                long end = System.nanoTime();
                long uptime = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
                trace.println("eurosec: start-up trace: JVM start to Main.run " + Math.max(0, uptime - (end - start) / 1_000_000) + " ms, command tree "
                        + (built - start) / 1_000_000 + " ms, parse and run " + (end - built) / 1_000_000 + " ms");
                trace.flush();
            }
            return code;
        } catch (OutOfMemoryError e) {
            // The heap of the answer being built is unreachable by now, so one line can still be written.
            err.println("eurosec: out of memory: this answer needs more than the heap ceiling of "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; give a larger one, e.g. EUROSEC_JAVA_OPTS=-Xmx2g ./eurosec ... "
                    + "(or java -Xmx2g -jar eurosec.jar ...)");
            err.flush();
            return 1;
        } finally {
            Table.WIDTH.remove();
        }
    }

    /** Runs {@code args} on the tree {@code cl} (whose root is a {@link Main}): {@link #tree}, or in tests {@link #fullTree}. */
    static int execute(CommandLine cl, String[] args, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        handle(cl, out, err);
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** Sets how {@code cl} runs a parsed command line and reports its failures ({@link Handlers}). */
    static void handle(CommandLine cl, PrintWriter out, PrintWriter err) {
        Handlers handlers = new Handlers(out, err);
        cl.setParameterExceptionHandler(handlers);
        cl.setExecutionExceptionHandler(handlers);
        cl.setExecutionStrategy(handlers);
    }

    /**
     * How a parsed command line is run and its failures reported: one named class, not lambdas (issue 15).
     * Picocli's handler interfaces are compiled for Java 5; a lambda implementing one makes the JVM link
     * the interface while it records the class-data archive, and then leave it out ("Old class has been
     * linked"), with the lambda and the picocli classes built on the interface ({@code RunLast} among
     * them): every run read those from the jar, verified them and spun the lambdas again.
     */
    private static final class Handlers implements CommandLine.IParameterExceptionHandler, CommandLine.IExecutionExceptionHandler,
            CommandLine.IExecutionStrategy {
        private final PrintWriter out;
        private final PrintWriter err;

        Handlers(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public int handleParseException(CommandLine.ParameterException ex, String[] arguments) {
            return Errors.parameter(ex, err);
        }

        @Override
        public int handleExecutionException(Exception ex, CommandLine commandLine, CommandLine.ParseResult parseResult) {
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
        }

        @Override
        public int execute(CommandLine.ParseResult parseResult) {
            CommandLine.ParseResult last = parseResult;
            while (last.hasSubcommand()) {
                last = last.subcommand();
            }
            if (!last.commandSpec().name().equals("report") && last.hasMatchedOption("--format")) {
                Object f = last.matchedOptionValue("--format", Format.TABLE);
                boolean recordOnly = false;
                for (CommandLine.Model.CommandSpec m : last.commandSpec().mixins().values()) {
                    recordOnly |= m.userObject() instanceof RecordFormatOption;
                }
                String writes = recordOnly ? "table or json" : "table, json or csv";
                if (f == Format.HTML || f == Format.MD) {
                    return Errors.user("--format " + f.toString().toLowerCase(java.util.Locale.ROOT)
                            + " is for `report`; this command writes " + writes, err, last.commandSpec().commandLine());
                }
                if (f == Format.CSV && recordOnly) {
                    return Errors.user("--format csv: this command writes one record, as " + writes, err, last.commandSpec().commandLine());
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
        }
    }
}
