package dk.indgang.ui.wizard;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import dk.indgang.definition.Severity;
import dk.indgang.engine.Evaluation;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.Messages;
import dk.indgang.engine.Violation;
import dk.indgang.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;

/**
 * The warnings and notes of the current step, each with the mode's controls (confirm and explain,
 * or a caseworker's override), shown right under the field it concerns (the rule's first field on
 * the step; here, under the fields, when it names none). Rebuilt only when the set of warnings
 * changes, so typing an explanation is never interrupted.
 */
public final class WarningsPanel extends Div {

    private final AssistanceMode mode;
    private final CurrentUser.User user;
    private final List<Div> boxes = new ArrayList<>();
    private List<String> shown = List.of();

    public WarningsPanel(AssistanceMode mode, CurrentUser.User user) {
        this.mode = mode;
        this.user = user;
        addClassName("warnings");
    }

    /** Shows the warnings and notes {@code evaluation} has on {@code stepId}; {@code changed} after a control. */
    public void show(Evaluation evaluation, String stepId, FormSession session, StepForm form, Runnable changed) {
        var active = evaluation.onStep(stepId).stream()
                .filter(v -> v.isRule() && v.severity() != Severity.ERROR)
                .toList();
        var ids = active.stream().map(Violation::ruleId).toList();
        if (ids.equals(shown)) {
            return;
        }
        shown = ids;
        boxes.forEach(Div::removeFromParent);
        boxes.clear();
        for (var v : active) {
            var box = new Div();
            box.addClassName(v.severity() == Severity.WARNING ? "warning-box" : "info-box");
            box.setId("rule-" + v.ruleId());
            box.add(new Paragraph(Messages.text(v, evaluation, getLocale())));
            if (v.severity() == Severity.WARNING) {
                box.add(mode.warningControls(v, session, user, changed));
            }
            boxes.add(box);
            var fields = session.form().rule(v.ruleId()).map(r -> r.fields()).orElse(List.of());
            if (fields.stream().noneMatch(f -> form.placeAfter(f, box))) {
                add(box);
            }
        }
    }
}
