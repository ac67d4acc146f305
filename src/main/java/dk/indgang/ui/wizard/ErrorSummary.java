package dk.indgang.ui.wizard;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.definition.Severity;
import dk.indgang.engine.Evaluation;
import dk.indgang.engine.Messages;
import dk.indgang.engine.Violation;
import java.util.List;
import java.util.function.Function;

/**
 * The error summary above a step (GOV.UK's pattern): a focused alert listing what blocks, each line
 * a link that moves focus to the field or the warning's tick box.
 */
public final class ErrorSummary extends Div {

    public ErrorSummary() {
        addClassName("error-summary");
        setId("error-summary");
        getElement().setAttribute("tabindex", "-1");
        getElement().setAttribute("role", "alert");
        setVisible(false);
    }

    /** What blocks Next on this step, linked to the fields of {@code form}. */
    public void show(List<Violation> blocking, Evaluation evaluation, StepForm form) {
        var list = new UnorderedList();
        for (var v : blocking) {
            var warning = v.isRule() && v.severity() == Severity.WARNING;
            var target = warning ? "confirm-" + v.ruleId() : form.domId(v.path());
            var link = new Anchor("#" + target, linkText(v, evaluation));
            var control = warning ? null : form.control(v.path()).orElse(null);
            link.getElement()
                    .addEventListener("click", e -> {
                        if (control != null) {
                            control.focus();
                        } else {
                            UI.getCurrent().getPage().executeJs("document.getElementById($0)?.focus()", target);
                        }
                    })
                    .preventDefault();
            list.add(new ListItem(link));
        }
        open(getTranslation("wizard.errors.intro"), list);
    }

    /**
     * A link that says what to do: a field's error names the field (unless the message already
     * does); a warning says it is to be answered or confirmed.
     */
    private String linkText(Violation v, Evaluation evaluation) {
        var text = Messages.text(v, evaluation, getLocale());
        if (v.isRule()) {
            return v.severity() == Severity.WARNING ? getTranslation("wizard.errors.warning", text) : text;
        }
        if ("required".equals(v.messageKey())) {
            return text;
        }
        return Messages.fieldAt(evaluation, v.path())
                .map(f -> f.label().in(getLocale()) + ": " + text)
                .orElse(text);
    }

    /** What blocks Send, each linked to the step it is on. */
    public void showForSubmit(List<Violation> blocking, Evaluation evaluation, Function<String, String> stepUrl) {
        var list = new UnorderedList();
        for (var v : blocking) {
            var step = v.isRule()
                    ? evaluation.ruleSteps().get(v.ruleId())
                    : evaluation.stepOfField().get(v.fieldId());
            list.add(new ListItem(new Anchor(stepUrl.apply(step), Messages.text(v, evaluation, getLocale()))));
        }
        open(getTranslation("wizard.submit.blocked"), list);
    }

    /** One message, no list. */
    public void showMessage(String message) {
        open(message, null);
    }

    public void hide() {
        removeAll();
        setVisible(false);
    }

    public boolean showing() {
        return isVisible();
    }

    private void open(String intro, UnorderedList list) {
        removeAll();
        add(new H2(getTranslation("wizard.errors.title")), new Paragraph(intro));
        if (list != null) {
            add(list);
        }
        setVisible(true);
        getElement().callJsFunction("focus");
    }
}
