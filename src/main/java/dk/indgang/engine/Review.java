package dk.indgang.engine;

import dk.indgang.definition.FieldType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * "Tjek dine svar": every visible answer with its label, grouped by step, in the citizen's language.
 * Repeating groups become one section per item.
 */
public record Review(List<Section> sections) {

    /**
     * @param notes the warnings on this step the citizen confirmed with her explanation, or a
     *     caseworker overrode with a justification
     */
    public record Section(String stepId, String title, List<Item> items, List<Note> notes) {}

    /**
     * A warning that was let through, and why.
     *
     * @param message the warning as it was shown
     * @param explanation the citizen's explanation or the caseworker's justification; empty when she gave none
     * @param overriddenBy the caseworker who overrode it, or null when the citizen confirmed it
     */
    public record Note(String ruleId, String message, String explanation, String overriddenBy) {
        public boolean overridden() {
            return overriddenBy != null;
        }
    }

    /**
     * {@code value} is empty when the question was not answered; {@code provenance} is null when the
     * citizen entered it.
     */
    public record Item(String path, String label, String value, boolean computed, Provenance provenance) {}

    public static Review of(FormSession session, Locale locale) {
        return of(session.verdict(), locale);
    }

    public static Review of(Verdict verdict, Locale locale) {
        var evaluation = verdict.evaluation();
        var answers = verdict.answers();
        var sections = new ArrayList<Section>();
        for (var step : evaluation.visibleSteps()) {
            var items = new ArrayList<Item>();
            for (var field : step.fields()) {
                if (!evaluation.isVisible(field.id()) || !field.type().holdsValue() || field.internal()) {
                    continue;
                }
                var label = field.label().in(locale);
                if (field.type() instanceof FieldType.Group group) {
                    var list = answers.items(field.id());
                    for (int i = 0; i < list.size(); i++) {
                        var itemLabel =
                                (group.itemLabel() != null ? group.itemLabel().in(locale) : label) + " " + (i + 1);
                        for (var inner : group.fields()) {
                            var path = FieldPath.inItem(field.id(), i, inner.id());
                            if (evaluation.isVisible(path) && inner.type().holdsValue()) {
                                items.add(new Item(
                                        path,
                                        itemLabel + ": " + inner.label().in(locale),
                                        ValueFormat.format(
                                                inner.type(), list.get(i).get(inner.id()), locale),
                                        false,
                                        answers.provenance(path)));
                            }
                        }
                    }
                    if (list.isEmpty()) {
                        items.add(new Item(field.id(), label, "", false, null));
                    }
                } else if (field.isComputed()) {
                    items.add(new Item(
                            field.id(),
                            label,
                            ValueFormat.format(field.type(), evaluation.computedIn(field.id(), locale), locale),
                            true,
                            null));
                } else {
                    items.add(new Item(
                            field.id(),
                            label,
                            ValueFormat.format(evaluation.offered(field).type(), answers.get(field.id()), locale),
                            false,
                            answers.provenance(field.id())));
                }
            }
            var notes = new ArrayList<Note>();
            for (var v : evaluation.onStep(step.id())) {
                if (v.isRule()
                        && v.severity() == dk.indgang.definition.Severity.WARNING
                        && answers.acknowledgements().containsKey(v.ruleId())) {
                    notes.add(new Note(
                            v.ruleId(),
                            Messages.text(v, evaluation, locale),
                            answers.acknowledgements().get(v.ruleId()),
                            answers.overrides().get(v.ruleId())));
                }
            }
            sections.add(new Section(step.id(), step.title().in(locale), List.copyOf(items), List.copyOf(notes)));
        }
        return new Review(List.copyOf(sections));
    }
}
