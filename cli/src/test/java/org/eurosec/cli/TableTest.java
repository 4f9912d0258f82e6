package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A table printed row by row ({@link Table#print}, for listings too large to hold) is the text the
 * whole table gives ({@link Table#text}): the same widths, narrowing and wrapping, "(none)" when
 * empty, and past the 64 KiB at which the printer hands its text on.
 */
class TableTest {

    static final List<String> HEADERS = List.of("procedure", "kind", "note");

    static List<List<String>> rows(int n) {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            // Notes of varying length, some long enough to be wrapped at 60 columns.
            rows.add(Table.cells("p-" + i, i % 3 == 0 ? "consultations" : "information-request", "word ".repeat(i % 17).strip()));
        }
        return rows;
    }

    static String whole(List<List<String>> rows, int width) {
        Table t = new Table(HEADERS.toArray(String[]::new));
        rows.forEach(r -> t.row(r.toArray()));
        return t.text(width);
    }

    static String printed(List<List<String>> rows, int width) {
        StringWriter s = new StringWriter();
        Integer before = Table.WIDTH.get();
        Table.WIDTH.set(width);
        try (PrintWriter out = new PrintWriter(s)) {
            Table.print(out, HEADERS, rows);
        } finally {
            Table.WIDTH.set(before);
        }
        return s.toString();
    }

    @Test
    void printingRowByRowGivesTheWholeTablesText() {
        for (int n : new int[] {0, 1, 40, 5_000}) {
            List<List<String>> rows = rows(n);
            for (int width : new int[] {40, 60, 100, Integer.MAX_VALUE}) {
                assertThat(printed(rows, width)).as(n + " rows at width " + width).isEqualTo(whole(rows, width));
            }
        }
        assertThat(printed(rows(0), 100)).endsWith("(none)\n");
        String big = printed(rows(5_000), 60);
        assertThat(big.length()).as("more than one piece of 64 KiB").isGreaterThan(1 << 17);
        assertThat(big.lines().filter(l -> l.startsWith("p-"))).hasSize(5_000);
        assertThat(big).as("a long note wrapped onto a continuation line").contains("\n          ");
    }

    @Test
    void theRowsAreGoneThroughTwiceAndNeverHeld() {
        AtomicInteger made = new AtomicInteger();
        Iterable<List<String>> source = () -> java.util.stream.IntStream.range(0, 1_000)
                .mapToObj(i -> {
                    made.incrementAndGet();
                    return Table.cells("p-" + i, "kind", "");
                }).iterator();
        String text = printed(toList(source), 100);
        made.set(0);
        StringWriter s = new StringWriter();
        try (PrintWriter out = new PrintWriter(s)) {
            Table.print(out, HEADERS, source);
        }
        assertThat(made.get()).as("each row made once for the widths and once to print").isEqualTo(2_000);
        assertThat(s.toString()).isEqualTo(text);
    }

    static List<List<String>> toList(Iterable<List<String>> rows) {
        List<List<String>> out = new ArrayList<>();
        rows.forEach(out::add);
        return out;
    }
}
