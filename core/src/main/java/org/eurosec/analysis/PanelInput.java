package org.eurosec.analysis;

import java.util.List;

/**
 * The tables a research panel is built from, in epoch days with exclusive ends, clipped to what the
 * data covers: when each state exists, its COW codes, and each directed obligation spell (who is
 * bound to whom, of which kind, from when to when). The engine derives the obligation spells from
 * memberships, participations, provisions and the reading; anything downstream (this project's
 * panel writer or an SQL engine) only expands them into rows.
 */
public record PanelInput(List<StateRow> states, List<CodeRow> codes, List<ObligationRow> obligations, long coversFrom, long endExclusive) {

    /** One existence spell of a state. */
    public record StateRow(String id, String iso3, long start, long end) {
    }

    /** One COW code spell of a state. */
    public record CodeRow(String id, int ccode, long start, long end) {
    }

    /** {@code from} is bound to {@code to} by an obligation of {@code kind} on the days [start, end). */
    public record ObligationRow(ObligationKind kind, String from, String to, long start, long end) {
    }
}
