package org.eurosec.load;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eurosec.model.Provenance;
import org.eurosec.model.Recognitions;
import org.yaml.snakeyaml.nodes.Node;

/** {@code recognitions.yaml}: the contested cases (entity and parent) and who recognises which, when. */
final class RecognitionsReader {

    private static final Set<String> RECOGNITIONS_KEYS = Set.of("cases", "recognitions");
    private static final Set<String> CASE_KEYS = Set.of("entity", "parent", "source", "note", "unconfirmed");
    private static final Set<String> ACT_KEYS = Set.of("entity", "by", "stance", "from", "to", "source", "note", "unconfirmed");

    private final LoadContext ctx;

    RecognitionsReader(LoadContext ctx) {
        this.ctx = ctx;
    }

    Recognitions read(Path file) {
        Nodes n = ctx.nodes(ctx.display(file));
        References refs = ctx.references();
        List<Recognitions.Case> cases = new ArrayList<>();
        List<Recognitions.Act> acts = new ArrayList<>();
        ctx.mapping(file, "recognitions file").flatMap(root -> n.topFields(root, "recognitions file", RECOGNITIONS_KEYS)).ifPresent(f -> {
            Set<String> entities = new HashSet<>();
            for (Node item : f.list("cases")) {
                n.fields(item, "case", CASE_KEYS).ifPresent(cf -> {
                    Optional<String> entity = cf.requiredString("entity");
                    Optional<String> parent = cf.requiredString("parent");
                    Optional<Provenance> p = Checks.provenance(n, cf);
                    entity.ifPresent(v -> refs.state(v, n.file(), cf.line("entity"), "case entity"));
                    parent.ifPresent(v -> refs.state(v, n.file(), cf.line("parent"), "case parent"));
                    if (entity.isPresent() && parent.isPresent() && p.isPresent()) {
                        if (!entities.add(entity.get())) {
                            n.problem(cf.line("entity"), "case " + entity.get() + " is listed twice");
                        }
                        cases.add(new Recognitions.Case(entity.get(), parent.get(), p.get()));
                    }
                });
            }
            Set<String> seen = new HashSet<>();
            for (Node item : f.list("recognitions")) {
                n.fields(item, "recognition", ACT_KEYS).ifPresent(af -> {
                    Optional<String> entity = af.requiredString("entity");
                    Optional<String> by = af.requiredString("by");
                    String what = "recognition of " + entity.orElse("?") + " by " + by.orElse("?");
                    Recognitions.Stance stance = af.string("stance").flatMap(v -> Checks.oneOf(n, af.line("stance"), what + " stance", v,
                            Recognitions.Stance.class)).orElse(Recognitions.Stance.RECOGNISES);
                    Optional<LocalDate> from = af.date("from");
                    Optional<LocalDate> to = af.date("to");
                    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
                        n.problem(af.line("to"), what + ": 'to' " + to.get() + " is not after 'from' " + from.get());
                    }
                    Optional<Provenance> p = Checks.provenance(n, af);
                    by.ifPresent(v -> refs.state(v, n.file(), af.line("by"), what));
                    if (entity.isPresent() && !entities.contains(entity.get())) {
                        n.problem(af.line("entity"), what + ": '" + entity.get() + "' is not one of the cases ("
                                + String.join(", ", new TreeSet<>(entities)) + ")");
                    } else if (entity.isPresent() && by.isPresent() && p.isPresent()) {
                        if (!seen.add(entity.get() + "|" + by.get())) {
                            n.problem(af.line(), what + " is listed twice");
                        }
                        acts.add(new Recognitions.Act(entity.get(), by.get(), stance, from, to, p.get()));
                    }
                });
            }
        });
        return new Recognitions(List.copyOf(cases), List.copyOf(acts));
    }
}
