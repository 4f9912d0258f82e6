package org.eurosec.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eurosec.model.Architecture;
import org.eurosec.model.State;

/**
 * The report's figures as inline SVG: maps of the OSCE area (shapes prepared once from Natural
 * Earth, see tools/map) coloured per state, and line charts. The maps use the page's colours for
 * the same categories (server {@code eurosec/web/js/palette.js} and {@code colourings/}): covered
 * blue, not covered and the buffer orange, the systems in colours far from that orange for normal
 * vision and the common colour-vision deficiencies (ReportColoursTest checks both).
 */
final class ReportFigures {

    /** The chart's lines (Okabe-Ito): series, not opposite categories. */
    static final String[] PALETTE = {"#0072B2", "#D55E00", "#009E73", "#CC79A7", "#56B4E9", "#F0E442", "#000000"};
    /** Covered (the page's OI.blue). */
    static final String BLUE = "#0072B2";
    /** Not covered, and the buffer zone (the page's OI.orange). */
    static final String ORANGE = "#E69F00";
    /**
     * The systems of defence ties, in the page's order (colourings/bloc.js: blue, sky blue, black,
     * wine, grey): each at least 28 (CIEDE2000) from the buffer's orange under the simulated
     * deficiencies. Okabe-Ito's vermillion (12.5 under deuteranopia), purple (10.9 under tritanopia) and green (17.9
     * under protanopia) are too close to it.
     */
    static final String[] SYSTEMS = {"#0072B2", "#56B4E9", "#000000", "#882255", "#7F7F7F"};
    /** Not a participating State that day, or outside the area (the page's OUTSIDE). */
    static final String GREY = "#e4e4e4";

    private static JsonNode map;

    private ReportFigures() {
    }

    static synchronized JsonNode map() {
        if (map == null) {
            try (InputStream in = ReportFigures.class.getResourceAsStream("/eurosec/map/osce-area.json")) {
                if (in == null) {
                    throw new IllegalStateException("the map shapes are missing from the build (eurosec/map/osce-area.json)");
                }
                map = new ObjectMapper().readTree(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return map;
    }

    /** What a state is shown as: a legend key and a tooltip. */
    record Paint(String key, String title) {
    }

    /**
     * The state that holds a shape's territory on a day: the state itself if it exists, else a
     * predecessor that does (Ukraine's shape is the USSR's in 1985).
     */
    static Optional<State> holder(Architecture a, String shapeId, LocalDate day) {
        Optional<State> s = a.state(shapeId);
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.get().existsOn(day)) {
            return s;
        }
        for (String p : s.get().predecessors()) {
            Optional<State> q = holder(a, p, day);
            if (q.isPresent()) {
                return q;
            }
        }
        return Optional.empty();
    }

    /**
     * A map: each shape coloured by {@code legend.get(paint.key)} for the state holding it that day;
     * shapes with no paint are grey. The legend lists the keys in order.
     */
    /**
     * The shapes once, as SVG definitions that every map of a document uses: {@code #eurosec-context}
     * (neighbouring countries) and {@code #s-ID} per state.
     */
    static String definitions() {
        JsonNode m = map();
        StringBuilder sb = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"0\" height=\"0\" style=\"position:absolute\" aria-hidden=\"true\"><defs>");
        sb.append("<g id=\"eurosec-context\">");
        for (JsonNode p : m.get("context")) {
            sb.append("<path d=\"").append(p.asText()).append("\"/>");
        }
        sb.append("</g>");
        Iterator<Map.Entry<String, JsonNode>> it = m.get("shapes").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            sb.append("<path id=\"s-").append(e.getKey()).append("\" d=\"").append(e.getValue().asText()).append("\"/>");
        }
        return sb.append("</defs></svg>").toString();
    }

