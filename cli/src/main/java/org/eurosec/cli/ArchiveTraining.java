package org.eurosec.cli;

import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.List;

/**
 * The run the launcher records a class-data-sharing archive from ({@code java
 * -XX:ArchiveClassesAtExit=... -cp eurosec.jar org.eurosec.cli.ArchiveTraining}): a few typical
 * questions on the embedded data, their output discarded, so that the classes they load (the data's
 * loader, the engine, the analyses, the table and JSON writers) are read from the archive by every
 * later run instead of being parsed and verified from the jar again. Not a command: nothing a user runs.
 */
public final class ArchiveTraining {

    private ArchiveTraining() {
    }

    static final List<List<String>> QUESTIONS = List.of(
            List.of("coverage", "--date", "2009-12-01", "--format", "json"),
            List.of("coverage", "--date", "2009-12-01", "--explain"),
            List.of("veto", "--applicant", "GEO", "--organisation", "nato", "--date", "2009-12-01", "--regime", "est-2009"),
            List.of("actor", "UKR"),
            List.of("actors", "--date", "1995-06-01", "--format", "csv"),
            List.of("instrument", "treaty-on-european-union"),
            List.of("blocs", "--date", "2009-12-01"),
            List.of("levels", "--date", "2009-12-01", "--regimes", "status-quo,est-2009"),
            List.of("coverage", "--date", "not-a-date"),
            List.of("--help"));

    /**
     * Runs every question (the last but one is a user's mistake, answered with exit status 2); returns the exit statuses in order.
     * Every command is built once as well (the usage no longer builds them), so that each command's own classes are in the archive.
     */
    static List<Integer> run() {
        PrintWriter nowhere = new PrintWriter(Writer.nullWriter());
        Main.fullTree(new Main(Clock.systemDefaultZone()));
        return QUESTIONS.stream().map(q -> Main.run(q.toArray(String[]::new), nowhere, nowhere, Clock.systemDefaultZone())).toList();
    }

    public static void main(String[] args) {
        run();
    }
}
