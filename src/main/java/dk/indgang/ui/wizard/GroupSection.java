package dk.indgang.ui.wizard;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import dk.indgang.engine.FormSession;
import dk.indgang.ui.components.FieldControl;
import dk.indgang.ui.components.FieldControls;

/**
 * A repeating group on a step: its legend and hint, one box per item with the item's fields and
 * its remove button, and "Tilføj" while there is room. The fields are the step form's (it keeps
 * them, their ids and their events); this lays them out.
 */
final class GroupSection {

    private GroupSection() {}

    static Component render(StepForm form, FormSession session, Field field, FieldType.Group group) {
        var locale = form.locale();
        var box = new Div();
        box.addClassName("group");
        box.setId(form.domId(field.id()));
        box.getElement().setAttribute("role", "group");
        var legend = new H3(field.label().in(locale));
        legend.setId(form.domId(field.id()) + "-label");
        box.getElement().setAttribute("aria-labelledby", legend.getId().orElseThrow());
        box.add(legend);
        if (field.help() != null) {
            box.add(form.hint(field.help().in(locale)));
        }
        var groupError = new Span();
        groupError.addClassName("group-error");
        box.add(groupError);
        form.registerGroup(field.id(), GroupErrors.of(field, box, groupError, form.domId(field.id()) + "-error"));
        var itemName = group.itemLabel() != null
                ? group.itemLabel().in(locale)
                : field.label().in(locale);
        var items = session.answers().items(field.id());
        if (items.isEmpty()) {
            box.add(form.hint(form.getTranslation("wizard.group.empty")));
        }
        for (int i = 0; i < items.size(); i++) {
            final int index = i;
            var item = new Div();
            item.addClassName("group-item");
            item.add(new H3(itemName + " " + (i + 1)));
            for (var inner : group.fields()) {
                var path = dk.indgang.engine.FieldPath.inItem(field.id(), i, inner.id());
                item.add(form.register(
                        path,
                        FieldControls.create(
                                inner,
                                items.get(i).get(inner.id()),
                                locale,
                                form::translate,
                                value -> {
                                    session.answerInItem(field.id(), index, inner.id(), value);
                                    form.changed();
                                },
                                () -> form.left(
                                        inner, path, session.answers().getInItem(field.id(), index, inner.id())))));
            }
            var remove = new Button(
                    form.getTranslation("wizard.group.remove", itemName.toLowerCase(locale) + " " + (i + 1)), e -> {
                        session.removeItem(field.id(), index);
                        form.rebuild();
                    });
            remove.addThemeVariants(ButtonVariant.TERTIARY, ButtonVariant.ERROR);
            remove.setId(form.domId(field.id()) + "-remove-" + i);
            item.add(remove);
            box.add(item);
        }
        if (items.size() < group.maxItems()) {
            var add = new Button(form.getTranslation("wizard.group.add", itemName.toLowerCase(locale)), e -> {
                var index = session.addItem(field.id());
                form.rebuild();
                form.control(dk.indgang.engine.FieldPath.inItem(
                                field.id(), index, group.fields().getFirst().id()))
                        .ifPresent(FieldControl::focus);
            });
            add.setId(form.domId(field.id()) + "-add");
            box.add(add);
        }
        return box;
    }
}
