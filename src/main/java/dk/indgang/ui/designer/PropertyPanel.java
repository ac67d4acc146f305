package dk.indgang.ui.designer;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import dk.indgang.definition.FieldType;
import dk.indgang.definition.Problem;
import dk.indgang.design.DesignSource;
import dk.indgang.design.StructureEditor;
import java.util.List;

/**
 * The properties of the selected step, field or rule, each edited in place; the element's own
 * problems first. The source is read once per panel.
 */
final class PropertyPanel extends Div {

    private static final List<String> SEVERITIES = List.of("error", "warning", "info");

    private final Edits edits;

    PropertyPanel(Edits edits) {
        this.edits = edits;
        setId("properties");
    }

    void show(StructureEditor editor, List<Problem> problems) {
        removeAll();
        var selected = editor.selected();
        if (selected.isEmpty()) {
            return;
        }
        var element = selected.get();
        var values = editor.properties();
        add(new H3(getTranslation(
                element.isRule()
                        ? "designer.properties.rule"
                        : element.isStep() ? "designer.properties.step" : "designer.properties.field",
                element.id())));
        if (!problems.isEmpty()) {
            var list = new UnorderedList();
            list.setId("element-problems");
            list.addClassName("error-text");
            problems.forEach(p -> list.add(new ListItem(ProblemsPanel.located(this, p))));
            add(list);
        }
        add(text(values, "id", "designer.prop.id"));
        if (element.isRule()) {
            add(
                    choice("prop-severity", "designer.prop.severity", SEVERITIES, element.type(), "severity", true),
                    text(values, "when", "designer.prop.when"),
                    text(values, "fields", "designer.prop.fields"),
                    text(values, "message.da", "designer.prop.message.da"),
                    text(values, "message.en", "designer.prop.message.en"));
        } else if (element.isStep()) {
            add(
                    text(values, "title.da", "designer.prop.title.da"),
                    text(values, "title.en", "designer.prop.title.en"),
                    text(values, "visibleWhen", "designer.prop.visibleWhen"));
        } else {
            fieldProperties(element, values);
        }
    }

    private void fieldProperties(DesignSource.Element element, DesignSource.Properties values) {
        var required = new Checkbox(getTranslation("designer.prop.required"));
        required.setValue("true".equals(values.get("required")));
        required.setId("prop-required");
        required.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edits.edit(editor -> editor.set("required", e.getValue()));
            }
        });
        add(
                choice("prop-type", "designer.prop.type", FieldType.NAMES, element.type(), "type", false),
                text(values, "label.da", "designer.prop.label.da"),
                text(values, "label.en", "designer.prop.label.en"),
                text(values, "help.da", "designer.prop.help.da"),
                required,
                text(values, "visibleWhen", "designer.prop.visibleWhen"),
                text(values, "requiredWhen", "designer.prop.requiredWhen"),
                text(values, "prefill", "designer.prop.prefill"),
                text(values, "compute", "designer.prop.compute"),
                text(values, "min", "designer.prop.min"),
                text(values, "max", "designer.prop.max"));
        if ("choice".equals(element.type()) || "multichoice".equals(element.type())) {
            var options = new TextArea(getTranslation("designer.prop.options"));
            options.setHelperText(getTranslation("designer.prop.options.help"));
            options.setValue(values.options());
            options.setId("prop-options");
            options.setWidthFull();
            options.addValueChangeListener(e -> {
                if (e.isFromClient()) {
                    edits.edit(editor -> editor.setOptions(e.getValue()));
                }
            });
            add(options);
        }
    }

    private Select<String> choice(
            String id, String labelKey, List<String> items, String current, String key, boolean translated) {
        var select = new Select<String>();
        select.setLabel(getTranslation(labelKey));
        select.setItems(items);
        if (translated) {
            select.setItemLabelGenerator(v -> getTranslation("designer.severity." + v));
        }
        select.setValue(items.contains(current) ? current : null);
        select.setId(id);
        select.addValueChangeListener(e -> {
            if (e.isFromClient() && e.getValue() != null) {
                edits.edit(editor -> editor.set(key, e.getValue()));
            }
        });
        return select;
    }

    private TextField text(DesignSource.Properties values, String key, String labelKey) {
        var field = new TextField(getTranslation(labelKey));
        field.setValue(values.get(key));
        field.setId("prop-" + key.replace('.', '-'));
        field.setWidthFull();
        field.addValueChangeListener(e -> {
            if (e.isFromClient()) {
                edits.edit(editor -> editor.set(key, e.getValue()));
            }
        });
        return field;
    }
}
