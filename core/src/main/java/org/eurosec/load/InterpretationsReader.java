package org.eurosec.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eurosec.model.Interpretation;
import org.eurosec.model.MembershipStatus;
import org.eurosec.model.Provenance;
import org.eurosec.model.ProvisionKind;
import org.yaml.snakeyaml.nodes.Node;

/**
 * {@code interpretations.yaml}, or a regime's own interpretations: each question of reading with its
 * options and default. What an option names (states, provisions, conditions, parameters to set) is
 * checked with the other references once every file is read.
 */
final class InterpretationsReader {

    private static final Set<String> INTERPRETATION_KEYS = Set.of("id", "question", "options", "default", "source", "note");
    private static final Set<String> OPTION_KEYS = Set.of("id", "description", "party_statuses", "exclude_guarantors",
            "applies_to", "exclude_conditions", "set_params", "proposer_accepts", "recognised_guarantors_only", "counts_as", "source", "note");

    /** The panel obligation kinds an option may count other provisions as (defence follows from the guarantees alone). */
    static final Set<ProvisionKind> COUNTABLE = EnumSet.of(ProvisionKind.OFFENCE, ProvisionKind.NEUTRALITY, ProvisionKind.NON_AGGRESSION,
            ProvisionKind.CONSULTATION);

    private final LoadContext ctx;

    InterpretationsReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    void read(Path file, Map<String, Interpretation> out) {
        Nodes n = ctx.nodes(ctx.display(file));
        ctx.mapping(file, "interpretations file").flatMap(root -> n.topFields(root, "interpretations file", Set.of("interpretations", "note")))
                .ifPresent(top -> interpretations(n, top.list("interpretations"), out));
    }

    /** Interpretations from a list of mappings (the data's file, or a regime's own). */
    void interpretations(Nodes n, List<Node> items, Map<String, Interpretation> out) {
        for (Node item : items) {
            n.fields(item, "interpretation", INTERPRETATION_KEYS).ifPresent(f -> {
                Optional<String> id = f.requiredString("id");
                String what = "interpretation " + id.orElse("?");
                Optional<String> question = f.requiredString("question");
                Optional<String> def = f.requiredString("default");
                Optional<Provenance> prov = Checks.provenance(n, f, what);
                List<Interpretation.Option> options = new ArrayList<>();
                for (Node on : f.list("options")) {
                    n.fields(on, what + " option", OPTION_KEYS).flatMap(of -> option(n, of, what, prov)).ifPresent(options::add);
                }
                if (def.isPresent() && options.stream().noneMatch(o -> o.id().equals(def.get()))) {
                    n.problem(f.line("default"), what + ": default '" + def.get() + "' is not one of its options");
                }
                if (id.isPresent() && question.isPresent() && def.isPresent() && prov.isPresent()) {
                    if (out.putIfAbsent(id.get(), new Interpretation(id.get(), question.get(), List.copyOf(options), def.get(), prov.get())) != null) {
                        n.problem(f.line("id"), "interpretation id '" + id.get() + "' is defined twice");
                    }
                }
            });
        }
    }

    private Optional<Interpretation.Option> option(Nodes n, Nodes.Fields of, String what, Optional<Provenance> prov) {
        References refs = ctx.references();
        Optional<String> oid = of.requiredString("id");
        Optional<String> desc = of.requiredString("description");
        Optional<Set<MembershipStatus>> statuses = Optional.empty();
        if (of.has("party_statuses")) {
            Set<MembershipStatus> s = EnumSet.noneOf(MembershipStatus.class);
            for (String v : of.strings("party_statuses")) {
                Checks.oneOf(n, of.line("party_statuses"), what + " party_statuses", v, MembershipStatus.class).ifPresent(s::add);
            }
            statuses = Optional.of(Collections.unmodifiableSet(s));
        }
        Set<String> exclude = new LinkedHashSet<>(of.strings("exclude_guarantors"));
        exclude.forEach(s -> refs.state(s, n.file(), of.line("exclude_guarantors"), what));
        Set<String> applies = new LinkedHashSet<>(of.strings("applies_to"));
        applies.forEach(p -> refs.provision(p, n.file(), of.line("applies_to"), what));
        Set<String> voiding = new LinkedHashSet<>(of.strings("exclude_conditions"));
        voiding.forEach(c -> refs.condition(c, n.file(), of.line("exclude_conditions"), what));
        Map<String, Map<String, Object>> setParams = setParams(n, of, what);
        Optional<ProvisionKind> countsAs = of.string("counts_as").flatMap(k -> {
            Optional<ProvisionKind> kind = ProvisionKind.byId(k).filter(COUNTABLE::contains);
            if (kind.isEmpty()) {
                n.problem(of.line("counts_as"), what + ": counts_as '" + k + "' is not a kind the panels can count a provision as (expected one of "
                        + String.join(", ", COUNTABLE.stream().map(ProvisionKind::id).toList()) + ")");
            } else if (applies.isEmpty()) {
                n.problem(of.line("counts_as"), what + ": counts_as needs applies_to (the provisions it counts as " + k + ")");
            }
            return kind;
        });
        Optional<Provenance> op = of.has("source") ? Checks.provenance(n, of) : prov;
        if (oid.isPresent() && desc.isPresent() && op.isPresent()) {
            return Optional.of(new Interpretation.Option(oid.get(), desc.get(), statuses,
                    Collections.unmodifiableSet(exclude), Collections.unmodifiableSet(applies),
                    Collections.unmodifiableSet(voiding), setParams, of.has("proposer_accepts") && of.flag("proposer_accepts"),
                    of.has("recognised_guarantors_only") && of.flag("recognised_guarantors_only"), countsAs, op.get()));
        }
        return Optional.empty();
    }

    /** {@code set_params: {provision-id: {key: value}}}: each provision must exist (checked with the other references). */
    private Map<String, Map<String, Object>> setParams(Nodes n, Nodes.Fields of, String what) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        of.node("set_params").ifPresent(node -> {
            Object plain = Nodes.plain(node);
            if (!(plain instanceof Map<?, ?> byProvision)) {
                n.problem(node, what + ": set_params must map provision ids to {param: value}");
                return;
            }
            byProvision.forEach((k, v) -> {
                if (!(v instanceof Map<?, ?> values)) {
                    n.problem(node, what + ": set_params." + k + " must be a mapping of params");
                    return;
                }
                Map<String, Object> vs = new LinkedHashMap<>();
                values.forEach((pk, pv) -> vs.put(String.valueOf(pk), pv));
                out.put(String.valueOf(k), Collections.unmodifiableMap(vs));
                ctx.references().provision(String.valueOf(k), n.file(), of.line("set_params"), what + " set_params");
                ctx.references().setParams(String.valueOf(k), Collections.unmodifiableMap(vs), n.file(), of.line("set_params"), what);
            });
        });
        return Collections.unmodifiableMap(out);
    }
}
