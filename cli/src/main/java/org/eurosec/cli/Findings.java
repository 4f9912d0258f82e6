package org.eurosec.cli;

import java.util.List;
import java.util.Map;
import org.eurosec.engine.Finding;

/** How a finding is shown: one table row, or one JSON object with its explanation tree. */
final class Findings {

    private Findings() {
    }

    static Table table() {
        return new Table("event", "effect", "provision", "force", "actors", "by", "quorum", "finding");
    }

    static void row(Table t, Finding f) {
        t.row(f.event() == 0 ? "-" : f.event(), f.effect().id(), f.provision().orElse("-"), f.legalForce().map(l -> l.id()).orElse("-"), actors(f.actors()),
                f.by().map(Object::toString).orElse(""), f.quorum().isPresent() ? String.valueOf(f.quorum().getAsInt()) : "",
                f.text() + (f.dependsOnUnconfirmed() ? " [rests on UNCONFIRMED values]" : ""));
    }

    static void row(Table t, org.eurosec.query.Common.FindingView f) {
        t.row(f.event() == 0 ? "-" : f.event(), f.effect(), f.provision() == null ? "-" : f.provision(), f.legalForce() == null ? "-" : f.legalForce(),
                actors(f.actors()), f.by() == null ? "" : f.by(), f.quorum() == null ? "" : String.valueOf(f.quorum()),
                f.text() + (f.dependsOnUnconfirmed().isEmpty() ? "" : " [rests on UNCONFIRMED values]"));
    }

    /** Up to six actors by id, then a count. */
    static String actors(List<String> actors) {
        if (actors.size() <= 6) {
            return String.join(" ", actors);
        }
        return String.join(" ", actors.subList(0, 5)) + " ... (" + actors.size() + ")";
    }

    static Map<String, Object> json(Finding f, boolean explain) {
        Map<String, Object> m = Json.obj();
        m.put("event", f.event());
        m.put("question", f.question());
        m.put("effect", f.effect().id());
        m.put("actors", f.actors());
        m.put("provision", f.provision().orElse(null));
        m.put("article", f.article().orElse(null));
        m.put("legal_force", f.legalForce().map(l -> l.id()).orElse(null));
        m.put("rule", f.rule().orElse(null));
        m.put("by", f.by().map(Object::toString).orElse(null));
        m.put("quorum", f.quorum().isPresent() ? f.quorum().getAsInt() : null);
        m.put("text", f.text());
        m.put("depends_on_unconfirmed", f.unconfirmed());
        if (explain) {
            m.put("explanation", Json.explanation(f.explanation()));
        }
        return m;
    }
}
