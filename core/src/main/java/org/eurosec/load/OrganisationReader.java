package org.eurosec.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eurosec.model.Dated;
import org.eurosec.model.Dimension;
import org.eurosec.model.Mandate;
import org.eurosec.model.Membership;
import org.eurosec.model.MembershipStatus;
import org.eurosec.model.Organisation;
import org.eurosec.model.Provenance;
import org.eurosec.model.Rule;
import org.eurosec.model.RuleKind;
import org.eurosec.model.Span;
import org.yaml.snakeyaml.nodes.Node;

/** One {@code organisations/*.yaml} file: the organisation, its existence, rules, members and mandate. */
final class OrganisationReader {

    private static final Set<String> ORG_KEYS = Set.of("id", "name", "kind", "founded_by", "exists", "accession",
            "decisions", "members", "mandate", "source", "note", "names");
    private static final Set<String> MANDATE_KEYS = Set.of("dimension", "from", "to", "nominal", "source", "note", "unconfirmed");
    private static final Set<String> RULE_KEYS = Set.of("rule", "provision", "source", "note", "unconfirmed");
    private static final Set<String> ORG_MEMBER_KEYS = Set.of("state", "from", "to", "status", "source", "note", "unconfirmed",
            "before_statehood");

    private final LoadContext ctx;

    OrganisationReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    Optional<Organisation> read(Path file) {
        Nodes n = ctx.nodes(ctx.display(file));
        References refs = ctx.references();
        return ctx.mapping(file, "organisation").flatMap(root -> n.topFields(root, "organisation", ORG_KEYS)).flatMap(f -> {
            Optional<String> id = f.requiredString("id");
            String what = "organisation " + id.orElse("?");
            id.ifPresent(v -> Checks.kebab(n, f.line("id"), what, v));
            Optional<String> name = f.requiredString("name");
            Optional<Provenance> prov = Checks.provenance(n, f, what);
            String kind = f.string("kind").orElse("organisation");
            Optional<String> foundedBy = f.string("founded_by");
            foundedBy.ifPresent(v -> refs.instrument(v, n.file(), f.line("founded_by"), what + " founded_by"));
            Optional<Dated> exists = Optional.empty();
            if (f.node("exists").isEmpty()) {
                n.problem(f.line(), what + " has no 'exists' spell");
            } else {
                exists = n.fields(f.node("exists").get(), what + " existence", Checks.SPELL_KEYS).flatMap(sf -> {
                    Optional<Span> span = Checks.span(n, sf, what + " existence", true);
                    Optional<Provenance> p = Checks.provenance(n, sf);
                    return span.isPresent() && p.isPresent() ? Optional.of(new Dated(span.get(), p.get())) : Optional.empty();
                });
            }
            Optional<Rule> accession = f.node("accession").flatMap(node -> rule(n, node, what + " accession"));
            Optional<Rule> decisions = f.node("decisions").flatMap(node -> rule(n, node, what + " decisions"));
            List<Membership> members = members(n, f, what);
            List<Mandate> mandate = new ArrayList<>();
            for (Node item : f.list("mandate")) {
                n.fields(item, what + " mandate", MANDATE_KEYS).ifPresent(mf -> {
                    Optional<Dimension> dim = mf.requiredString("dimension")
                            .flatMap(v -> Checks.oneOf(n, mf.line("dimension"), what + " mandate dimension", v, Dimension.class));
                    Optional<Span> span = Checks.span(n, mf, what + " mandate " + dim.map(Dimension::id).orElse("?"), true);
                    Optional<Provenance> p = Checks.provenance(n, mf);
                    boolean nominal = mf.flag("nominal");
                    if (dim.isPresent() && span.isPresent() && p.isPresent()) {
                        mandate.add(new Mandate(dim.get(), span.get(), nominal, p.get()));
                    }
                });
            }
            if (id.isEmpty() || name.isEmpty() || prov.isEmpty() || exists.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Organisation(id.get(), name.get(), kind, foundedBy, exists.get(), accession, decisions,
                    List.copyOf(members), List.copyOf(mandate), prov.get()));
        });
    }

    /** The membership spells; no two of one state overlap. */
    private List<Membership> members(Nodes n, Nodes.Fields f, String what) {
        List<Membership> members = new ArrayList<>();
        for (Node item : f.list("members")) {
            n.fields(item, what + " member", ORG_MEMBER_KEYS).ifPresent(mf -> {
                Optional<String> state = mf.requiredString("state");
                Optional<Span> span = Checks.span(n, mf, what + " member " + state.orElse("?"), true);
                MembershipStatus status = mf.string("status").flatMap(v -> Checks.oneOf(n, mf.line("status"),
                        what + " member status", v, MembershipStatus.class)).orElse(MembershipStatus.MEMBER);
                Optional<Provenance> p = Checks.provenance(n, mf);
                state.ifPresent(s -> ctx.references().state(s, n.file(), mf.line("state"), what + " member"));
                if (state.isPresent() && span.isPresent() && p.isPresent()) {
                    if (mf.has("before_statehood") && mf.flag("before_statehood")) {
                        ctx.beforeStatehood().add(p.get());
                    }
                    members.add(new Membership(state.get(), span.get(), status, p.get()));
                }
            });
        }
        Checks.spellsPerActor(n, members, Membership::actor, Membership::span, m -> m.provenance().line(), what);
        return members;
    }

    private Optional<Rule> rule(Nodes n, Node node, String what) {
        return n.fields(node, what, RULE_KEYS).flatMap(f -> {
            Optional<RuleKind> kind = f.requiredString("rule").flatMap(v -> Checks.oneOf(n, f.line("rule"), what + " rule", v, RuleKind.class));
            Optional<String> provision = f.string("provision");
            provision.ifPresent(v -> ctx.references().provision(v, n.file(), f.line("provision"), what));
            Optional<Provenance> p = Checks.provenance(n, f);
            return kind.isPresent() && p.isPresent() ? Optional.of(new Rule(kind.get(), provision, p.get())) : Optional.empty();
        });
    }
}
