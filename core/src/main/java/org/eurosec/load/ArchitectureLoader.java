package org.eurosec.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.eurosec.model.Architecture;
import org.eurosec.model.CodeSpell;
import org.eurosec.model.Dated;
import org.eurosec.model.Mandate;
import org.eurosec.model.Recognitions;
import org.eurosec.model.Positions;
import org.eurosec.model.DefenceTerms;
import org.eurosec.model.ProvisionParameters;
import org.eurosec.model.Dimension;
import org.eurosec.model.Instrument;
import org.eurosec.model.Interpretation;
import org.eurosec.model.LegalForce;
import org.eurosec.model.Membership;
import org.eurosec.model.MembershipStatus;
import org.eurosec.model.Organisation;
import org.eurosec.model.Participation;
import org.eurosec.model.ParticipationStatus;
import org.eurosec.model.Parties;
import org.eurosec.model.Provenance;
import org.eurosec.model.Provision;
import org.eurosec.model.ProvisionKind;
import org.eurosec.model.Recognition;
import org.eurosec.model.Rule;
import org.eurosec.model.RuleKind;
import org.eurosec.model.Span;
import org.eurosec.model.State;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads a data directory ({@code meta.yaml}, {@code states.yaml}, {@code interpretations.yaml},
 * {@code organisations/*.yaml}, {@code instruments/*.yaml}) into an {@link Architecture}, checking
 * every fact: a source on each, known ids, spells that end after they start and do not overlap,
 * and spells that fall within their actor's existence. Either every check passes or the caller gets
 * every problem, each with its file and line.
 */
public final class ArchitectureLoader {

    private static final Set<String> META_KEYS = Set.of("covers_from", "as_of", "note", "source");
    private static final Set<String> STATE_KEYS = Set.of("id", "name", "iso3", "ccode", "ccodes", "gw_code", "exists",
            "recognition", "tags", "predecessors", "source", "note");
    private static final Set<String> SPELL_KEYS = Set.of("from", "to", "source", "note", "unconfirmed");
    private static final Set<String> CODE_SPELL_KEYS = Set.of("ccode", "from", "to", "source", "note");
    private static final Set<String> ORG_KEYS = Set.of("id", "name", "kind", "founded_by", "exists", "accession",
            "decisions", "members", "mandate", "source", "note", "names");
    private static final Set<String> MANDATE_KEYS = Set.of("dimension", "from", "to", "nominal", "source", "note", "unconfirmed");
    private static final Set<String> RULE_KEYS = Set.of("rule", "provision", "source", "note", "unconfirmed");
    private static final Set<String> MEMBER_KEYS = Set.of("state", "from", "to", "status", "source", "note", "unconfirmed");
    private static final Set<String> INSTRUMENT_KEYS = Set.of("id", "name", "type", "legal_force", "dimensions", "signed",
            "in_force", "ended", "source", "parties", "provisions", "note", "unconfirmed", "depositary");
    private static final Set<String> ORG_PARTIES_KEYS = Set.of("organisation", "note", "source");
    private static final Set<String> PROVISION_KEYS = Set.of("id", "article", "kind", "title", "params", "source", "note",
            "in_force", "ended", "unconfirmed");
    private static final Set<String> INTERPRETATION_KEYS = Set.of("id", "question", "options", "default", "source", "note");
    private static final Set<String> OPTION_KEYS = Set.of("id", "description", "party_statuses", "exclude_guarantors",
            "applies_to", "exclude_conditions", "set_params", "source", "note");

    private final List<Problem> problems = new ArrayList<>();
    private final List<Ref> refs = new ArrayList<>();
    /** An option's {@code set_params} for one provision, checked against the provision's kind once every provision is read. */
    private record SetParams(String provision, Map<String, Object> params, String file, int line, String context) {
    }

    private final List<SetParams> setParamChecks = new ArrayList<>();
    private final Set<String> conditions = new java.util.HashSet<>();
    private final List<Ref> conditionRefs = new ArrayList<>();
    private final String displayRoot;

    ArchitectureLoader(String displayRoot) {
        this.displayRoot = displayRoot;
    }

    /** Loads a directory, naming files in messages as {@code displayRoot/relative/path}. */
    public static Architecture load(Path dir, String displayRoot) {
        ArchitectureLoader loader = new ArchitectureLoader(displayRoot);
        Optional<Architecture> result = loader.read(dir);
        if (!loader.problems.isEmpty() || result.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(loader.problems);
            Collections.sort(sorted);
            throw new DataException(sorted);
        }
        return result.get();
    }

    /** Every problem in a directory; empty when it loads cleanly. */
    public static List<Problem> check(Path dir, String displayRoot) {
        try {
            load(dir, displayRoot);
            return List.of();
        } catch (DataException e) {
            return e.problems();
        }
    }

    private record Ref(Kind kind, String id, String file, int line, String context) {
    }

    private enum Kind { STATE, ORGANISATION, INSTRUMENT, PROVISION }

    private Optional<Architecture> read(Path dir) {
        if (!Files.isDirectory(dir)) {
            problems.add(new Problem(displayRoot, 0, "not a data directory"));
            return Optional.empty();
        }
        Optional<LocalDate[]> meta = readMeta(dir.resolve("meta.yaml"));
        Map<String, State> states = new LinkedHashMap<>();
        readStates(dir.resolve("states.yaml"), states);
        Map<String, Organisation> orgs = new TreeMap<>();
        for (Path f : yamlFiles(dir.resolve("organisations"))) {
            readOrganisation(f).ifPresent(o -> putUnique(orgs, o.id(), o, o.provenance()));
        }
        Map<String, Instrument> instruments = new TreeMap<>();
        for (Path f : yamlFiles(dir.resolve("instruments"))) {
            readInstrument(f).ifPresent(i -> putUnique(instruments, i.id(), i, i.provenance()));
        }
        Map<String, Interpretation> interpretations = new LinkedHashMap<>();
        Path interpretationsFile = dir.resolve("interpretations.yaml");
        if (Files.exists(interpretationsFile)) {
            readInterpretations(interpretationsFile, interpretations);
        }
        Path recognitionsFile = dir.resolve("recognitions.yaml");
        Recognitions recognitions = Files.exists(recognitionsFile) ? readRecognitions(recognitionsFile) : Recognitions.NONE;
        Path positionsFile = dir.resolve("positions.yaml");
        Positions positions = Files.exists(positionsFile) ? readPositions(positionsFile) : Positions.NONE;
        checkRefs(states, orgs, instruments);
        checkExistence(states, orgs, instruments);
        if (meta.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Architecture(meta.get()[0], meta.get()[1], Collections.unmodifiableMap(states),
                Collections.unmodifiableMap(orgs), Collections.unmodifiableMap(instruments),
                Collections.unmodifiableMap(interpretations), recognitions, positions));
    }

    private <T> void putUnique(Map<String, T> map, String id, T value, Provenance at) {
        if (map.putIfAbsent(id, value) != null) {
            problems.add(new Problem(at.file(), at.line(), "id '" + id + "' is defined twice"));
        }
    }

    private List<Path> yamlFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            problems.add(new Problem(display(dir), 0, "cannot list: " + e.getMessage()));
            return List.of();
        }
    }

    private String display(Path file) {
        Path name = file.getFileName();
        Path parent = file.getParent();
        String rel = name.toString();
        if (parent != null && parent.getFileName() != null
                && (parent.getFileName().toString().equals("organisations") || parent.getFileName().toString().equals("instruments"))) {
            rel = parent.getFileName() + "/" + rel;
        }
        return displayRoot + "/" + rel;
    }

    private Optional<Node> compose(Path file) {
        return compose(file, display(file));
    }

    /** The file's YAML node tree, or empty with a problem naming {@code shown} and the line. */
    Optional<Node> compose(Path file, String shown) {
        if (!Files.exists(file)) {
            problems.add(new Problem(shown, 0, "file is missing"));
            return Optional.empty();
        }
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node node = new Yaml(new SafeConstructor(options)).compose(r);
            if (node == null) {
                problems.add(new Problem(shown, 1, "file is empty"));
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = m == null ? 0 : m.getLine() + 1;
            problems.add(new Problem(shown, line, "not valid YAML: " + e.getProblem()));
        } catch (YAMLException | IOException e) {
            problems.add(new Problem(shown, 0, "cannot read: " + e.getMessage()));
        }
        return Optional.empty();
    }

    // ---------------------------------------------------------------- meta

    private Optional<LocalDate[]> readMeta(Path file) {
        Nodes n = new Nodes(display(file), problems);
        return compose(file).flatMap(root -> n.fields(root, "meta", META_KEYS)).flatMap(f -> {
            Optional<LocalDate> from = f.requiredDate("covers_from");
            Optional<LocalDate> asOf = f.requiredDate("as_of");
            if (from.isEmpty() || asOf.isEmpty()) {
                return Optional.empty();
            }
            if (asOf.get().isBefore(from.get())) {
                n.problem(f.line("as_of"), "as_of " + asOf.get() + " is before covers_from " + from.get());
                return Optional.empty();
            }
            return Optional.of(new LocalDate[] {from.get(), asOf.get()});
        });
    }

    // ---------------------------------------------------------------- states

    private void readStates(Path file, Map<String, State> states) {
        Nodes n = new Nodes(display(file), problems);
        compose(file).flatMap(root -> n.fields(root, "states file", Set.of("states", "note"))).ifPresent(top -> {
            for (Node item : top.list("states")) {
                n.fields(item, "state", STATE_KEYS).flatMap(f -> readState(n, f)).ifPresent(s -> {
                    if (states.putIfAbsent(s.id(), s) != null) {
                        n.problem(s.provenance().line(), "state id '" + s.id() + "' is defined twice");
                    }
                });
            }
        });
    }

    private Optional<State> readState(Nodes n, Nodes.Fields f) {
        Optional<String> id = f.requiredString("id");
        Optional<String> name = f.requiredString("name");
        Optional<String> iso3 = f.requiredString("iso3");
        String what = "state " + id.orElse("?");
        // A state missing its source is still kept (the problem is recorded, so loading fails anyway)
        // to spare the reader a cascade of "unknown state" messages about it.
        Optional<Provenance> prov = Optional.of(provenance(n, f, what).orElse(new Provenance("", n.file(), f.line(), Optional.empty(), false)));
        id.ifPresent(v -> {
            if (!v.matches("[A-Z][A-Z0-9]{2}")) {
                n.problem(f.line("id"), what + ": id must be three upper-case letters or digits (ISO 3166 style)");
            }
        });
        List<CodeSpell> codes = new ArrayList<>();
        if (f.has("ccode") && f.has("ccodes")) {
            n.problem(f.line("ccodes"), what + ": give either 'ccode' or 'ccodes', not both");
        }
        f.string("ccode").ifPresent(v -> parseInt(n, f.line("ccode"), what + " ccode", v)
                .ifPresent(c -> prov.ifPresent(p -> codes.add(new CodeSpell(c, Span.from(LocalDate.MIN), p)))));
        for (Node item : f.list("ccodes")) {
            n.fields(item, what + " ccode spell", CODE_SPELL_KEYS).ifPresent(cf -> {
                Optional<Integer> code = cf.requiredString("ccode").flatMap(v -> parseInt(n, cf.line("ccode"), what + " ccode", v));
                Optional<Span> span = span(n, cf, what + " ccode spell", true);
                Optional<Provenance> p = cf.has("source") ? provenance(n, cf) : prov;
                if (code.isPresent() && span.isPresent() && p.isPresent()) {
                    codes.add(new CodeSpell(code.get(), span.get(), p.get()));
                }
            });
        }
        checkNoOverlap(n, codes, CodeSpell::span, c -> c.provenance().line(), what + " ccode spells");
        OptionalInt gw = f.string("gw_code").flatMap(v -> parseInt(n, f.line("gw_code"), what + " gw_code", v))
                .map(OptionalInt::of).orElse(OptionalInt.empty());
        List<Dated> exists = new ArrayList<>();
        if (!f.has("exists")) {
            n.problem(f.line(), what + " has no 'exists' spell");
        }
        for (Node item : f.list("exists")) {
            n.fields(item, what + " existence spell", SPELL_KEYS).ifPresent(sf -> {
                Optional<Span> span = span(n, sf, what + " existence spell", true);
                Optional<Provenance> p = provenance(n, sf);
                if (span.isPresent() && p.isPresent()) {
                    exists.add(new Dated(span.get(), p.get()));
                }
            });
        }
        checkNoOverlap(n, exists, Dated::span, d -> d.provenance().line(), what + " existence spells");
        Recognition recognition = f.string("recognition").flatMap(v -> enumValue(n, f.line("recognition"),
                what + " recognition", v, Recognition.class)).orElse(Recognition.GENERAL);
        Set<String> tags = new LinkedHashSet<>(f.strings("tags"));
        List<String> predecessors = f.strings("predecessors");
        for (String p : predecessors) {
            refs.add(new Ref(Kind.STATE, p, n.file(), f.line("predecessors"), what + " predecessor"));
        }
        if (id.isEmpty() || name.isEmpty() || iso3.isEmpty() || prov.isEmpty()) {
            return Optional.empty();
        }
        codes.sort((a, b) -> a.span().from().compareTo(b.span().from()));
        exists.sort((a, b) -> a.span().from().compareTo(b.span().from()));
        return Optional.of(new State(id.get(), name.get(), iso3.get(), List.copyOf(codes), gw, List.copyOf(exists),
                recognition, Collections.unmodifiableSet(tags), List.copyOf(predecessors), prov.get()));
    }

    // ---------------------------------------------------------------- recognitions

    private static final Set<String> RECOGNITIONS_KEYS = Set.of("cases", "recognitions");
    private static final Set<String> CASE_KEYS = Set.of("entity", "parent", "source", "note", "unconfirmed");
    private static final Set<String> ACT_KEYS = Set.of("entity", "by", "stance", "from", "to", "source", "note", "unconfirmed");

    private Recognitions readRecognitions(Path file) {
        Nodes n = new Nodes(display(file), problems);
        List<Recognitions.Case> cases = new ArrayList<>();
        List<Recognitions.Act> acts = new ArrayList<>();
        compose(file).flatMap(root -> n.fields(root, "recognitions file", RECOGNITIONS_KEYS)).ifPresent(f -> {
            Set<String> entities = new java.util.HashSet<>();
            for (Node item : f.list("cases")) {
                n.fields(item, "case", CASE_KEYS).ifPresent(cf -> {
                    Optional<String> entity = cf.requiredString("entity");
                    Optional<String> parent = cf.requiredString("parent");
                    Optional<Provenance> p = provenance(n, cf);
                    entity.ifPresent(v -> refs.add(new Ref(Kind.STATE, v, n.file(), cf.line("entity"), "case entity")));
                    parent.ifPresent(v -> refs.add(new Ref(Kind.STATE, v, n.file(), cf.line("parent"), "case parent")));
                    if (entity.isPresent() && parent.isPresent() && p.isPresent()) {
                        if (!entities.add(entity.get())) {
                            n.problem(cf.line("entity"), "case " + entity.get() + " is listed twice");
                        }
                        cases.add(new Recognitions.Case(entity.get(), parent.get(), p.get()));
                    }
                });
            }
            Set<String> seen = new java.util.HashSet<>();
            for (Node item : f.list("recognitions")) {
                n.fields(item, "recognition", ACT_KEYS).ifPresent(af -> {
                    Optional<String> entity = af.requiredString("entity");
                    Optional<String> by = af.requiredString("by");
                    String what = "recognition of " + entity.orElse("?") + " by " + by.orElse("?");
                    Recognitions.Stance stance = af.string("stance").flatMap(v -> enumValue(n, af.line("stance"), what + " stance", v,
                            Recognitions.Stance.class)).orElse(Recognitions.Stance.RECOGNISES);
                    Optional<LocalDate> from = af.date("from");
                    Optional<LocalDate> to = af.date("to");
                    if (from.isPresent() && to.isPresent() && !to.get().isAfter(from.get())) {
                        n.problem(af.line("to"), what + ": 'to' " + to.get() + " is not after 'from' " + from.get());
                    }
                    Optional<Provenance> p = provenance(n, af);
                    by.ifPresent(v -> refs.add(new Ref(Kind.STATE, v, n.file(), af.line("by"), what)));
                    if (entity.isPresent() && !entities.contains(entity.get())) {
                        n.problem(af.line("entity"), what + ": '" + entity.get() + "' is not one of the cases (" + String.join(", ", new java.util.TreeSet<>(entities)) + ")");
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

    // ---------------------------------------------------------------- positions

    private static final Set<String> POSITIONS_KEYS = Set.of("questions", "positions");
    private static final Set<String> QUESTION_KEYS = Set.of("id", "text", "answers", "source", "note");
    private static final Set<String> STATEMENT_KEYS = Set.of("actor", "question", "answer", "date", "date_precision", "strength",
            "said_by", "summary", "source", "note", "unconfirmed");

    private Positions readPositions(Path file) {
        Nodes n = new Nodes(display(file), problems);
        List<Positions.Question> questions = new ArrayList<>();
        List<Positions.Statement> statements = new ArrayList<>();
        compose(file).flatMap(root -> n.fields(root, "positions file", POSITIONS_KEYS)).ifPresent(f -> {
            for (Node item : f.list("questions")) {
                n.fields(item, "question", QUESTION_KEYS).ifPresent(qf -> {
                    Optional<String> id = qf.requiredString("id");
                    Optional<String> text = qf.requiredString("text");
                    List<String> answers = qf.strings("answers");
                    if (answers.size() != 2) {
                        n.problem(qf.line("answers"), "question " + id.orElse("?") + " needs exactly two answers");
                    }
                    Optional<Provenance> p = provenance(n, qf);
                    if (id.isPresent() && text.isPresent() && p.isPresent() && answers.size() == 2) {
                        questions.add(new Positions.Question(id.get(), text.get(), List.copyOf(answers), p.get()));
                    }
                });
            }
            for (Node item : f.list("positions")) {
                n.fields(item, "position", STATEMENT_KEYS).ifPresent(sf -> {
                    Optional<String> actor = sf.requiredString("actor");
                    Optional<String> question = sf.requiredString("question");
                    Optional<String> answer = sf.requiredString("answer");
                    String what = "position of " + actor.orElse("?") + " on " + question.orElse("?");
                    Optional<LocalDate> date = sf.requiredDate("date");
                    boolean month = sf.string("date_precision").map(v -> {
                        if (!v.equals("month") && !v.equals("day")) {
                            n.problem(sf.line("date_precision"), what + ": date_precision must be day or month");
                        }
                        return v.equals("month");
                    }).orElse(false);
                    Optional<Positions.Strength> strength = sf.requiredString("strength")
                            .flatMap(v -> enumValue(n, sf.line("strength"), what + " strength", v, Positions.Strength.class));
                    Optional<String> saidBy = sf.requiredString("said_by");
                    Optional<String> summary = sf.requiredString("summary");
                    Optional<Provenance> p = provenance(n, sf);
                    actor.ifPresent(v -> refs.add(new Ref(v.equals(v.toUpperCase(Locale.ROOT)) ? Kind.STATE : Kind.ORGANISATION, v, n.file(),
                            sf.line("actor"), what)));
                    Optional<Positions.Question> q = question.flatMap(id -> questions.stream().filter(x -> x.id().equals(id)).findFirst());
                    if (question.isPresent() && q.isEmpty()) {
                        n.problem(sf.line("question"), what + ": unknown question '" + question.get() + "' (known: "
                                + String.join(", ", questions.stream().map(Positions.Question::id).toList()) + ")");
                    }
                    if (q.isPresent() && answer.isPresent() && !q.get().answers().contains(answer.get()) && !answer.get().equals(Positions.OPEN)) {
                        n.problem(sf.line("answer"), what + ": '" + answer.get() + "' is not an answer to it (" + String.join(", ", q.get().answers())
                                + ", or open)");
                    } else if (q.isPresent() && actor.isPresent() && answer.isPresent() && date.isPresent() && strength.isPresent()
                            && saidBy.isPresent() && summary.isPresent() && p.isPresent()) {
                        statements.add(new Positions.Statement(actor.get(), question.get(), answer.get(), date.get(), month, strength.get(),
                                saidBy.get(), summary.get(), p.get()));
                    }
                });
            }
        });
        return new Positions(List.copyOf(questions), List.copyOf(statements));
    }

    // ---------------------------------------------------------------- organisations

    private Optional<Organisation> readOrganisation(Path file) {
        Nodes n = new Nodes(display(file), problems);
        return compose(file).flatMap(root -> n.fields(root, "organisation", ORG_KEYS)).flatMap(f -> {
            Optional<String> id = f.requiredString("id");
            String what = "organisation " + id.orElse("?");
            id.ifPresent(v -> checkKebab(n, f.line("id"), what, v));
            Optional<String> name = f.requiredString("name");
            Optional<Provenance> prov = provenance(n, f, what);
            String kind = f.string("kind").orElse("organisation");
            Optional<String> foundedBy = f.string("founded_by");
            foundedBy.ifPresent(v -> refs.add(new Ref(Kind.INSTRUMENT, v, n.file(), f.line("founded_by"), what + " founded_by")));
            Optional<Dated> exists = Optional.empty();
            if (f.node("exists").isEmpty()) {
                n.problem(f.line(), what + " has no 'exists' spell");
            } else {
                exists = n.fields(f.node("exists").get(), what + " existence", SPELL_KEYS).flatMap(sf -> {
                    Optional<Span> span = span(n, sf, what + " existence", true);
                    Optional<Provenance> p = provenance(n, sf);
                    return span.isPresent() && p.isPresent() ? Optional.of(new Dated(span.get(), p.get())) : Optional.empty();
                });
            }
            Optional<Rule> accession = f.node("accession").flatMap(node -> rule(n, node, what + " accession"));
            Optional<Rule> decisions = f.node("decisions").flatMap(node -> rule(n, node, what + " decisions"));
            List<Membership> members = new ArrayList<>();
            for (Node item : f.list("members")) {
                n.fields(item, what + " member", MEMBER_KEYS).ifPresent(mf -> {
                    Optional<String> state = mf.requiredString("state");
                    Optional<Span> span = span(n, mf, what + " member " + state.orElse("?"), true);
                    MembershipStatus status = mf.string("status").flatMap(v -> enumValue(n, mf.line("status"),
                            what + " member status", v, MembershipStatus.class)).orElse(MembershipStatus.MEMBER);
                    Optional<Provenance> p = provenance(n, mf);
                    state.ifPresent(s -> refs.add(new Ref(Kind.STATE, s, n.file(), mf.line("state"), what + " member")));
                    if (state.isPresent() && span.isPresent() && p.isPresent()) {
                        members.add(new Membership(state.get(), span.get(), status, p.get()));
                    }
                });
            }
            checkSpellsPerActor(n, members, Membership::actor, Membership::span, m -> m.provenance().line(), what);
            List<Mandate> mandate = new ArrayList<>();
            for (Node item : f.list("mandate")) {
                n.fields(item, what + " mandate", MANDATE_KEYS).ifPresent(mf -> {
                    Optional<Dimension> dim = mf.requiredString("dimension")
                            .flatMap(v -> enumValue(n, mf.line("dimension"), what + " mandate dimension", v, Dimension.class));
                    Optional<Span> span = span(n, mf, what + " mandate " + dim.map(Dimension::id).orElse("?"), true);
                    Optional<Provenance> p = provenance(n, mf);
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

    private Optional<Rule> rule(Nodes n, Node node, String what) {
        return n.fields(node, what, RULE_KEYS).flatMap(f -> {
            Optional<RuleKind> kind = f.requiredString("rule").flatMap(v -> enumValue(n, f.line("rule"), what + " rule", v, RuleKind.class));
            Optional<String> provision = f.string("provision");
            provision.ifPresent(v -> refs.add(new Ref(Kind.PROVISION, v, n.file(), f.line("provision"), what)));
            Optional<Provenance> p = provenance(n, f);
            return kind.isPresent() && p.isPresent() ? Optional.of(new Rule(kind.get(), provision, p.get())) : Optional.empty();
        });
    }

    // ---------------------------------------------------------------- instruments

    private Optional<Instrument> readInstrument(Path file) {
        Nodes n = new Nodes(display(file), problems);
        return compose(file).flatMap(root -> instrument(n, root, false));
    }

    /**
     * One instrument from its mapping. A regime's hypothetical instrument may leave out
     * {@code parties} ({@code partiesOptional}): who joins it follows from its eligibility and events.
     */
    Optional<Instrument> instrument(Nodes n, Node root, boolean partiesOptional) {
        return n.fields(root, "instrument", INSTRUMENT_KEYS).flatMap(f -> {
            Optional<String> id = f.requiredString("id");
            String what = "instrument " + id.orElse("?");
            id.ifPresent(v -> checkKebab(n, f.line("id"), what, v));
            Optional<String> name = f.requiredString("name");
            Optional<Provenance> prov = provenance(n, f, what);
            String type = f.string("type").orElse("treaty");
            Optional<LegalForce> force = f.requiredString("legal_force")
                    .flatMap(v -> enumValue(n, f.line("legal_force"), what + " legal_force", v, LegalForce.class));
            Set<Dimension> dims = EnumSet.noneOf(Dimension.class);
            for (String d : f.strings("dimensions")) {
                enumValue(n, f.line("dimensions"), what + " dimension", d, Dimension.class).ifPresent(dims::add);
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
            Optional<Parties> parties = Optional.empty();
            if (f.node("parties").isEmpty() && partiesOptional) {
                parties = Optional.of(new Parties.Listed(List.of()));
            } else if (f.node("parties").isEmpty()) {
                n.problem(f.line(), what + " has no 'parties'");
            } else {
                parties = parties(n, f.node("parties").get(), what, prov);
            }
            List<Provision> provisions = new ArrayList<>();
            Set<String> seen = new java.util.HashSet<>();
            for (Node item : f.list("provisions")) {
                n.fields(item, what + " provision", PROVISION_KEYS).flatMap(pf -> provision(n, pf, id.orElse("?"), what))
                        .ifPresent(p -> {
                            if (!seen.add(p.id())) {
                                n.problem(p.provenance().line(), "provision id '" + p.id() + "' is defined twice");
                            }
                            provisions.add(p);
                        });
            }
            if (id.isEmpty() || name.isEmpty() || prov.isEmpty() || force.isEmpty() || parties.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Instrument(id.get(), name.get(), type, force.get(), Collections.unmodifiableSet(dims),
                    signed, inForce, ended, parties.get(), List.copyOf(provisions), prov.get()));
        });
    }

    private Optional<Parties> parties(Nodes n, Node node, String what, Optional<Provenance> instrumentProv) {
        if (node instanceof org.yaml.snakeyaml.nodes.MappingNode) {
            return n.fields(node, what + " parties", ORG_PARTIES_KEYS).flatMap(pf -> {
                Optional<String> org = pf.requiredString("organisation");
                org.ifPresent(o -> refs.add(new Ref(Kind.ORGANISATION, o, n.file(), pf.line("organisation"), what + " parties")));
                Optional<Provenance> p = pf.has("source") ? provenance(n, pf) : instrumentProv;
                return org.isPresent() && p.isPresent()
                        ? Optional.of(new Parties.OrganisationMembers(org.get(), p.get())) : Optional.empty();
            });
        }
        List<Participation> spells = new ArrayList<>();
        for (Node item : n.items(node, what + " parties")) {
            n.fields(item, what + " party", MEMBER_KEYS).ifPresent(mf -> {
                Optional<String> state = mf.requiredString("state");
                Optional<Span> span = span(n, mf, what + " party " + state.orElse("?"), true);
                Optional<ParticipationStatus> status = mf.requiredString("status").flatMap(v -> enumValue(n, mf.line("status"),
                        what + " party status", v, ParticipationStatus.class));
                Optional<Provenance> p = provenance(n, mf);
                state.ifPresent(s -> refs.add(new Ref(Kind.STATE, s, n.file(), mf.line("state"), what + " party")));
                if (state.isPresent() && span.isPresent() && status.isPresent() && p.isPresent()) {
                    spells.add(new Participation(state.get(), span.get(), status.get(), p.get()));
                }
            });
        }
        checkSpellsPerActor(n, spells, Participation::actor, Participation::span, s -> s.provenance().line(), what);
        return Optional.of(new Parties.Listed(List.copyOf(spells)));
    }

    private Optional<Provision> provision(Nodes n, Nodes.Fields f, String instrumentId, String what) {
        Optional<String> rawId = f.requiredString("id");
        Optional<String> id = rawId.map(v -> v.contains("/") ? v : instrumentId + "/" + v);
        String pwhat = "provision " + id.orElse("?");
        id.ifPresent(v -> {
            if (!v.startsWith(instrumentId + "/")) {
                n.problem(f.line("id"), pwhat + ": id must start with its instrument's id '" + instrumentId + "/'");
            }
            checkKebab(n, f.line("id"), pwhat, v.substring(v.indexOf('/') + 1));
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
            if (pn instanceof org.yaml.snakeyaml.nodes.MappingNode map && kind.isPresent()) {
                // Each key must be a parameter of the kind, and each value the engine reads must be of its type.
                for (org.yaml.snakeyaml.nodes.NodeTuple t : map.getValue()) {
                    String key = String.valueOf(Nodes.plain(t.getKeyNode()));
                    ProvisionParameters.problem(kind.get(), key, Nodes.plain(t.getValueNode()))
                            .ifPresent(msg -> n.problem(t.getKeyNode(), pwhat + ": " + msg));
                }
            }
        });
        Optional<Provenance> prov = provenance(n, f, pwhat);
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
                .flatMap(v -> enumValue(n, line, what + " params.obligation", v, DefenceTerms.Obligation.class))
                .orElse(DefenceTerms.Obligation.OBLIGED);
        DefenceTerms.Assistance assistance = DefenceTerms.Assistance.DISCRETIONARY;
        if (!params.containsKey("assistance") && obligation == DefenceTerms.Obligation.OBLIGED) {
            n.problem(line, what + ": a guarantee needs params.assistance (automatic or discretionary)");
        } else if (params.containsKey("assistance")) {
            assistance = enumValue(n, line, what + " params.assistance", String.valueOf(params.get("assistance")),
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
        conditions.forEach(this.conditions::add);
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
            refs.add(new Ref(Kind.STATE, String.valueOf(o), n.file(), line, what + " params." + key));
        }
        return List.copyOf(out);
    }

    // ---------------------------------------------------------------- interpretations

    private void readInterpretations(Path file, Map<String, Interpretation> out) {
        Nodes n = new Nodes(display(file), problems);
        compose(file).flatMap(root -> n.fields(root, "interpretations file", Set.of("interpretations", "note")))
                .ifPresent(top -> interpretations(n, top.list("interpretations"), out));
    }

    /** Interpretations from a list of mappings (the data's file, or a regime's own). */
    void interpretations(Nodes n, List<Node> items, Map<String, Interpretation> out) {
        {
            for (Node item : items) {
                n.fields(item, "interpretation", INTERPRETATION_KEYS).ifPresent(f -> {
                    Optional<String> id = f.requiredString("id");
                    String what = "interpretation " + id.orElse("?");
                    Optional<String> question = f.requiredString("question");
                    Optional<String> def = f.requiredString("default");
                    Optional<Provenance> prov = provenance(n, f, what);
                    List<Interpretation.Option> options = new ArrayList<>();
                    for (Node on : f.list("options")) {
                        n.fields(on, what + " option", OPTION_KEYS).ifPresent(of -> {
                            Optional<String> oid = of.requiredString("id");
                            Optional<String> desc = of.requiredString("description");
                            Optional<Set<MembershipStatus>> statuses = Optional.empty();
                            if (of.has("party_statuses")) {
                                Set<MembershipStatus> s = EnumSet.noneOf(MembershipStatus.class);
                                for (String v : of.strings("party_statuses")) {
                                    enumValue(n, of.line("party_statuses"), what + " party_statuses", v, MembershipStatus.class).ifPresent(s::add);
                                }
                                statuses = Optional.of(Collections.unmodifiableSet(s));
                            }
                            Set<String> exclude = new LinkedHashSet<>(of.strings("exclude_guarantors"));
                            exclude.forEach(s -> refs.add(new Ref(Kind.STATE, s, n.file(), of.line("exclude_guarantors"), what)));
                            Set<String> applies = new LinkedHashSet<>(of.strings("applies_to"));
                            applies.forEach(p -> refs.add(new Ref(Kind.PROVISION, p, n.file(), of.line("applies_to"), what)));
                            Set<String> voiding = new LinkedHashSet<>(of.strings("exclude_conditions"));
                            voiding.forEach(c -> conditionRefs.add(new Ref(Kind.PROVISION, c, n.file(), of.line("exclude_conditions"), what)));
                            Map<String, Map<String, Object>> setParams = setParams(n, of, what);
                            Optional<Provenance> op = of.has("source") ? provenance(n, of) : prov;
                            if (oid.isPresent() && desc.isPresent() && op.isPresent()) {
                                options.add(new Interpretation.Option(oid.get(), desc.get(), statuses,
                                        Collections.unmodifiableSet(exclude), Collections.unmodifiableSet(applies),
                                        Collections.unmodifiableSet(voiding), setParams, op.get()));
                            }
                        });
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
                refs.add(new Ref(Kind.PROVISION, String.valueOf(k), n.file(), of.line("set_params"), what + " set_params"));
                setParamChecks.add(new SetParams(String.valueOf(k), Collections.unmodifiableMap(vs), n.file(), of.line("set_params"), what));
            });
        });
        return Collections.unmodifiableMap(out);
    }

    // ---------------------------------------------------------------- shared pieces

    Optional<Provenance> provenance(Nodes n, Nodes.Fields f) {
        return provenance(n, f, f.what());
    }

    Optional<Provenance> provenance(Nodes n, Nodes.Fields f, String what) {
        Optional<String> note = f.string("note");
        boolean unconfirmed = f.has("unconfirmed") && f.flag("unconfirmed");
        if (!f.has("source")) {
            n.problem(f.line(), what + " has no source (every fact needs a public 'source:' URL)");
            return Optional.empty();
        }
        return f.string("source").flatMap(src -> {
            if (!src.matches("https?://\\S+")) {
                n.problem(f.line("source"), what + ": source '" + src + "' is not a URL (http:// or https://)");
                return Optional.empty();
            }
            return Optional.of(new Provenance(src, n.file(), f.line(), note, unconfirmed));
        });
    }

    private Optional<Span> span(Nodes n, Nodes.Fields f, String what, boolean fromRequired) {
        Optional<LocalDate> from = fromRequired ? f.requiredDate("from") : f.date("from");
        Optional<LocalDate> to = f.date("to");
        if (from.isEmpty()) {
            return Optional.empty();
        }
        if (to.isPresent() && !to.get().isAfter(from.get())) {
            n.problem(f.line("to"), what + ": ends (" + to.get() + ") before it starts (" + from.get() + ")");
            return Optional.empty();
        }
        return Optional.of(new Span(from.get(), to));
    }

    private <T> void checkSpellsPerActor(Nodes n, List<T> spells, Function<T, String> actor, Function<T, Span> span,
            Function<T, Integer> line, String what) {
        Map<String, List<T>> byActor = new HashMap<>();
        for (T s : spells) {
            byActor.computeIfAbsent(actor.apply(s), k -> new ArrayList<>()).add(s);
        }
        byActor.forEach((a, list) -> checkNoOverlap(n, list, span, line, what + " spells of " + a));
    }

    private <T> void checkNoOverlap(Nodes n, List<T> spells, Function<T, Span> span, Function<T, Integer> line, String what) {
        List<T> sorted = new ArrayList<>(spells);
        sorted.sort((a, b) -> span.apply(a).from().compareTo(span.apply(b).from()));
        for (int i = 1; i < sorted.size(); i++) {
            Span prev = span.apply(sorted.get(i - 1));
            Span cur = span.apply(sorted.get(i));
            if (prev.overlaps(cur)) {
                n.problem(line.apply(sorted.get(i)), what + " overlap: " + cur + " overlaps " + prev
                        + " (line " + line.apply(sorted.get(i - 1)) + ")");
            }
        }
    }

    private Optional<Integer> parseInt(Nodes n, int line, String what, String v) {
        try {
            return Optional.of(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            n.problem(line, what + " '" + v + "' is not a whole number");
            return Optional.empty();
        }
    }

    private <E extends Enum<E>> Optional<E> enumValue(Nodes n, int line, String what, String v, Class<E> type) {
        String key = v.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key)) {
                return Optional.of(e);
            }
        }
        List<String> allowed = Stream.of(type.getEnumConstants()).map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
        n.problem(line, what + " '" + v + "' is not one of: " + String.join(", ", allowed));
        return Optional.empty();
    }

    private void checkKebab(Nodes n, int line, String what, String id) {
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            n.problem(line, what + ": id '" + id + "' must be lowercase kebab-case");
        }
    }

    List<Problem> problems() {
        return problems;
    }

    /** Checks the references read so far against a loaded architecture plus {@code extra} instruments. */
    void checkRefsAgainst(Architecture base, Map<String, Instrument> extra) {
        Map<String, Instrument> all = new TreeMap<>(base.instruments());
        all.putAll(extra);
        base.instruments().values().forEach(i -> i.provisions().forEach(p -> p.defence().ifPresent(d -> conditions.addAll(d.conditions()))));
        checkRefs(base.states(), base.organisations(), all);
    }

    /** Records a reference to check later (states, organisations, instruments, provisions). */
    void refState(String id, String file, int line, String context) {
        refs.add(new Ref(Kind.STATE, id, file, line, context));
    }

    void refOrganisation(String id, String file, int line, String context) {
        refs.add(new Ref(Kind.ORGANISATION, id, file, line, context));
    }

    void refProvision(String id, String file, int line, String context) {
        refs.add(new Ref(Kind.PROVISION, id, file, line, context));
    }

    <E extends Enum<E>> Optional<E> enumOf(Nodes n, int line, String what, String v, Class<E> type) {
        return enumValue(n, line, what, v, type);
    }

    void kebab(Nodes n, int line, String what, String id) {
        checkKebab(n, line, what, id);
    }

    private void checkRefs(Map<String, State> states, Map<String, Organisation> orgs, Map<String, Instrument> instruments) {
        Map<String, Provision> provisions = new java.util.HashMap<>();
        instruments.values().forEach(i -> i.provisions().forEach(p -> provisions.put(p.id(), p)));
        for (SetParams sp : setParamChecks) {
            Provision p = provisions.get(sp.provision());
            if (p == null) {
                continue; // reported as an unknown provision below
            }
            sp.params().forEach((k, v) -> ProvisionParameters.problem(p.kind(), k, v).ifPresent(msg -> problems.add(new Problem(sp.file(),
                    sp.line(), sp.context() + " set_params." + p.id() + ": " + msg))));
        }
        for (Ref r : refs) {
            boolean known = switch (r.kind()) {
                case STATE -> states.containsKey(r.id());
                case ORGANISATION -> orgs.containsKey(r.id());
                case INSTRUMENT -> instruments.containsKey(r.id());
                case PROVISION -> provisions.containsKey(r.id());
            };
            if (!known) {
                problems.add(new Problem(r.file(), r.line(), r.context() + ": unknown "
                        + r.kind().name().toLowerCase(Locale.ROOT) + " id '" + r.id() + "'"));
            }
        }
        for (Ref r : conditionRefs) {
            if (!conditions.contains(r.id())) {
                problems.add(new Problem(r.file(), r.line(), r.context() + ": condition '" + r.id()
                        + "' appears in no provision's params.conditions"));
            }
        }
    }

    /** Every membership and participation spell must fall within its state's existence. */
    private void checkExistence(Map<String, State> states, Map<String, Organisation> orgs, Map<String, Instrument> instruments) {
        for (Organisation o : orgs.values()) {
            for (Membership m : o.members()) {
                checkWithin(states.get(m.actor()), m.span(), m.provenance(), "membership of " + m.actor() + " in " + o.id());
            }
        }
        for (Instrument i : instruments.values()) {
            if (i.parties() instanceof Parties.Listed listed) {
                for (Participation p : listed.spells()) {
                    checkWithin(states.get(p.actor()), p.span(), p.provenance(), "participation of " + p.actor() + " in " + i.id());
                }
            }
        }
    }

    private void checkWithin(State state, Span span, Provenance at, String what) {
        if (state == null || state.exists().isEmpty()) {
            return;
        }
        LocalDate last = span.to().map(d -> d.minusDays(1)).orElse(null);
        if (!state.existsOn(span.from())) {
            problems.add(new Problem(at.file(), at.line(), what + " starts " + span.from() + ", when " + state.id()
                    + " does not exist (existence: " + existenceText(state) + ")"));
        } else if (last != null && !state.existsOn(last)) {
            problems.add(new Problem(at.file(), at.line(), what + " runs to " + span.to().get() + ", after " + state.id()
                    + " ceased to exist (existence: " + existenceText(state) + ")"));
        } else if (last == null && state.exists().get(state.exists().size() - 1).span().to().isPresent()) {
            problems.add(new Problem(at.file(), at.line(), what + " has no end, but " + state.id()
                    + " ceased to exist (existence: " + existenceText(state) + ")"));
        }
    }

    private static String existenceText(State s) {
        return String.join(", ", s.exists().stream().map(d -> d.span().toString()).toList());
    }
}
