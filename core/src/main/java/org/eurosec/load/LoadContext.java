package org.eurosec.load;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.eurosec.model.Provenance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.reader.ReaderException;

/**
 * What the readers of one load share: how files are named in messages, the problems found so far,
 * the references to resolve and the spells to check against existence once every file is read.
 *
 * <p>Problems come in three kinds, reported first to last: files that cannot be read at all (missing,
 * empty, not UTF-8 text, not valid YAML, not a mapping at the top), the problems each reader finds
 * inside its own file, and the problems found across files (references, existence). While any file
 * cannot be read, the problems across files are only counted: most follow from what that file would
 * have defined, so the cause comes first and alone instead of last among a thousand.
 */
final class LoadContext {

    private final String displayRoot;
    /** Files that could not be read at all: the first causes. */
    private final List<Problem> unreadable = new ArrayList<>();
    /** What the readers found inside their own files. */
    private final List<Problem> problems = new ArrayList<>();
    /** What the references and existence checks found across files. */
    private final List<Problem> acrossFiles = new ArrayList<>();
    private final References references = new References();
    /** Membership spells flagged {@code before_statehood}: they may start before their state exists. */
    private final Set<Provenance> beforeStatehood = new HashSet<>();

    LoadContext(String displayRoot) {
        this.displayRoot = displayRoot;
    }

    String displayRoot() {
        return displayRoot;
    }

    /** The problems found inside files; readers add to this list. */
    List<Problem> problems() {
        return problems;
    }

    /** The problems found across files (unknown references, spells outside a state's existence). */
    List<Problem> acrossFiles() {
        return acrossFiles;
    }

    References references() {
        return references;
    }

    Set<Provenance> beforeStatehood() {
        return beforeStatehood;
    }

    /** Typed reads of one file that record their problems here. */
    Nodes nodes(String shown) {
        return new Nodes(shown, problems, unreadable);
    }

    boolean hasProblems() {
        return !unreadable.isEmpty() || !problems.isEmpty() || !acrossFiles.isEmpty();
    }

    /**
     * Every problem in the order a reader should meet them: sorted by file and line; but while a
     * file cannot be read, that file first, then the problems inside other files, and the problems
     * across files only counted in one closing line.
     */
    List<Problem> ordered() {
        if (unreadable.isEmpty()) {
            List<Problem> all = new ArrayList<>(problems);
            all.addAll(acrossFiles);
            Collections.sort(all);
            return all;
        }
        List<Problem> out = new ArrayList<>(unreadable);
        Collections.sort(out);
        Set<String> causeFiles = new HashSet<>();
        unreadable.forEach(p -> causeFiles.add(p.file()));
        List<Problem> inside = new ArrayList<>();
        int sameFile = 0;
        for (Problem p : problems) {
            if (causeFiles.contains(p.file())) {
                sameFile++;
            } else {
                inside.add(p);
            }
        }
        Collections.sort(inside);
        out.addAll(inside);
        int n = acrossFiles.size();
        if (n > 0 || sameFile > 0) {
            Problem first = out.get(0);
            boolean one = unreadable.size() == 1;
            String where = sameFile == 0 ? (n == 1 ? " problem in other files that follows" : " problems in other files that follow")
                    : " knock-on " + (n + sameFile == 1 ? "problem" : "problems") + " (" + sameFile + " in " + (one ? "this file" : "these files")
                            + ", " + n + " in other files) that " + (n + sameFile == 1 ? "follows" : "follow");
            out.add(new Problem(first.file(), first.line(), "… and " + (n + sameFile) + where + " from " + (one ? "it" : "these")
                    + " (not shown: fix " + (one ? "this file" : "these files") + " first)"));
        }
        return out;
    }

    /** Throws every problem found ({@link #ordered}), if there is any. */
    void failIfProblems() {
        if (hasProblems()) {
            throw new DataException(ordered());
        }
    }

    /** The file as messages name it: {@code displayRoot/name}, or {@code displayRoot/organisations/name} for the per-file kinds. */
    String display(Path file) {
        Path name = file.getFileName();
        Path parent = file.getParent();
        String rel = name.toString();
        if (parent != null && parent.getFileName() != null
                && (parent.getFileName().toString().equals("organisations") || parent.getFileName().toString().equals("instruments"))) {
            rel = parent.getFileName() + "/" + rel;
        }
        return displayRoot + "/" + rel;
    }

    /** The {@code .yaml} files of a directory, sorted; none when it does not exist. */
    List<Path> yamlFiles(Path dir) {
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

    /** The top-level mapping of a data file ({@code what} names it in messages), or empty when the file cannot be read. */
    Optional<Node> mapping(Path file, String what) {
        return mapping(file, display(file), what);
    }

    /**
     * The top-level mapping of a file shown as {@code shown}. A file that is not a mapping at the top
     * cannot be read any further: it counts as unreadable, like one that is not YAML.
     */
    Optional<Node> mapping(Path file, String shown, String what) {
        return compose(file, shown).filter(root -> {
            if (root instanceof MappingNode) {
                return true;
            }
            unreadable.add(new Problem(shown, Nodes.line(root), what + " must be a mapping (key: value)"));
            return false;
        });
    }

    Optional<Node> compose(Path file) {
        return compose(file, display(file));
    }

    /**
     * The file's YAML node tree, or empty when it cannot be read: missing, empty, not UTF-8 text,
     * holding characters YAML does not allow, or not valid YAML. Each is one unreadable problem with
     * the line where the trouble is and a plain message.
     */
    Optional<Node> compose(Path file, String shown) {
        if (!Files.exists(file)) {
            unreadable.add(new Problem(shown, 0, "file is missing"));
            return Optional.empty();
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            unreadable.add(new Problem(shown, 0, "cannot read: " + e.getMessage()));
            return Optional.empty();
        }
        Optional<String> text = utf8(bytes, shown);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        int nul = text.get().indexOf('\0');
        if (nul >= 0) {
            unreadable.add(new Problem(shown, lineAt(text.get(), nul), "not text: it holds a NUL byte (is it a binary file?)"));
            return Optional.empty();
        }
        try {
            LoaderOptions options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            Node node = new Yaml(new SafeConstructor(options)).compose(new StringReader(text.get()));
            if (node == null) {
                unreadable.add(new Problem(shown, 1, text.get().isBlank() ? "file is empty" : "file is empty (only comments)"));
                return Optional.empty();
            }
            return Optional.of(node);
        } catch (MarkedYAMLException e) {
            Mark m = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            int line = m == null ? 0 : m.getLine() + 1;
            unreadable.add(new Problem(shown, line, "not valid YAML: " + e.getProblem()));
        } catch (ReaderException e) {
            unreadable.add(new Problem(shown, lineAt(text.get(), e.getPosition()), "not valid YAML text: character "
                    + String.format(Locale.ROOT, "U+%04X", e.getCodePoint()) + " is not allowed in YAML"));
        } catch (YAMLException e) {
            unreadable.add(new Problem(shown, 0, "not valid YAML: " + e.getMessage()));
        }
        return Optional.empty();
    }

    /** The bytes as UTF-8 text, or empty with an unreadable problem at the line of the first byte that is not UTF-8. */
    private Optional<String> utf8(byte[] bytes, String shown) {
        try {
            return Optional.of(Utf8Text.decode(bytes));
        } catch (Utf8Text.NotUtf8Exception e) {
            unreadable.add(new Problem(shown, e.where().line(), e.where().message()));
            return Optional.empty();
        }
    }

    private static int lineAt(String text, int index) {
        int line = 1;
        for (int i = 0; i < Math.min(index, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
