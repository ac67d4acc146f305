package dk.indgang.ui.wizard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import dk.indgang.definition.Severity;
import dk.indgang.definition.Step;
import dk.indgang.engine.AttachmentRef;
import dk.indgang.engine.Evaluation;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.Messages;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Violation;
import dk.indgang.ui.components.FieldControl;
import dk.indgang.ui.components.FieldControls;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The fields of one step, rendered for a session: every field type, repeating groups with add and
 * remove, uploads, computed values. The one step renderer: the citizen's wizard, the counter's and
 * the designer's preview all use it. Answers go into the session (its only writer); the form then
 * emits a {@link ChangeEvent} (or a {@link LeaveEvent} when a field is left) and shows what
 * {@link #refresh} gives it.
 */
public final class StepForm extends Div {

    /**
     * Stores and removes the draft's uploaded files; a preview has none and shows uploads as names
     * only.
     */
    public interface Uploads {
        /**
         * @param accept the field's accepted kinds (extensions); a file whose content is none of them
         *     is refused ({@code Attachments.UploadRefused})
         */
        AttachmentRef store(String fileName, String contentType, byte[] data, java.util.List<String> accept);

        /** The file is no longer part of the answers (already taken out of the session): forget it. */
        void removed(AttachmentRef file);
    }

    private final FormSession session;
    private final Step step;
    private final Uploads uploads;
    private final String idPrefix;
    private final Map<String, FieldControl> controls = new LinkedHashMap<>();

    /**
     * @param idPrefix element ids are the prefix and the field's path ({@code field-} in the wizard)
     */
    public StepForm(FormSession session, Step step, Evaluation evaluation, Uploads uploads, String idPrefix) {
        this.session = session;
        this.step = step;
        this.uploads = uploads;
        this.idPrefix = idPrefix;
        addClassName("fields");
        build(evaluation);
    }

    private void build(Evaluation evaluation) {
        removeAll();
        controls.clear();
        for (var field : step.fields()) {
            // an internal value is the rules' business, not hers to read
            if (!field.internal()) {
                add(render(field, evaluation));
            }
        }
    }

    /** The element id of a field's input, for links and focus. */
    public String domId(String path) {
        return idPrefix + path.replaceAll("[^A-Za-z0-9_-]", "-");
    }

    public Optional<FieldControl> control(String path) {
        return Optional.ofNullable(controls.get(path));
    }

    /**
     * Puts {@code component} (a warning) right under the field it concerns; false when that field is
     * not a top-level field of this step.
     */
    public boolean placeAfter(String fieldId, Component component) {
        var control = controls.get(fieldId);
        if (control == null || control.component().getParent().orElse(null) != this) {
            return false;
        }
        addComponentAtIndex(indexOf(control.component()) + 1, component);
        return true;
    }

    public Set<String> paths() {
        return controls.keySet();
    }

    /** The answers shown on this step, as text: a lookup that changes one of them calls for a new render. */
    public Map<String, String> shownValues() {
        return ShownAnswers.of(session, step, controls);
    }

    /**
     * Shows the answers a register has changed since {@code before} ({@link #shownValues}) in the
     * inputs as they stand: the page is not laid out again, so her focus, her place and what she is
     * typing elsewhere stay, and only the changed values travel to the browser.
     *
     * @return false when a change cannot be shown in place (a choice's options from data, a group's
     *     items, an upload): then the step must be laid out anew
     */
    public boolean showAnswers(Map<String, String> before) {
        return ShownAnswers.showChanged(session, step, controls, before);
    }

    /**
     * Brings visibility, required markers, computed values, errors (of the paths in {@code touched})
     * and the notes on where values came from up to date.
     */
    public void refresh(Evaluation evaluation, Set<String> touched, Function<Provenance, String> notes) {
        var locale = getLocale();
        for (var entry : controls.entrySet()) {
            var path = entry.getKey();
            var control = entry.getValue();
            control.component().setVisible(evaluation.isVisible(path));
            control.setRequired(evaluation.isRequired(path));
            if (control.field().isComputed()) {
                control.showComputed(evaluation.computedIn(path, locale), locale);
            }
            var typed = inputProblem(path, control, evaluation);
            control.showError(
                    typed != null
                            ? Messages.text(typed, evaluation, locale)
                            : touched.contains(path) ? firstError(evaluation, path) : null);
            control.showNote(notes.apply(session.answers().provenance(path)));
        }
    }

    /**
     * What blocks because of what is typed, not what is answered: a visible number field whose text
     * is not a number. Together with the engine's findings this is what the step's Next checks.
     */
    public java.util.List<Violation> inputProblems(Evaluation evaluation) {
        var found = new java.util.ArrayList<Violation>();
        controls.forEach((path, control) -> {
            var problem = inputProblem(path, control, evaluation);
            if (problem != null) {
                found.add(problem);
            }
        });
        return found;
    }

    private static Violation inputProblem(String path, FieldControl control, Evaluation evaluation) {
        return control.inputProblem() == null || !evaluation.isVisible(path)
                ? null
                : new Violation(path, control.inputProblem(), java.util.List.of(), Severity.ERROR, null);
    }

    private String firstError(Evaluation evaluation, String path) {
        return evaluation.at(path).stream()
                .filter(v -> v.severity() == Severity.ERROR)
                .findFirst()
                .map(v -> Messages.text(v, evaluation, getLocale()))
                .orElse(null);
    }

    private Component render(Field field, Evaluation evaluation) {
        var locale = getLocale();
        if (field.isComputed()) {
            var from = session.form().computedFrom(field);
            var registers = String.join(", ", from.registers());
            var hint = from.registers().isEmpty()
                    ? getTranslation("wizard.computed")
                    : from.answers()
                            ? getTranslation("wizard.computed.registers", registers)
                            : getTranslation("wizard.computed.register", registers);
            var control = FieldControls.computed(field, evaluation.computedIn(field.id(), locale), locale, hint);
            return register(field.id(), control);
        }
        return switch (field.type()) {
            case FieldType.Group group -> GroupSection.render(this, session, field, group);
            case FieldType.Attachment attachment -> {
                var input = new AttachmentInput(field, attachment, session, uploads, domId(field.id()), this::changed);
                controls.put(field.id(), input.control());
                yield input;
            }
            default ->
                register(
                        field.id(),
                        FieldControls.create(
                                evaluation.offered(field),
                                session.answers().get(field.id()),
                                locale,
                                this::translate,
                                value -> {
                                    session.answer(field.id(), value);
                                    changed();
                                },
                                () -> left(field, field.id(), session.answers().get(field.id()))));
        };
    }

    /**
     * A field was left. An empty date is not "left": its calendar takes the focus while she picks a
     * day, so it is checked on Next or once it has a value, not marked wrong for being passed.
     */
    void left(Field field, String path, Object value) {
        if (field.type() instanceof FieldType.Date && value == null) {
            return;
        }
        fireEvent(new LeaveEvent(this, path));
    }

    java.util.Locale locale() {
        return getLocale();
    }

    /** A group's own control (its errors), kept under the group's id. */
    void registerGroup(String fieldId, FieldControl control) {
        controls.put(fieldId, control);
    }

    Component register(String path, FieldControl control) {
        control.component().setId(domId(path));
        controls.put(path, control);
        return control.component();
    }

    /** A group item added or removed: the step's fields are laid out anew. */
    void rebuild() {
        build(session.evaluate());
        changed();
    }

    void changed() {
        fireEvent(new ChangeEvent(this));
    }

    String translate(String key, Object[] args) {
        return getTranslation(key, args);
    }

    Paragraph hint(String text) {
        var p = new Paragraph(text);
        p.addClassName("hint");
        return p;
    }

    public Registration addChangeListener(ComponentEventListener<ChangeEvent> listener) {
        return addListener(ChangeEvent.class, listener);
    }

    public Registration addLeaveListener(ComponentEventListener<LeaveEvent> listener) {
        return addListener(LeaveEvent.class, listener);
    }

    /** An answer on the step changed (typed, chosen, uploaded, an item added or removed). */
    public static final class ChangeEvent extends ComponentEvent<StepForm> {
        ChangeEvent(StepForm source) {
            super(source, false);
        }
    }

    /** The user left a field: from now on its errors show. */
    public static final class LeaveEvent extends ComponentEvent<StepForm> {
        private final String path;

        LeaveEvent(StepForm source, String path) {
            super(source, false);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }
}
