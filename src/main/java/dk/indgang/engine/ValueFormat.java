package dk.indgang.engine;

import dk.indgang.definition.FieldType;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** How answers read on the review page and the receipt: Danish conventions in both languages. */
public final class ValueFormat {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd-MM-yyyy");

    private ValueFormat() {}

    public static String date(LocalDate date) {
        return DATE.format(date);
    }

    /** A moment as Danes write it, in the given zone: 22-11-2026 10.00. */
    public static String dateTime(java.time.Instant at, java.time.ZoneId zone) {
        return java.time.format.DateTimeFormatter.ofPattern("dd-MM-yyyy HH.mm").format(at.atZone(zone));
    }

    public static String money(BigDecimal amount) {
        var format = NumberFormat.getNumberInstance(DANISH);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amount) + " kr.";
    }

    public static String format(FieldType type, Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case FieldType.Money t -> money((BigDecimal) value);
            case FieldType.Decimal t -> NumberFormat.getNumberInstance(DANISH).format(value);
            case FieldType.Int t -> NumberFormat.getIntegerInstance(DANISH).format(value);
            case FieldType.Date t -> date((LocalDate) value);
            case FieldType.YesNo t -> Boolean.TRUE.equals(value) ? yes(locale) : no(locale);
            case FieldType.Choice t ->
                t.options().stream()
                        .filter(o -> o.value().equals(value))
                        .findFirst()
                        .map(o -> o.label().in(locale))
                        .orElse(value.toString());
            case FieldType.MultiChoice t ->
                ((List<?>) value)
                        .stream()
                                .map(v -> t.options().stream()
                                        .filter(o -> o.value().equals(v))
                                        .findFirst()
                                        .map(o -> o.label().in(locale))
                                        .orElse(v.toString()))
                                .collect(Collectors.joining(", "));
            case FieldType.Address t -> ((AddressValue) value).display();
            case FieldType.Attachment t ->
                ((List<?>) value).stream().map(a -> ((AttachmentRef) a).name()).collect(Collectors.joining(", "));
            case FieldType.Cpr t ->
                CprNumber.parse(value.toString(), LocalDate.MAX)
                        .number()
                        .map(CprNumber::formatted)
                        .orElse(value.toString());
            case FieldType.Text t -> value.toString();
            case FieldType.TextArea t -> value.toString();
            case FieldType.Email t -> value.toString();
            case FieldType.Phone t -> value.toString();
            case FieldType.Group t -> "";
            case FieldType.Info t -> "";
        };
    }

    private static String yes(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "Yes" : "Ja";
    }

    private static String no(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "No" : "Nej";
    }
}
