package dk.indgang.design;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.representer.Representer;

/**
 * A definition's YAML source as the designer's structure view sees it: steps and fields with the
 * lines they span (so the loader's located problems land on the element), and the structure edits
 * (add, move, remove, set a property) that rewrite the source. The source stays the one truth: the
 * structure is read from it and written back into it. Structure edits rewrite the YAML in a
 * canonical layout (comments other than the schema line are not kept); source edits keep everything.
 */
public final class DesignSource {

    private static final String SCHEMA_LINE =
            "# yaml-language-server: $schema=../docs/schema/form-definition.schema.json";

    private DesignSource() {}

    /**
     * A step, a field or a rule in the tree: a step has {@code field} -1; a rule has {@code step} -1
     * and its index in {@code field} (its severity as type, its Danish message as label).
     */
    public record Element(int step, int field, String id, String type, String label, int fromLine, int toLine) {
        public boolean isStep() {
            return field < 0;
        }

        public boolean isRule() {
            return step < 0;
        }

        public boolean covers(int line) {
            return line >= fromLine && line <= toLine;
        }
    }

    /** The steps and fields with their lines; empty when the YAML cannot be read. */
    public static List<Element> elements(String source) {
        var elements = new ArrayList<Element>();
        Node root;
        try {
            root = new Yaml(new SafeConstructor(new LoaderOptions())).compose(new StringReader(source));
        } catch (RuntimeException e) {
            return elements;
        }
        if (!(value(root, "steps") instanceof SequenceNode steps)) {
            return elements;
        }
        for (int s = 0; s < steps.getValue().size(); s++) {
            var step = steps.getValue().get(s);
            elements.add(new Element(s, -1, scalar(step, "id"), "step", label(step, "title"), from(step), to(step)));
            if (value(step, "fields") instanceof SequenceNode fields) {
                for (int f = 0; f < fields.getValue().size(); f++) {
                    var field = fields.getValue().get(f);
                    elements.add(new Element(
                            s,
                            f,
                            scalar(field, "id"),
                            scalar(field, "type"),
                            label(field, "label"),
                            from(field),
                            to(field)));
                }
            }
        }
        if (value(root, "rules") instanceof SequenceNode rules) {
            for (int r = 0; r < rules.getValue().size(); r++) {
                var rule = rules.getValue().get(r);
                elements.add(new Element(
                        -1,
                        r,
                        scalar(rule, "id"),
                        scalar(rule, "severity"),
                        label(rule, "message"),
                        from(rule),
                        to(rule)));
            }
        }
        return elements;
    }

    /** The innermost element that spans the line, if any (a field before its step). */
    public static java.util.Optional<Element> at(List<Element> elements, int line) {
        return elements.stream()
                .filter(e -> e.covers(line))
                .min(java.util.Comparator.comparingInt(e -> e.toLine() - e.fromLine()));
    }

    // ---- edits ----------------------------------------------------------------------------------

    /** The source as plain maps and lists, to edit. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> model(String source) {
        var loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(source);
        if (!(loaded instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("The definition is not a YAML mapping");
        }
        return (Map<String, Object>) map;
    }

    /** Writes the model back, keeping the comment lines that head the original source (the schema line). */
    public static String write(Map<String, Object> model, String original) {
        var header = new StringBuilder();
        for (var line : original.lines().toList()) {
            if (!line.startsWith("#")) {
                break;
            }
            header.append(line).append('\n');
        }
        var body = write(model);
        return header.isEmpty() ? body : header + body.substring(body.indexOf('\n') + 1);
    }

