package org.eurosec.load;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eurosec.model.Instrument;
import org.eurosec.model.Membership;
import org.eurosec.model.Organisation;
import org.eurosec.model.Parties;
import org.eurosec.model.Participation;
import org.eurosec.model.Provenance;
import org.eurosec.model.Span;
import org.eurosec.model.State;

/**
 * The date checks across files: every membership and participation spell falls within its state's
 * existence, except a membership flagged {@code before_statehood}, which may start before it.
 */
final class Existence {

    private Existence() {
    }

    /**
     * @param beforeStatehood the provenance of the membership spells flagged {@code before_statehood}
     */
    static void check(List<Problem> problems, Set<Provenance> beforeStatehood, Map<String, State> states,
            Map<String, Organisation> orgs, Map<String, Instrument> instruments) {
        for (Organisation o : orgs.values()) {
            for (Membership m : o.members()) {
                String what = "membership of " + m.actor() + " in " + o.id();
                State state = states.get(m.actor());
                if (beforeStatehood.contains(m.provenance()) && state != null && !state.exists().isEmpty()) {
                    // A founding member before independence (the Ukrainian and Byelorussian SSRs in the UN):
                    // the spell may start early, but must reach the state's first day and end within its existence.
                    LocalDate first = state.exists().get(0).span().from();
                    if (!m.span().from().isBefore(first)) {
                        problems.add(new Problem(m.provenance().file(), m.provenance().line(), what + ": before_statehood, but "
                                + m.actor() + " already exists on " + m.span().from()));
                    } else if (!m.span().contains(first)) {
                        problems.add(new Problem(m.provenance().file(), m.provenance().line(), what + ": before_statehood, but the spell"
                                + " ends before " + m.actor() + " exists (from " + first + ")"));
                    } else {
                        within(problems, state, new Span(first, m.span().to()), m.provenance(), what);
                    }
                    continue;
                }
                within(problems, state, m.span(), m.provenance(), what);
            }
        }
        for (Instrument i : instruments.values()) {
            if (i.parties() instanceof Parties.Listed listed) {
                for (Participation p : listed.spells()) {
                    within(problems, states.get(p.actor()), p.span(), p.provenance(), "participation of " + p.actor() + " in " + i.id());
                }
            }
        }
    }

    private static void within(List<Problem> problems, State state, Span span, Provenance at, String what) {
        if (state == null || state.exists().isEmpty()) {
            return;
        }
        LocalDate last = span.to().map(d -> d.minusDays(1)).orElse(null);
        if (!state.existsOn(span.from())) {
            problems.add(new Problem(at.file(), at.line(), what + " starts " + span.from() + ", when " + state.id()
                    + " does not exist (existence: " + existenceText(state) + ")"));
        } else if (last != null && !state.existsOn(last)) {
            problems.add(new Problem(at.file(), at.line(), what + " runs to " + span.to().get() + ", after " + state.id()
                    + " ceased to exist (existence: " + existenceText(state) + ")"));
        } else if (last == null && state.exists().get(state.exists().size() - 1).span().to().isPresent()) {
            problems.add(new Problem(at.file(), at.line(), what + " has no end, but " + state.id()
                    + " ceased to exist (existence: " + existenceText(state) + ")"));
        }
    }

    private static String existenceText(State s) {
        return String.join(", ", s.exists().stream().map(d -> d.span().toString()).toList());
    }
}
