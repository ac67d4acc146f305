package dk.indgang.ui.wizard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import dk.indgang.definition.Field;
import dk.indgang.ui.components.FieldControl;

/** Errors of a whole group or upload, shown in a text tied to the box (aria-describedby). */
final class GroupErrors {

    private GroupErrors() {}

    static FieldControl of(Field field, Component box, Span error, String errorId) {
        error.setId(errorId);
        box.getElement().setAttribute("aria-describedby", errorId);
        return FieldControl.custom(
                field,
                box,
                message -> {
                    error.setText(message == null ? "" : message);
                    error.setVisible(message != null);
                },
                () -> box.getElement().executeJs("this.focus ? this.focus() : this.scrollIntoView()"));
    }
}
