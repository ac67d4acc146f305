package dk.indgang.engine;

import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Locale;
import java.util.ResourceBundle;

/** Turns findings into the citizen's language. */
public final class Messages {

    private Messages() {}

    public static String text(Violation violation, Evaluation evaluation, Locale locale) {
        if (violation.isRule()) {
            return evaluation.form().rules().stream()
                    .filter(r -> r.id().equals(violation.ruleId()))
                    .findFirst()
                    .map(r -> r.message().in(locale))
                    .orElse(violation.ruleId());
        }
        var label = fieldAt(evaluation, violation.path())
                .map(f -> f.label().in(locale))
                .orElse(violation.path());
        var args = new ArrayList<Object>();
        args.add(label);
        violation.args().forEach(a -> args.add(a instanceof LocalDate d ? ValueFormat.date(d) : a));
        var bundle = ResourceBundle.getBundle("engine-messages", locale);
        return new MessageFormat(bundle.getString(violation.messageKey()), locale).format(args.toArray());
    }

    /** The field a path names, also inside a group ({@code group[1].field}). */
    public static java.util.Optional<Field> fieldAt(Evaluation evaluation, String path) {
        var top = evaluation.form().field(FieldPath.topLevel(path));
        var item = FieldPath.item(path);
        if (top.isEmpty() || item.isEmpty()) {
            return top;
        }
        var innerId = item.get().field();
        return top.map(Field::type).filter(FieldType.Group.class::isInstance).flatMap(g -> ((FieldType.Group) g)
                .fields().stream().filter(f -> f.id().equals(innerId)).findFirst());
    }
}
