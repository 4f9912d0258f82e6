package org.eurosec.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.eurosec.query.Export;
import org.eurosec.query.QueryException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "export",
        description = {"Research panels as CSV that join with COW and ATOP data: state-year, state-day or dyad-year rows.",
                "Each row has ccode and iso3 and one column per obligation kind (defence, offence, neutrality, non_aggression, consultation).",
                "A cell is 1 (held on some covered day), 0 (never held, the whole period covered) or empty (not held on the "
                        + "covered days of a year the data covers only in part)."},
                footer = {"", "Examples:", "  eurosec export state-year --from 1991 --to 2010", "  eurosec export state-day --from 2009-01-01 --to 2009-12-31 --exclude microstate", "  eurosec export dyad-year --directed --convention atop --out dyad-year.csv"})
final class ExportCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    HelpOption help;


    @Mixin
    Options options;
    @picocli.CommandLine.Mixin
    ReadingOption readingOption;
    @picocli.CommandLine.Mixin
    RegimesDirOption regimesDirOption;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "PANEL", description = "state-year, state-day or dyad-year")
    String panel;

    @Option(names = "--from", paramLabel = "YEAR|DATE", description = "First year (state-day: first date). Default: the first year the data covers.")
    String from;

    @Option(names = "--to", paramLabel = "YEAR|DATE", description = "Last year (state-day: last date). Default: the year the facts were last checked.")
    String to;

    @Option(names = "--regime", paramLabel = "ID", defaultValue = "status-quo",
            description = "Apply a regime first (its hypothetical treaties in force among all eligible parties).")
    String regimeId;

    @Option(names = "--directed", description = "dyad-year: one row per ordered pair; 1 means the first state is bound towards the second.")
    boolean directed;

    @Option(names = "--exclude", paramLabel = "TAG", split = ",", description = "Leave out states with this tag (e.g. microstate).")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--convention", paramLabel = "NAME",
            description = "Date obligations the way atop or cow does (from signature and the signature of accession protocols, as data/crosswalk/ says); default: eurosec's own (entry into force, accession).")
    String convention;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path outFile;

    @Override
    public Integer call() throws IOException {
        Export.Panel p = options.eurosec().export(new Export.Query(panel, Optional.ofNullable(from), Optional.ofNullable(to), directed, regimeId,
                exclude, options.interpretations(), Optional.ofNullable(convention)));
        if (outFile != null && outFile.getParent() != null && !Files.isDirectory(outFile.getParent())) {
            throw new UserError("--out " + outFile + ": the folder does not exist");
        }
        Path tmp = outFile == null ? null : outFile.resolveSibling(outFile.getFileName() + ".part");
        try (Writer w = tmp == null ? null : Files.newBufferedWriter(tmp)) {
            p.csv(w != null ? w : spec.commandLine().getOut());
        } catch (QueryException e) {
            if (tmp != null) {
                Files.deleteIfExists(tmp);
            }
            throw e;
        }
        if (tmp != null) {
            Files.move(tmp, outFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            PrintWriter err = spec.commandLine().getErr();
            err.println("wrote " + outFile);
        } else {
            spec.commandLine().getOut().flush();
        }
        return 0;
    }
}
