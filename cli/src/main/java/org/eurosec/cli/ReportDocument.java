package org.eurosec.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report as plain structure: sections of paragraphs, tables and figures, each table cell
 * optionally linked to the source behind it. {@link #html()} and {@link #markdown()} render it;
 * figures (SVG maps and charts) appear in HTML only, with their data in the tables beside them.
 */
final class ReportDocument {

    /** A cell: its text, the link to the provision's or fact's source, a tooltip. */
    record Cell(String text, Optional<String> href, Optional<String> title, List<Cell> parts) {
        Cell(String text, Optional<String> href, Optional<String> title) {
            this(text, href, title, List.of());
        }

        static Cell of(Object text) {
            return new Cell(String.valueOf(text), Optional.empty(), Optional.empty());
        }

        static Cell link(Object text, String href) {
            return new Cell(String.valueOf(text), Optional.ofNullable(href), Optional.empty());
        }

        /** Several cells in one, separated by commas, each keeping its own link. */
        static Cell many(List<Cell> parts) {
            return parts.size() == 1 ? parts.get(0)
                    : new Cell(String.join(", ", parts.stream().map(Cell::text).toList()), Optional.empty(), Optional.empty(), List.copyOf(parts));
        }
    }

    record TableBlock(String caption, List<String> headers, List<List<Cell>> rows) {
    }

    sealed interface Block permits Para, TableBlock2, Figure, Details {
    }

    record Para(List<Cell> parts) implements Block {
    }

    record TableBlock2(TableBlock table) implements Block {
    }

    /** Raw SVG for HTML, with a text alternative; {@code half} figures sit two abreast. */
    record Figure(String svg, String alt, boolean half) implements Block {
        Figure(String svg, String alt) {
            this(svg, alt, false);
        }
    }

    /** A collapsed group of blocks (HTML details; Markdown prints them in full). */
    record Details(String summary, List<Block> blocks) implements Block {
    }

    record Section(String id, String title, List<Block> blocks) {
    }

    final String title;
    final List<Cell> subtitle = new ArrayList<>();
    /** SVG definitions shared by every figure (the map's shapes, once), placed at the top of the HTML. */
    String sharedSvg = "";
    final List<Section> sections = new ArrayList<>();

    ReportDocument(String title) {
        this.title = title;
    }

    Section section(String id, String title) {
        Section s = new Section(id, title, new ArrayList<>());
        sections.add(s);
        return s;
    }

    static Para para(Object... parts) {
        List<Cell> cells = new ArrayList<>();
        for (Object p : parts) {
            cells.add(p instanceof Cell c ? c : Cell.of(p));
        }
        return new Para(cells);
    }

    static TableBlock2 table(String caption, List<String> headers, List<List<Cell>> rows) {
        return new TableBlock2(new TableBlock(caption, headers, rows));
    }

    // ------------------------------------------------------------------ HTML

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String html(Cell c) {
        if (!c.parts().isEmpty()) {
            return String.join(", ", c.parts().stream().map(ReportDocument::html).toList());
        }
        String t = esc(c.text());
        String title = c.title().map(x -> " title=\"" + esc(x) + "\"").orElse("");
        return c.href().map(h -> "<a href=\"" + esc(h) + "\"" + title + ">" + t + "</a>").orElse(title.isEmpty() ? t : "<span" + title + ">" + t + "</span>");
    }

    String html() {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(title)).append("</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}\n")
                .append("h1{font-size:1.6em}h2{border-bottom:2px solid #0072B2;padding-bottom:.2em;margin-top:2em}h3{margin-top:1.4em}\n")
                .append("table{border-collapse:collapse;margin:.6em 0;font-size:.9em}th,td{border:1px solid #bbb;padding:.25em .5em;text-align:left;vertical-align:top}\n")
                .append("th{background:#eef3f8}caption{text-align:left;font-weight:600;padding:.3em 0}a{color:#0057a0}\n")
                .append("figure{margin:1em 0}figure.half{display:inline-block;width:49%;margin:.5em 0;vertical-align:top}figcaption{font-size:.85em;color:#444}svg{max-width:100%;height:auto}\n")
                .append(".legend span{display:inline-block;margin-right:1.2em;font-size:.85em}.legend i{display:inline-block;width:1em;height:1em;margin-right:.3em;vertical-align:-.15em;border:1px solid #555}\n")
                .append("nav ol{columns:2}details{margin:.5em 0}summary{cursor:pointer;font-weight:600}\n")
                .append("</style></head><body>\n<h1>").append(esc(title)).append("</h1>\n<p>");
        subtitle.forEach(c -> sb.append(html(c)));
        sb.append("</p>\n");
        if (!sharedSvg.isEmpty()) {
            sb.append(sharedSvg).append('\n');
        }
        sb.append("<nav><ol>");
        sections.forEach(s -> sb.append("<li><a href=\"#").append(s.id()).append("\">").append(esc(s.title())).append("</a></li>"));
        sb.append("</ol></nav>\n");
        for (Section s : sections) {
            sb.append("<section id=\"").append(s.id()).append("\"><h2>").append(esc(s.title())).append("</h2>\n");
            s.blocks().forEach(b -> html(sb, b));
            sb.append("</section>\n");
        }
        sb.append("</body></html>\n");
        return sb.toString();
    }

    private static void html(StringBuilder sb, Block b) {
        if (b instanceof Para p) {
            sb.append("<p>");
            p.parts().forEach(c -> sb.append(html(c)));
            sb.append("</p>\n");
        } else if (b instanceof TableBlock2 tb) {
            TableBlock t = tb.table();
            sb.append("<table>");
            if (!t.caption().isEmpty()) {
                sb.append("<caption>").append(esc(t.caption())).append("</caption>");
            }
            sb.append("<thead><tr>");
            t.headers().forEach(h -> sb.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
            sb.append("</tr></thead><tbody>\n");
            for (List<Cell> r : t.rows()) {
                sb.append("<tr>");
                r.forEach(c -> sb.append("<td>").append(html(c)).append("</td>"));
                sb.append("</tr>\n");
            }
            sb.append("</tbody></table>\n");
        } else if (b instanceof Figure f) {
            sb.append(f.half() ? "<figure class=\"half\" role=\"img\" aria-label=\"" : "<figure role=\"img\" aria-label=\"").append(esc(f.alt())).append("\">").append(f.svg())
                    .append("<figcaption>").append(esc(f.alt())).append("</figcaption></figure>\n");
        } else if (b instanceof Details d) {
            sb.append("<details><summary>").append(esc(d.summary())).append("</summary>\n");
            d.blocks().forEach(x -> html(sb, x));
            sb.append("</details>\n");
        }
    }

    // ------------------------------------------------------------------ Markdown

    private static String md(Cell c) {
        if (!c.parts().isEmpty()) {
            return String.join(", ", c.parts().stream().map(ReportDocument::md).toList());
        }
        String t = c.text().replace("|", "\\|").replace("\n", " ");
        return c.href().map(h -> "[" + t.replace("[", "\\[").replace("]", "\\]") + "](" + h.replace(")", "%29").replace(" ", "%20") + ")").orElse(t);
    }

    String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(title).append("\n\n");
        subtitle.forEach(c -> sb.append(md(c)));
        sb.append("\n\n");
        for (Section s : sections) {
            sb.append("## ").append(s.title()).append("\n\n");
            s.blocks().forEach(b -> md(sb, b));
        }
        return sb.toString();
    }

    private static void md(StringBuilder sb, Block b) {
        if (b instanceof Para p) {
            p.parts().forEach(c -> sb.append(md(c)));
            sb.append("\n\n");
        } else if (b instanceof TableBlock2 tb) {
            TableBlock t = tb.table();
            if (!t.caption().isEmpty()) {
                sb.append("**").append(t.caption()).append("**\n\n");
            }
            sb.append("| ").append(String.join(" | ", t.headers().stream().map(h -> h.replace("|", "\\|")).toList())).append(" |\n|");
            t.headers().forEach(h -> sb.append(" --- |"));
            sb.append('\n');
            for (List<Cell> r : t.rows()) {
                sb.append("| ").append(String.join(" | ", r.stream().map(ReportDocument::md).toList())).append(" |\n");
            }
            sb.append('\n');
        } else if (b instanceof Figure f) {
            sb.append("*Figure (in the HTML report): ").append(f.alt()).append("*\n\n");
        } else if (b instanceof Details d) {
            sb.append("**").append(d.summary()).append("**\n\n");
            d.blocks().forEach(x -> md(sb, x));
        }
    }
}
