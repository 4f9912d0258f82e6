package org.eurosec.explain;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eurosec.model.Provenance;

/**
 * Why an answer is what it is, as a tree: a claim, the source and place of the fact behind it, and
 * the claims it rests on.
 */
public record Explanation(String claim, Optional<String> source, Optional<String> where, List<Explanation> because) {

    public static Explanation of(String claim, List<Explanation> because) {
        return new Explanation(claim, Optional.empty(), Optional.empty(), List.copyOf(because));
    }

    public static Explanation fact(String claim, Provenance p) {
        return new Explanation(claim, Optional.of(p.source()), Optional.of(p.where()), List.of());
    }

    public static Explanation fact(String claim, Provenance p, List<Explanation> because) {
        return new Explanation(claim, Optional.of(p.source()), Optional.of(p.where()), List.copyOf(because));
    }

    /** The tree as indented lines, each fact followed by its source and place. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        render(this, "", out);
        return out;
    }

    private static void render(Explanation e, String indent, List<String> out) {
        StringBuilder line = new StringBuilder(indent).append(e.claim());
        e.where().ifPresent(w -> line.append("  [").append(w).append("]"));
        e.source().ifPresent(s -> line.append("  <").append(s).append(">"));
        out.add(line.toString());
        for (Explanation c : e.because()) {
            render(c, indent + "  ", out);
        }
    }
}
