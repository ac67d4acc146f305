package dk.indgang.design;

import java.util.List;
import java.util.Optional;

/**
 * The structure view's edits of a design draft's source: which element is selected, and what adding,
 * moving, removing or changing one does to the source and to the selection. Plain Java over
 * {@link DesignSource}; the designer's view only shows the result.
 */
public final class StructureEditor {

    /** The selected element: a step, a field of a step, or a rule. */
    public sealed interface Selection {
        record OfStep(int step) implements Selection {}

        record OfField(int step, int field) implements Selection {}

        record OfRule(int rule) implements Selection {}

        /** As {@link DesignSource}'s coordinates: a step has field −1, a rule has step −1. */
        default int step() {
            return switch (this) {
                case OfStep s -> s.step();
                case OfField f -> f.step();
                case OfRule r -> -1;
            };
        }

        default int field() {
            return switch (this) {
                case OfStep s -> -1;
                case OfField f -> f.field();
                case OfRule r -> r.rule();
            };
        }

        static Selection of(DesignSource.Element element) {
            if (element.isRule()) {
                return new OfRule(element.field());
            }
            return element.isStep() ? new OfStep(element.step()) : new OfField(element.step(), element.field());
        }
    }

    private String source;
    private List<DesignSource.Element> elements;
    private Selection selection = new Selection.OfStep(0);

    public StructureEditor(String source) {
        replace(source);
    }

    public String source() {
        return source;
    }

    public List<DesignSource.Element> elements() {
        return elements;
    }

    public Selection selection() {
        return selection;
    }

    /** The selected element, if the source still has it. */
    public Optional<DesignSource.Element> selected() {
        return elements.stream()
                .filter(e -> e.step() == selection.step() && e.field() == selection.field())
                .findFirst();
    }

    public boolean isSelected(DesignSource.Element element) {
        return selected().filter(element::equals).isPresent();
    }

    public void select(DesignSource.Element element) {
        selection = Selection.of(element);
    }

    /**
     * A new source (typed in the source view, or saved): the selection stays when the element is
     * still there, else falls back to the nearest step.
     */
    public void replace(String newSource) {
        source = newSource;
        elements = DesignSource.elements(newSource);
        if (selected().isEmpty()) {
            var steps = stepCount();
            selection = new Selection.OfStep(Math.max(0, Math.min(selection.step(), steps - 1)));
        }
    }

    /** A new step after the selected one (or at the end), selected. */
    public String addStep() {
        var id = uniqueId("trin");
        var after = selection instanceof Selection.OfRule ? stepCount() - 1 : selection.step();
        var changed = DesignSource.addStep(source, after, id, "Nyt trin", "New step");
        return apply(changed, new Selection.OfStep(after + 1));
    }

    /** A new text field after the selected field (or last in the selected step), selected. */
    public String addField() {
        var id = uniqueId("felt");
        var step = selection instanceof Selection.OfRule ? 0 : selection.step();
        var after = selection instanceof Selection.OfField f ? f.field() : -1;
        var changed = DesignSource.addField(source, step, after, id, "text", "Nyt felt", "New field");
        var fields = (int)
                elements.stream().filter(e -> e.step() == step && !e.isStep()).count();
        return apply(changed, new Selection.OfField(step, after < 0 ? fields : after + 1));
    }

    /** A new rule at the end, selected. */
    public String addRule() {
        var id = uniqueId("regel");
        var rules = (int) elements.stream().filter(DesignSource.Element::isRule).count();
        return apply(DesignSource.addRule(source, id), new Selection.OfRule(rules));
    }

    /** Moves the selected element up ({@code -1}) or down ({@code 1}) among its siblings. */
    public String move(int by) {
        var changed = DesignSource.move(source, selection.step(), selection.field(), by);
        if (changed.equals(source)) {
            return source;
        }
        var moved =
                switch (selection) {
                    case Selection.OfStep s -> new Selection.OfStep(s.step() + by);
                    case Selection.OfField f -> new Selection.OfField(f.step(), f.field() + by);
                    case Selection.OfRule r -> new Selection.OfRule(r.rule() + by);
                };
        return apply(changed, moved);
    }

    /** Removes the selected element; the step it was in (or the one before) is selected. */
    public String remove() {
        var changed = DesignSource.remove(source, selection.step(), selection.field());
        var next =
                switch (selection) {
                    case Selection.OfStep s -> new Selection.OfStep(Math.max(0, s.step() - 1));
                    case Selection.OfField f -> new Selection.OfStep(f.step());
                    case Selection.OfRule r -> new Selection.OfStep(0);
                };
        return apply(changed, next);
    }

    /** Sets a property of the selected element ({@code label.da}, {@code required}, …). */
    public String set(String key, Object value) {
        return apply(DesignSource.set(source, selection.step(), selection.field(), key, value), selection);
    }

    /** A choice's options, one {@code value: Dansk / English} per line. */
    public String setOptions(String lines) {
        return apply(DesignSource.setOptions(source, selection.step(), selection.field(), lines), selection);
    }

    public DesignSource.Properties properties() {
        return DesignSource.properties(source, selection.step(), selection.field());
    }

    private String apply(String changed, Selection next) {
        selection = next;
        replace(changed);
        return changed;
    }

    private int stepCount() {
        return (int) elements.stream().filter(e -> !e.isRule() && e.isStep()).count();
    }

    private String uniqueId(String prefix) {
        var ids = elements.stream().map(DesignSource.Element::id).toList();
        var n = 1;
        while (ids.contains(prefix + n)) {
            n++;
        }
        return prefix + n;
    }
}
