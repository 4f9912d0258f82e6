package org.eurosec.model;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A treaty or political document with its provisions and parties. */
public record Instrument(
        String id,
        String name,
        String type,
        LegalForce legalForce,
        Set<Dimension> dimensions,
        Optional<LocalDate> signed,
        Optional<LocalDate> inForce,
        Optional<LocalDate> ended,
        Parties parties,
        List<Provision> provisions,
        Provenance provenance,
        Optional<InForceBasis> inForceBasis) {

    /** An instrument whose entry into force needs no {@code in_force_basis} (not on its signature day). */
    public Instrument(String id, String name, String type, LegalForce legalForce, Set<Dimension> dimensions,
            Optional<LocalDate> signed, Optional<LocalDate> inForce, Optional<LocalDate> ended, Parties parties,
            List<Provision> provisions, Provenance provenance) {
        this(id, name, type, legalForce, dimensions, signed, inForce, ended, parties, provisions, provenance, Optional.empty());
    }

    /** True when the entry into force is the signature day for want of a ratification date. */
    public boolean inForceAssumed() {
        return inForceBasis.filter(b -> b == InForceBasis.SIGNATURE_ASSUMED).isPresent();
    }

    /**
     * The days on which the instrument is in force, if it ever was. A political document has no
     * entry into force of its own: unless the data gives {@code in_force}, it takes effect on the
     * day it was signed or adopted.
     */
    public Optional<Span> inForceSpan() {
        return effectiveFrom().map(f -> new Span(f, ended));
    }

    /** {@code in_force}, or for a political document its signature or adoption day. */
    public Optional<LocalDate> effectiveFrom() {
        return legalForce == LegalForce.POLITICAL && inForce.isEmpty() ? signed : inForce;
    }

    public boolean inForceOn(LocalDate day) {
        return inForceSpan().map(s -> s.contains(day)).orElse(false);
    }

    /** The days on which a provision is in force: its own dates within its instrument's. */
    public Optional<Span> inForceSpan(Provision p) {
        Optional<Span> own = inForceSpan();
        if (own.isEmpty()) {
            return own;
        }
        LocalDate from = p.inForce().filter(d -> d.isAfter(own.get().from())).orElse(own.get().from());
        Optional<LocalDate> to = own.get().to();
        if (p.ended().isPresent() && (to.isEmpty() || p.ended().get().isBefore(to.get()))) {
            to = p.ended();
        }
        Span span = new Span(from, to);
        return span.isEmpty() ? Optional.empty() : Optional.of(span);
    }
}
