package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eurosec.cli.ColourVision.Vision;
import org.eurosec.load.EmbeddedData;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Provision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report's maps use the page's colours for the same categories, and their opposite categories
 * (covered / not covered, each system / the buffer) stay far apart for normal vision and as
 * simulated for protanopia, deuteranopia and tritanopia: CIEDE2000 of at least 20, the page's test
 * (WebPageE2ETest) and threshold.
 */
class ReportColoursTest {

    static final double APART = 20;

    @TempDir
    Path dir;

    static String resource(String path) throws IOException {
        try (InputStream in = ReportColoursTest.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The page's named colours, read from its palette module: {orange: '#E69F00', ...}. */
    static Map<String, String> pagePalette() throws IOException {
        Map<String, String> oi = new LinkedHashMap<>();
        Matcher m = Pattern.compile("(\\w+): '(#[0-9A-Fa-f]{6})'").matcher(resource("/eurosec/web/js/palette.js"));
        while (m.find()) {
            oi.put(m.group(1), m.group(2).toUpperCase(Locale.ROOT));
        }
        return oi;
    }

    static void apart(String what, String a, String b) {
        for (Vision v : Vision.values()) {
            assertThat(ColourVision.distance(a, b, v)).as(what + ": " + a + " against " + b + ", " + v).isGreaterThanOrEqualTo(APART);
        }
    }

    @Test
    void theReportsMapColoursAreThePagesAndOppositesStayApartForEveryColourVision() throws IOException {
        Map<String, String> oi = pagePalette();
        assertThat(oi).containsKeys("blue", "orange", "sky", "black", "wine", "grey");
        // The same categories in the same colours as the page's colourings.
        assertThat(ReportFigures.BLUE).isEqualTo(oi.get("blue"));
        assertThat(ReportFigures.ORANGE).isEqualTo(oi.get("orange"));
        Matcher systems = Pattern.compile("const palette = \\[([^\\]]*)\\]").matcher(resource("/eurosec/web/js/colourings/bloc.js"));
        assertThat(systems.find()).as("the page's systems palette in colourings/bloc.js").isTrue();
        List<String> pageSystems = new ArrayList<>();
        for (String name : systems.group(1).split(",")) {
            pageSystems.add(oi.get(name.trim().replaceFirst("^\\w+\\.", "")));
        }
        assertThat(List.of(ReportFigures.SYSTEMS)).isEqualTo(pageSystems);
        assertThat(ReportFigures.GREY).isEqualToIgnoringCase(
                resource("/eurosec/web/js/palette.js").replaceAll("(?s).*OUTSIDE = '(#[0-9A-Fa-f]{6})'.*", "$1"));
        // Opposite categories, every colour the report may use for them.
        apart("coverage", ReportFigures.BLUE, ReportFigures.ORANGE);
        for (String system : ReportFigures.SYSTEMS) {
            apart("a system against the buffer", system, ReportFigures.ORANGE);
        }
    }

    /**
     * The maps' legends say in words what ties each system (the bodies' and treaties' names, as the
     * blocs answer names them), never by id ("nato+eu", "mixed", north-atlantic-treaty-1949), and
     * every key stays inside its map (a long one is wrapped); the Markdown report's tables too.
     */
    @Test
    void theMapLegendsNameWhatTiesEachSystemNotItsIds() throws IOException {
        Path html = dir.resolve("report.html");
        CliTest.Run r = CliTest.run("report", "--date", "2009-12-01", "--regimes", "status-quo,est-2009", "--out", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(html);
        List<String> keys = Pattern.compile("<g class=\"key\"><title>([^<]*)</title>").matcher(text).results().map(m -> m.group(1)).toList();
        List<String> systems = keys.stream().filter(k -> k.startsWith("system ")).toList();
        assertThat(systems).isNotEmpty().allSatisfy(k -> assertThat(k).matches("system \\d+ \\(\\d+ states\\), tied (mostly )?through .+"));
        assertThat(String.join("\n", systems)).contains("North Atlantic Treaty Organization").contains("Collective Security Treaty");
        Pattern rawId = Pattern.compile("\\b(?:nato|eu|csto|cis|mixed)\\b|\\+|\\b[a-z0-9]+(?:-[a-z0-9]+){2,}\\b|\\b[a-z][a-z0-9-]*/[a-z0-9-]+\\b");
        assertThat(keys).noneMatch(k -> rawId.matcher(k).find());
        // Each line of a key fits the map's width (1000 units, about 10 a character at this size).
        Matcher line = Pattern.compile("<text x=\"(\\d+)\" y=\"\\d+\" font-size=\"19\">([^<]*)</text>").matcher(text);
        while (line.find()) {
            assertThat(Integer.parseInt(line.group(1)) + 10 * line.group(2).length()).as(line.group(2)).isLessThanOrEqualTo(1000);
        }
        Path md = dir.resolve("report.md");
        CliTest.Run m = CliTest.run("report", "--date", "2009-12-01", "--regimes", "status-quo,est-2009", "--format", "md", "--out", md.toString());
        assertThat(m.code()).as(m.err()).isZero();
        List<String> systemRows = Files.readAllLines(md).stream().filter(l -> l.startsWith("| system |") || l.startsWith("| bloc |")).toList();
        assertThat(systemRows).isNotEmpty().allSatisfy(l -> assertThat(l.split("\\|")[2]).contains("tied").doesNotContain("+").doesNotContain("mixed"));
    }

    /**
     * Issue 15 point 8: the report's tables name states, organisations, instruments and provisions
     * (the ids stay in tooltips): no table cell, in HTML or Markdown, is a bare id the data knows;
     * every participating State of the coverage answer appears by the name the data gives it, its
     * ISO code in the tooltip; every provision's cell names its instrument as the data does.
     */
    @Test
    void theTablesNameStatesInstrumentsAndProvisionsNotTheirIds() throws IOException {
        Architecture a = EmbeddedData.load();
        Set<String> ids = new HashSet<>();
        ids.addAll(a.states().keySet());
        ids.addAll(a.organisations().keySet());
        ids.addAll(a.instruments().keySet());
        a.instruments().values().forEach(i -> i.provisions().forEach(p -> ids.add(p.id())));
        assertThat(ids).contains("GEO", "nato", "north-atlantic-treaty-1949", "north-atlantic-treaty-1949/art-5");
        Path html = dir.resolve("report.html");
        CliTest.Run r = CliTest.run("report", "--date", "2009-12-01", "--regimes", "status-quo,est-2009", "--out", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(html);
        List<String> cells = Pattern.compile("<td>(.*?)</td>").matcher(text).results().map(m -> m.group(1).replaceAll("<[^>]*>", "")
                .replace("&amp;", "&").trim()).toList();
        assertThat(cells).isNotEmpty();
        // No cell is an id, nor a list of ids.
        assertThat(cells.stream().filter(c -> ids.contains(c) || c.contains(" ") && ids.containsAll(List.of(c.split("[ ,]+")))).toList()).isEmpty();
        // Nor is any column header (the overlap matrix's columns name its bodies as its rows do).
        List<String> headers = Pattern.compile("<th[^>]*>(.*?)</th>").matcher(text).results().map(m -> m.group(1).replaceAll("<[^>]*>", "")
                .replace("&amp;", "&").trim()).toList();
        assertThat(headers).contains("North Atlantic Treaty Organization", "European Union").doesNotContain("nato", "eu", "osce");
        assertThat(headers.stream().filter(ids::contains).toList()).isEmpty();
        CliTest.Run coverage = CliTest.run("coverage", "--date", "2009-12-01", "--regime", "status-quo", "--format", "json");
        assertThat(coverage.code()).as(coverage.err()).isZero();
        List<String> participating = new ArrayList<>();
        coverage.json().get("states").forEach(s -> participating.add(s.get("id").asText()));
        assertThat(participating).hasSizeGreaterThan(50);
        for (String id : participating) {
            String name = a.state(id).orElseThrow().name();
            assertThat(name).isNotEqualTo(id);
            assertThat(text).as(id).contains("title=\"" + id + "\">" + ReportDocument.esc(name) + "</a>");
        }
        // Each provision's link: its instrument's name, the provision's id in the tooltip.
        Matcher p = Pattern.compile("<a href=\"[^\"]*\" title=\"[^\"]*\\[([^\\]]+)\\]\">([^<]*)</a>").matcher(text);
        int provisions = 0;
        while (p.find()) {
            Provision x = a.provision(p.group(1)).orElse(null);
            if (x == null) {
                continue; // a regime's own provision
            }
            provisions++;
            assertThat(p.group(2).replace("&amp;", "&")).as(p.group(1)).startsWith(a.instrument(x.instrument()).map(Instrument::name).orElseThrow().replaceFirst("\\s*\\(.*$", ""));
        }
        assertThat(provisions).isGreaterThan(10);
        // The Markdown report's table rows (not their header rows) too.
        CliTest.Run md = CliTest.run("report", "--date", "2009-12-01", "--regimes", "status-quo,est-2009", "--format", "md");
        assertThat(md.code()).as(md.err()).isZero();
        List<String> lines = md.out().lines().toList();
        int rows = 0;
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i);
            if (!l.startsWith("| ") || l.startsWith("| ---") || i + 1 < lines.size() && lines.get(i + 1).startsWith("| ---")) {
                continue;
            }
            rows++;
            for (String c : l.substring(1, l.length() - 1).split("(?<!\\\\)\\|")) {
                String plain = c.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").trim();
                assertThat(ids).as(l).doesNotContain(plain);
            }
        }
        assertThat(rows).isGreaterThan(100);
    }

    @Test
    void theRenderedLegendsPairOppositesFarApart() throws IOException {
        Path html = dir.resolve("report.html");
        CliTest.Run r = CliTest.run("report", "--date", "2009-12-01", "--regimes", "status-quo,est-2009,esd-west", "--out", html.toString());
        assertThat(r.code()).as(r.err()).isZero();
        String text = Files.readString(html);
        // Each map's legend: a swatch (rect with a fill) followed by its text.
        Matcher key = Pattern.compile("<rect x=\"\\d+\" y=\"\\d+\" width=\"18\" height=\"18\" fill=\"(#[0-9A-Fa-f]{6})\" stroke=\"#333\"/><text[^>]*>([^<]*)</text>")
                .matcher(text);
        Map<String, String> covered = new LinkedHashMap<>();
        Map<String, String> systems = new LinkedHashMap<>();
        Map<String, String> buffer = new LinkedHashMap<>();
        while (key.find()) {
            String label = key.group(2);
            String fill = key.group(1);
            if (label.equals("covered") || label.equals("not covered")) {
                covered.put(label, fill);
            } else if (label.startsWith("system ")) {
                systems.put(label, fill);
            } else if (label.equals("buffer")) {
                buffer.put(label, fill);
            }
        }
        assertThat(covered).containsKeys("covered", "not covered");
        assertThat(systems).isNotEmpty();
        assertThat(buffer).containsKey("buffer");
        apart("coverage map", covered.get("covered"), covered.get("not covered"));
        for (Map.Entry<String, String> s : systems.entrySet()) {
            apart("blocs map: " + s.getKey() + " against the buffer", s.getValue(), buffer.get("buffer"));
        }
    }

    @Test
    void theFormerSystemColoursAreWhatTheCheckRefuses() {
        // The report's former second system (vermillion) and the page's former fourth and fifth (green,
        // purple), each beside the buffer's orange: too close for some reader, so the check refuses them.
        assertThat(ColourVision.distance("#D55E00", "#E69F00", Vision.DEUTAN)).isLessThan(APART);
        assertThat(ColourVision.distance("#009E73", "#E69F00", Vision.PROTAN)).isLessThan(APART);
        assertThat(ColourVision.distance("#CC79A7", "#E69F00", Vision.TRITAN)).isLessThan(APART);
    }
}
