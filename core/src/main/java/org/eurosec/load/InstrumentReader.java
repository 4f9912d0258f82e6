package org.eurosec.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eurosec.model.Dimension;
import org.eurosec.model.InForceBasis;
import org.eurosec.model.Instrument;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Parties;
import org.eurosec.model.Participation;
import org.eurosec.model.ParticipationStatus;
import org.eurosec.model.Provenance;
import org.eurosec.model.Provision;
import org.eurosec.model.Span;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * One {@code instruments/*.yaml} file, or a regime's hypothetical instrument: its dates and why it
 * is in force, its parties (listed spells or an organisation's members) and its provisions (read by
 * {@link ProvisionReader}).
 */
final class InstrumentReader {

    private static final Set<String> INSTRUMENT_KEYS = Set.of("id", "name", "type", "legal_force", "dimensions", "signed",
            "in_force", "in_force_basis", "ended", "source", "parties", "provisions", "note", "unconfirmed", "depositary");
    private static final Set<String> ORG_PARTIES_KEYS = Set.of("organisation", "note", "source");
    private static final Set<String> MEMBER_KEYS = Set.of("state", "from", "to", "status", "source", "note", "unconfirmed");

    private final LoadContext ctx;
    private final ProvisionReader provisions;

    InstrumentReader(LoadContext ctx) {
        this.ctx = ctx;
        this.provisions = new ProvisionReader(ctx);
    }

    Optional<Instrument> read(Path file) {
        Nodes n = ctx.nodes(ctx.display(file));
        return ctx.mapping(file, "instrument").flatMap(root -> instrument(n, root, false, true));
    }

    /**
     * One instrument from its mapping. A regime's hypothetical instrument may leave out
     * {@code parties} ({@code partiesOptional}): who joins it follows from its eligibility and events.
     */
    Optional<Instrument> instrument(Nodes n, Node root, boolean partiesOptional) {
        return instrument(n, root, partiesOptional, false);
    }

    /** {@code top}: the instrument is the whole file, so an unknown key is a first cause ({@link Nodes#topFields}). */
    private Optional<Instrument> instrument(Nodes n, Node root, boolean partiesOptional, boolean top) {
        return (top ? n.topFields(root, "instrument", INSTRUMENT_KEYS) : n.fields(root, "instrument", INSTRUMENT_KEYS)).flatMap(f -> {
            Optional<String> id = f.requiredString("id");
            String what = "instrument " + id.orElse("?");
            id.ifPresent(v -> Checks.kebab(n, f.line("id"), what, v));
            Optional<String> name = f.requiredString("name");
            Optional<Provenance> prov = Checks.provenance(n, f, what);
            String type = f.string("type").orElse("treaty");
            Optional<LegalForce> force = f.requiredString("legal_force")
                    .flatMap(v -> Checks.oneOf(n, f.line("legal_force"), what + " legal_force", v, LegalForce.class));
            Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
            for (String d : f.strings("dimensions")) {
                Checks.oneOf(n, f.line("dimensions"), what + " dimension", d, Dimension.class).ifPresent(dims::add);
            }
            Optional<LocalDate> signed = f.date("signed");
            Optional<LocalDate> inForce = f.date("in_force");
            Optional<LocalDate> ended = f.date("ended");
            Optional<LocalDate> start = inForce.isPresent() ? inForce : signed;
            if (ended.isPresent() && start.isPresent() && !ended.get().isAfter(start.get())) {
                n.problem(f.line("ended"), what + ": ended " + ended.get() + " is not after " + (inForce.isPresent() ? "in_force " : "signed ") + start.get());
            }
            boolean political = force.isPresent() && force.get() == LegalForce.POLITICAL;
            if (ended.isPresent() && inForce.isEmpty() && !(political && signed.isPresent())) {
                n.problem(f.line("ended"), what + ": has 'ended' but was never in force (no 'in_force')");
            }
            if (signed.isPresent() && inForce.isPresent() && inForce.get().isBefore(signed.get())) {
                n.problem(f.line("in_force"), what + ": in force " + inForce.get() + " before it was signed " + signed.get());
            }
            Optional<InForceBasis> basis = inForceBasis(n, f, what, signed, political ? Optional.empty() : inForce);
            if (basis.isPresent() && basis.get() == InForceBasis.SIGNATURE_ASSUMED) {
                String why = "Entry into force assumed on the signature day " + signed.get()
                        + " (in_force_basis: signature-assumed, no date of ratification found). ";
                prov = prov.map(p -> assumed(p, why));
            }
            Optional<Parties> parties = Optional.empty();
            if (f.node("parties").isEmpty() && partiesOptional) {
                parties = Optional.of(new Parties.Listed(List.of()));
            } else if (f.node("parties").isEmpty()) {
                n.problem(f.line(), what + " has no 'parties'");
            } else {
                parties = parties(n, f.node("parties").get(), what, prov);
            }
            List<Provision> provisions = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            for (Node item : f.list("provisions")) {
                this.provisions.read(n, item, id.orElse("?"), what).ifPresent(p -> {
                    if (!seen.add(p.id())) {
                        n.problem(p.provenance().line(), "provision id '" + p.id() + "' is defined twice");
                    }
                    provisions.add(p);
                });
            }
            if (id.isEmpty() || name.isEmpty() || prov.isEmpty() || force.isEmpty() || parties.isEmpty()) {
                return Optional.empty();
            }
            List<Provision> resting = provisions;
            if (basis.isPresent() && basis.get() == InForceBasis.SIGNATURE_ASSUMED) {
                String why = "Rests on " + id.get() + ", whose entry into force is assumed on its signature day " + signed.get()
                        + " (no date of ratification found). ";
                resting = provisions.stream().map(p -> new Provision(p.id(), p.instrument(), p.article(), p.kind(), p.title(),
                        p.params(), p.defence(), p.inForce(), p.ended(), assumed(p.provenance(), why))).toList();
            }
            return Optional.of(new Instrument(id.get(), name.get(), type, force.get(), Collections.unmodifiableSet(dims),
                    signed, inForce, ended, parties.get(), List.copyOf(resting), prov.get(), basis));
        });
    }

    /**
     * {@code in_force_basis}: required when a binding instrument's {@code in_force} is its
     * {@code signed} day (why it is in force from its signature), refused otherwise. A political
     * document takes effect when adopted and needs none ({@code inForce} is passed empty for it).
     */
    private static Optional<InForceBasis> inForceBasis(Nodes n, Nodes.Fields f, String what, Optional<LocalDate> signed,
            Optional<LocalDate> inForce) {
        boolean onSignature = signed.isPresent() && inForce.isPresent() && signed.get().equals(inForce.get());
        if (!f.has("in_force_basis")) {
            if (onSignature) {
                n.problem(f.line("in_force"), what + ": in_force " + inForce.get() + " is its signed day; say why in"
                        + " in_force_basis: on-signature (the text or a cited source says it entered into force on signature)"
                        + " or signature-assumed (no date of ratification found)");
            }
            return Optional.empty();
        }
        Optional<InForceBasis> basis = f.string("in_force_basis").flatMap(v -> {
            Optional<InForceBasis> b = InForceBasis.byId(v);
            if (b.isEmpty()) {
                n.problem(f.line("in_force_basis"), what + ": unknown in_force_basis '" + v
                        + "' (on-signature or signature-assumed)");
            }
            return b;
        });
        if (basis.isPresent() && !onSignature) {
            n.problem(f.line("in_force_basis"), what + ": in_force_basis is only for a binding instrument in force on its signed day"
                    + (inForce.isPresent() && signed.isPresent() ? " (in_force " + inForce.get() + ", signed " + signed.get() + ")" : ""));
            return Optional.empty();
        }
        return basis;
    }

    /** The provenance flagged unconfirmed, its note opened with the reason. */
    private static Provenance assumed(Provenance p, String why) {
        return new Provenance(p.source(), p.file(), p.line(), Optional.of(why + p.note().orElse("")), true);
    }

    private Optional<Parties> parties(Nodes n, Node node, String what, Optional<Provenance> instrumentProv) {
        if (node instanceof MappingNode) {
            return n.fields(node, what + " parties", ORG_PARTIES_KEYS).flatMap(pf -> {
                Optional<String> org = pf.requiredString("organisation");
                org.ifPresent(o -> ctx.references().organisation(o, n.file(), pf.line("organisation"), what + " parties"));
                Optional<Provenance> p = pf.has("source") ? Checks.provenance(n, pf) : instrumentProv;
                return org.isPresent() && p.isPresent()
                        ? Optional.of(new Parties.OrganisationMembers(org.get(), p.get())) : Optional.empty();
            });
        }
        List<Participation> spells = new ArrayList<>();
        for (Node item : n.items(node, what + " parties")) {
            n.fields(item, what + " party", MEMBER_KEYS).ifPresent(mf -> {
                Optional<String> state = mf.requiredString("state");
                Optional<Span> span = Checks.span(n, mf, what + " party " + state.orElse("?"), true);
                Optional<ParticipationStatus> status = mf.requiredString("status").flatMap(v -> Checks.oneOf(n, mf.line("status"),
                        what + " party status", v, ParticipationStatus.class));
                Optional<Provenance> p = Checks.provenance(n, mf);
                state.ifPresent(s -> ctx.references().state(s, n.file(), mf.line("state"), what + " party"));
                if (state.isPresent() && span.isPresent() && status.isPresent() && p.isPresent()) {
                    spells.add(new Participation(state.get(), span.get(), status.get(), p.get()));
                }
            });
        }
        Checks.spellsPerActor(n, spells, Participation::actor, Participation::span, s -> s.provenance().line(), what);
        return Optional.of(new Parties.Listed(List.copyOf(spells)));
    }
}
