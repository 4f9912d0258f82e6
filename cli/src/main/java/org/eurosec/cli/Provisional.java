package org.eurosec.cli;

import java.io.PrintWriter;
import java.time.LocalDate;
import org.eurosec.query.Common;

/** The one-line note a table prints under an answer for a day after the facts were last checked. */
final class Provisional {

    private Provisional() {
    }

    static void note(PrintWriter out, boolean provisional, LocalDate factsCheckedThrough) {
        new Common.Checked(provisional, factsCheckedThrough).note().ifPresent(out::println);
    }
}
