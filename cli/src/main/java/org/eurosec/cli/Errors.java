package org.eurosec.cli;

import java.io.PrintWriter;
import java.util.List;
import org.eurosec.load.Problem;
import org.eurosec.query.QueryException;
import picocli.CommandLine;

/**
 * The command line's one table from the application layer's errors to what a terminal user sees:
 * one line naming the option (the API's field {@code with_nominal} is the option
 * {@code --with-nominal}), a hint line naming the command's help, and the exit status. Every kind
 * of mistake exits 2. Problems in files (data, regimes, a scenario) are one line each with file:line,
 * the first cause first, and a closing line naming what they are in.
 */
final class Errors {

    private Errors() {
    }

    static int print(QueryException e, PrintWriter err, CommandLine command) {
        if (e instanceof QueryException.DataProblems d) {
            problems(d.problems(), d.closing(), err);
            return 2;
        }
        String field = e.field();
        String lead = switch (field) {
            case "id", "file", "body", "panel", "" -> "";
            default -> "--" + field.replace('_', '-') + ": ";
        };
        return user(lead + e.getMessage(), err, command);
    }

    /** A user's mistake: one line, the hint, exit 2. */
    static int user(String message, PrintWriter err, CommandLine command) {
        err.println("eurosec: " + message);
        err.println(hint(command));
        return 2;
    }

    /** Problems in files, each {@code file:line: message}, and the closing line. */
    static void problems(List<Problem> problems, String closing, PrintWriter err) {
        for (Problem p : problems) {
            err.println(p);
        }
        err.println("eurosec: " + closing);
    }

    /** {@code see 'eurosec coverage --help'}: the help of the command that was run. */
    static String hint(CommandLine command) {
        return "see '" + (command == null ? "eurosec" : command.getCommandSpec().qualifiedName(" ")) + " --help'";
    }

    /**
     * A command line picocli could not parse (a bad date, a missing or unknown option, a bad --format
     * value): its message in one line, a close option name when one was mistyped, the hint; never the usage text.
     */
    static int parameter(CommandLine.ParameterException ex, PrintWriter err) {
        String message = ex.getMessage().replace('\n', ' ').trim();
        if (ex instanceof CommandLine.UnmatchedArgumentException u && !u.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", u.getSuggestions().stream().limit(3).toList()) + "?)";
        }
        return user(message, err, ex.getCommandLine());
    }
}
