package org.eurosec.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eurosec.cli.ReportDocument.Cell;
import org.eurosec.model.Architecture;
import org.eurosec.model.Provision;
import org.eurosec.model.State;

/**
 * The report's cells: a provision, a state, an organisation or an instrument by its name, linked to
 * its source, its id kept only in the tooltip (issue 15 point 8: no raw ids in tables); a row of
 * plain values. An id the data does not know stays an id.
 */
final class ReportCells {

    private ReportCells() {
    }

    /** A provision as its instrument's name and article ("North Atlantic Treaty (Washington Treaty), Art. 5"); its text and id in the tooltip. */
    static Cell provision(Architecture w, String id) {
        Optional<Provision> p = w.provision(id);
        return p.map(x -> new Cell(label(w, x), Optional.of(x.provenance().source()), Optional.of(x.title()
                + (x.unconfirmed() ? " (unconfirmed)" : "") + " [" + id + "]"))).orElse(Cell.of(id));
    }

    /** A provision's name in words: its instrument's name and its article. */
    static String label(Architecture w, Provision p) {
        return w.instrument(p.instrument()).map(i -> shortName(i.name())).orElse(p.instrument()) + ", " + article(p.article());
    }

    /** A long name without its bracketed note ("Treaty on European Union"), as the blocs legend shortens it; a short one whole. */
    static String shortName(String name) {
        return name.length() > 40 ? name.replaceFirst("\\s*\\(.*$", "") : name;
    }

    /** An article key in words: art_5 is "Art. 5", sec_1__friendly_relations "Sec. 1, friendly relations". */
    static String article(String key) {
        String words = key.replace("__", ", ").replace('_', ' ');
        for (String[] abbr : new String[][] {{"art ", "Art. "}, {"sec ", "Sec. "}, {"para ", "Para. "}, {"chp ", "Ch. "}}) {
            if (words.startsWith(abbr[0])) {
                return abbr[1] + words.substring(abbr[0].length());
            }
        }
        return words.isEmpty() ? words : words.substring(0, 1).toUpperCase(Locale.ROOT) + words.substring(1);
    }

    /** A state by its name, linked to its source, its ISO code in the tooltip. */
    static Cell state(Architecture w, String id) {
        Optional<State> s = w.state(id);
        return s.map(x -> new Cell(x.name(), Optional.of(x.provenance().source()), Optional.of(id))).orElseGet(() -> named(w, id));
    }

    /** Several states (or actors) by name, each linked, in the order given. */
    static Cell states(Architecture w, Collection<String> ids) {
        return Cell.many(ids.stream().map(x -> state(w, x)).toList());
    }

    /** An organisation or instrument by its name, linked to its source, its id in the tooltip; an unknown id as it is. */
    static Cell named(Architecture w, String id) {
        return w.organisation(id).map(o -> new Cell(shortName(o.name()), Optional.of(o.provenance().source()), Optional.of(o.name() + " [" + id + "]")))
                .or(() -> w.instrument(id).map(i -> new Cell(shortName(i.name()), Optional.of(i.provenance().source()), Optional.of(i.name() + " [" + id + "]"))))
                .orElse(Cell.of(id));
    }

    /** A state's name, for running text; an unknown id as it is. */
    static String name(Architecture w, String id) {
        return state(w, id).text();
    }

    static List<Cell> row(Object... cells) {
        List<Cell> out = new ArrayList<>();
        for (Object c : cells) {
            out.add(c instanceof Cell x ? x : Cell.of(c == null ? "" : c));
        }
        return out;
    }
}
