package dk.indgang.ui.designer;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;

/** Two views of the same source, switched by toggle buttons ({@code aria-pressed}), not tabs. */
final class ViewToggle extends Div {

    private final Button structureButton = new Button(getTranslation("designer.tab.structure"));
    private final Button sourceButton = new Button(getTranslation("designer.tab.source"));

    ViewToggle(Component structure, Component source) {
        structureButton.setId("tab-structure");
        sourceButton.setId("tab-source");
        addClassName("design-views");
        add(structureButton, sourceButton);
        structureButton.addClickListener(e -> show(true, structure, source));
        sourceButton.addClickListener(e -> show(false, structure, source));
        show(true, structure, source);
    }

    private void show(boolean structureShown, Component structure, Component source) {
        structure.setVisible(structureShown);
        source.setVisible(!structureShown);
        structureButton.getElement().setAttribute("aria-pressed", Boolean.toString(structureShown));
        sourceButton.getElement().setAttribute("aria-pressed", Boolean.toString(!structureShown));
        structureButton.removeThemeVariants(ButtonVariant.PRIMARY);
        sourceButton.removeThemeVariants(ButtonVariant.PRIMARY);
        (structureShown ? structureButton : sourceButton).addThemeVariants(ButtonVariant.PRIMARY);
    }
}
