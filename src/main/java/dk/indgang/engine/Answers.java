package dk.indgang.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What has been answered so far, as typed values: {@code String}, {@code Long}, {@code
 * BigDecimal}, {@code LocalDate}, {@code Boolean}, {@code List<String>}, {@link AddressValue},
 * {@code List<AttachmentRef>}; a repeating group holds a list of items, each a map of its fields.
 * Answers in hidden branches are kept (so they come back if the branch does) but neither count nor
 * are submitted. Acknowledgements record that the citizen confirmed or explained a warning.
 */
public final class Answers {

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    private final Map<String, String> acknowledgements = new LinkedHashMap<>();
    private final Map<String, String> overrides = new LinkedHashMap<>();
    private AssistanceRecord assistance;
    private final Map<String, Provenance> provenance = new LinkedHashMap<>();

    public Object get(String fieldId) {
        return values.get(fieldId);
    }

    public void set(String fieldId, Object value) {
        if (isEmpty(value)) {
            values.remove(fieldId);
        } else {
            values.put(fieldId, value instanceof String s ? s.strip() : value);
        }
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public List<Map<String, Object>> items(String groupId) {
        return Collections.unmodifiableList(groups.getOrDefault(groupId, List.of()));
    }

    public Map<String, List<Map<String, Object>>> groups() {
        return Collections.unmodifiableMap(groups);
    }

    /** Adds an empty item to a group and returns its index. */
    public int addItem(String groupId) {
        var items = groups.computeIfAbsent(groupId, k -> new ArrayList<>());
        items.add(new LinkedHashMap<>());
        return items.size() - 1;
    }

    public void removeItem(String groupId, int index) {
        var items = groups.get(groupId);
        if (items != null && index >= 0 && index < items.size()) {
            items.remove(index);
        }
    }

    /**
     * The answer at a path as the engine names paths: a field's id, or {@code group[i].field} for a
     * field in a group's item.
     */
    public Object at(String path) {
        return FieldPath.item(path)
                .map(item -> getInItem(item.group(), item.index(), item.field()))
                .orElseGet(() -> get(path));
    }

    public Object getInItem(String groupId, int index, String fieldId) {
        var items = groups.getOrDefault(groupId, List.of());
        return index < items.size() ? items.get(index).get(fieldId) : null;
    }

    public void setInItem(String groupId, int index, String fieldId, Object value) {
        var items = groups.computeIfAbsent(groupId, k -> new ArrayList<>());
        while (items.size() <= index) {
            items.add(new LinkedHashMap<>());
        }
        if (isEmpty(value)) {
            items.get(index).remove(fieldId);
        } else {
            items.get(index).put(fieldId, value instanceof String s ? s.strip() : value);
        }
    }

    public Map<String, String> acknowledgements() {
        return Collections.unmodifiableMap(acknowledgements);
    }

    /** The citizen confirms a warning, with an explanation where one is asked for. */
    public void acknowledge(String ruleId, String explanation) {
        acknowledgements.put(ruleId, explanation == null ? "" : explanation.strip());
    }

    public void withdrawAcknowledgement(String ruleId) {
        acknowledgements.remove(ruleId);
        overrides.remove(ruleId);
    }

    /**
     * A caseworker overrides a warning on the citizen's behalf: the written justification is the
     * explanation, and who overrode it is recorded with it.
     */
    public void override(String ruleId, String justification, String caseworker) {
        acknowledge(ruleId, justification);
        overrides.put(ruleId, caseworker);
    }

    /** Warnings a caseworker overrode: rule id to the caseworker. */
    public Map<String, String> overrides() {
        return Collections.unmodifiableMap(overrides);
    }

    /** How a caseworker assisted, if one did: kept with the draft so a hand-over keeps it. */
    public java.util.Optional<AssistanceRecord> assistance() {
        return java.util.Optional.ofNullable(assistance);
    }

    void setAssistance(AssistanceRecord value) {
        assistance = value;
    }

    /** Where answers came from, by path; absent: entered by the citizen. */
    public Map<String, Provenance> provenance() {
        return Collections.unmodifiableMap(provenance);
    }

    public Provenance provenance(String path) {
        return provenance.get(path);
    }

    public void setProvenance(String path, Provenance value) {
        if (value == null) {
            provenance.remove(path);
        } else {
            provenance.put(path, value);
        }
    }

    public static boolean isEmpty(Object value) {
        return value == null
                || (value instanceof String s && s.isBlank())
                || (value instanceof List<?> l && l.isEmpty())
                || (value instanceof AddressValue a && a.isEmpty());
    }

    public Answers copy() {
        var copy = new Answers();
        copy.values.putAll(values);
        groups.forEach((k, items) -> {
            var list = new ArrayList<Map<String, Object>>();
            items.forEach(i -> list.add(new LinkedHashMap<>(i)));
            copy.groups.put(k, list);
        });
        copy.acknowledgements.putAll(acknowledgements);
        copy.overrides.putAll(overrides);
        copy.assistance = assistance;
        copy.provenance.putAll(provenance);
        return copy;
    }
}
