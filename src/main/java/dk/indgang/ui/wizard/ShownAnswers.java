package dk.indgang.ui.wizard;

import dk.indgang.definition.FieldType;
import dk.indgang.definition.Step;
import dk.indgang.engine.Evaluation;
import dk.indgang.engine.FormSession;
import dk.indgang.ui.components.FieldControl;
import java.util.HashMap;
import java.util.Map;

/**
 * What a step shows, as text, to tell what a register's answer changed — and showing those changes
 * in the step's inputs as they stand ({@link StepForm#showAnswers}).
 */
final class ShownAnswers {

    private ShownAnswers() {}

    /**
     * Each input's answer, each group's number of items and each choice's options made from data
     * (they change when a lookup answers: her children arrive).
     */
    static Map<String, String> of(FormSession session, Step step, Map<String, FieldControl> controls) {
        var values = new HashMap<String, String>();
        controls.keySet()
                .forEach(path ->
                        values.put(path, String.valueOf(session.answers().at(path))));
        Evaluation evaluation = null;
        for (var field : step.fields()) {
            if (field.type() instanceof FieldType.Group) {
                values.put(
                        field.id() + "#items",
                        String.valueOf(session.answers().items(field.id()).size()));
            }
            if (field.type() instanceof FieldType.Choice choice && choice.optionsFrom() != null) {
                evaluation = evaluation == null ? session.evaluate() : evaluation;
                values.put(
                        field.id() + "#options",
                        String.valueOf(evaluation.offered(field).type()));
            }
        }
        return values;
    }

    /** Shows what changed since {@code before} in place; false when the step must be laid out anew. */
    static boolean showChanged(
            FormSession session, Step step, Map<String, FieldControl> controls, Map<String, String> before) {
        var now = of(session, step, controls);
        if (!now.keySet().equals(before.keySet())) {
            return false;
        }
        var changed = now.keySet().stream()
                .filter(path -> !now.get(path).equals(before.get(path)))
                // computed values are shown by the step's refresh
                .filter(path -> !(controls.containsKey(path)
                        && controls.get(path).field().isComputed()))
                .toList();
        if (!changed.stream()
                .allMatch(
                        path -> controls.containsKey(path) && controls.get(path).canShowAnswer())) {
            return false;
        }
        changed.forEach(path -> controls.get(path).showAnswer(session.answers().at(path)));
        return true;
    }
}
