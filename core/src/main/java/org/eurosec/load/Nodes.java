package org.eurosec.load;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Typed reads from a YAML node tree of one file. Every read that fails records a problem with the
 * file and line and returns empty, so a file is checked to the end instead of stopping at its first error.
 */
final class Nodes {

    private final String file;
    private final List<Problem> problems;
    /** Where an unknown key at the top of the file goes: a first cause (see {@link LoadContext#ordered}). */
    private final List<Problem> causes;

    Nodes(String file, List<Problem> problems) {
        this(file, problems, problems);
    }

    Nodes(String file, List<Problem> problems, List<Problem> causes) {
        this.file = file;
        this.problems = problems;
        this.causes = causes;
    }

    String file() {
        return file;
    }

    static int line(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    void problem(Node at, String message) {
        problems.add(new Problem(file, line(at), message));
    }

    void problem(int line, String message) {
        problems.add(new Problem(file, line, message));
    }

    /** A mapping's entries by key, flagging keys not in {@code allowed} and duplicate keys. */
    Optional<Fields> fields(Node node, String what, Set<String> allowed) {
        return fields(node, what, allowed, false);
    }

    /**
     * The entries of the file's top-level mapping. An unknown key there (a misspelt {@code statess:})
     * leaves everything under it unread, so it is a first cause: one problem naming the key and the
     * known ones, and the problems that follow from it are counted, not listed.
     */
    Optional<Fields> topFields(Node node, String what, Set<String> allowed) {
        return fields(node, what, allowed, true);
    }

    private Optional<Fields> fields(Node node, String what, Set<String> allowed, boolean top) {
        if (!(node instanceof MappingNode map)) {
            problem(node, what + " must be a mapping (key: value)");
            return Optional.empty();
        }
        Map<String, Node> byKey = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                problem(t.getKeyNode(), "keys of " + what + " must be plain words");
                continue;
            }
            String k = key.getValue();
            if (!allowed.contains(k)) {
                if (top) {
                    causes.add(new Problem(file, line(key), "unknown top-level key '" + k + "' in " + what + closest(k, allowed)
                            + " (known keys: " + String.join(", ", sorted(allowed)) + ")"));
                } else {
                    problem(key, "unknown field '" + k + "' in " + what + " (expected one of " + String.join(", ", sorted(allowed)) + ")");
                }
                continue;
            }
            if (byKey.put(k, t.getValueNode()) != null) {
                problem(key, "field '" + k + "' appears twice in " + what);
            }
        }
        return Optional.of(new Fields(this, node, what, byKey));
    }

    /** {@code ": did you mean 'x'?"} for the known key within two edits of {@code k}, or nothing. */
    static String closest(String k, Set<String> known) {
        String best = null;
        int bestDistance = 3;
        for (String c : sorted(known)) {
            int d = distance(k, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        return best == null ? "" : ": did you mean '" + best + "'?";
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static List<String> sorted(Set<String> s) {
        List<String> l = new ArrayList<>(s);
        l.sort(null);
        return l;
    }

    /** A sequence's items, or an empty list (and a problem) when the node is not a sequence. */
    List<Node> items(Node node, String what) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        problem(node, what + " must be a list");
        return List.of();
    }

    Optional<String> scalar(Node node, String what) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue().trim();
            if (v.isEmpty() || v.equals("~") || v.equals("null")) {
                problem(node, what + " is empty");
                return Optional.empty();
            }
            return Optional.of(v);
        }
        problem(node, what + " must be a single value");
        return Optional.empty();
    }

    Optional<LocalDate> date(Node node, String what) {
        return scalar(node, what).flatMap(v -> {
            try {
                return Optional.of(LocalDate.parse(v));
            } catch (DateTimeParseException e) {
                problem(node, what + " '" + v + "' is not a date (YYYY-MM-DD)");
                return Optional.empty();
            }
        });
    }

    /** The fields of one mapping, with the node they came from for line numbers. */
    static final class Fields {
        private final Nodes nodes;
        private final Node node;
        private final String what;
        private final Map<String, Node> byKey;

        Fields(Nodes nodes, Node node, String what, Map<String, Node> byKey) {
            this.nodes = nodes;
            this.node = node;
            this.what = what;
            this.byKey = byKey;
        }

        int line() {
            return Nodes.line(node);
        }

        int line(String key) {
            Node n = byKey.get(key);
            return n == null ? line() : Nodes.line(n);
        }

        Node node() {
            return node;
        }

        String what() {
            return what;
        }

        boolean has(String key) {
            return byKey.containsKey(key);
        }

        Optional<Node> node(String key) {
            return Optional.ofNullable(byKey.get(key));
        }

        Optional<String> string(String key) {
            Node n = byKey.get(key);
            return n == null ? Optional.empty() : nodes.scalar(n, what + " '" + key + "'");
        }

        Optional<String> requiredString(String key) {
            if (!byKey.containsKey(key)) {
                nodes.problem(node, what + " has no '" + key + "'");
                return Optional.empty();
            }
            return string(key);
        }

        Optional<LocalDate> date(String key) {
            Node n = byKey.get(key);
            return n == null ? Optional.empty() : nodes.date(n, what + " '" + key + "'");
        }

        Optional<LocalDate> requiredDate(String key) {
            if (!byKey.containsKey(key)) {
                nodes.problem(node, what + " has no '" + key + "'");
                return Optional.empty();
            }
            return date(key);
        }

        boolean flag(String key) {
            return string(key).map(v -> {
                if (v.equals("true") || v.equals("false")) {
                    return v.equals("true");
                }
                nodes.problem(byKey.get(key), what + " '" + key + "' must be true or false");
                return false;
            }).orElse(false);
        }

        List<String> strings(String key) {
            Node n = byKey.get(key);
            if (n == null) {
                return List.of();
            }
            List<String> out = new ArrayList<>();
            for (Node item : nodes.items(n, what + " '" + key + "'")) {
                nodes.scalar(item, what + " '" + key + "' item").ifPresent(out::add);
            }
            return out;
        }

        List<Node> list(String key) {
            Node n = byKey.get(key);
            return n == null ? List.of() : nodes.items(n, what + " '" + key + "'");
        }
    }

    /** A plain Java value for a parameter node: String, Boolean, Long, Double, List or Map. */
    static Object plain(Node node) {
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            if (v.equals("true") || v.equals("false")) {
                return Boolean.parseBoolean(v);
            }
            if (s.getTag().getValue().endsWith(":int")) {
                try {
                    return Long.parseLong(v.replace("_", ""));
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            if (s.getTag().getValue().endsWith(":float")) {
                try {
                    return Double.parseDouble(v);
                } catch (NumberFormatException e) {
                    return v;
                }
            }
            return v;
        }
        if (node instanceof SequenceNode seq) {
            List<Object> out = new ArrayList<>();
            seq.getValue().forEach(n -> out.add(plain(n)));
            return List.copyOf(out);
        }
        if (node instanceof MappingNode map) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (NodeTuple t : map.getValue()) {
                out.put(String.valueOf(plain(t.getKeyNode())), plain(t.getValueNode()));
            }
            return java.util.Collections.unmodifiableMap(out);
        }
        return String.valueOf(node);
    }
}
