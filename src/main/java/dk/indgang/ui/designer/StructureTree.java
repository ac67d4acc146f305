package dk.indgang.ui.designer;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import dk.indgang.definition.Problem;
import dk.indgang.design.DesignSource;
import dk.indgang.design.StructureEditor;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/** The steps with their fields, and the rules, as a tree of buttons; each with its problem count. */
final class StructureTree extends Div {

    void show(
            StructureEditor editor,
            Function<DesignSource.Element, List<Problem>> problemsAt,
            Consumer<DesignSource.Element> select) {
        removeAll();
        var tree = new UnorderedList();
        tree.addClassName("design-tree");
        var rules = new UnorderedList();
        rules.addClassName("design-tree");
        UnorderedList fields = null;
        for (var element : editor.elements()) {
            var id = element.isRule()
                    ? "el-r" + element.field()
                    : element.isStep() ? "el-" + element.step() : "el-" + element.step() + "-" + element.field();
            var button = new Button(text(element), e -> select.accept(element));
            button.setId(id);
            button.addThemeVariants(ButtonVariant.TERTIARY);
            if (editor.isSelected(element)) {
                button.getElement().setAttribute("aria-current", "true");
                button.addClassName("selected");
            }
            var item = new ListItem(button);
            var found = problemsAt.apply(element);
            if (!found.isEmpty()) {
                var badge = new Span(getTranslation("designer.element.problems", found.size()));
                badge.addClassName("element-error");
                badge.setId(id + "-problems");
                item.add(badge);
            }
            if (element.isRule()) {
                rules.add(item);
            } else if (element.isStep()) {
                fields = new UnorderedList();
                item.add(fields);
                tree.add(item);
            } else if (fields != null) {
                fields.add(item);
            }
        }
        add(tree, new H3(getTranslation("designer.rules")), rules);
    }

    private String text(DesignSource.Element element) {
        if (element.isRule()) {
            return getTranslation("designer.element.rule", element.id(), element.type(), element.label());
        }
        return element.isStep()
                ? getTranslation("designer.element.step", element.label(), element.id())
                : getTranslation("designer.element.field", element.label(), element.id(), element.type());
    }
}
