package dk.indgang.ui.wizard;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import dk.indgang.engine.ApplicantStanding;
import dk.indgang.engine.FormSession;
import dk.indgang.security.CurrentUser;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One step of the wizard: the stepper, the error summary, the heading, the step's fields, its
 * warnings and Back / Next. Next goes on only when nothing on the step blocks; otherwise the summary
 * says what to do. Emits {@link ChangeEvent} after an answer and {@link MoveEvent} for Back and Next.
 */
public final class StepPage extends Div {

    private final Button next;

    private final FormSession session;
    private final String stepId;
    private final AssistanceMode mode;
    private final ErrorSummary summary = new ErrorSummary();
    private final WarningsPanel warnings;
    private final StepForm form;
    private final Set<String> touched = new HashSet<>();
    /** On the first step: what CPR says about her that changes this application (emigrated, …). */
    private Div standing;

    private java.util.List<ApplicantStanding> standingShown = java.util.List.of();

    /** Where she is among the visible steps, and which steps it shows. */
    private Stepper stepper;

    private java.util.List<String> stepsShown;

    public StepPage(
            FormSession session, String stepId, AssistanceMode mode, CurrentUser.User user, StepForm.Uploads uploads) {
        this.session = session;
        this.stepId = stepId;
        this.mode = mode;
        this.warnings = new WarningsPanel(mode, user);
        var evaluation = session.evaluate();
        var steps = evaluation.visibleSteps();
        var index = Stepper.indexOf(steps, stepId, WizardView.REVIEW);
        var step = steps.get(index);
        var heading = new H2(step.title().in(getLocale()));
        heading.setId("step-heading");
        stepper = new Stepper(steps, index, evaluation);
        stepsShown = ids(steps);
        add(stepper, summary, heading);
        if (step.intro() != null) {
            add(new Paragraph(step.intro().in(getLocale())));
        }
        if (index == 0) {
            standing = new Div();
            standing.setId("standing");
            standing.addClassName("info-box");
            standing.setVisible(false);
            add(standing);
        }
        form = new StepForm(session, step, evaluation, uploads, "field-");
        form.addChangeListener(e -> {
            refresh();
            fireEvent(new ChangeEvent(this));
        });
        form.addLeaveListener(e -> {
            touched.add(e.path());
            refresh();
        });
        var back = new Button(getTranslation("wizard.back"), e -> fireEvent(new MoveEvent(this, false)));
        back.setId("wizard-back");
        next = new Button(getTranslation("wizard.next"), e -> next());
        next.addThemeVariants(ButtonVariant.PRIMARY);
        next.setId("wizard-next");
        var buttons = new Div(back, next);
        buttons.addClassName("wizard-buttons");
        add(form, warnings, buttons);
        refresh();
    }

    /** She came from "Tjek dine svar" to change an answer: Next takes her back there. */
    public void returnsToReview() {
        next.setText(getTranslation("wizard.next.review"));
    }

    /** Brings the fields, the warnings and an open error summary up to date. */
    public void refresh() {
        var evaluation = session.evaluate();
        form.refresh(evaluation, touched, p -> ProvenanceNotes.note(this, mode, p));
        warnings.show(evaluation, stepId, session, form, this::refresh);
        showSteps(evaluation);
        showStanding();
        if (summary.showing()) {
            summary.show(blocking(evaluation), evaluation, form);
        }
    }

    /** An answer (hers or a register's) that shows or hides a step: the stepper says so at once. */
    private void showSteps(dk.indgang.engine.Evaluation evaluation) {
        var steps = evaluation.visibleSteps();
        var ids = ids(steps);
        if (ids.equals(stepsShown)) {
            return;
        }
        stepsShown = ids;
        var fresh = new Stepper(steps, Stepper.indexOf(steps, stepId, WizardView.REVIEW), evaluation);
        replace(stepper, fresh);
        stepper = fresh;
    }

    private static java.util.List<String> ids(java.util.List<dk.indgang.definition.Step> steps) {
        return steps.stream().map(dk.indgang.definition.Step::id).toList();
    }

    private void showStanding() {
        if (standing == null) {
            return;
        }
        var now = ApplicantStanding.of(session);
        if (now.equals(standingShown)) {
            return;
        }
        standingShown = now;
        standing.removeAll();
        now.forEach(s -> standing.add(new Paragraph(getTranslation(mode.standingKey(s)))));
        standing.setVisible(!now.isEmpty());
    }

    /**
     * After a register's answer: shows what changed since {@code before} ({@link #shownValues}) in
     * place and brings the step up to date.
     *
     * @return false when the step must be laid out anew (see {@link StepForm#showAnswers})
     */
    public boolean showAnswers(Map<String, String> before) {
        if (!form.showAnswers(before)) {
            return false;
        }
        refresh();
        return true;
    }

    /** The answers shown on this step, as text, to tell whether a register's answer changed any. */
    public Map<String, String> shownValues() {
        return form.shownValues();
    }

    private void next() {
        touched.addAll(form.paths());
        refresh();
        var evaluation = session.evaluate();
        var blocking = blocking(evaluation);
        if (blocking.isEmpty()) {
            fireEvent(new MoveEvent(this, true));
        } else {
            summary.show(blocking, evaluation, form);
        }
    }

    /**
     * What stops her leaving the step: text in a number field that is not a number (which the
     * engine never sees), then the engine's findings at every other path.
     */
    private java.util.List<dk.indgang.engine.Violation> blocking(dk.indgang.engine.Evaluation evaluation) {
        var typed = form.inputProblems(evaluation);
        var paths = typed.stream().map(dk.indgang.engine.Violation::path).collect(java.util.stream.Collectors.toSet());
        var all = new java.util.ArrayList<>(typed);
        evaluation.blocking(stepId).stream()
                .filter(v -> !paths.contains(v.path()))
                .forEach(all::add);
        return all;
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    public Registration addMoveListener(ComponentEventListener<MoveEvent> listener) {
        return addListener(MoveEvent.class, listener);
    }

    /** An answer on the step changed. */
    public static final class ChangeEvent extends ComponentEvent<StepPage> {
        ChangeEvent(StepPage source) {
            super(source, false);
        }
    }

    /** Back, or Next with nothing blocking. */
    public static final class MoveEvent extends ComponentEvent<StepPage> {
        private final boolean forward;

        MoveEvent(StepPage source, boolean forward) {
            super(source, false);
            this.forward = forward;
        }

        public boolean forward() {
            return forward;
        }
    }
}
