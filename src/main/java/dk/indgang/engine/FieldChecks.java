package dk.indgang.engine;

import dk.indgang.definition.Field;
import dk.indgang.definition.FieldType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** The checks a single answer gets from its field's type and constraints. */
final class FieldChecks {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]{2,}");
    /** Danish numbers have 8 digits; others are given with + and the country code. */
    private static final Pattern PHONE = Pattern.compile("(\\+45)?\\d{8}|\\+\\d{7,15}");

    private static final Pattern POSTCODE = Pattern.compile("\\d{4}");

    private final LocalDate today;

    FieldChecks(LocalDate today) {
        this.today = today;
    }

    List<Violation> check(String path, Field field, Object value, boolean required) {
        var found = new ArrayList<Violation>();
        if (Answers.isEmpty(value)) {
            if (required && field.type().holdsValue() && !(field.type() instanceof FieldType.Group)) {
                found.add(Violation.error(path, "required"));
            }
            return found;
        }
        try {
            checkValue(path, field.type(), value, found);
        } catch (ClassCastException e) {
            found.add(Violation.error(path, "value.wrong.type", field.type().name()));
        }
        return found;
    }

    private void checkValue(String path, FieldType type, Object value, List<Violation> found) {
        switch (type) {
            case FieldType.Text t -> {
                var s = (String) value;
                length(path, s, t.minLength(), t.maxLength(), found);
                if (!t.matches(s)) {
                    found.add(
                            t.patternMessage() != null
                                    ? new Violation(
                                            path,
                                            "pattern.custom",
                                            List.of(
                                                    t.patternMessage().da(),
                                                    t.patternMessage().en()),
                                            dk.indgang.definition.Severity.ERROR,
                                            null)
                                    : Violation.error(path, "pattern"));
                }
            }
            case FieldType.TextArea t -> length(path, (String) value, t.minLength(), t.maxLength(), found);
            case FieldType.Cpr t -> {
                var parsed = CprNumber.parse((String) value, today);
                parsed.problem()
                        .ifPresent(p -> found.add(
                                Violation.error(path, "cpr." + p.name().toLowerCase(Locale.ROOT))));
            }
            case FieldType.Date t -> {
                var date = (LocalDate) value;
                var min = DateBounds.resolve(t.min(), today);
                var max = DateBounds.resolve(t.max(), today);
                if (min != null && date.isBefore(min)) {
                    found.add(Violation.error(path, "date.min", min));
                }
                if (max != null && date.isAfter(max)) {
                    found.add(Violation.error(path, "date.max", max));
                }
            }
            case FieldType.Int t -> {
                long n = ((Number) value).longValue();
                if (Math.abs(n) >= 1_000_000_000_000_000L) {
                    found.add(Violation.error(path, "number.toolarge"));
                    return;
                }
                if (t.min() != null && n < t.min()) {
                    found.add(Violation.error(path, "number.min", t.min()));
                }
                if (t.max() != null && n > t.max()) {
                    found.add(Violation.error(path, "number.max", t.max()));
                }
            }
            case FieldType.Decimal t -> {
                if (tooLarge((BigDecimal) value, path, found)) {
                    return;
                }
                range(path, (BigDecimal) value, t.min(), t.max(), found);
            }
            case FieldType.Money t -> {
                var amount = (BigDecimal) value;
                if (tooLarge(amount, path, found)) {
                    return;
                }
                if (amount.stripTrailingZeros().scale() > 2) {
                    found.add(Violation.error(path, "money.oere"));
                }
                range(path, amount, t.min(), t.max(), found);
            }
            case FieldType.Choice t -> {
                if (t.options().stream().noneMatch(o -> o.value().equals(value))) {
                    found.add(Violation.error(path, "choice.unknown"));
                }
            }
            case FieldType.MultiChoice t -> {
                @SuppressWarnings("unchecked")
                var chosen = (List<String>) value;
                if (!chosen.stream().allMatch(v -> t.options().stream()
                        .anyMatch(o -> o.value().equals(v)))) {
                    found.add(Violation.error(path, "choice.unknown"));
                }
                if (t.minSelected() != null && chosen.size() < t.minSelected()) {
                    found.add(Violation.error(path, "choice.min", t.minSelected()));
                }
                if (t.maxSelected() != null && chosen.size() > t.maxSelected()) {
                    found.add(Violation.error(path, "choice.max", t.maxSelected()));
                }
            }
            case FieldType.YesNo t -> {
                if (!(value instanceof Boolean)) {
                    throw new ClassCastException();
                }
            }
            case FieldType.Address t -> {
                var a = (AddressValue) value;
                if (a.street().isEmpty() || a.number().isEmpty() || a.city().isEmpty()) {
                    found.add(Violation.error(path, "address.incomplete"));
                }
                if (!POSTCODE.matcher(a.postcode()).matches()) {
                    found.add(Violation.error(path, "address.postcode"));
                }
            }
            case FieldType.Email t -> {
                if (!EMAIL.matcher((String) value).matches()) {
                    found.add(Violation.error(path, "email"));
                }
            }
            case FieldType.Phone t -> {
                if (!PHONE.matcher(((String) value).replaceAll("[\\s-]", "")).matches()) {
                    found.add(Violation.error(path, "phone"));
                }
            }
            case FieldType.Attachment t -> {
                @SuppressWarnings("unchecked")
                var files = (List<AttachmentRef>) value;
                if (files.size() > t.maxFiles()) {
                    found.add(Violation.error(path, "attachment.count", t.maxFiles()));
                }
                for (var file : files) {
                    var name = file.name().toLowerCase(Locale.ROOT);
                    if (t.accept().stream().noneMatch(ext -> name.endsWith("." + ext))) {
                        found.add(Violation.error(path, "attachment.type", file.name(), String.join(", ", t.accept())));
                    }
                    if (file.size() > t.maxSizeMb() * 1024L * 1024L) {
                        found.add(Violation.error(path, "attachment.size", file.name(), t.maxSizeMb()));
                    }
                }
            }
            case FieldType.Group t -> {}
            case FieldType.Info t -> {}
        }
    }

    private static void length(String path, String s, Integer min, Integer max, List<Violation> found) {
        if (min != null && s.length() < min) {
            found.add(Violation.error(path, "length.min", min));
        }
        if (max != null && s.length() > max) {
            found.add(Violation.error(path, "length.max", max));
        }
    }

    /** Beyond 15 digits before the point, or with more than 6 decimals: no real amount, and costly to write out. */
    private static boolean tooLarge(BigDecimal n, String path, List<Violation> found) {
        if (n.precision() - n.scale() > AnswerInput.MAX_DIGITS || n.scale() > AnswerInput.MAX_DECIMALS) {
            found.add(Violation.error(path, "number.toolarge"));
            return true;
        }
        return false;
    }

    private static void range(String path, BigDecimal n, BigDecimal min, BigDecimal max, List<Violation> found) {
        if (min != null && n.compareTo(min) < 0) {
            found.add(Violation.error(path, "number.min", min));
        }
        if (max != null && n.compareTo(max) > 0) {
            found.add(Violation.error(path, "number.max", max));
        }
    }
}
