package org.eurosec.server;

import java.util.List;

/**
 * Runs an analysis exactly as the command line does, so that the API, the web page and a script
 * get the same answer from the same code. The server only decides which commands and options a
 * request may use (no paths, no options other than those listed in {@link AnalysisRoutes}); the
 * implementation, supplied by whoever starts the server, runs the command with JSON output.
 */
@FunctionalInterface
public interface Analyses {

    /**
     * Runs {@code args} (a subcommand and its options, without {@code --format}) and returns the
     * JSON it writes. A user's mistake (an unknown regime, a day outside the data) is thrown as a
     * {@link org.eurosec.store.BadInput} with status 400 and the command's own message.
     */
    String run(List<String> args);
}
