package org.eurosec.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import org.junit.jupiter.api.Test;

/** EUROSEC_TRACE_STARTUP: one line saying where a run's time went, and the run's own output unchanged. */
class StartupTraceTest {

    @Test
    void aTracedRunAddsOneLineAndChangesNothingElse() {
        String[] args = {"coverage", "--date", "2009-12-01", "--format", "json"};
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        StringWriter trace = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), Clock.systemDefaultZone(), 100, new PrintWriter(trace));
        StringWriter plainOut = new StringWriter();
        StringWriter plainErr = new StringWriter();
        int plainCode = Main.run(args, new PrintWriter(plainOut), new PrintWriter(plainErr), Clock.systemDefaultZone(), 100);
        assertThat(code).isZero().isEqualTo(plainCode);
        assertThat(out.toString()).isNotEmpty().isEqualTo(plainOut.toString());
        assertThat(err.toString()).isEqualTo(plainErr.toString());
        assertThat(trace.toString().lines().toList()).singleElement().asString()
                .matches("eurosec: start-up trace: JVM start to Main.run \\d+ ms, command tree \\d+ ms, parse and run \\d+ ms");
        StringWriter none = new StringWriter();
        Main.run(args, new PrintWriter(new StringWriter()), new PrintWriter(none), Clock.systemDefaultZone(), 100, null);
        assertThat(none.toString()).doesNotContain("start-up trace");
    }
}
