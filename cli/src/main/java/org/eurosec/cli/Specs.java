package org.eurosec.cli;

import java.lang.reflect.Field;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.IGetter;
import picocli.CommandLine.Model.ISetter;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The picocli models of the commands a typical question runs, built with picocli's programmatic API
 * instead of from the annotations: reading the annotations (picocli's scan of each class's fields, and
 * the JDK spinning a proxy class for each annotation type on a cold JVM) was the largest single cost of
 * a question's start-up (issue 15; {@code bench/startup}). The root ({@code eurosec}) and the commands
 * of the typical questions {@code bench/startup} times ({@code coverage}, {@code veto}, {@code actor},
 * {@code instrument}) are built here; every other command is still built from its annotations. The annotations stay on
 * these classes too (the full tree the tests print from is built from them), and {@code SpecsTest}
 * checks that the two models agree: the same options with the same attributes, the same mixins and
 * the same help text, byte for byte.
 */
final class Specs {

    private Specs() {
    }

    /** The root, {@code eurosec}, as {@code @Command(mixinStandardHelpOptions = true, ...)} on {@link Main} declares it. */
    static CommandSpec root(Main main) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(main).name("eurosec").version("eurosec 0.1.0");
        s.usageMessage().description("An executable, explainable model of the Euro-Atlantic security architecture.");
        // picocli's standard help options, with its texts; a mixin of their own, as picocli adds them
        CommandSpec standard = CommandSpec.create();
        OptionSpec help = OptionSpec.builder("-h", "--help").usageHelp(true).descriptionKey("mixinStandardHelpOptions.help")
                .description("Show this help message and exit.").paramLabel("<helpRequested>").type(boolean.class).initialValue(false).build();
        OptionSpec version = OptionSpec.builder("-V", "--version").versionHelp(true).descriptionKey("mixinStandardHelpOptions.version")
                .description("Print version information and exit.").paramLabel("<versionRequested>").type(boolean.class).initialValue(false).build();
        help.setValue(false);
        version.setValue(false);
        standard.addOption(help);
        standard.addOption(version);
        s.addMixin("mixinStandardHelpOptions", standard);
        main.spec = s;
        return s;
    }

    /** The programmatic model of the subcommand {@code name}, or null when it is built from its annotations. */
    static CommandSpec command(String name) {
        return switch (name) {
            case "coverage" -> coverage(new CoverageCommand());
            case "veto" -> veto(new VetoCommand());
            case "actor" -> actor(new ActorCommand());
            case "instrument" -> instrument(new InstrumentCommand());
            default -> null;
        };
    }

    /** {@code coverage}, as {@link CoverageCommand}'s annotations declare it. */
    static CommandSpec coverage(CoverageCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("coverage");
        s.usageMessage().description("Who is and who is not covered by a binding defence guarantee on a day, and by which provisions.",
                "Default universe: the CSCE/OSCE participating States of that day.")
                .footer("", "Examples:", "  eurosec coverage --date 2009-12-01 --regime est-2009",
                        "  eurosec coverage --date 2009-12-01 --state UKR,GEO --explain", "  eurosec coverage --exclude microstate --format json");
        c.help = help(s);
        c.options = options(s);
        c.formatOption = format(s);
        c.readingOption = reading(s);
        c.regimesDirOption = regimesDir(s);
        c.explainOption = explain(s);
        c.wideOption = wide(s);
        c.spec = s;
        s.addOption(date(c, "The day to answer for (default: today)."));
        c.strictOption = strict(s);
        s.addOption(option(c, "all", "--all").type(boolean.class)
                .description("List every state in the data that existed that day, participating or not.").build());
        s.addOption(list(option(c, "exclude", "--exclude").paramLabel("TAG"))
                .description("Leave out states with this tag (e.g. microstate). Repeatable.").build());
        s.addOption(list(option(c, "only", "--state").paramLabel("ID"))
                .description("Only these states (e.g. --state UKR,GEO). Repeatable.").build());
        s.addOption(option(c, "regimeId", "--regime").paramLabel("ID").type(String.class)
                .description("Apply a regime's instruments on top of history (default: status-quo); its hypothetical treaties count as in force "
                        + "among all eligible parties. With --scenario, the scenario's column (default: its first).").build());
        s.addOption(option(c, "scenario", "--scenario").paramLabel("FILE").type(String.class)
                .description("Look at the world the scenario's events leave (a path, or the name of a shipped scenario); the day defaults to "
                        + "its last event's.").build());
        return s;
    }

    /** {@code veto}, as {@link VetoCommand}'s annotations declare it. */
    static CommandSpec veto(VetoCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("veto");
        s.usageMessage().description("Who decides a state's accession to an organisation on a day under a regime, and who can block it, "
                + "with the provision for each.")
                .footer("", "Examples:", "  eurosec veto --applicant GEO --organisation nato --date 2009-12-01 --regime est-2009",
                        "  eurosec veto --applicant UKR --organisation nato --date 2009-12-01 --explain");
        c.help = help(s);
        c.options = options(s);
        c.formatOption = format(s);
        c.readingOption = reading(s);
        c.regimesDirOption = regimesDir(s);
        c.explainOption = explain(s);
        c.wideOption = wide(s);
        c.spec = s;
        s.addOption(option(c, "applicant", "--applicant").required(true).paramLabel("STATE").type(String.class)
                .description("The state asking to join, e.g. GEO.").build());
        s.addOption(option(c, "organisation", "--organisation").required(true).paramLabel("ID").type(String.class)
                .description("The organisation, e.g. nato.").build());
        s.addOption(date(c, "The day (default: today)."));
        c.strictOption = strict(s);
        s.addOption(option(c, "regimeId", "--regime").paramLabel("ID").defaultValue("status-quo").type(String.class)
                .description("The regime (default: status-quo).").build());
        return s;
    }

    /** {@code actor}, as {@link ActorCommand}'s annotations declare it. */
    static CommandSpec actor(ActorCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("actor");
        s.usageMessage().description("One actor through time: a state's memberships, treaties and coverage periods, or an organisation's rules and members.")
                .footer("", "Examples:", "  eurosec actor UKR", "  eurosec actor nato --format json");
        c.help = help(s);
        c.options = options(s);
        c.formatOption = format(s);
        c.readingOption = reading(s);
        c.explainOption = explain(s);
        c.wideOption = wide(s);
        c.spec = s;
        s.addPositional(positional(c, "id").paramLabel("ID").required(true)
                .description("A state id (UKR, DEU, SUN, XKX, ...) or an organisation id (nato, csto, ...).").build());
        return s;
    }

    /** {@code instrument}, as {@link InstrumentCommand}'s annotations declare it. */
    static CommandSpec instrument(InstrumentCommand c) {
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("instrument");
        s.usageMessage().description("One treaty or document: its dates, legal force, parties and provisions, each with its source.",
                "Without an id: the list of instruments (in force on --date if given).")
                .footer("", "Examples:", "  eurosec instrument north-atlantic-treaty-1949", "  eurosec instrument --date 2009-12-01");
        c.help = help(s);
        c.options = options(s);
        c.formatOption = format(s);
        c.regimesDirOption = regimesDir(s);
        c.wideOption = wide(s);
        c.spec = s;
        s.addPositional(positional(c, "id").paramLabel("ID").arity("0..1")
                .description("An instrument id, e.g. north-atlantic-treaty-1949.").build());
        s.addOption(date(c, "With no id: list only the instruments in force (or, for political ones, adopted) that day."));
        return s;
    }

    /** {@code --date}, a day given as YYYY-MM-DD, described for its command. */
    private static OptionSpec date(Object command, String description) {
        return option(command, "date", "--date").paramLabel("YYYY-MM-DD").type(LocalDate.class).converters(new Dates())
                .description(description).build();
    }

    /** {@link StrictOption}, mixed into {@code s}. */
    static StrictOption strict(CommandSpec s) {
        StrictOption o = new StrictOption();
        s.addMixin("strictOption", mixin(o, option(o, "strict", "--strict").type(boolean.class)
                .description("Answer unknown for a day after the facts were last checked (facts_checked_through), "
                        + "instead of answering it provisionally from the facts as last checked.").build()));
        return o;
    }

    /** {@link HelpOption}, mixed into {@code s}. */
    static HelpOption help(CommandSpec s) {
        HelpOption o = new HelpOption();
        s.addMixin("help", mixin(o, option(o, "help", "-h", "--help").usageHelp(true).type(boolean.class)
                .description("Show this help message and exit.").build()));
        return o;
    }

    /** {@link Options} (--data, and the command it belongs to), mixed into {@code s}. */
    static Options options(CommandSpec s) {
        Options o = new Options();
        o.mixee = s;
        s.addMixin("options", mixin(o, option(o, "data", "--data").paramLabel("DIR").type(Path.class)
                .description("Read facts from DIR instead of the data embedded in the build.").build()));
        return o;
    }

    /** {@link FormatOption}, mixed into {@code s}. */
    static FormatOption format(CommandSpec s) {
        FormatOption o = new FormatOption();
        s.addMixin("formatOption", mixin(o, option(o, "format", "--format").paramLabel("FORMAT").defaultValue("table").type(Format.class)
                .converters(new Options.FormatConverter()).description("table (default), json or csv.").build()));
        return o;
    }

    /** {@link ReadingOption}, mixed into {@code s}. */
    static ReadingOption reading(CommandSpec s) {
        ReadingOption o = new ReadingOption();
        s.addMixin("readingOption", mixin(o, option(o, "interpretations", "-I", "--interpretation").type(List.class).auxiliaryTypes(String.class).paramLabel("ID=OPTION")
                .description("Switch a named interpretation (see `eurosec interpretations`). Repeatable.").build()));
        return o;
    }

    /** {@link RegimesDirOption}, mixed into {@code s}. */
    static RegimesDirOption regimesDir(CommandSpec s) {
        RegimesDirOption o = new RegimesDirOption();
        s.addMixin("regimesDirOption", mixin(o, option(o, "regimesDir", "--regimes-dir").paramLabel("DIR").type(Path.class)
                .description("Read regimes from DIR (every *.yaml in it) instead of the regimes embedded in the build.").build()));
        return o;
    }

    /** {@link ExplainOption}, mixed into {@code s}. */
    static ExplainOption explain(CommandSpec s) {
        ExplainOption o = new ExplainOption();
        s.addMixin("explainOption", mixin(o, option(o, "explain", "--explain").type(boolean.class)
                .description("Print, with each answer, the tree of provisions and facts behind it, with sources.").build()));
        return o;
    }

    /** {@link WideOption}, mixed into {@code s}. */
    static WideOption wide(CommandSpec s) {
        WideOption o = new WideOption();
        s.addMixin("wideOption", mixin(o, option(o, "wide", "--wide").type(boolean.class)
                .description("Tables at full width: long lists in full, cells never wrapped (default: fit the terminal, or 100 columns).").build()));
        return o;
    }

    private static CommandSpec mixin(Object userObject, OptionSpec... options) {
        CommandSpec m = CommandSpec.wrapWithoutInspection(userObject);
        for (OptionSpec o : options) {
            m.addOption(o);
        }
        return m;
    }

    /** A multi-value option of strings, split at commas, as picocli models a {@code List<String>} field with {@code split = ","}. */
    private static OptionSpec.Builder list(OptionSpec.Builder b) {
        return b.type(List.class).auxiliaryTypes(String.class).splitRegex(",");
    }

    /** An option bound to the field {@code field} of {@code target}, whose value it starts from (as picocli takes a field's initial value). */
    private static OptionSpec.Builder option(Object target, String field, String... names) {
        FieldBinding binding = new FieldBinding(target, field);
        // what picocli gives an annotated field that does not say: no description key, the field's name as its label
        return OptionSpec.builder(names).getter(binding).setter(binding).initialValue(binding.get()).descriptionKey("").paramLabel("<" + field + ">");
    }

    /** A positional parameter of type String bound to the field {@code field} of {@code target}. */
    private static PositionalParamSpec.Builder positional(Object target, String field) {
        FieldBinding binding = new FieldBinding(target, field);
        return PositionalParamSpec.builder().getter(binding).setter(binding).initialValue(binding.get()).descriptionKey("").type(String.class);
    }

    /**
     * A field as picocli's getter and setter, found by name: the field alone is looked up, none of
     * its annotations is read. Picocli's own binding of this kind is not public.
     */
    static final class FieldBinding implements IGetter, ISetter {
        private final Object target;
        private final Field field;

        FieldBinding(Object target, String name) {
            this.target = target;
            try {
                this.field = target.getClass().getDeclaredField(name);
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException("no field " + name + " in " + target.getClass().getName(), e);
            }
            field.setAccessible(true);
        }

        @Override
        @SuppressWarnings("unchecked")
        public <T> T get() {
            try {
                return (T) field.get(target);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public <T> T set(T value) {
            T old = get();
            try {
                field.set(target, value);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
            return old;
        }
    }
}
