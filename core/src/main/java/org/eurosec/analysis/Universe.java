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

    // Written out rather than generated: a universe keys each analysis's cache, so every question hashes
    // one, and a record's generated equals and hashCode are bound through method handles on first use,
    // a cost of the order of ten milliseconds that a one-off command would pay at every start.
    @Override
    public boolean equals(Object o) {
        return o instanceof Universe u && all == u.all && excludeTags.equals(u.excludeTags);
    }

    @Override
    public int hashCode() {
        return 31 * Boolean.hashCode(all) + excludeTags.hashCode();
    }
}