    public static String write(Map<String, Object> model) {
        var options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        options.setIndent(2);
        options.setIndicatorIndent(2);
        options.setIndentWithIndicator(true);
        options.setWidth(120);
        options.setSplitLines(false);
        options.setAllowUnicode(true);
        var yaml = new Yaml(new SafeConstructor(new LoaderOptions()), new Representer(options), options);
        return SCHEMA_LINE + "\n" + yaml.dump(model);
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> steps(Map<String, Object> model) {
        return (List<Map<String, Object>>) model.computeIfAbsent("steps", k -> new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> fields(Map<String, Object> step) {
        return (List<Map<String, Object>>) step.computeIfAbsent("fields", k -> new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> rules(Map<String, Object> model) {
        return (List<Map<String, Object>>) model.computeIfAbsent("rules", k -> new ArrayList<>());
    }

    /** The list an element lives in: the steps, a step's fields, or the rules. */
    private static List<Map<String, Object>> listOf(Map<String, Object> model, int step, int field) {
        return step < 0
                ? rules(model)
                : field < 0 ? steps(model) : fields(steps(model).get(step));
    }

    private static Map<String, Object> target(Map<String, Object> model, int step, int field) {
        return step < 0
                ? rules(model).get(field)
                : field < 0
                        ? steps(model).get(step)
                        : fields(steps(model).get(step)).get(field);
    }

    /** A new rule (a warning that never fires until its condition is written). */
    public static String addRule(String source, String id) {
        var model = model(source);
        var rule = new LinkedHashMap<String, Object>();
        rule.put("id", id);
        rule.put("severity", "warning");
        rule.put("when", "false");
        rule.put("fields", new ArrayList<>());
        rule.put("message", text("Ny regel", "New rule"));
        rules(model).add(rule);
        return write(model, source);
    }

    /** A new step after {@code after} (or last), with one text field so it is valid. */
    public static String addStep(String source, int after, String id, String titleDa, String titleEn) {
        var model = model(source);
        var steps = steps(model);
        var step = new LinkedHashMap<String, Object>();
        step.put("id", id);
        step.put("title", text(titleDa, titleEn));
        var field = new LinkedHashMap<String, Object>();
        field.put("id", id + "Felt");
        field.put("type", "text");
        field.put("label", text("Nyt felt", "New field"));
        fields(step).add(field);
        steps.add(after < 0 || after >= steps.size() ? steps.size() : after + 1, step);
        return write(model, source);
    }

    /** A new field at the end of a step (or after {@code after} in it). */
    public static String addField(
            String source, int step, int after, String id, String type, String labelDa, String labelEn) {
        var model = model(source);
        var fields = fields(steps(model).get(step));
        var field = new LinkedHashMap<String, Object>();
        field.put("id", id);
        field.put("type", type);
        field.put("label", text(labelDa, labelEn));
        fields.add(after < 0 || after >= fields.size() ? fields.size() : after + 1, field);
        return write(model, source);
    }

    /** Moves a step (field = -1) or a field one place up (-1) or down (+1) within its list. */
    public static String move(String source, int step, int field, int by) {
        var model = model(source);
        var list = listOf(model, step, field);
        var from = step >= 0 && field < 0 ? step : field;
        var to = from + by;
        if (to < 0 || to >= list.size()) {
            return source;
        }
        list.add(to, list.remove(from));
        return write(model, source);
    }

    public static String remove(String source, int step, int field) {
        var model = model(source);
        var list = listOf(model, step, field);
        list.remove(step >= 0 && field < 0 ? step : field);
        if (step < 0 && list.isEmpty()) {
            model.remove("rules");
        }
        return write(model, source);
    }

    /**
     * Sets a property of a step or field; {@code null} or blank removes it. Keys with a dot set a
     * language of a text ({@code label.da}); {@code required}/{@code readOnly} take booleans; numbers
     * stay numbers.
     */
    @SuppressWarnings("unchecked")
    public static String set(String source, int step, int field, String key, Object value) {
        var model = model(source);
        var target = target(model, step, field);
        var blank = value == null || (value instanceof String s && s.isBlank());
        if (key.contains(".")) {
            var parts = key.split("\\.", 2);
            var text = target.get(parts[0]) instanceof Map<?, ?> m
                    ? (Map<String, Object>) m
                    : new LinkedHashMap<String, Object>();
            if (blank) {
                text.remove(parts[1]);
            } else {
                text.put(parts[1], value);
            }
            if (text.isEmpty()) {
                target.remove(parts[0]);
            } else {
                target.put(parts[0], text);
            }
        } else if (key.equals("fields") && (value == null || value instanceof String)) {
            target.put(
                    key,
                    java.util.Arrays.stream(
                                    String.valueOf(value == null ? "" : value).split("[,\\s]+"))
                            .filter(part -> !part.isBlank())
                            .toList());
        } else if (blank || Boolean.FALSE.equals(value) && (key.equals("required") || key.equals("readOnly"))) {
            target.remove(key);
        } else {
            target.put(key, numberOrText(value));
        }
        return write(model, source);
    }

    /**
     * One element's properties read once (a property panel shows a dozen of them): each as text, ""
     * when absent; lists joined with ", ".
     */
    public record Properties(Map<String, Object> values) {

        public String get(String key) {
            Object value = values;
            for (var part : key.split("\\.")) {
                value = value instanceof Map<?, ?> m ? m.get(part) : null;
            }
            if (value instanceof List<?> list) {
                return String.join(", ", list.stream().map(String::valueOf).toList());
            }
            return value == null || value instanceof Map<?, ?> ? "" : value.toString();
        }

        /** A choice field's options, one per line: {@code value | dansk | english}. */
        public String options() {
            if (!(values.get("options") instanceof List<?> options)) {
                return "";
            }
            var lines = new ArrayList<String>();
            for (var option : options) {
                if (option instanceof Map<?, ?> o) {
                    var label = o.get("label") instanceof Map<?, ?> l ? l : Map.of();
                    lines.add(o.get("value") + " | " + Objects.toString(label.get("da"), "") + " | "
                            + Objects.toString(label.get("en"), ""));
                }
            }
            return String.join("\n", lines);
        }
    }

    /** The properties of a step, field or rule; empty when the source cannot be read. */
    public static Properties properties(String source, int step, int field) {
        try {
            return new Properties(target(model(source), step, field));
        } catch (RuntimeException e) {
            return new Properties(Map.of());
        }
    }

    public static String options(String source, int step, int field) {
        return properties(source, step, field).options();
    }

    /** Sets a choice field's options from lines {@code value | dansk | english}; blank lines are skipped. */
    public static String setOptions(String source, int step, int field, String lines) {
        var model = model(source);
        var target = target(model, step, field);
        var options = new ArrayList<Map<String, Object>>();
        for (var line : lines.lines().toList()) {
            if (line.isBlank()) {
                continue;
            }
            var parts = line.split("\\|", -1);
            var option = new LinkedHashMap<String, Object>();
            option.put("value", parts[0].strip());
            var da = parts.length > 1 ? parts[1].strip() : parts[0].strip();
            var en = parts.length > 2 && !parts[2].isBlank() ? parts[2].strip() : da;
            option.put("label", text(da, en));
            options.add(option);
        }
        if (options.isEmpty()) {
            target.remove("options");
        } else {
            target.put("options", options);
        }
        return write(model, source);
    }

    /** A property of a step, field or rule as text ("" when absent). */
    public static String get(String source, int step, int field, String key) {
        return properties(source, step, field).get(key);
    }

    private static Object numberOrText(Object value) {
        if (value instanceof String s && s.strip().matches("-?\\d{1,9}")) {
            return Integer.valueOf(s.strip());
        }
        return value instanceof String s ? s.strip() : value;
    }

    private static Map<String, Object> text(String da, String en) {
        var text = new LinkedHashMap<String, Object>();
        text.put("da", da);
        text.put("en", en);
        return text;
    }

    // ---- the node tree ----------------------------------------------------------------------------

    private static Node value(Node node, String key) {
        if (node instanceof MappingNode mapping) {
            for (var tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return tuple.getValueNode();
                }
            }
        }
        return null;
    }

    private static String scalar(Node node, String key) {
        return value(node, key) instanceof ScalarNode s ? s.getValue() : "";
    }

    private static String label(Node node, String key) {
        var text = value(node, key);
        return text instanceof MappingNode ? scalar(text, "da") : text instanceof ScalarNode s ? s.getValue() : "";
    }

    private static int from(Node node) {
        return node.getStartMark().getLine() + 1;
    }

    private static int to(Node node) {
        var end = node.getEndMark();
        return end.getColumn() == 0 ? Math.max(from(node), end.getLine()) : end.getLine() + 1;
    }
}
