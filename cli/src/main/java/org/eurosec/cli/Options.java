package org.eurosec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.model.Architecture;
import picocli.CommandLine.Option;

/**
 * Where the data is (--data, which every command that reads facts has) and access to the options a
 * command may mix in besides: --format ({@link FormatOption}), -I ({@link ReadingOption}),
 * --regimes-dir ({@link RegimesDirOption}), --explain ({@link ExplainOption}) and --wide
 * ({@link WideOption}). A command mixes in only those it reads, so its help lists no option that
 * does nothing there; one it does not have reads as absent (table, no choices, the embedded regimes).
 * {@code HelpTextTest} checks that each listed option changes what the command does.
 */
final class Options {

    @Option(names = "--data", paramLabel = "DIR", description = "Read facts from DIR instead of the data embedded in the build.")
    Path data;

    /** The command this mixin belongs to; its root is {@link Main}, which holds the clock. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

    /** The value of the mixed-in option {@code name}, or {@code absent} when this command does not have it. */
    @SuppressWarnings("unchecked")
    private <T> T mixed(String name, T absent) {
        picocli.CommandLine.Model.OptionSpec o = mixee == null ? null : mixee.findOption(name);
        T v = o == null ? null : (T) o.getValue();
        return v == null ? absent : v;
    }

    Format format() {
        return mixed("--format", Format.TABLE);
    }

    List<String> interpretations() {
        return mixed("--interpretation", List.of());
    }

    Path regimesDir() {
        return mixed("--regimes-dir", null);
    }

    boolean explain() {
        return mixed("--explain", false);
    }

    /** Where today comes from: {@link Main}'s clock (fixed in tests), else the system's. */
    java.time.Clock clock() {
        if (mixee != null && mixee.root().userObject() instanceof Main m) {
            return m.clock;
        }
        return new SystemClock();
    }

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format (table, json, csv; for report: html, md)");
            }
        }
    }

    /** The application layer over this command's sources (embedded, or --data / --regimes-dir); -I choices go into each query. */
    org.eurosec.query.Eurosec eurosec() {
        return new org.eurosec.query.Eurosec(new org.eurosec.query.Eurosec.Sources(java.util.Optional.ofNullable(data),
                java.util.Optional.ofNullable(regimesDir()), List.of()), clock());
    }

    Architecture architecture() {
        return eurosec().architecture();
    }

    /** The regimes: the embedded ones, or those in --regimes-dir, checked against the data. */
    java.util.Map<String, org.eurosec.model.Regime> regimes(Architecture a) {
        return eurosec().regimes(a);
    }

    /** The -I choices as id → option, checked only for their shape (the regime's reading checks the ids). */
    java.util.Map<String, String> choices() {
        return eurosec().choices(interpretations());
    }
}
