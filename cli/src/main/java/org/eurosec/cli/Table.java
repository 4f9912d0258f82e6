package org.eurosec.cli;

import java.util.ArrayList;
import java.util.List;

/** Rows under named columns, rendered as an aligned text table or as RFC 4180 CSV. */
final class Table {

    private final List<String> headers;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... headers) {
        this.headers = List.of(headers);
    }

    Table row(Object... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException("row has " + cells.length + " cells for " + headers.size() + " columns");
        }
        rows.add(cells(cells));
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /**
     * The width tables are fitted to on this thread: the terminal's (or $COLUMNS), 100 when not a
     * terminal, unlimited with --wide. Set by {@link Main#run} for the command it runs.
     */
    /** The width when there is no terminal to measure. */
    static final int DEFAULT_WIDTH = 100;

    static final ThreadLocal<Integer> WIDTH = ThreadLocal.withInitial(() -> DEFAULT_WIDTH);

    /** The table fitted to the thread's width ({@link #WIDTH}). */
    String text() {
        return text(WIDTH.get());
    }

    /**
     * The table as aligned text no wider than {@code width} where that can be done: the widest
     * columns are narrowed (never below their header or 8 characters) and their cells wrapped at
     * spaces onto continuation lines.
     */
    String text(int width) {
        StringBuilder sb = new StringBuilder();
        render(sb, width, headers, rows);
        return sb.toString();
    }

    /**
     * Prints rows as {@link #text()} would show them in a table of these headers, fitted to the
     * thread's width, without holding them: {@code rows} is gone through twice (once for the
     * columns' widths, once to print), each row made when it is reached, so a listing of hundreds of
     * thousands of rows (an exercise's every procedure) costs one row's text at a time.
     */
    static void print(java.io.PrintWriter out, List<String> headers, Iterable<List<String>> rows) {
        render(out, WIDTH.get(), headers, rows);
    }

    /** A row's cells as text, as {@link #row} keeps them. */
    static List<String> cells(Object... cells) {
        List<String> r = new ArrayList<>(cells.length);
        for (Object c : cells) {
            r.add(c == null ? "" : String.valueOf(c));
        }
        return r;
    }

    private static void render(Appendable sink, int width, List<String> headers, Iterable<List<String>> rows) {
        int n = headers.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) {
            w[i] = headers.get(i).length();
        }
        for (List<String> r : rows) {
            for (int i = 0; i < n; i++) {
                w[i] = Math.max(w[i], r.get(i).length());
            }
        }
        fit(w, width, headers);
        StringBuilder sb = new StringBuilder();
        line(sb, headers, w);
        List<String> rule = new ArrayList<>();
        for (int x : w) {
            rule.add("-".repeat(x));
        }
        line(sb, rule, w);
        boolean none = true;
        for (List<String> r : rows) {
            none = false;
            List<List<String>> wrapped = new ArrayList<>();
            int height = 1;
            for (int i = 0; i < n; i++) {
                List<String> parts = wrap(r.get(i), w[i]);
                wrapped.add(parts);
                height = Math.max(height, parts.size());
            }
            for (int k = 0; k < height; k++) {
                List<String> cells = new ArrayList<>();
                for (List<String> parts : wrapped) {
                    cells.add(k < parts.size() ? parts.get(k) : "");
                }
                line(sb, cells, w);
            }
            if (sb.length() >= 1 << 16) {
                hand(sink, sb);
            }
        }
        if (none) {
            sb.append("(none)\n");
        }
        hand(sink, sb);
    }

    /** Moves what is written so far to the sink (nothing to move when the sink is the builder itself). */
    private static void hand(Appendable sink, StringBuilder sb) {
        if (sink == sb) {
            return;
        }
        try {
            sink.append(sb);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sb.setLength(0);
    }

    /** Narrows the widest columns until the line fits {@code width} or no column can give more. */
    private static void fit(int[] w, int width, List<String> headers) {
        int total = 2 * (w.length - 1);
        for (int x : w) {
            total += x;
        }
        while (total > width) {
            int widest = -1;
            for (int i = 0; i < w.length; i++) {
                if (w[i] > floor(headers, i) && (widest < 0 || w[i] > w[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                return;
            }
            // One character at a time from the widest column, so wide columns shrink together.
            int give = 1;
            w[widest] -= give;
            total -= give;
        }
    }

    private static int floor(List<String> headers, int column) {
        return Math.max(8, headers.get(column).length());
    }

    /**
     * Prints a line of prose fitted to the thread's width: its own leading spaces kept, continuation
     * lines indented two spaces further.
     */
    static void say(java.io.PrintWriter out, String text) {
        int width = WIDTH.get();
        String indent = text.substring(0, text.length() - text.stripLeading().length());
        List<String> lines = wrap(text.stripLeading(), Math.max(20, width - indent.length()));
        out.println(indent + lines.get(0));
        if (lines.size() > 1) {
            String rest = String.join(" ", lines.subList(1, lines.size()));
            for (String l : wrap(rest, Math.max(20, width - indent.length() - 2))) {
                out.println(indent + "  " + l);
            }
        }
    }

    /**
     * A list shown in a table cell: in full when the tables are wide, else its first item and how
     * many more ("nato art-5 (27) +6 more") once it has more than two.
     */
    static String summary(List<String> items, String separator) {
        if (WIDTH.get() == Integer.MAX_VALUE || items.size() <= 2) {
            return String.join(separator, items);
        }
        return items.get(0) + " +" + (items.size() - 1) + " more";
    }

    /** A cell's text in lines of at most {@code width}, broken at spaces (a longer word is cut). */
    static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        if (text.length() <= width) {
            out.add(text);
            return out;
        }
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            while (word.length() > width) {
                if (line.length() > 0) {
                    out.add(line.toString());
                    line.setLength(0);
                }
                // A long id breaks after a hyphen or slash where there is one in the second half of the line.
                int cut = Math.max(word.lastIndexOf('-', width - 1), word.lastIndexOf('/', width - 1)) + 1;
                if (cut <= width / 2) {
                    cut = width;
                }
                out.add(word.substring(0, cut));
                word = word.substring(cut);
            }
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0 || out.isEmpty()) {
            out.add(line.toString());
        }
        return out;
    }

    private static void line(StringBuilder sb, List<String> cells, int[] w) {
        StringBuilder l = new StringBuilder();
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                l.append("  ");
            }
            l.append(cells.get(i));
            if (i < cells.size() - 1) {
                l.append(" ".repeat(Math.max(0, w[i] - cells.get(i).length())));
            }
        }
        sb.append(l.toString().stripTrailing()).append('\n');
    }

    String csv() {
        StringBuilder sb = new StringBuilder();
        csvLine(sb, headers);
        for (List<String> r : rows) {
            csvLine(sb, r);
        }
        return sb.toString();
    }

    /** Prints one CSV line of these cells (as {@link #csv} writes a row), for output written row by row instead of held as a table. */
    static void csvLine(java.io.PrintWriter out, Object... cells) {
        StringBuilder sb = new StringBuilder();
        csvLine(sb, cells(cells));
        out.append(sb);
    }

    private static void csvLine(StringBuilder sb, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                sb.append(',');
            }
            String c = cells.get(i);
            if (c.contains(",") || c.contains("\"") || c.contains("\n") || c.contains("\r")) {
                sb.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                sb.append(c);
            }
        }
        sb.append("\r\n");
    }

    /**
     * Prints a listing in the chosen format: {@code json} (a view of the application layer, or a
     * tree of maps) as JSON, or this table as CSV or text.
     */
    void print(Format format, java.io.PrintWriter out, Object json) {
        switch (format) {
            case JSON -> out.print(org.eurosec.query.Json.write(json));
            case CSV -> out.print(csv());
            default -> out.print(text());
        }
    }
}
