package org.eurosec.analysis;

import java.util.Set;

/**
 * Which states an analysis lists. By default the CSCE/OSCE participating States on the day (before
 * the CSCE: the generally recognised states of the area that existed then); {@code all} lists every
 * state in the data that existed on the day. States carrying any of {@code excludeTags} are left out.
 */
public record Universe(boolean all, Set<String> excludeTags) {

    public static final String OSCE = "osce";

    public static Universe participating() {
        return new Universe(false, Set.of());
    }

    public Universe excluding(Set<String> tags) {
        return new Universe(all, Set.copyOf(tags));
    }
}
