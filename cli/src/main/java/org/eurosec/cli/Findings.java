package org.eurosec.cli;

import java.util.List;
import java.util.Map;
import org.eurosec.engine.Finding;
import org.eurosec.query.Common.FindingView;

/** How a finding is shown: one table row, or one JSON object with its explanation tree. */
final class Findings {

    private Findings() {
    }

    static Table table() {
        return new Table("event", "effect", "provision", "force", "actors", "by", "quorum", "finding");
    }


    /** The same row from the application layer's view of a finding. */
    static void row(Table t, FindingView f) {
        t.row(f.event() == 0 ? "-" : f.event(), f.effect(), f.provision() != null ? f.provision() : "-", f.legalForce() != null ? f.legalForce() : "-",
                actors(f.actors()), f.by() != null ? f.by() : "", f.quorum() != null ? String.valueOf(f.quorum()) : "",
                f.text() + (f.dependsOnUnconfirmed().isEmpty() ? "" : " [rests on UNCONFIRMED values]"));
    }

    /** Up to six actors by id, then a count. */
    static String actors(List<String> actors) {
        if (actors.size() <= 6) {
            return String.join(" ", actors);
        }
        return String.join(" ", actors.subList(0, 5)) + " ... (" + actors.size() + ")";
    }

}
