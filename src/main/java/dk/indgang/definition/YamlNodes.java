package dk.indgang.definition;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reading a definition's YAML node tree without stopping at the first mistake: each reader of a
 * mapping, a list or a scalar records a located problem (file, line, column) and gives back what it
 * could read, so one load reports every problem. It also records where each property path lies
 * ({@code steps[0].fields[2].type}), so a Bean Validation finding on the built model is shown at its
 * line ({@link #locate}). {@link FormLoader}'s reader builds the form on it.
 */
abstract class YamlNodes {

    final String file;
    final List<Problem> problems = new ArrayList<>();
    final Map<String, Location> paths = new HashMap<>();

    YamlNodes(String file) {
        this.file = file;
    }

    Location at(Node node) {
        Mark mark = node.getStartMark();
        return mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    /** The location recorded for a Bean Validation property path, or of its closest parent. */
    Location locate(String path) {
        var p = path;
        while (!p.isEmpty()) {
            var location = paths.get(p);
            if (location != null) {
                return location;
            }
            var cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            p = cut < 0 ? "" : p.substring(0, cut);
        }
        return paths.getOrDefault("", new Location(file, 1, 1));
    }

    void error(Node node, String key, Object... args) {
        problems.add(Problem.error(at(node), key, args));
    }

    Map<String, Node> mapping(Node node, String path, String element, Set<String> allowed) {
        var result = new LinkedHashMap<String, Node>();
        paths.put(path, at(node));
        if (!(node instanceof MappingNode map)) {
            error(node, "yaml.expected.mapping", element);
            return result;
        }
        for (var tuple : map.getValue()) {
            if (!(tuple.getKeyNode() instanceof ScalarNode keyNode)) {
                error(tuple.getKeyNode(), "yaml.key.not.scalar");
                continue;
            }
            var key = keyNode.getValue();
            if (result.containsKey(key)) {
                error(keyNode, "yaml.key.duplicate", key, element);
            } else if (!allowed.contains(key)) {
                error(
                        keyNode,
                        "key.unknown",
                        key,
                        element,
                        String.join(", ", allowed.stream().sorted().toList()));
            } else {
                result.put(key, tuple.getValueNode());
                paths.put(path.isEmpty() ? key : path + "." + key, at(tuple.getValueNode()));
            }
        }
        return result;
    }

    List<Node> sequence(Node node, String element) {
        if (node instanceof SequenceNode seq) {
            return seq.getValue();
        }
        error(node, "yaml.expected.list", element);
        return List.of();
    }

    String string(Map<String, Node> map, String key) {
        var node = map.get(key);
        if (node == null) {
            return null;
        }
        if (node instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return scalar.getValue();
        }
        error(node, "yaml.expected.scalar", key);
        return null;
    }

    String required(Map<String, Node> map, String key, Node owner, String element) {
        var value = string(map, key);
        if (value == null && !map.containsKey(key)) {
            error(owner, "key.missing", key, element);
        }
        return value;
    }

    Long integer(Map<String, Node> map, String key) {
        var value = string(map, key);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            error(map.get(key), "yaml.expected.integer", key, value);
            return null;
        }
    }

    BigDecimal decimal(Map<String, Node> map, String key) {
        var value = string(map, key);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            error(map.get(key), "yaml.expected.number", key, value);
            return null;
        }
    }

    boolean bool(Map<String, Node> map, String key) {
        var value = string(map, key);
        if (value == null) {
            return false;
        }
        if (!value.equals("true") && !value.equals("false")) {
            error(map.get(key), "yaml.expected.boolean", key, value);
            return false;
        }
        return Boolean.parseBoolean(value);
    }

    LocalizedText text(Map<String, Node> map, String key, String path) {
        var node = map.get(key);
        if (node == null) {
            return null;
        }
        var textPath = path.isEmpty() ? key : path + "." + key;
        var texts = mapping(node, textPath, key, Set.of("da", "en"));
        return new LocalizedText(string(texts, "da"), string(texts, "en"));
    }

    Integer intOrNull(Map<String, Node> map, String key) {
        var value = integer(map, key);
        return value == null ? null : value.intValue();
    }

    int intOr(Map<String, Node> map, String key, int fallback) {
        var value = integer(map, key);
        return value == null ? fallback : value.intValue();
    }
}
