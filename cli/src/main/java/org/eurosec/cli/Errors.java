package org.eurosec.cli;

import java.io.PrintWriter;
import org.eurosec.load.Problem;
import org.eurosec.query.QueryException;

/**
 * The command line's one table from the application layer's errors to what a terminal user sees:
 * one line naming the option (the API's field {@code with_nominal} is the option
 * {@code --with-nominal}), and the exit status. Every kind of mistake exits 2.
 */
final class Errors {

    private Errors() {
    }

    static int print(QueryException e, PrintWriter err) {
        if (e instanceof QueryException.DataProblems d) {
            for (Problem p : d.problems()) {
                err.println(p);
            }
            err.println("eurosec: the data has " + d.problems().size() + " problem(s); nothing was computed");
            return 2;
        }
        String field = e.field();
        String lead = switch (field) {
            case "id", "file", "body", "panel", "" -> "";
            default -> "--" + field.replace('_', '-') + ": ";
        };
        err.println("eurosec: " + lead + e.getMessage());
        return 2;
    }
}
