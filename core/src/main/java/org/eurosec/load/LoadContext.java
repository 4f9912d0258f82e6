package org.eurosec.load;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
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
import org.yaml.snakeyaml.nodes.Node;

/**
 * What the readers of one load share: how files are named in messages, the problems found so far,
 * the references to resolve and the spells to check against existence once every file is read.
 */
final class LoadContext {

    private final String displayRoot;
    private final List<Problem> problems = new ArrayList<>();
    private final References references = new References();
    /** Membership spells flagged {@code before_statehood}: they may start before their state exists. */
    private final Set<Provenance> beforeStatehood = new HashSet<>();

    LoadContext(String displayRoot) {
        this.displayRoot = displayRoot;
    }

    String displayRoot() {
        return displayRoot;
    }

    List<Problem> problems() {
        return problems;
    }

    References references() {
        return references;
    }

    Set<Provenance> beforeStatehood() {
        return beforeStatehood;
    }

    /** Typed reads of one file that record their problems here. */
    Nodes nodes(String shown) {
        return new Nodes(shown, problems);
    }

    /** Throws every problem found, sorted by file and line, if there is any. */
    void failIfProblems() {
        if (!problems.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(problems);
            Collections.sort(sorted);
            throw new DataException(sorted);
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

    Optional<Node> compose(Path file) {
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
}
