package org.eurosec.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eurosec.model.Architecture;
import org.eurosec.model.Instrument;
import org.eurosec.model.Interpretation;
import org.eurosec.model.Provenance;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionParameters;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.Regime;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * Reads regime files ({@code regimes/*.yaml}) against a loaded architecture. A regime's hypothetical
 * instruments are checked like the data's instruments; its parameters, interpretations and
 * precedence declarations must name provisions that exist; a provision parameter written
 * {@code $name} takes the regime parameter {@code name}. Either every file is clean or the caller
 * gets every problem with its file and line.
 */
public final class RegimeLoader {

    private static final Set<String> REGIME_KEYS = Set.of("id", "name", "summary", "source", "note", "parameters",
            "interpretations", "precedence", "instruments", "proposed_by");
    private static final Set<String> PROPOSAL_KEYS = Set.of("actor", "date", "source", "note", "unconfirmed");
    private static final Set<String> PARAMETER_KEYS = Set.of("value", "source", "note", "unconfirmed");
    private static final Set<String> PRECEDENCE_KEYS = Set.of("question", "prevails", "over", "over_kinds", "source", "note");
    private static final Set<String> HYPOTHETICAL_KEYS = Set.of("eligible", "takes_effect", "from", "instrument");
    private static final Set<String> ELIGIBLE_KEYS = Set.of("states", "organisations");
    /** The questions a precedence declaration can settle (the engine asks these). */
    public static final Set<String> QUESTIONS = Set.of("accession");

    private RegimeLoader() {
    }

    /** Every regime file in {@code dir}, sorted by id; {@code status-quo} is always there even without a file. */
    public static Map<String, Regime> load(Path dir, String displayRoot, Architecture base) {
        LoadContext ctx = new LoadContext(displayRoot);
        Map<String, Regime> out = new TreeMap<>();
        Map<String, Instrument> hypothetical = new TreeMap<>();
        List<Path> files = List.of();
        if (!Files.isDirectory(dir)) {
            ctx.problems().add(new Problem(displayRoot, 0, "not a regimes directory"));
        } else {
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
            } catch (IOException e) {
                ctx.problems().add(new Problem(displayRoot, 0, "cannot list: " + e.getMessage()));
            }
        }
        for (Path f : files) {
            String shown = displayRoot + "/" + f.getFileName();
            Nodes n = ctx.nodes(shown);
            ctx.mapping(f, shown, "regime").flatMap(root -> regime(ctx, n, root, base, hypothetical)).ifPresent(r -> {
                if (out.putIfAbsent(r.id(), r) != null) {
                    n.problem(r.provenance().line(), "regime id '" + r.id() + "' is defined twice");
                }
            });
        }
        ctx.references().resolveAgainst(ctx.acrossFiles(), base, hypothetical);
        if (!out.containsKey(STATUS_QUO)) {
            out.put(STATUS_QUO, statusQuo());
        }
        ctx.failIfProblems();
        return Collections.unmodifiableMap(out);
    }

    /** Every problem in a regimes directory; empty when it loads cleanly. */
    public static List<Problem> check(Path dir, String displayRoot, Architecture base) {
        try {
            load(dir, displayRoot, base);
            return List.of();
        } catch (DataException e) {
            return e.problems();
        }
    }

    public static final String STATUS_QUO = "status-quo";

    /** History as recorded: no instrument added. */
    public static Regime statusQuo() {
        return new Regime(STATUS_QUO, "Status quo", "History as recorded in the data; nothing added.", List.of(), Map.of(),
                Map.of(), List.of(), List.of(), new Provenance("https://www.osce.org/", "(built in)", 0, Optional.empty(), false), Optional.empty());
    }

    private static Optional<Regime> regime(LoadContext ctx, Nodes n, Node root, Architecture base,
            Map<String, Instrument> hypothetical) {
        return n.topFields(root, "regime", REGIME_KEYS).flatMap(f -> {
            Optional<String> id = f.requiredString("id");
            String what = "regime " + id.orElse("?");
            id.ifPresent(v -> Checks.kebab(n, f.line("id"), what, v));
            Optional<String> name = f.requiredString("name");
            String summary = f.string("summary").orElse("");
            Optional<Provenance> prov = Checks.provenance(n, f, what);

            Optional<Regime.Proposal> proposal = Optional.empty();
            if (f.has("proposed_by")) {
                proposal = n.fields(f.node("proposed_by").get(), what + " proposed_by", PROPOSAL_KEYS).flatMap(pf -> {
                    Optional<String> actor = pf.requiredString("actor");
                    actor.ifPresent(a -> ctx.references().state(a, n.file(), pf.line("actor"), what + " proposed_by"));
                    Optional<LocalDate> date = pf.requiredDate("date");
                    Optional<Provenance> pp = Checks.provenance(n, pf, what + " proposed_by");
                    return actor.isPresent() && date.isPresent() && pp.isPresent()
                            ? Optional.of(new Regime.Proposal(actor.get(), date.get(), pp.get())) : Optional.empty();
                });
            }

            Map<String, Regime.Parameter> parameters = new LinkedHashMap<>();
            f.node("parameters").ifPresent(pn -> {
                if (!(pn instanceof MappingNode map)) {
                    n.problem(pn, what + ": parameters must map names to {value, source}");
                    return;
                }
                map.getValue().forEach(t -> {
                    String pname = t.getKeyNode() instanceof ScalarNode sk ? sk.getValue() : "?";
                    Checks.kebab(n, Nodes.line(t.getKeyNode()), what + " parameter", pname);
                    n.fields(t.getValueNode(), what + " parameter " + pname, PARAMETER_KEYS).ifPresent(pf -> {
                        Optional<Provenance> pp = Checks.provenance(n, pf, what + " parameter " + pname);
                        if (!pf.has("value")) {
                            n.problem(pf.line(), what + " parameter " + pname + " has no 'value'");
                            return;
                        }
                        Object value = Nodes.plain(pf.node("value").get());
                        pp.ifPresent(p -> parameters.put(pname, new Regime.Parameter(pname, value, p)));
                    });
                });
            });

            Map<String, Interpretation> interpretations = new LinkedHashMap<>();
            new InterpretationsReader(ctx).interpretations(n, f.list("interpretations"), interpretations);
            for (Interpretation i : interpretations.values()) {
                if (base.interpretations().containsKey(i.id())) {
                    n.problem(i.provenance().line(), what + ": interpretation '" + i.id() + "' is already defined in the data");
                }
            }

            List<Regime.Precedence> precedence = new ArrayList<>();
            for (Node pn : f.list("precedence")) {
                n.fields(pn, what + " precedence", PRECEDENCE_KEYS).ifPresent(pf -> {
                    Optional<String> question = pf.requiredString("question");
                    question.ifPresent(q -> {
                        if (!QUESTIONS.contains(q)) {
                            n.problem(pf.line("question"), what + " precedence: question '" + q + "' is not one of: "
                                    + String.join(", ", QUESTIONS));
                        }
                    });
                    Optional<String> prevails = pf.requiredString("prevails");
                    prevails.ifPresent(p -> ctx.references().provision(p, n.file(), pf.line("prevails"), what + " precedence 'prevails'"));
                    Set<String> over = new LinkedHashSet<>(pf.strings("over"));
                    over.forEach(p -> ctx.references().provision(p, n.file(), pf.line("over"), what + " precedence 'over'"));
                    Set<ProvisionKind> kinds = EnumSet.noneOf(ProvisionKind.class);
                    for (String k : pf.strings("over_kinds")) {
                        Optional<ProvisionKind> kind = ProvisionKind.byId(k);
                        if (kind.isEmpty()) {
                            n.problem(pf.line("over_kinds"), what + " precedence: unknown provision kind '" + k + "'");
                        }
                        kind.ifPresent(kinds::add);
                    }
                    if (over.isEmpty() && kinds.isEmpty()) {
                        n.problem(pf.line(), what + " precedence: say what it prevails 'over' (provision ids) or 'over_kinds'");
                    }
                    Optional<Provenance> pp = Checks.provenance(n, pf, what + " precedence");
                    if (question.isPresent() && prevails.isPresent() && pp.isPresent()) {
                        precedence.add(new Regime.Precedence(question.get(), prevails.get(), Collections.unmodifiableSet(over),
                                Collections.unmodifiableSet(kinds), pp.get()));
                    }
                });
            }

            List<Regime.Hypothetical> instruments = new ArrayList<>();
            Map<String, Map<String, String>> parameterUse = new LinkedHashMap<>();
            Set<String> usedParameters = new java.util.HashSet<>();
            for (Node hn : f.list("instruments")) {
                n.fields(hn, what + " instrument", HYPOTHETICAL_KEYS).ifPresent(hf -> {
                    Regime.Eligibility eligible = eligibility(ctx, n, hf, what);
                    Regime.TakesEffect takes = hf.string("takes_effect").flatMap(v -> Checks.oneOf(n, hf.line("takes_effect"),
                            what + " takes_effect", v, Regime.TakesEffect.class)).orElse(Regime.TakesEffect.ALL_ELIGIBLE);
                    Optional<LocalDate> from = hf.date("from");
                    if (hf.node("instrument").isEmpty()) {
                        n.problem(hf.line(), what + " instrument entry has no 'instrument'");
                        return;
                    }
                    new InstrumentReader(ctx).instrument(n, hf.node("instrument").get(), true).ifPresent(i -> {
                        if (base.instruments().containsKey(i.id())) {
                            n.problem(i.provenance().line(), what + ": instrument id '" + i.id()
                                    + "' is already in the data (a regime adds new instruments)");
                            return;
                        }
                        if (hypothetical.putIfAbsent(i.id(), i) != null) {
                            n.problem(i.provenance().line(), what + ": instrument id '" + i.id() + "' is defined by another regime too");
                            return;
                        }
                        Instrument resolved = resolveParameters(n, i, parameters, parameterUse, usedParameters, what);
                        instruments.add(new Regime.Hypothetical(resolved, eligible, takes, from));
                    });
                });
            }
            for (String p : parameters.keySet()) {
                if (!usedParameters.contains(p)) {
                    n.problem(parameters.get(p).provenance().line(), what + ": parameter '" + p + "' is used by no provision ($" + p + ")");
                }
            }
            if (id.isEmpty() || name.isEmpty() || prov.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Regime(id.get(), name.get(), summary, List.copyOf(instruments), Collections.unmodifiableMap(parameters),
                    Collections.unmodifiableMap(parameterUse), List.copyOf(interpretations.values()), List.copyOf(precedence), prov.get(),
                    proposal));
        });
    }

    private static Regime.Eligibility eligibility(LoadContext ctx, Nodes n, Nodes.Fields hf, String what) {
        if (hf.node("eligible").isEmpty()) {
            return new Regime.Eligibility(false, List.of(), List.of());
        }
        return n.fields(hf.node("eligible").get(), what + " eligible", ELIGIBLE_KEYS).map(ef -> {
            boolean osce = false;
            List<String> states = new ArrayList<>();
            Optional<Node> sn = ef.node("states");
            if (sn.isPresent() && sn.get() instanceof ScalarNode s) {
                if (s.getValue().equals("osce-participants")) {
                    osce = true;
                } else {
                    n.problem(sn.get(), what + " eligible.states: give 'osce-participants' or a list of state ids");
                }
            } else if (sn.isPresent()) {
                states.addAll(ef.strings("states"));
                states.forEach(st -> ctx.references().state(st, n.file(), ef.line("states"), what + " eligible.states"));
            }
            List<String> orgs = ef.strings("organisations");
            orgs.forEach(o -> ctx.references().organisation(o, n.file(), ef.line("organisations"), what + " eligible.organisations"));
            return new Regime.Eligibility(osce, List.copyOf(states), List.copyOf(orgs));
        }).orElse(new Regime.Eligibility(false, List.of(), List.of()));
    }

    /** Replaces {@code $name} parameter values by the regime parameter's value, remembering the use. */
    private static Instrument resolveParameters(Nodes n, Instrument i, Map<String, Regime.Parameter> parameters,
            Map<String, Map<String, String>> use, Set<String> used, String what) {
        List<Provision> provisions = new ArrayList<>();
        for (Provision p : i.provisions()) {
            Map<String, Object> params = new LinkedHashMap<>(p.params());
            for (Map.Entry<String, Object> e : p.params().entrySet()) {
                if (e.getValue() instanceof String v && v.startsWith("$")) {
                    String name = v.substring(1);
                    Regime.Parameter param = parameters.get(name);
                    if (param == null) {
                        n.problem(p.provenance().line(), what + ": provision " + p.id() + " params." + e.getKey()
                                + " refers to unknown parameter '" + name + "' (known: " + String.join(", ", parameters.keySet()) + ")");
                        continue;
                    }
                    params.put(e.getKey(), param.value());
                    ProvisionParameters.valueProblem(p.kind(), e.getKey(), param.value()).ifPresent(msg -> n.problem(param.provenance().line(),
                            what + " parameter " + name + " (used by " + p.id() + ", kind " + p.kind().id() + "): " + msg));
                    use.computeIfAbsent(p.id(), k -> new LinkedHashMap<>()).put(e.getKey(), name);
                    used.add(name);
                }
            }
            provisions.add(new Provision(p.id(), p.instrument(), p.article(), p.kind(), p.title(), Collections.unmodifiableMap(params),
                    p.defence(), p.inForce(), p.ended(), p.provenance()));
        }
        return new Instrument(i.id(), i.name(), i.type(), i.legalForce(), i.dimensions(), i.signed(), i.inForce(), i.ended(),
                i.parties(), List.copyOf(provisions), i.provenance(), i.inForceBasis());
    }
}
