package org.eurosec.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.eurosec.model.CodeSpell;
import org.eurosec.model.Dated;
import org.eurosec.model.Provenance;
import org.eurosec.model.Recognition;
import org.eurosec.model.Span;
import org.eurosec.model.State;
import org.yaml.snakeyaml.nodes.Node;

/** {@code states.yaml}: each state with its codes, existence spells, recognition, tags and predecessors. */
final class StatesReader {

    private static final Set<String> STATE_KEYS = Set.of("id", "name", "iso3", "ccode", "ccodes", "gw_code", "exists",
            "recognition", "tags", "predecessors", "source", "note");
    private static final Set<String> CODE_SPELL_KEYS = Set.of("ccode", "from", "to", "source", "note");

    private final LoadContext ctx;

    StatesReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    /** Adds each state of {@code file} to {@code states}, in file order. */
    void read(Path file, Map<String, State> states) {
        Nodes n = ctx.nodes(ctx.display(file));
        ctx.mapping(file, "states file").flatMap(root -> n.topFields(root, "states file", Set.of("states", "note"))).ifPresent(top -> {
            for (Node item : top.list("states")) {
                n.fields(item, "state", STATE_KEYS).flatMap(f -> state(n, f)).ifPresent(s -> {
                    if (states.putIfAbsent(s.id(), s) != null) {
                        n.problem(s.provenance().line(), "state id '" + s.id() + "' is defined twice");
                    }
                });
            }
        });
    }

    private Optional<State> state(Nodes n, Nodes.Fields f) {
        Optional<String> id = f.requiredString("id");
        Optional<String> name = f.requiredString("name");
        Optional<String> iso3 = f.requiredString("iso3");
        String what = "state " + id.orElse("?");
        // A state missing its source is still kept (the problem is recorded, so loading fails anyway)
        // to spare the reader a cascade of "unknown state" messages about it.
        Optional<Provenance> prov = Optional.of(Checks.provenance(n, f, what)
                .orElse(new Provenance("", n.file(), f.line(), Optional.empty(), false)));
        id.ifPresent(v -> {
            if (!v.matches("[A-Z][A-Z0-9]{2}")) {
                n.problem(f.line("id"), what + ": id must be three upper-case letters or digits (ISO 3166 style)");
            }
        });
        List<CodeSpell> codes = new ArrayList<>();
        if (f.has("ccode") && f.has("ccodes")) {
            n.problem(f.line("ccodes"), what + ": give either 'ccode' or 'ccodes', not both");
        }
        f.string("ccode").ifPresent(v -> Checks.wholeNumber(n, f.line("ccode"), what + " ccode", v)
                .ifPresent(c -> prov.ifPresent(p -> codes.add(new CodeSpell(c, Span.from(LocalDate.MIN), p)))));
        for (Node item : f.list("ccodes")) {
            n.fields(item, what + " ccode spell", CODE_SPELL_KEYS).ifPresent(cf -> {
                Optional<Integer> code = cf.requiredString("ccode").flatMap(v -> Checks.wholeNumber(n, cf.line("ccode"), what + " ccode", v));
                Optional<Span> span = Checks.span(n, cf, what + " ccode spell", true);
                Optional<Provenance> p = cf.has("source") ? Checks.provenance(n, cf) : prov;
                if (code.isPresent() && span.isPresent() && p.isPresent()) {
                    codes.add(new CodeSpell(code.get(), span.get(), p.get()));
                }
            });
        }
        Checks.noOverlap(n, codes, CodeSpell::span, c -> c.provenance().line(), what + " ccode spells");
        OptionalInt gw = f.string("gw_code").flatMap(v -> Checks.wholeNumber(n, f.line("gw_code"), what + " gw_code", v))
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        List<Dated> exists = new ArrayList<>();
        if (!f.has("exists")) {
            n.problem(f.line(), what + " has no 'exists' spell");
        }
        for (Node item : f.list("exists")) {
            n.fields(item, what + " existence spell", Checks.SPELL_KEYS).ifPresent(sf -> {
                Optional<Span> span = Checks.span(n, sf, what + " existence spell", true);
                Optional<Provenance> p = Checks.provenance(n, sf);
                if (span.isPresent() && p.isPresent()) {
                    exists.add(new Dated(span.get(), p.get()));
                }
            });
        }
        Checks.noOverlap(n, exists, Dated::span, d -> d.provenance().line(), what + " existence spells");
        Recognition recognition = f.string("recognition").flatMap(v -> Checks.oneOf(n, f.line("recognition"),
                what + " recognition", v, Recognition.class)).orElse(Recognition.GENERAL);
        Set<String> tags = new LinkedHashSet<>(f.strings("tags"));
        List<String> predecessors = f.strings("predecessors");
        for (String p : predecessors) {
            ctx.references().state(p, n.file(), f.line("predecessors"), what + " predecessor");
        }
        if (id.isEmpty() || name.isEmpty() || iso3.isEmpty() || prov.isEmpty()) {
            return Optional.empty();
        }
        codes.sort((a, b) -> a.span().from().compareTo(b.span().from()));
        exists.sort((a, b) -> a.span().from().compareTo(b.span().from()));
        return Optional.of(new State(id.get(), name.get(), iso3.get(), List.copyOf(codes), gw, List.copyOf(exists),
                recognition, Collections.unmodifiableSet(tags), List.copyOf(predecessors), prov.get()));
    }
}
