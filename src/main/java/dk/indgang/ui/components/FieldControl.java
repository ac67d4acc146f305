package dk.indgang.ui.components;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.textfield.TextField;
import dk.indgang.definition.Field;
import dk.indgang.engine.ValueFormat;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * One field of a definition as a Vaadin input: stock components only, each with a visible label,
 * its hint and its error tied to the input by the component (aria-describedby), and a required
 * marker. Emits the typed answer on change and a signal on blur; shows errors it is given. Made by
 * {@link FieldControls}, which knows the component each field type gets.
 */
public final class FieldControl {

    private final Field field;
    private final Component component;
    private final HasValidation validation;
    private final Runnable focus;
    private final Consumer<String> errorDisplay;
    String baseHelp;
    String inputProblem;
    /** Shows an answer in the input without emitting it as hers; null where that cannot be done. */
    Consumer<Object> display;

    FieldControl(Field field, Component component, HasValidation validation, Runnable focus) {
        this.field = field;
        this.component = component;
        this.validation = validation;
        this.focus = focus;
        this.errorDisplay = null;
    }

    private FieldControl(Field field, Component component, Consumer<String> errorDisplay, Runnable focus) {
        this.field = field;
        this.component = component;
        this.validation = null;
        this.focus = focus;
        this.errorDisplay = errorDisplay;
    }

    /** A control whose errors are shown by the caller (a group, an upload). */
    public static FieldControl custom(Field field, Component component, Consumer<String> errorDisplay, Runnable focus) {
        return new FieldControl(field, component, errorDisplay, focus);
    }

    public Field field() {
        return field;
    }

    public Component component() {
        return component;
    }

    /** Shows the first error, or clears it with null. */
    public void showError(String message) {
        if (validation != null) {
            validation.setErrorMessage(message);
            validation.setInvalid(message != null);
        } else if (errorDisplay != null) {
            errorDisplay.accept(message);
        }
    }

    public void focus() {
        focus.run();
    }

    /** Adds a note after the field's hint, e.g. where its value came from; null removes it. */
    public void showNote(String note) {
        if (component instanceof HasHelper helper && validation != null) {
            var text = baseHelp == null ? note : note == null ? baseHelp : baseHelp + " · " + note;
            if (!java.util.Objects.equals(helper.getHelperText(), text)) {
                helper.setHelperText(text);
            }
        }
    }

    /** Whether {@link #showAnswer} can show an answer here (not in a group, an upload, an info text). */
    public boolean canShowAnswer() {
        return display != null;
    }

    /**
     * Shows {@code answer} (one a register gave) in the input as it stands, so the page, the focus
     * and what she is typing elsewhere stay; the answer is not emitted again as typed by her.
     *
     * @return false when this control cannot: lay it out anew
     */
    public boolean showAnswer(Object answer) {
        if (display == null) {
            return false;
        }
        display.accept(answer);
        inputProblem = null;
        return true;
    }

    public void setRequired(boolean required) {
        if (component instanceof HasValue<?, ?> value) {
            value.setRequiredIndicatorVisible(required);
        }
    }

    /**
     * What is wrong with the text in the field (an engine message key, e.g. {@code number.text}),
     * or null: the engine sees no answer while it is set, so the step says so itself.
     */
    public String inputProblem() {
        return inputProblem;
    }

    public void showComputed(Object value, Locale locale) {
        if (component instanceof TextField text) {
            text.setValue(ValueFormat.format(field.type(), value, locale));
        }
    }
}
