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
    private final Object item;

    ItemScope(Map<String, Object> outer, Object item) {
        this.outer = outer;
        this.item = item;
    }

    @Override
    public Object get(Object key) {
        return Expressions.ITEM.equals(key) ? item : outer.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return Expressions.ITEM.equals(key) || outer.containsKey(key);
    }

    /** Only for debugging and logging: a copy with the item in it. */
    @Override
    public Set<Entry<String, Object>> entrySet() {
        var copy = new HashMap<>(outer);
        copy.put(Expressions.ITEM, item);
        return copy.entrySet();
    }
}
