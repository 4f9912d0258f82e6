package org.eurosec.cli;

import java.io.PrintWriter;
import java.io.Writer;

/**
 * A command's text output fitted to the terminal: every line longer than the width is wrapped at
 * spaces (long ids after a hyphen or slash), its continuation lines indented two spaces beyond the
 * line's own indent. Tables arrive already fitted ({@link Table#text()}); this catches the prose
 * around them. Used only for text output, never for JSON, CSV, HTML or Markdown.
 */
final class FittedWriter extends Writer {

    private final PrintWriter out;
    private final int width;
    private final StringBuilder line = new StringBuilder();

    private FittedWriter(PrintWriter out, int width) {
        this.out = out;
        this.width = width;
    }

    /** A print writer over {@code out} whose lines are fitted to {@code width}. */
    static PrintWriter over(PrintWriter out, int width) {
        return new PrintWriter(new FittedWriter(out, width), true);
    }

    @Override
    public void write(char[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c == '\n') {
                emit();
            } else if (c != '\r') {
                line.append(c);
            }
        }
    }

    private void emit() {
        String text = line.toString();
        line.setLength(0);
        if (text.length() <= width) {
            out.println(text);
            return;
        }
        String indent = text.substring(0, text.length() - text.stripLeading().length());
        if (indent.length() > width / 2) {
            indent = "";
        }
        java.util.List<String> first = Table.wrap(text.stripLeading(), width - indent.length());
        out.println(indent + first.get(0));
        if (first.size() > 1) {
            String rest = String.join(" ", first.subList(1, first.size()));
            for (String l : Table.wrap(rest, width - indent.length() - 2)) {
                out.println(indent + "  " + l);
            }
        }
    }

    @Override
    public void flush() {
        if (line.length() > 0) {
            String text = line.toString();
            line.setLength(0);
            out.print(text);
        }
        out.flush();
    }

    @Override
    public void close() {
        flush();
    }
}
