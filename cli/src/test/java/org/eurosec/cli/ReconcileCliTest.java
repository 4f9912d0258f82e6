package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code eurosec reconcile atop FILE} on the shipped data and a file of a few dozen ATOP-format rows
 * written here: the United States, the United Kingdom, Greece, the USSR and Finland, 1949-1952.
 */
class ReconcileCliTest {

    @TempDir
    Path dir;

    /** NATO among the founders from 1949, with Greece from 1951 (ATOP's year of the accession protocol); the USSR bound towards Finland. */
    static String rows() {
        List<String> r = new ArrayList<>();
        r.add("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul");
        for (int y = 1949; y <= 1952; y++) {
            r.add("2,200," + y + ",1,0,0,1,1");
            r.add("200,2," + y + ",1,0,0,1,1");
            r.add("365,375," + y + ",1,0,0,0,1");
        }
        for (int y = 1951; y <= 1952; y++) {
            for (String other : List.of("2", "200")) {
                r.add("350," + other + "," + y + ",1,0,0,1,1");
                r.add(other + ",350," + y + ",1,0,0,1,1");
            }
        }
        return String.join("\n", r) + "\n";
    }

    private Path file(String text) throws IOException {
        Path f = dir.resolve("atop.csv");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void theJsonNamesAConventionAndAnInterpretationWithWhatWouldAgree() throws IOException {
        CliTest.Run r = CliTest.run("reconcile", "atop", file(rows()).toString(), "--kinds", "defence", "--format", "json");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("dataset").asText()).isEqualTo("atop");
        assertThat(j.get("years").get(0).asInt()).isEqualTo(1949);
        assertThat(j.get("years").get(1).asInt()).isEqualTo(1952);
        assertThat(j.get("compared").asLong()).isEqualTo(j.get("agree").asLong() + j.get("disagree").asLong());
        List<JsonNode> rows = new ArrayList<>();
        j.get("rows").forEach(rows::add);
        assertThat(rows).hasSize(j.get("disagree").asInt());
        // Greece in 1951: ATOP counts it from the accession protocol (1951-10-22), eurosec from accession (1952-02-18).
        assertThat(rows).anySatisfy(x -> {
            assertThat(x.get("year").asInt()).isEqualTo(1951);
            assertThat(x.get("state1").asText()).isEqualTo("GRC");
            assertThat(x.get("cause").asText()).isEqualTo("convention");
            assertThat(x.get("instrument").asText()).isEqualTo("north-atlantic-treaty-1949");
            assertThat(x.get("eurosec_date").asText()).isEqualTo("1952-02-18");
            assertThat(x.get("dataset_date").asText()).isEqualTo("1951-10-22");
        });
        // The Soviet undertaking to Finland of 1948: a guarantee only under agreed-assistance=counts.
        assertThat(rows).anySatisfy(x -> {
            assertThat(x.get("state1").asText()).isEqualTo("SUN");
            assertThat(x.get("state2").asText()).isEqualTo("FIN");
            assertThat(x.get("cause").asText()).isEqualTo("interpretation");
            assertThat(x.get("interpretation").asText()).isEqualTo("agreed-assistance");
            assertThat(x.get("option").asText()).isEqualTo("counts");
        });
    }

    @Test
    void underAtopsConventionAndReadingThoseRowsAgree() throws IOException {
        CliTest.Run r = CliTest.run("reconcile", "atop", file(rows()).toString(), "--kinds", "defence", "--convention", "atop",
                "-I", "agreed-assistance=counts", "--format", "json");
        assertThat(r.code()).isZero();
        JsonNode j = r.json();
        assertThat(j.get("convention").asText()).isEqualTo("atop");
        j.get("rows").forEach(x -> {
            assertThat(x.get("cause").asText()).isNotEqualTo("convention");
            assertThat(x.get("state1").asText() + x.get("state2").asText()).isNotEqualTo("SUNFIN");
        });
    }

