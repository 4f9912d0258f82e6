package org.eurosec.query;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eurosec.analysis.RescanCoverage;
import org.eurosec.model.Architecture;
import org.eurosec.model.MembershipStatus;
import org.eurosec.model.Organisation;
import org.eurosec.model.State;
import org.eurosec.query.Common.SpanView;
import org.eurosec.query.Common.UnknownDay;

/** The states and organisations that existed on a day, with their codes and memberships that day. */
public final class Actors {

    private Actors() {
    }

    /**
     * @param date the day (empty: today)
     * @param exclude leave out states with these tags
     * @param interpretations the choices as ID=OPTION (they decide who counts as a participant)
     */
    public record Query(Optional<LocalDate> date, List<String> exclude, List<String> interpretations, boolean strict) {
        public Query {
            exclude = List.copyOf(exclude);
            interpretations = List.copyOf(interpretations);
        }

        public Query(Optional<LocalDate> date, List<String> exclude, List<String> interpretations) {
            this(date, exclude, interpretations, false);
        }

        public static Query of(Params p) {
            return new Query(p.date("date"), p.list("exclude"), p.values("interpretation"), p.flag("strict"));
        }
    }

    /** The answer: the day is covered by the data ({@link Answer}) or it is not ({@link UnknownDay}). */
    public sealed interface View permits Answer, UnknownDay {
    }

    public record Answer(LocalDate asOf, boolean known, boolean provisional, LocalDate factsCheckedThrough, List<StateRow> states,
            List<OrganisationRow> organisations) implements View {
    }

    /**
     * A state that exists on the day. {@code memberships}: the organisations it belongs to that day,
     * a status other than full membership written after the id, e.g. {@code cis(participant)}.
     */
    public record StateRow(String id, String iso3, Integer ccode, String name, String recognition, Set<String> tags, boolean osceParticipant,
            List<String> memberships, List<String> predecessors, List<SpanView> exists) {
    }

    /** An organisation that exists on the day, with the number of its full members that day. */
    public record OrganisationRow(String id, String name, String kind, long memberCount) {
    }

    static View answer(Eurosec e, Query q) {
        Common.knownTags(e.architecture(), "exclude", q.exclude());
        LocalDate day = e.day(q.date());
        Architecture a = Eurosec.through(e.architecture(), day, q.strict());
        RescanCoverage c = RescanCoverage.of(a, e.reading(a, e.choices(q.interpretations())));
        if (!a.covers(day)) {
            return new UnknownDay(day, c.outside(day));
        }
        Set<String> participants = c.participants(day);
        List<StateRow> states = new ArrayList<>();
        for (State s : a.states().values()) {
            if (!s.existsOn(day) || s.tags().stream().anyMatch(q.exclude()::contains)) {
                continue;
            }
            List<String> memberships = new ArrayList<>();
            for (Organisation o : a.organisations().values()) {
                o.members().stream().filter(m -> m.actor().equals(s.id()) && m.span().contains(day)).findFirst()
                        .ifPresent(m -> memberships.add(o.id() + (m.status() == MembershipStatus.MEMBER ? ""
                                : "(" + m.status().id() + ")")));
            }
            states.add(new StateRow(s.id(), s.iso3(), Common.code(s.ccodeOn(day)), s.name(), s.recognition().name().toLowerCase(Locale.ROOT),
                    s.tags(), participants.contains(s.id()), memberships, s.predecessors(),
                    s.exists().stream().map(d -> SpanView.of(d.span())).toList()));
        }
        List<OrganisationRow> orgs = new ArrayList<>();
        for (Organisation o : a.organisations().values()) {
            if (o.exists().span().contains(day)) {
                orgs.add(new OrganisationRow(o.id(), o.name(), o.kind(),
                        o.members().stream().filter(m -> m.span().contains(day) && m.status() == MembershipStatus.MEMBER).count()));
            }
        }
        Common.Checked checked = Common.Checked.of(e.architecture(), Optional.of(day), q.strict());
        return new Answer(day, true, checked.provisional(), checked.factsCheckedThrough(), states, orgs);
    }
}
