package dk.indgang.engine;

import dk.indgang.definition.FieldType;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A number as a person types it into a number field, read exactly or refused with what is wrong —
 * never silently stripped of what is not a digit. Danish first: {@code 1.234,50} and {@code 1234,5};
 * {@code 1234.50} too (a dot not followed by groups of three digits is a decimal point); spaces and a
 * trailing {@code kr.} are ignored. In English the roles of comma and dot are swapped. Whole numbers
 * take no decimals, money at most two (øre).
 */
public final class NumberText {

    private static final Pattern DIGITS = Pattern.compile("-?\\d+");
    private static final Pattern GROUPED = Pattern.compile("-?\\d{1,3}(X\\d{3})+");

    private NumberText() {}

    /**
     * What the text says: {@code value} (a Long for whole numbers, a BigDecimal otherwise; null for
     * an empty text) or the key of the engine message that says what is wrong.
     */
    public record Read(Object value, String problem) {
        public boolean ok() {
            return problem == null;
        }
    }

    public static Read read(FieldType type, String text, Locale locale) {
        if (text == null || text.isBlank()) {
            return new Read(null, null);
        }
        var english = "en".equals(locale.getLanguage());
        var decimalMark = english ? '.' : ',';
        var groupMark = english ? ',' : '.';
        var cleaned = text.strip()
                .replaceAll("(?i)\\s*(kr\\.?|dkk)$", "")
                .replaceAll("[\\s\\u00a0\\u202f]", "")
                .replace('\u2212', '-');
        String integerPart;
        String fraction = "";
        var decimalAt = cleaned.indexOf(decimalMark);
        if (decimalAt >= 0) {
            integerPart = cleaned.substring(0, decimalAt);
            fraction = cleaned.substring(decimalAt + 1);
        } else {
            integerPart = cleaned;
        }
        if (integerPart.indexOf(groupMark) >= 0) {
            var marked = integerPart.replace(groupMark, 'X');
            if (GROUPED.matcher(marked).matches()) {
                integerPart = marked.replace("X", "");
            } else if (decimalAt < 0
                    && integerPart.chars().filter(c -> c == groupMark).count() == 1) {
                // "1234.5" in Danish: one dot not followed by a group of three is a decimal point
                var at = integerPart.indexOf(groupMark);
                fraction = integerPart.substring(at + 1);
                integerPart = integerPart.substring(0, at);
            } else {
                return refused(type);
            }
        }
        if (!DIGITS.matcher(integerPart).matches()
                || (!fraction.isEmpty() && !fraction.chars().allMatch(Character::isDigit))
                || (decimalAt >= 0 && fraction.isEmpty())) {
            return refused(type);
        }
        var number = new BigDecimal(fraction.isEmpty() ? integerPart : integerPart + "." + fraction);
        if (integerPart.replace("-", "").length() > AnswerInput.MAX_DIGITS) {
            return new Read(null, "number.toolarge");
        }
        return switch (type) {
            case FieldType.Int t ->
                number.stripTrailingZeros().scale() > 0
                        ? new Read(null, "number.whole")
                        : new Read(number.longValueExact(), null);
            case FieldType.Money t ->
                number.scale() > 2 && number.stripTrailingZeros().scale() > 2
                        ? new Read(null, "money.oere")
                        : new Read(number.setScale(Math.max(0, Math.min(2, number.scale()))), null);
            default ->
                number.scale() > AnswerInput.MAX_DECIMALS ? new Read(null, "number.toolarge") : new Read(number, null);
        };
    }

    /** The value as the field shows it for editing: no grouping, the language's decimal mark. */
    public static String show(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        var plain = value instanceof BigDecimal b ? b.toPlainString() : value.toString();
        return "en".equals(locale.getLanguage()) ? plain : plain.replace('.', ',');
    }

    private static Read refused(FieldType type) {
        return new Read(null, type instanceof FieldType.Money ? "money.text" : "number.text");
    }
}
