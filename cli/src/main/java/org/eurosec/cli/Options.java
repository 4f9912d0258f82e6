package org.eurosec.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eurosec.engine.Reading;
import org.eurosec.load.ArchitectureLoader;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import picocli.CommandLine.Option;

/** Options every command shares: where the data is, the output format, the reading of the law. */
final class Options {

    @Option(names = "--data", paramLabel = "DIR", description = "Read facts from DIR instead of the data embedded in the build.")
    Path data;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table (default), json or csv.", converter = FormatConverter.class)
    Format format = Format.TABLE;

    @Option(names = {"-I", "--interpretation"}, paramLabel = "ID=OPTION",
            description = "Switch a named interpretation (see `eurosec interpretations`). Repeatable.")
    List<String> interpretations = new ArrayList<>();

    @Option(names = "--explain", description = "Print, with each answer, the tree of provisions and facts behind it, with sources.")
    boolean explain;

    static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
        @Override
        public Format convert(String value) {
            try {
                return Format.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a format (table, json, csv)");
            }
        }
    }

    Architecture architecture() {
        if (data == null) {
            return EmbeddedData.load();
        }
        if (!Files.isDirectory(data)) {
            throw new UserError("--data " + data + ": not a directory");
        }
        return ArchitectureLoader.load(data, data.toString().replaceAll("/+$", ""));
    }

    Reading reading(Architecture a) {
        Reading r = Reading.defaults(a);
        for (String s : interpretations) {
            int eq = s.indexOf('=');
            if (eq <= 0 || eq == s.length() - 1) {
                throw new UserError("--interpretation takes ID=OPTION, got '" + s + "'");
            }
            try {
                r = r.with(s.substring(0, eq).trim(), s.substring(eq + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new UserError("--interpretation: " + e.getMessage());
            }
        }
        return r;
    }
}
