package org.eurosec.load;

import java.util.List;

/** Thrown when a data directory cannot be loaded; carries every problem found, not just the first. */
public final class DataException extends RuntimeException {

    private final transient List<Problem> problems;

    public DataException(List<Problem> problems) {
        super(problems.size() + " problem(s) in the data; first: " + (problems.isEmpty() ? "" : problems.get(0)));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