    @Test
    void csvHasOneLinePerDisagreementAndTheTableSumsUp() throws IOException {
        Path f = file(rows());
        JsonNode j = CliTest.run("reconcile", "atop", f.toString(), "--kinds", "defence", "--format", "json").json();
        CliTest.Run csv = CliTest.run("reconcile", "atop", f.toString(), "--kinds", "defence", "--format", "csv");
        assertThat(csv.code()).isZero();
        List<String> lines = csv.out().lines().toList();
        assertThat(lines.get(0)).startsWith("year,ccode1,state1,ccode2,state2,kind,dataset,eurosec,cause,instrument");
        assertThat(lines).hasSize(j.get("disagree").asInt() + 1);
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("1951,350,GRC,2,USA,defence,1,0,convention,north-atlantic-treaty-1949"));
        CliTest.Run table = CliTest.run("reconcile", "atop", f.toString(), "--kinds", "defence", "--wide");
        assertThat(table.out()).contains("compared " + j.get("compared").asLong() + " directed dyad-year cells")
                .contains(j.get("unexplained").asLong() + " unexplained").contains("eurosec 1952-02-18, atop 1951-10-22");
        // The missing cells split three ways in the JSON, and the table prints the same split on one line.
        JsonNode m = j.get("missing");
        assertThat(m.get("out_of_scope").asLong() + m.get("not_encoded").asLong() + m.get("no_entry").asLong())
                .isEqualTo(j.get("by_cause").get("missing").asLong());
        assertThat(table.out()).contains("missing: out_of_scope " + m.get("out_of_scope").asLong() + ", not_encoded " + m.get("not_encoded").asLong()
                + ", no_entry " + m.get("no_entry").asLong());
    }

    @Test
    void aBadFileIsRefusedWithItsLineAndStatus2() throws IOException {
        CliTest.Run r = CliTest.run("reconcile", "atop", file("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul\n2,200,1950,1,0,0,0,0\n2,200,x,1,0,0,0,0\n")
                .toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("atop.csv:3:").contains("year is 'x'").doesNotContain("Exception");
        CliTest.Run none = CliTest.run("reconcile", "atop", dir.resolve("none.csv").toString());
        assertThat(none.code()).isEqualTo(2);
        assertThat(none.err()).contains("none.csv: no such file");
        CliTest.Run other = CliTest.run("reconcile", "gdelt", file(rows()).toString());
        assertThat(other.code()).isEqualTo(2);
        assertThat(other.err()).contains("'gdelt' is not a dataset eurosec reconciles");
    }

    /**
     * A spreadsheet's "CSV UTF-8" export begins with a byte-order mark and ends lines with CR LF: it
     * reads as the plain file does (the mark was read as part of the first column's name, and the
     * file refused for having no column 'ccode1'). A file saved in Latin-1 is named with the line and
     * the byte that is not UTF-8 (it was "cannot read: Input length = 1").
     */
    @Test
    void aSpreadsheetsExportReadsAsThePlainFileAndAnotherEncodingIsNamed() throws IOException {
        JsonNode plain = CliTest.run("reconcile", "atop", file(rows()).toString(), "--kinds", "defence", "--format", "json").json();
        Path excel = dir.resolve("excel.csv");
        byte[] body = rows().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(excel, withBom);
        CliTest.Run fromExcel = CliTest.run("reconcile", "atop", excel.toString(), "--kinds", "defence", "--format", "json");
        assertThat(fromExcel.code()).as(fromExcel.err()).isZero();
        assertThat(fromExcel.json()).isEqualTo(plain);
        assertThat(plain.get("disagree").asLong()).isPositive();

        Path latin = dir.resolve("latin.csv");
        Files.write(latin, (rows() + "2,200,1953,1,0,0,0,0 # d\u00e9fense\n").getBytes(StandardCharsets.ISO_8859_1));
        CliTest.Run r = CliTest.run("reconcile", "atop", latin.toString());
        assertThat(r.code()).isEqualTo(2);
        int lines = (int) rows().lines().count();
        assertThat(r.err()).contains("latin.csv:" + (lines + 1) + ": not UTF-8 text: byte 0xE9").doesNotContain("Exception")
                .doesNotContain("Input length");
    }

    /**
     * export takes reconcile's --convention: under ATOP's dating Greece is bound towards the United
     * States from 1951 (the accession protocol signed 1951-10-22, data/crosswalk/atop.yaml), under
     * eurosec's from 1952 (accession 1952-02-18); Austria towards France under Art. 42(7) TEU from
     * 2007 (the Treaty of Lisbon signed 2007-12-13) rather than 2009 (in force 2009-12-01).
     */
    @Test
    void exportDatesThePanelUnderTheSameConvention() throws IOException {
        CliTest.Run own = CliTest.run("export", "dyad-year", "--from", "1951", "--to", "1952", "--directed");
        CliTest.Run atop = CliTest.run("export", "dyad-year", "--from", "1951", "--to", "1952", "--directed", "--convention", "atop");
        assertThat(own.code()).as(own.err()).isZero();
        assertThat(atop.code()).as(atop.err()).isZero();
        assertThat(own.out()).contains("\n1951,350,GRC,2,USA,0,").contains("\n1952,350,GRC,2,USA,1,");
        assertThat(atop.out()).contains("\n1951,350,GRC,2,USA,1,").contains("\n1952,350,GRC,2,USA,1,");
        CliTest.Run eu = CliTest.run("export", "dyad-year", "--from", "2007", "--to", "2009", "--directed", "--convention", "atop");
        CliTest.Run euOwn = CliTest.run("export", "dyad-year", "--from", "2007", "--to", "2009", "--directed", "--convention", "eurosec");
        assertThat(eu.out()).contains("\n2007,305,AUT,220,FRA,1,").contains("\n2008,305,AUT,220,FRA,1,");
        assertThat(euOwn.out()).contains("\n2007,305,AUT,220,FRA,0,").contains("\n2008,305,AUT,220,FRA,0,").contains("\n2009,305,AUT,220,FRA,1,");
        CliTest.Run bad = CliTest.run("export", "dyad-year", "--convention", "gdelt");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("'gdelt' is not a dating convention").doesNotContain("Exception");
    }

    /**
     * An answer larger than the heap: one line saying so and how to give more, exit 1, no stack trace.
     * A fresh JVM with a 16 MiB heap reconciles 70 years of four dyads (the shipped data's panel for
     * those years does not fit; 48 MiB does).
     */
    @Test
    void runningOutOfMemoryIsOneLineNotAStackTrace() throws IOException, InterruptedException {
        List<String> r = new ArrayList<>();
        r.add("ccode1,ccode2,year,defense,offense,neutral,nonagg,consul");
        for (int y = 1949; y <= 2018; y++) {
            r.add("2,200," + y + ",1,0,0,1,1");
            r.add("200,2," + y + ",1,0,0,1,1");
            r.add("365,375," + y + ",1,0,0,1,1");
            r.add("375,365," + y + ",1,0,0,1,1");
        }
        Path f = file(String.join("\n", r) + "\n");
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(javaBin, "-Xmx16m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "reconcile", "atop", f.toString(), "--format", "json")
                .redirectOutput(dir.resolve("out.json").toFile()).redirectError(dir.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(120, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        List<String> err = Files.readAllLines(dir.resolve("err.txt"));
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(err).hasSize(1);
        assertThat(err.get(0)).startsWith("eurosec: out of memory:").contains("16 MiB").contains("EUROSEC_JAVA_OPTS=-Xmx2g");
    }
}
