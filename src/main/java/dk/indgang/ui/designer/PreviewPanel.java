package dk.indgang.ui.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.Severity;
import dk.indgang.design.FormDesigns;
import dk.indgang.engine.Answers;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.Messages;
import dk.indgang.ui.wizard.StepForm;

/**
 * The wizard as a citizen would see it, for a test person from the register stubs: the wizard's own
 * step renderer ({@link StepForm}, groups included) and the same engine, step by step, refreshed whenever the definition changes. Answers
 * typed in the preview are kept across changes; nothing is stored.
 */
final class PreviewPanel extends Div {

    private final FormDesigns designs;
    private final String actor;
    private FormDefinition form;
    private String person;
    private Answers answers = new Answers();
    private FormSession session;
    private int stepIndex;

    PreviewPanel(FormDesigns designs, String actor) {
        this.designs = designs;
        this.actor = actor;
        setId("preview");
        addClassName("preview");
    }

    /** Shows a (valid) definition for a test person; a new person starts afresh. */
    void show(FormDefinition form, String person) {
        if (person == null) {
            removeAll();
            add(new Paragraph(getTranslation("designer.preview.person.missing")));
            return;
        }
        if (!person.equals(this.person)) {
            answers = new Answers();
            stepIndex = 0;
        }
        this.form = form;
        this.person = person;
        session = designs.preview(form, person, answers, actor);
        render();
    }

    private void render() {
        removeAll();
        var locale = getLocale();
        var evaluation = session.evaluate();
        var steps = evaluation.visibleSteps();
        stepIndex = Math.max(0, Math.min(stepIndex, steps.size() - 1));
        add(new H3(form.title().in(locale)));
        if (!designs.previewHasRegisters()) {
            add(new Paragraph(getTranslation("designer.preview.noregisters")));
        }
        var step = steps.get(stepIndex);
        var heading = new H4(getTranslation("designer.preview.step", stepIndex + 1, steps.size()) + ": "
                + step.title().in(locale));
        heading.setId("preview-step");
        add(heading);
        if (step.intro() != null) {
            add(new Paragraph(step.intro().in(locale)));
        }
        var fields = new StepForm(session, step, evaluation, null, "preview-");
        fields.addChangeListener(e -> render());
        fields.refresh(evaluation, java.util.Set.of(), provenance -> null);
        add(fields);
        var findings = new UnorderedList();
        findings.setId("preview-findings");
        evaluation.onStep(step.id()).stream()
                .filter(v -> v.isRule() || v.severity() == Severity.ERROR)
                .forEach(v -> findings.add(new ListItem(
                        (v.severity() == Severity.ERROR ? "✘ " : "⚠ ") + Messages.text(v, evaluation, locale))));
        if (findings.getComponentCount() > 0) {
            add(findings);
        }
        if (!evaluation.failures().isEmpty()) {
            // what can only fail at run time, shown where the designer works
            var failed = new UnorderedList();
            failed.setId("preview-failures");
            failed.addClassName("warning-box");
            evaluation
                    .failures()
                    .forEach(f -> failed.add(new ListItem(getTranslation(
                            "designer.preview.failure", f.location().line(), f.what(), f.source(), f.detail()))));
            add(new Paragraph(getTranslation("designer.preview.failures")), failed);
        }
        var back = new Button(getTranslation("wizard.back"), e -> {
            stepIndex--;
            render();
        });
        back.setId("preview-back");
        back.setEnabled(stepIndex > 0);
        var next = new Button(getTranslation("wizard.next"), e -> {
            stepIndex++;
            render();
        });
        next.setId("preview-next");
        next.setEnabled(stepIndex < steps.size() - 1);
        var buttons = new Div(back, next);
        buttons.addClassName("wizard-buttons");
        add(buttons);
    }
}
