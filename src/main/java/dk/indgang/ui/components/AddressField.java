package dk.indgang.ui.components;

import com.vaadin.flow.component.customfield.CustomField;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.textfield.TextField;
import dk.indgang.engine.AddressValue;
import java.util.function.BiFunction;

/** A Danish address as one field of six labelled parts. */
public class AddressField extends CustomField<AddressValue> {

    private final TextField street;
    private final TextField number;
    private final TextField floor;
    private final TextField door;
    private final TextField postcode;
    private final TextField city;

    public AddressField(String label, BiFunction<String, Object[], String> i18n) {
        setLabel(label);
        street = part(i18n.apply("wizard.address.street", new Object[0]), "address-line1");
        number = part(i18n.apply("wizard.address.number", new Object[0]), null);
        floor = part(i18n.apply("wizard.address.floor", new Object[0]), null);
        door = part(i18n.apply("wizard.address.door", new Object[0]), null);
        postcode = part(i18n.apply("wizard.address.postcode", new Object[0]), "postal-code");
        city = part(i18n.apply("wizard.address.city", new Object[0]), "address-level2");
        postcode.setMaxLength(4);
        postcode.getElement().setAttribute("inputmode", "numeric");
        var grid = new Div(street, number, floor, door, postcode, city);
        grid.addClassName("address-grid");
        add(grid);
    }

    private TextField part(String label, String autocomplete) {
        var field = new TextField(label);
        if (autocomplete != null) {
            field.getElement().setAttribute("autocomplete", autocomplete);
        }
        return field;
    }

    /**
     * The group itself cannot carry aria-required (role=group), so the required parts show it:
     * street, number, postcode and town.
     */
    @Override
    public void setRequiredIndicatorVisible(boolean required) {
        for (var part : new TextField[] {street, number, postcode, city}) {
            part.setRequiredIndicatorVisible(required);
        }
    }

    @Override
    protected AddressValue generateModelValue() {
        var value = new AddressValue(
                street.getValue(),
                number.getValue(),
                floor.getValue(),
                door.getValue(),
                postcode.getValue(),
                city.getValue());
        return value.isEmpty() ? null : value;
    }

    @Override
    protected void setPresentationValue(AddressValue value) {
        var v = value == null ? new AddressValue("", "", "", "", "", "") : value;
        street.setValue(v.street());
        number.setValue(v.number());
        floor.setValue(v.floor());
        door.setValue(v.door());
        postcode.setValue(v.postcode());
        city.setValue(v.city());
    }
}
