package dk.indgang.engine;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the engine names a field's place: a top-level field by its id, a field in a repeating group's
 * item as {@code group[i].field} (findings, visibility, the review, the wizard's element ids).
 *
 * @param group the group's id
 * @param index the item's index, from 0
 * @param field the field's id within the item
 */
public record FieldPath(String group, int index, String field) {

    private static final Pattern ITEM = Pattern.compile("(.+)\\[(\\d+)]\\.(.+)");

    /** The path of a field in a group's item. */
    public static String inItem(String group, int index, String field) {
        return group + "[" + index + "]." + field;
    }

    /** A path inside a group's item, read back; empty for a top-level field's path. */
    public static Optional<FieldPath> item(String path) {
        var matcher = ITEM.matcher(path);
        return matcher.matches()
                ? Optional.of(new FieldPath(matcher.group(1), Integer.parseInt(matcher.group(2)), matcher.group(3)))
                : Optional.empty();
    }

    /** The top-level field a path starts with (the group, for a field in an item). */
    public static String topLevel(String path) {
        var cut = path.indexOf('[');
        return cut < 0 ? path : path.substring(0, cut);
    }
}