    static String map(Architecture a, LocalDate day, java.util.function.Function<String, Optional<Paint>> paintOf,
            Map<String, String> legend, String label) {
        JsonNode m = map();
        int w = m.get("width").asInt();
        int h = m.get("height").asInt();
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" viewBox=\"0 0 ").append(w).append(' ').append(h + 30)
                .append("\" width=\"").append(w).append("\" aria-label=\"").append(ReportDocument.esc(label)).append("\">");
        sb.append("<rect width=\"").append(w).append("\" height=\"").append(h).append("\" fill=\"#f4f8fb\"/>");
        sb.append("<use href=\"#eurosec-context\" xlink:href=\"#eurosec-context\" fill=\"#ececec\" stroke=\"#fff\" stroke-width=\".4\"/>");
        Iterator<Map.Entry<String, JsonNode>> it = m.get("shapes").fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            Optional<State> holder = holder(a, e.getKey(), day);
            Optional<Paint> paint = holder.flatMap(s -> paintOf.apply(s.id()));
            String fill = paint.map(p -> legend.getOrDefault(p.key(), GREY)).orElse(GREY);
            String title = holder.map(s -> s.name() + (s.id().equals(e.getKey()) ? "" : " (territory of today's " + e.getKey() + ")") + ": "
                    + paint.map(Paint::title).orElse("not a participating State")).orElse(e.getKey() + ": no state of the data that day");
            sb.append("<use href=\"#s-").append(e.getKey()).append("\" xlink:href=\"#s-").append(e.getKey()).append("\" fill=\"").append(fill)
                    .append("\" stroke=\"#333\" stroke-width=\".35\"><title>").append(ReportDocument.esc(title)).append("</title></use>");
        }
        Map<String, String> keys = new LinkedHashMap<>(legend);
        keys.put("not a participating State", GREY);
        // Keys flow in rows (about 10 units a character at this size); a key too long for one row is
        // wrapped over several lines and takes its own rows, so no key runs past the map's right edge.
        int perLine = (w - 8 - 34) / 10;
        List<int[]> at = new ArrayList<>();
        List<List<String>> lines = new ArrayList<>();
        int x = 8;
        int row = 0;
        for (String k : keys.keySet()) {
            List<String> ls = wrap(k, perLine);
            int need = 34 + 10 * ls.stream().mapToInt(String::length).max().orElse(0);
            if (x > 8 && (x + need > w || ls.size() > 1)) {
                x = 8;
                row++;
            }
            at.add(new int[] {x, row});
            lines.add(ls);
            x += need;
            if (ls.size() > 1) {
                row += ls.size() - 1;
                x = w;
            }
        }
        int legendHeight = 34 * (row + 1);
        sb.append("<rect y=\"").append(h).append("\" width=\"").append(w).append("\" height=\"").append(legendHeight).append("\" fill=\"#fff\"/>");
        int i = 0;
        for (Map.Entry<String, String> l : keys.entrySet()) {
            int lx = at.get(i)[0];
            int ly = h + 8 + 34 * at.get(i)[1];
            sb.append("<g class=\"key\"><title>").append(ReportDocument.esc(l.getKey())).append("</title><rect x=\"").append(lx).append("\" y=\"").append(ly)
                    .append("\" width=\"18\" height=\"18\" fill=\"").append(l.getValue()).append("\" stroke=\"#333\"/>");
            int line = 0;
            for (String text : lines.get(i)) {
                sb.append("<text x=\"").append(lx + 24).append("\" y=\"").append(ly + 15 + 34 * line).append("\" font-size=\"19\">")
                        .append(ReportDocument.esc(text)).append("</text>");
                line++;
            }
            sb.append("</g>");
            i++;
        }
        int total = h + legendHeight;
        String head = "viewBox=\"0 0 " + w + " " + (h + 30) + "\"";
        int cut = sb.indexOf(head);
        sb.replace(cut, cut + head.length(), "viewBox=\"0 0 " + w + " " + total + "\"");
        sb.append("</svg>");
        return sb.toString();
    }

    /** A legend key in lines of at most {@code width} characters, broken at spaces (a longer word gets a line of its own). */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        out.add(line.toString());
        return out;
    }

    /** A line chart of named series over years; values may be missing (unknown years leave a gap). */
    static String chart(List<Integer> years, Map<String, List<Integer>> series, String label) {
        int w = 920;
        int h = 300;
        int left = 40;
        int right = 30;
        int bottom = 30;
        int top = 10;
        int max = 1;
        for (List<Integer> s : series.values()) {
            for (Integer v : s) {
                if (v != null) {
                    max = Math.max(max, v);
                }
            }
        }
        max = (max + 9) / 10 * 10;
        double dx = (double) (w - left - right) / Math.max(1, years.size() - 1);
        double dy = (double) (h - top - bottom) / max;
        StringBuilder sb = new StringBuilder();
        sb.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(w).append(' ').append(h + 30)
                .append("\" width=\"").append(w).append("\" aria-label=\"").append(ReportDocument.esc(label)).append("\">");
        for (int v = 0; v <= max; v += 10) {
            double y = h - bottom - v * dy;
            sb.append(String.format(java.util.Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>", left, y, w - right, y));
            sb.append(String.format(java.util.Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" font-size=\"11\" text-anchor=\"end\">%d</text>", left - 4, y + 4, v));
        }
        for (int i = 0; i < years.size(); i++) {
            if (years.get(i) % 5 == 0) {
                double x = left + i * dx;
                sb.append(String.format(java.util.Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">%d</text>", x, h - bottom + 16,
                        years.get(i)));
            }
        }
        int k = 0;
        int lx = left;
        int legendRow = 0;
        for (Map.Entry<String, List<Integer>> s : series.entrySet()) {
            String colour = PALETTE[k % PALETTE.length];
            String dash = s.getKey().contains(": ") ? " stroke-dasharray=\"6,3\"" : "";
            StringBuilder d = new StringBuilder();
            boolean pen = false;
            for (int i = 0; i < years.size(); i++) {
                Integer v = s.getValue().get(i);
                if (v == null) {
                    pen = false;
                    continue;
                }
                d.append(pen ? 'L' : 'M').append(String.format(java.util.Locale.ROOT, "%.1f,%.1f", left + i * dx, h - bottom - v * dy));
                pen = true;
            }
            sb.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\"").append(dash)
                    .append("><title>").append(ReportDocument.esc(s.getKey())).append("</title></path>");
            int need = 30 + 7 * s.getKey().length();
            if (lx > left && lx + need > w) {
                lx = left;
                legendRow++;
            }
            int ly = h + 8 + 18 * legendRow;
            sb.append("<rect x=\"").append(lx).append("\" y=\"").append(ly).append("\" width=\"14\" height=\"4\" fill=\"").append(colour)
                    .append("\"/><text x=\"").append(lx + 18).append("\" y=\"").append(ly + 6).append("\" font-size=\"12\">")
                    .append(ReportDocument.esc(s.getKey())).append("</text>");
            lx += need;
            k++;
        }
        String head = "viewBox=\"0 0 " + w + " " + (h + 30) + "\"";
        int cut = sb.indexOf(head);
        sb.replace(cut, cut + head.length(), "viewBox=\"0 0 " + w + " " + (h + 30 + 18 * legendRow) + "\"");
        sb.append("</svg>");
        return sb.toString();
    }

    static Map<String, String> legend(String... keyColour) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyColour.length; i += 2) {
            m.put(keyColour[i], keyColour[i + 1]);
        }
        return m;
    }

    static List<Integer> range(int from, int to) {
        List<Integer> out = new ArrayList<>();
        for (int y = from; y <= to; y++) {
            out.add(y);
        }
        return out;
    }
}
