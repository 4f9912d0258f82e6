package org.eurosec.load;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eurosec.model.Architecture;
import org.eurosec.model.Crosswalk;
import org.eurosec.model.Provenance;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads {@code data/crosswalk/*.yaml} (one file per dataset, named after it) against a loaded
 * architecture: every instrument and state a crosswalk names must exist, every entry and note
 * carries a source, an alliance id may be left out only when the entry is {@code unconfirmed}, and
 * an instrument appears once per file. A data directory without a crosswalk folder has none.
 */
public final class CrosswalkLoader {

    /** The datasets a crosswalk may describe. */
    public static final List<String> DATASETS = List.of("atop", "cow");

    private static final Set<String> FILE_KEYS = Set.of("dataset", "name", "version", "dating", "source", "note", "unconfirmed", "alliances",
            "out_of_scope", "not_encoded");
    private static final Set<String> ENTRY_KEYS = Set.of("instrument", "id", "unconfirmed", "not_in_dataset", "source", "note", "accessions",
            "amendments", "differences");
    private static final Set<String> AMENDMENT_KEYS = Set.of("provision", "signed", "source", "note", "unconfirmed");
    private static final Set<String> ACCESSION_KEYS = Set.of("states", "signed", "source", "note", "unconfirmed");
    private static final Set<String> NOTE_KEYS = Set.of("kinds", "states", "with", "directed", "parties", "from", "to", "source", "note",
            "unconfirmed");
    private static final Set<String> OUT_KEYS = Set.of("name", "id", "kinds", "states", "with", "directed", "from", "to", "source", "note",
            "unconfirmed");

    private final LoadContext files;
    private final Architecture architecture;

    private CrosswalkLoader(String displayRoot, Architecture architecture) {
        this.files = new LoadContext(displayRoot);
        this.architecture = architecture;
    }

    /** The crosswalks by dataset id; a {@link DataException} with every problem when any file is wrong. */
    public static Map<String, Crosswalk> load(Path dataDir, String displayRoot, Architecture architecture) {
        CrosswalkLoader loader = new CrosswalkLoader(displayRoot, architecture);
        Map<String, Crosswalk> out = loader.read(dataDir.resolve("crosswalk"), displayRoot + "/crosswalk");
        loader.files.failIfProblems();
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Every problem in the crosswalk files; empty when they load cleanly. */
    public static List<Problem> check(Path dataDir, String displayRoot, Architecture architecture) {
        try {
            load(dataDir, displayRoot, architecture);
            return List.of();
        } catch (DataException e) {
            return e.problems();
        }
    }

    private Map<String, Crosswalk> read(Path dir, String shownDir) {
        Map<String, Crosswalk> out = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        for (Path f : files.yamlFiles(dir)) {
            String shown = shownDir + "/" + f.getFileName();
            readFile(f, shown).ifPresent(c -> out.put(c.dataset(), c));
        }
        return out;
    }

    private Optional<Crosswalk> readFile(Path file, String shown) {
        Nodes n = files.nodes(shown);
        String expected = file.getFileName().toString().replaceFirst("\\.yaml$", "");
        return files.compose(file, shown).flatMap(root -> n.topFields(root, "crosswalk", FILE_KEYS)).flatMap(f -> {
            Optional<String> dataset = f.requiredString("dataset");
            dataset.ifPresent(d -> {
                if (!DATASETS.contains(d)) {
                    n.problem(f.line("dataset"), "crosswalk: dataset '" + d + "' is not known (expected one of " + String.join(", ", DATASETS) + ")");
                } else if (!d.equals(expected)) {
                    n.problem(f.line("dataset"), "crosswalk: dataset '" + d + "' in a file named " + expected + ".yaml (name the file after the dataset)");
                }
            });
            Optional<String> name = f.requiredString("name");
            Optional<String> version = f.requiredString("version");
            Optional<Crosswalk.Dating> dating = f.requiredString("dating").flatMap(d -> switch (d) {
                case "signature" -> Optional.of(Crosswalk.Dating.SIGNATURE);
                case "entry-into-force" -> Optional.of(Crosswalk.Dating.ENTRY_INTO_FORCE);
                default -> {
                    n.problem(f.line("dating"), "crosswalk: dating '" + d + "' is not known (expected signature or entry-into-force)");
                    yield Optional.empty();
                }
            });
            Optional<Provenance> prov = Checks.provenance(n, f, "crosswalk");
            List<Crosswalk.Entry> entries = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Node item : f.list("alliances")) {
                n.fields(item, "crosswalk alliance", ENTRY_KEYS).flatMap(ef -> entry(n, ef)).ifPresent(e -> {
                    if (!seen.add(e.instrument())) {
                        n.problem(e.provenance().line(), "crosswalk alliance: instrument '" + e.instrument() + "' is listed twice");
                    }
                    entries.add(e);
                });
            }
            List<Crosswalk.Note> out = listed(n, f, "out_of_scope", "say why eurosec leaves it out");
            List<Crosswalk.Note> notEncoded = listed(n, f, "not_encoded", "say what is known of the treaty and what was not read");
            if (dataset.isEmpty() || name.isEmpty() || version.isEmpty() || dating.isEmpty() || prov.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new Crosswalk(dataset.get(), name.get(), version.get(), dating.get(), entries, out, notEncoded, prov.get()));
        });
    }

    /**
     * The entries of a list of the dataset's pledges eurosec does not hold ({@code out_of_scope} or
     * {@code not_encoded}): each names the dataset's alliance, its states and a note, with a source.
     */
    private List<Crosswalk.Note> listed(Nodes n, Nodes.Fields f, String key, String why) {
        List<Crosswalk.Note> out = new ArrayList<>();
        for (Node item : f.list(key)) {
            n.fields(item, key + " entry", OUT_KEYS).flatMap(of -> {
                if (!of.has("name")) {
                    n.problem(of.line(), key + " entry has no 'name' (say which alliance of the dataset it is)");
                }
                if (!of.has("note")) {
                    n.problem(of.line(), key + " entry has no 'note' (" + why + ")");
                }
                if (!of.has("states")) {
                    n.problem(of.line(), key + " entry has no 'states'");
                }
                return note(n, of);
            }).ifPresent(out::add);
        }
        return out;
    }

    private Optional<Crosswalk.Entry> entry(Nodes n, Nodes.Fields f) {
        Optional<String> instrument = f.requiredString("instrument");
        instrument.ifPresent(id -> {
            if (!architecture.instruments().containsKey(id)) {
                n.problem(f.line("instrument"), "crosswalk alliance: unknown instrument '" + id + "'");
            }
        });
        Optional<String> id = f.string("id");
        boolean unconfirmed = f.flag("unconfirmed");
        boolean notInDataset = f.has("not_in_dataset") && f.flag("not_in_dataset");
        if (notInDataset) {
            if (f.has("id")) {
                n.problem(f.line("id"), "crosswalk alliance: an entry with not_in_dataset: true has no 'id' (the dataset has no alliance for it)");
            }
            if (!f.has("note")) {
                n.problem(f.line(), "crosswalk alliance with not_in_dataset: true has no 'note' (say why the dataset leaves the instrument out)");
            }
        } else if (!f.has("id") && !unconfirmed) {
            n.problem(f.line(), "crosswalk alliance has no 'id' (give the dataset's alliance id, mark the entry unconfirmed: true, or not_in_dataset: true)");
        }
        Optional<Provenance> prov = Checks.provenance(n, f, "crosswalk alliance");
        List<Crosswalk.Accession> accessions = new ArrayList<>();
        for (Node item : f.list("accessions")) {
            n.fields(item, "crosswalk accession", ACCESSION_KEYS).ifPresent(af -> {
                List<String> states = states(n, af, "states");
                if (states.isEmpty() && !af.has("states")) {
                    n.problem(af.line(), "crosswalk accession has no 'states'");
                }
                Optional<LocalDate> signed = af.requiredDate("signed");
                Optional<Provenance> p = Checks.provenance(n, af, "crosswalk accession");
                if (signed.isPresent() && p.isPresent()) {
                    accessions.add(new Crosswalk.Accession(states, signed.get(), p.get()));
                }
            });
        }
        List<Crosswalk.Amendment> amendments = new ArrayList<>();
        for (Node item : f.list("amendments")) {
            n.fields(item, "crosswalk amendment", AMENDMENT_KEYS).ifPresent(af -> {
                Optional<String> provision = af.requiredString("provision");
                provision.ifPresent(pid -> {
                    boolean known = instrument.map(architecture.instruments()::get)
                            .map(i -> i.provisions().stream().anyMatch(pr -> pr.id().equals(pid))).orElse(false);
                    if (!known) {
                        n.problem(af.line("provision"), "crosswalk amendment: '" + pid + "' is not a provision of " + instrument.orElse("the entry's instrument"));
                    }
                });
                Optional<LocalDate> signed = af.requiredDate("signed");
                Optional<Provenance> p = Checks.provenance(n, af, "crosswalk amendment");
                if (provision.isPresent() && signed.isPresent() && p.isPresent()) {
                    amendments.add(new Crosswalk.Amendment(provision.get(), signed.get(), p.get()));
                }
            });
        }
        List<Crosswalk.Note> differences = new ArrayList<>();
        for (Node item : f.list("differences")) {
            n.fields(item, "crosswalk difference", NOTE_KEYS).flatMap(df -> {
                if (!df.has("note")) {
                    n.problem(df.line(), "crosswalk difference has no 'note' (say why the two codings differ)");
                }
                if (!df.has("states") && !(df.has("parties") && df.flag("parties"))) {
                    n.problem(df.line(), "crosswalk difference names no dyads (give 'states' (and 'with'), or parties: true)");
                }
                return note(n, df);
            }).ifPresent(differences::add);
        }
        if (instrument.isEmpty() || prov.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Crosswalk.Entry(instrument.get(), id, unconfirmed, notInDataset, accessions, amendments, differences, prov.get()));
    }

    private Optional<Crosswalk.Note> note(Nodes n, Nodes.Fields f) {
        List<String> kinds = f.strings("kinds");
        for (String k : kinds) {
            if (!Crosswalk.KINDS.contains(k)) {
                n.problem(f.line("kinds"), f.what() + ": kind '" + k + "' is not known (expected one of " + String.join(", ", Crosswalk.KINDS) + ")");
            }
        }
        List<String> states = states(n, f, "states");
        List<String> with = states(n, f, "with");
        boolean directed = f.has("directed") && f.flag("directed");
        boolean parties = f.has("parties") && f.flag("parties");
        if (directed && with.isEmpty()) {
            n.problem(f.line("directed"), f.what() + ": directed needs 'with' (the states the listed ones are bound towards)");
        }
        Optional<Integer> from = year(n, f, "from");
        Optional<Integer> to = year(n, f, "to");
        if (from.isPresent() && to.isPresent() && to.get() < from.get()) {
            n.problem(f.line("to"), f.what() + ": to " + to.get() + " is before from " + from.get());
        }
        Optional<Provenance> prov = Checks.provenance(n, f, f.what());
        return prov.map(p -> new Crosswalk.Note(f.string("name"), f.string("id"), Set.copyOf(kinds), states, with, directed, parties, from, to, p));
    }

    private List<String> states(Nodes n, Nodes.Fields f, String key) {
        List<String> out = f.strings(key);
        for (String s : out) {
            if (!architecture.states().containsKey(s)) {
                n.problem(f.line(key), f.what() + ": unknown state '" + s + "'");
            }
        }
        return out;
    }

    private static Optional<Integer> year(Nodes n, Nodes.Fields f, String key) {
        return f.string(key).flatMap(v -> {
            try {
                int y = Integer.parseInt(v);
                if (y >= 1000 && y <= 9999) {
                    return Optional.of(y);
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            n.problem(f.line(key), f.what() + ": " + key + " '" + v + "' is not a year");
            return Optional.empty();
        });
    }
}
