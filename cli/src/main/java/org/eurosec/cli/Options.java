package org.eurosec.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.model.Architecture;
import picocli.CommandLine.Option;

/** Options every command shares: where the data is, the output format, the reading of the law. */
final class Options {

    @Option(names = "--data", paramLabel = "DIR", description = "Read facts from DIR instead of the data embedded in the build.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv; for report: html (default) or md.", converter = FormatConverter.class)
    Format format = Format.TABLE;

    @Option(names = {"-I", "--interpretation"}, paramLabel = "ID=OPTION",
            description = "Switch a named interpretation (see `eurosec interpretations`). Repeatable.")
    List<String> interpretations = new ArrayList<>();

    @Option(names = "--regimes-dir", paramLabel = "DIR",
            description = "Read regimes from DIR (every *.yaml in it) instead of the regimes embedded in the build.")
    Path regimesDir;

    @Option(names = "--explain", description = "Print, with each answer, the tree of provisions and facts behind it, with sources.")
    boolean explain;

    @Option(names = "--wide", description = "Tables at full width: long lists in full, cells never wrapped (default: fit the terminal, or 100 columns).")
    boolean wide;

    /** The command this mixin belongs to; its root is {@link Main}, which holds the clock. */
    @picocli.CommandLine.Spec(picocli.CommandLine.Spec.Target.MIXEE)
    picocli.CommandLine.Model.CommandSpec mixee;

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
                java.util.Optional.ofNullable(regimesDir), List.of()), clock());
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
        return eurosec().choices(interpretations);
    }
}
