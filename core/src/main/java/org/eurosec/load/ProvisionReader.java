package org.eurosec.load;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eurosec.model.DefenceTerms;
import org.eurosec.model.Provenance;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.ProvisionParameters;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;

/**
 * One provision of an instrument: its id under the instrument's, a kind from the closed set,
 * parameters checked against that kind ({@link ProvisionParameters}) and, for a kind that can
 * guarantee, its defence terms.
 */
final class ProvisionReader {

    private static final Set<String> PROVISION_KEYS = Set.of("id", "article", "kind", "title", "params", "source", "note",
            "in_force", "ended", "unconfirmed");

    private final LoadContext ctx;

    ProvisionReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    /** The provision in one item of an instrument's {@code provisions} list. */
    Optional<Provision> read(Nodes n, Node item, String instrumentId, String instrumentWhat) {
        return n.fields(item, instrumentWhat + " provision", PROVISION_KEYS).flatMap(pf -> provision(n, pf, instrumentId, instrumentWhat));
    }

    private Optional<Provision> provision(Nodes n, Nodes.Fields f, String instrumentId, String what) {
        Optional<String> rawId = f.requiredString("id");
        Optional<String> id = rawId.map(v -> v.contains("/") ? v : instrumentId + "/" + v);
        String pwhat = "provision " + id.orElse("?");
        id.ifPresent(v -> {
            if (!v.startsWith(instrumentId + "/")) {
                n.problem(f.line("id"), pwhat + ": id must start with its instrument's id '" + instrumentId + "/'");
            }
            Checks.kebab(n, f.line("id"), pwhat, v.substring(v.indexOf('/') + 1));
        });
        Optional<ProvisionKind> kind = f.requiredString("kind").flatMap(v -> {
            Optional<ProvisionKind> k = ProvisionKind.byId(v);
            if (k.isEmpty()) {
                List<String> all = Stream.of(ProvisionKind.values()).map(ProvisionKind::id).toList();
                n.problem(f.line("kind"), pwhat + ": unknown kind '" + v + "' (the closed set is: " + String.join(", ", all) + ")");
            }
            return k;
        });
        String article = f.string("article").orElse(rawId.map(v -> v.substring(v.lastIndexOf('/') + 1).replace('-', '_')).orElse(""));
        String title = f.string("title").orElse("");
        Map<String, Object> params = new LinkedHashMap<>();
        f.node("params").ifPresent(pn -> {
            Object plain = Nodes.plain(pn);
            if (plain instanceof Map<?, ?> m) {
                m.forEach((k, v) -> params.put(String.valueOf(k), v));
            } else {
                n.problem(pn, pwhat + ": params must be a mapping");
            }
            if (pn instanceof MappingNode map && kind.isPresent()) {
                // Each key must be a parameter of the kind, and each value the engine reads must be of its type.
                for (NodeTuple t : map.getValue()) {
                    String key = String.valueOf(Nodes.plain(t.getKeyNode()));
                    ProvisionParameters.problem(kind.get(), key, Nodes.plain(t.getValueNode()))
                            .ifPresent(msg -> n.problem(t.getKeyNode(), pwhat + ": " + msg));
                }
            }
        });
        Optional<Provenance> prov = Checks.provenance(n, f, pwhat);
        Optional<DefenceTerms> defence = Optional.empty();
        if (kind.isPresent() && kind.get().canGuarantee()) {
            defence = Optional.of(defenceTerms(n, f, params, pwhat));
        }
        Optional<LocalDate> inForce = f.date("in_force");
        Optional<LocalDate> ended = f.date("ended");
        if (inForce.isPresent() && ended.isPresent() && !ended.get().isAfter(inForce.get())) {
            n.problem(f.line("ended"), pwhat + ": ended " + ended.get() + " is not after in_force " + inForce.get());
        }
        if (id.isEmpty() || kind.isEmpty() || prov.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Provision(id.get(), instrumentId, article, kind.get(), title,
                Collections.unmodifiableMap(params), defence, inForce, ended, prov.get()));
    }

    private DefenceTerms defenceTerms(Nodes n, Nodes.Fields f, Map<String, Object> params, String what) {
        int line = f.line("params");
        DefenceTerms.Obligation obligation = Optional.ofNullable(params.get("obligation")).map(String::valueOf)
                .flatMap(v -> Checks.oneOf(n, line, what + " params.obligation", v, DefenceTerms.Obligation.class))
                .orElse(DefenceTerms.Obligation.OBLIGED);
        DefenceTerms.Assistance assistance = DefenceTerms.Assistance.DISCRETIONARY;
        if (!params.containsKey("assistance") && obligation == DefenceTerms.Obligation.OBLIGED) {
            n.problem(line, what + ": a guarantee needs params.assistance (automatic or discretionary)");
        } else if (params.containsKey("assistance")) {
            assistance = Checks.oneOf(n, line, what + " params.assistance", String.valueOf(params.get("assistance")),
                    DefenceTerms.Assistance.class).orElse(DefenceTerms.Assistance.DISCRETIONARY);
        }
        Object consent = params.getOrDefault("consent_required", false);
        if (!(consent instanceof Boolean)) {
            n.problem(line, what + ": params.consent_required must be true or false");
        }
        List<String> guarantors = idList(n, line, what, params.get("guarantors"), "guarantors");
        List<String> beneficiaries = idList(n, line, what, params.get("beneficiaries"), "beneficiaries");
        List<String> conditions = new ArrayList<>();
        Object c = params.get("conditions");
        if (c instanceof List<?> list) {
            list.forEach(x -> conditions.add(String.valueOf(x)));
        } else if (c != null) {
            n.problem(line, what + ": params.conditions must be a list of kebab-case terms");
        }
        conditions.forEach(ctx.references()::conditionDefined);
        return new DefenceTerms(obligation, assistance,
                Optional.ofNullable(params.get("means")).map(String::valueOf),
                Optional.ofNullable(params.get("scope")).map(String::valueOf),
                Boolean.TRUE.equals(consent), guarantors, beneficiaries, List.copyOf(conditions));
    }

    private List<String> idList(Nodes n, int line, String what, Object value, String key) {
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof List<?> list)) {
            n.problem(line, what + ": params." + key + " must be a list of state ids");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Object o : list) {
            out.add(String.valueOf(o));
            ctx.references().state(String.valueOf(o), n.file(), line, what + " params." + key);
        }
        return List.copyOf(out);
    }
}
