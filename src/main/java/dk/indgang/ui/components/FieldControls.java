package dk.indgang.ui.components;

import com.vaadin.flow.component.BlurNotifier;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Focusable;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.function.SerializableFunction;
import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import dk.indgang.definition.Option;
import dk.indgang.engine.NumberText;
import dk.indgang.engine.ValueFormat;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The Vaadin component each field type of a definition gets (text, date picker, number read
 * exactly, radio group or select, checkboxes, address, info text, computed value), wired to emit
 * the typed answer and to show what {@link FieldControl} is given.
 */
public final class FieldControls {

    private FieldControls() {}

    /**
     * @param i18n the screen's translations (key, args) → text
     * @param onChange receives the typed answer (null when cleared)
     * @param onBlur runs when the user leaves the field
     */
    public static FieldControl create(
            Field field,
            Object initial,
            Locale locale,
            BiFunction<String, Object[], String> i18n,
            Consumer<Object> onChange,
            Runnable onBlur) {
        var label = field.label().in(locale);
        var help = field.help() == null ? null : field.help().in(locale);
        return switch (field.type()) {
            case FieldType.Text t -> {
                var c = new TextField(label);
                if (t.maxLength() != null) {
                    c.setMaxLength(t.maxLength());
                }
                yield wrap(field, c, help, initial, String.class::cast, v -> v, onChange, onBlur);
            }
            case FieldType.TextArea t -> {
                var c = new TextArea(label);
                if (t.maxLength() != null) {
                    c.setMaxLength(t.maxLength());
                }
                yield wrap(field, c, help, initial, String.class::cast, v -> v, onChange, onBlur);
            }
            case FieldType.Cpr t -> {
                var c = new TextField(label);
                c.setPlaceholder("DDMMÅÅ-XXXX");
                c.getElement().setAttribute("inputmode", "numeric");
                c.getElement().setAttribute("autocomplete", "off");
                yield wrap(field, c, help, initial, String.class::cast, v -> v, onChange, onBlur);
            }
            case FieldType.Phone t -> {
                var c = new TextField(label);
                c.getElement().setAttribute("inputmode", "tel");
                c.getElement().setAttribute("autocomplete", "tel");
                yield wrap(field, c, help, initial, String.class::cast, v -> v, onChange, onBlur);
            }
            case FieldType.Email t -> {
                var c = new EmailField(label);
                c.getElement().setAttribute("autocomplete", "email");
                yield wrap(field, c, help, initial, String.class::cast, v -> v, onChange, onBlur);
            }
            case FieldType.Date t -> {
                var c = new DatePicker(label);
                c.setLocale(Locale.forLanguageTag("da-DK"));
                c.setI18n(new DatePicker.DatePickerI18n().setDateFormat("dd-MM-yyyy"));
                c.setPlaceholder("DD-MM-ÅÅÅÅ");
                yield wrap(field, c, help, initial, LocalDate.class::cast, v -> v, onChange, onBlur);
            }
            case FieldType.Int t -> number(field, label, help, initial, locale, "numeric", null, onChange, onBlur);
            case FieldType.Decimal t -> number(field, label, help, initial, locale, "decimal", null, onChange, onBlur);
            case FieldType.Money t -> number(field, label, help, initial, locale, "decimal", "kr.", onChange, onBlur);
            case FieldType.YesNo t -> {
                var c = new RadioButtonGroup<Boolean>(label);
                c.setItems(true, false);
                c.setItemLabelGenerator(v -> i18n.apply(v ? "wizard.yes" : "wizard.no", new Object[0]));
                yield wrap(field, c, help, initial, Boolean.class::cast, v -> v, onChange, null);
            }
            case FieldType.Choice t
            when t.display() == FieldType.Choice.Display.SELECT -> {
                var c = new Select<String>();
                c.setLabel(label);
                c.setItems(t.options().stream().map(Option::value).toList());
                // the empty choice is offered as an item too: its label must be text, never null
                c.setItemLabelGenerator(v -> v == null ? "" : optionLabel(t.options(), v, locale));
                c.setEmptySelectionAllowed(true);
                c.setEmptySelectionCaption(java.util.Objects.requireNonNullElse(
                        i18n.apply("wizard.select.placeholder", new Object[0]), ""));
                yield wrap(field, c, help, initial, String.class::cast, v -> v, onChange, onBlur);
            }
            case FieldType.Choice t -> {
                var c = new RadioButtonGroup<String>(label);
                c.setItems(t.options().stream().map(Option::value).toList());
                c.setItemLabelGenerator(v -> optionLabel(t.options(), v, locale));
                yield wrap(field, c, help, initial, String.class::cast, v -> v, onChange, null);
            }
            case FieldType.MultiChoice t -> {
                var c = new CheckboxGroup<String>(label);
                c.setItems(t.options().stream().map(Option::value).toList());
                c.setItemLabelGenerator(v -> optionLabel(t.options(), v, locale));
                yield wrap(
                        field,
                        c,
                        help,
                        initial,
                        FieldControls::chosen,
                        v -> v == null || v.isEmpty()
                                ? null
                                : t.options().stream()
                                        .map(Option::value)
                                        .filter(v::contains)
                                        .toList(),
                        onChange,
                        null);
            }
            case FieldType.Address t -> {
                var c = new AddressField(label, i18n);
                yield wrap(field, c, help, initial, dk.indgang.engine.AddressValue.class::cast, v -> v, onChange, null);
            }
            case FieldType.Attachment t ->
                throw new IllegalArgumentException("attachments are rendered by AttachmentControl");
            case FieldType.Group t -> throw new IllegalArgumentException("groups are rendered by the wizard");
            case FieldType.Info t -> {
                var box = new Div();
                box.addClassName("info-text");
                if (field.label() != null && !field.label().da().equals(field.id())) {
                    var title = new Paragraph(label);
                    title.addClassName("info-title");
                    box.add(title);
                }
                if (t.text() != null) {
                    box.add(new Paragraph(t.text().in(locale)));
                }
                yield new FieldControl(field, box, (HasValidation) null, () -> {});
            }
        };
    }

