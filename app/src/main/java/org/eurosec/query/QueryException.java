package org.eurosec.query;

import java.util.List;
import org.eurosec.load.Problem;

/**
 * Why a question could not be answered, as a type: each adapter maps these once (the command line
 * to an exit status, the server to an HTTP status), never by reading the message.
 */
public abstract sealed class QueryException extends RuntimeException
        permits QueryException.InvalidParameter, QueryException.UnknownId, QueryException.DataProblems,
        QueryException.Conflict, QueryException.Forbidden, QueryException.TooMuchWork {

    private final String field;

    QueryException(String field, String message) {
        super(message);
        this.field = field;
    }

    /**
     * The input the mistake is about, named as the API names it: a query parameter ({@code date},
     * {@code with_nominal}), a path parameter ({@code id}) or {@code body} for an uploaded file.
     */
    public String field() {
        return field;
    }

    /** A value that is missing, malformed or not one of the allowed ones. */
    public static final class InvalidParameter extends QueryException {
        public InvalidParameter(String field, String message) {
            super(field, message);
        }
    }

    /** An id that names nothing of its kind (a state, an organisation, a regime, an instrument, a scenario). */
    public static final class UnknownId extends QueryException {
        private final String kind;
        private final String id;

        public UnknownId(String field, String kind, String id, String message) {
            super(field, message);
            this.kind = kind;
            this.id = id;
        }

        public String kind() {
            return kind;
        }

        public String id() {
            return id;
        }
    }

    /**
     * Files that cannot be read as facts, regimes or a scenario, each problem with its file and line.
     * {@link #servers()} tells whose files they are: the server's own data (its fault) or a file the
     * request brought (the caller's).
     */
    public static final class DataProblems extends QueryException {
        private final List<Problem> problems;
        private final boolean servers;
        private final String subject;

        public DataProblems(String field, List<Problem> problems, boolean servers) {
            this(field, problems, servers, "data");
        }

        /** {@code subject}: what the problems are in, as the closing line names it ("data" or "scenario"). */
        public DataProblems(String field, List<Problem> problems, boolean servers, String subject) {
            super(field, summary(problems, subject));
            this.problems = List.copyOf(problems);
            this.servers = servers;
            this.subject = subject;
        }

        /** What the problems are in: "data" (facts or regimes) or "scenario". */
        public String subject() {
            return subject;
        }

        /** The closing line: how many problems, not counting the loader's closing count of knock-on problems. */
        public String closing() {
            return closing(problems, subject);
        }

        private static String closing(List<Problem> problems, String subject) {
            long shown = problems.stream().filter(p -> !p.message().startsWith("… and ")).count();
            return "the " + subject + " has " + shown + (shown == 1 ? " problem" : " problems")
                    + (shown < problems.size() ? " (and the knock-on problems counted above)" : "") + "; nothing was "
                    + (subject.equals("scenario") ? "run" : "computed");
        }

        public List<Problem> problems() {
            return problems;
        }

        public boolean servers() {
            return servers;
        }

        private static String summary(List<Problem> problems, String subject) {
            StringBuilder sb = new StringBuilder();
            problems.forEach(p -> sb.append(p).append('\n'));
            return sb.append(closing(problems, subject)).toString();
        }
    }

    /** A request that is well formed but cannot be carried out now (a clash the regime does not resolve, a closed procedure). */
    public static final class Conflict extends QueryException {
        public Conflict(String field, String message) {
            super(field, message);
        }
    }

    /** A request the caller may not make. */
    public static final class Forbidden extends QueryException {
        public Forbidden(String field, String message) {
            super(field, message);
        }
    }

    /**
     * A well-formed request that would take more work than the adapter allows for one request (an
     * upload to the server whose reconciliation needs more panels than its budget); the same
     * question on one's own machine, through the command line, has no such limit.
     */
    public static final class TooMuchWork extends QueryException {
        public TooMuchWork(String field, String message) {
            super(field, message);
        }
    }
}
