package org.eurosec.query;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Participation;
import org.eurosec.model.Parties;
import org.eurosec.model.Provenance;
import org.eurosec.model.Provision;
import org.eurosec.query.Common.ProvisionView;
import org.eurosec.query.Common.SpanView;

/** The treaties and documents: one with its dates, legal force, parties and provisions, or the list of them. */
public final class Instruments {

    private Instruments() {
    }

    /** One instrument by id (case does not matter). */
    public record Query(String id) {
    }

    /** Every instrument, or only those in force (political ones: adopted) on {@code date}. */
    public record ListQuery(Optional<LocalDate> date) {
    }

    /** One line of the list: {@code provisions} counts the instrument's provisions; {@code in_force} only when the data dates it. */
    public record Summary(String id, String name, String legalForce, @JsonInclude(JsonInclude.Include.NON_NULL) SpanView inForce, int provisions) {
    }

    /** The list, written as a JSON array. */
    public record ListView(List<Summary> instruments) {
        @JsonValue
        public List<Summary> value() {
            return instruments;
        }
    }

    /**
     * One instrument. {@code parties} is {@link OrganisationParties} when its parties are an
     * organisation's members, else the list of each state's spells as a party.
     */
    public record View(String id, String name, String type, String legalForce, List<String> dimensions, LocalDate signed, SpanView inForce,
            String source, @JsonProperty("at") String where, @JsonInclude(JsonInclude.Include.NON_NULL) String note,
            @JsonInclude(JsonInclude.Include.NON_NULL) Boolean unconfirmed, Object parties, List<ProvisionView> provisions) {

        /** The organisation whose members are the parties, or empty when they are listed. */
        public Optional<String> organisation() {
            return parties instanceof OrganisationParties o ? Optional.of(o.organisation()) : Optional.empty();
        }

        /** The listed parties (empty when they are an organisation's members). */
        @SuppressWarnings("unchecked")
        public List<PartyRow> listed() {
            return parties instanceof List<?> l ? (List<PartyRow>) l : List.of();
        }
    }

    /** The parties are the members of an organisation (as they change). */
    public record OrganisationParties(String organisation) {
    }

    /** One spell of one state as a party, with its source; {@code unconfirmed} only when the source does not confirm it. */
    public record PartyRow(String state, String status, LocalDate from, LocalDate to, String source, @JsonProperty("at") String where,
            @JsonInclude(JsonInclude.Include.NON_NULL) String note, @JsonInclude(JsonInclude.Include.NON_NULL) Boolean unconfirmed) {
    }

    /** A regime's hypothetical instrument (est-2009's treaty, listed by 'regime show'), as the regime defines it. */
    private static Optional<Instrument> regimeInstrument(Eurosec e, Architecture a, String id) {
        for (org.eurosec.model.Regime r : e.regimes(a).values()) {
            for (org.eurosec.model.Regime.Hypothetical h : r.instruments()) {
                if (h.instrument().id().equals(id)) {
                    return Optional.of(h.instrument());
                }
            }
        }
        return Optional.empty();
    }

    static View answer(Eurosec e, Query q) {
        Architecture a = e.architecture();
        String id = q.id().trim().toLowerCase(Locale.ROOT);
        Instrument i = a.instrument(id).or(() -> regimeInstrument(e, a, id)).orElseThrow(() -> {
            List<String> known = new ArrayList<>(a.instruments().keySet());
            e.regimes(a).values().forEach(r -> r.instruments().forEach(h -> known.add(h.instrument().id())));
            List<String> near = known.stream().filter(k -> k.startsWith(id.length() > 3 ? id.substring(0, 4) : id)).sorted().limit(8).toList();
            return new QueryException.UnknownId("id", "instrument", q.id(), "unknown instrument '" + q.id() + "'"
                    + (near.isEmpty() ? "" : " (similar: " + String.join(", ", near) + ")")
                    + "; the data's instruments are listed by 'eurosec instrument', a regime's by 'eurosec regime show ID'");
        });
        List<ProvisionView> provisions = new ArrayList<>();
        for (Provision p : i.provisions()) {
            provisions.add(ProvisionView.of(p, Optional.of(i.inForceSpan(p))));
        }
        Object parties;
        if (i.parties() instanceof Parties.OrganisationMembers om) {
            parties = new OrganisationParties(om.organisation());
        } else {
            List<PartyRow> rows = new ArrayList<>();
            for (Participation p : ((Parties.Listed) i.parties()).spells()) {
                Provenance pv = p.provenance();
                rows.add(new PartyRow(p.actor(), p.status().name().toLowerCase(Locale.ROOT), p.span().from(), p.span().to().orElse(null),
                        pv.source(), pv.where(), pv.note().orElse(null), pv.unconfirmed() ? true : null));
            }
            parties = rows;
        }
        Provenance pv = i.provenance();
        return new View(i.id(), i.name(), i.type(), i.legalForce().id(), i.dimensions().stream().map(d -> d.id()).toList(), i.signed().orElse(null),
                i.inForceSpan().map(SpanView::of).orElse(null), pv.source(), pv.where(), pv.note().orElse(null), pv.unconfirmed() ? true : null,
                parties, provisions);
    }

    static ListView list(Eurosec e, ListQuery q) {
        List<Summary> out = new ArrayList<>();
        for (Instrument i : e.architecture().instruments().values()) {
            if (q.date().isPresent() && !i.inForceOn(q.date().get())) {
                continue;
            }
            out.add(new Summary(i.id(), i.name(), i.legalForce().id(), i.inForceSpan().map(SpanView::of).orElse(null), i.provisions().size()));
        }
        return new ListView(out);
    }

    /** The parameters of a provision as {@code key=value} words, as the tables show them. */
    public static String params(Object params) {
        if (!(params instanceof Map<?, ?> m)) {
            return params == null ? "" : String.valueOf(params);
        }
        return String.join(" ", m.entrySet().stream().map(x -> x.getKey() + "=" + x.getValue()).toList());
    }
}
