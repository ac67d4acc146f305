package dk.indgang.engine;

import dk.indgang.definition.Expressions;
import java.util.AbstractMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The variables an expression inside a repeating group's item sees: {@code item} (that item's
 * answers) over the form's variables. A view, not a copy, so checking n items costs n item maps and
 * not n copies of every variable of the form. Expressions read it by name ({@link #get}).
 */
final class ItemScope extends AbstractMap<String, Object> {

    private final Map<String, Object> outer;
    private final String name;
    private final Object item;

    ItemScope(Map<String, Object> outer, Object item) {
        this(outer, Expressions.ITEM, item);
    }

    /** The item under another name ({@code option} in a choice's {@code optionsFrom}). */
    ItemScope(Map<String, Object> outer, String name, Object item) {
        this.outer = outer;
        this.name = name;
        this.item = item;
    }

    @Override
    public Object get(Object key) {
        return name.equals(key) ? item : outer.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return name.equals(key) || outer.containsKey(key);
    }

    /** Only for debugging and logging: a copy with the item in it. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        var copy = new HashMap<>(outer);
        copy.put(name, item);
        return copy.entrySet();
    }
}