    /**
     * A number field that takes what is typed as text and reads it exactly ({@link NumberText}):
     * letters are not silently dropped (as a browser's number input does) but said to be wrong,
     * "Skriv et tal", while the answer is taken back until the text is a number.
     */
    private static FieldControl number(
            Field field,
            String label,
            String help,
            Object initial,
            Locale locale,
            String inputMode,
            String suffix,
            Consumer<Object> onChange,
            Runnable onBlur) {
        var c = new TextField(label);
        c.getElement().setAttribute("inputmode", inputMode);
        c.addClassName("number-field");
        if (suffix != null) {
            c.setSuffixComponent(new Span(suffix));
        }
        var self = new FieldControl[1];
        self[0] = wrap(
                field,
                c,
                help,
                initial,
                answer -> NumberText.show(answer, locale),
                text -> {
                    var read = NumberText.read(field.type(), text, locale);
                    self[0].inputProblem = read.problem();
                    return read.value();
                },
                onChange,
                onBlur);
        return self[0];
    }

    /** A read-only display of a computed value, announced politely when it changes. */
    public static FieldControl computed(Field field, Object value, Locale locale, String hint) {
        var c = new TextField(field.label().in(locale));
        c.setReadOnly(true);
        c.setHelperText(hint);
        c.setValue(ValueFormat.format(field.type(), value, locale));
        c.getElement().setAttribute("aria-live", "polite");
        return new FieldControl(field, c, (HasValidation) null, c::focus);
    }

    private static String optionLabel(List<Option> options, String value, Locale locale) {
        return options.stream()
                .filter(o -> o.value().equals(value))
                .findFirst()
                .map(o -> o.label().in(locale))
                .orElse(value);
    }

    /** A multiple choice's answer (the chosen values in the options' order) as the boxes to tick. */
    @SuppressWarnings("unchecked")
    private static Set<String> chosen(Object answer) {
        return answer == null ? Set.of() : new LinkedHashSet<>((List<String>) answer);
    }

    /**
     * @param answer the answer to show at first (may be null)
     * @param fromAnswer an answer as the component's value
     * @param toAnswer the component's value as an answer
     */
    private static <C extends Component & HasValue<?, V> & HasValidation, V> FieldControl wrap(
            Field field,
            C component,
            String help,
            Object answer,
            java.util.function.Function<Object, V> fromAnswer,
            SerializableFunction<V, Object> toAnswer,
            Consumer<Object> onChange,
            Runnable onBlur) {
        var initial = fromAnswer.apply(answer);
        // The element id is the step renderer's (StepForm), which knows the page's id scheme.
        if (help != null && component instanceof HasHelper helper) {
            helper.setHelperText(help);
        }
        if (component instanceof HasLabel) {
            component.getElement().setAttribute("data-field", field.id());
        }
        if (initial != null) {
            component.setValue(initial);
        }
        component.setReadOnly(field.readOnly());
        // Validation is the engine's: switch off the components' own, so there is one truth.
        component.setManualValidation(true);
        // set while a register's answer is shown: that value is the register's, not typed by her
        var showing = new boolean[1];
        component.addValueChangeListener(e -> {
            if (!showing[0]) {
                onChange.accept(toAnswer.apply(e.getValue()));
            }
        });
        if (onBlur != null && component instanceof BlurNotifier<?> blur) {
            blur.addBlurListener(e -> onBlur.run());
        }
        Runnable focus = component instanceof Focusable<?> f
                ? f::focus
                : () -> component.getElement().callJsFunction("focus");
        var control = new FieldControl(field, component, component, focus);
        control.baseHelp = help;
        control.display = shown -> {
            var value = fromAnswer.apply(shown);
            showing[0] = true;
            try {
                component.setValue(value == null ? component.getEmptyValue() : value);
            } finally {
                showing[0] = false;
            }
        };
        return control;
    }
}
