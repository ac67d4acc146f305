package dk.indgang.engine;

import dk.indgang.definition.FieldType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An answer as a client sends it (the form API), checked at the edge: the JSON type must be the
 * field's, numbers are bounded in digits, scale and range and written out plainly (no exponents), and
 * texts are bounded in length, so nothing stored is expensive to read and nothing is silently changed
 * ({@code "ja"} is not {@code false}, {@code 18446744073709551618} is not {@code 2}). A value that
 * does not fit is refused with its path and what is wrong; the engine's checks (min, max, pattern…)
 * come after, on values of the right type.
 */
public final class AnswerInput {

    /** Whole kroner and integers: at most 15 digits (a thousand billion), far beyond any real amount. */
    public static final int MAX_DIGITS = 15;

    public static final int MAX_DECIMALS = 6;
    public static final int MAX_TEXT = 10_000;
    public static final int MAX_SHORT_TEXT = 200;
    public static final int MAX_ITEMS = 100;

    private static final BigDecimal LIMIT = BigDecimal.TEN.pow(MAX_DIGITS);
    private static final Pattern PLAIN_INTEGER = Pattern.compile("-?\\d{1," + MAX_DIGITS + "}");
    private static final Pattern PLAIN_DECIMAL =
            Pattern.compile("-?\\d{1," + MAX_DIGITS + "}([.,]\\d{1," + MAX_DECIMALS + "})?");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Set<String> ADDRESS_KEYS = Set.of("street", "number", "floor", "door", "postcode", "city");

    private AnswerInput() {}

    /** A value refused at the edge: where, and what is wrong, in plain words. */
    public static final class Refused extends RuntimeException {
        private final String path;

        public Refused(String path, String problem) {
            super(path + ": " + problem, null, false, false);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    /** The value for a field of {@code type}, or {@link Refused}; null stays null (an answer taken back). */
    public static Object parse(FieldType type, Object plain, String path) {
        if (plain == null) {
            return null;
        }
        return switch (type) {
            case FieldType.Int t -> integer(plain, path);
            case FieldType.Decimal t -> decimal(plain, path, MAX_DECIMALS);
            case FieldType.Money t -> decimal(plain, path, 2);
            case FieldType.Date t -> date(plain, path);
            case FieldType.YesNo t -> yesNo(plain, path);
            case FieldType.Text t -> text(plain, path, MAX_TEXT);
            case FieldType.TextArea t -> text(plain, path, MAX_TEXT);
            case FieldType.Cpr t -> text(plain, path, MAX_SHORT_TEXT);
            case FieldType.Email t -> text(plain, path, MAX_SHORT_TEXT);
            case FieldType.Phone t -> text(plain, path, MAX_SHORT_TEXT);
            case FieldType.Choice t -> text(plain, path, MAX_SHORT_TEXT);
            case FieldType.MultiChoice t -> {
                var list = list(plain, path);
                var values = new ArrayList<String>();
                for (int i = 0; i < list.size(); i++) {
                    values.add(text(list.get(i), path + "[" + i + "]", MAX_SHORT_TEXT));
                }
                yield List.copyOf(values);
            }
            case FieldType.Address t -> address(plain, path);
            case FieldType.Attachment t -> {
                var list = list(plain, path);
                var refs = new ArrayList<AttachmentRef>();
                for (int i = 0; i < list.size(); i++) {
                    refs.add(attachment(list.get(i), path + "[" + i + "]"));
                }
                yield List.copyOf(refs);
            }
            case FieldType.Group t -> throw new Refused(path, "a group is answered under 'groups', as a list of items");
            case FieldType.Info t -> throw new Refused(path, "an information text takes no answer");
        };
    }

    /**
     * A stored or typed number, bounded like an answer but with up to {@value #MAX_DECIMALS} decimals
     * whatever the field, so the engine's checks can say "at most two decimals" for an amount.
     */
    public static BigDecimal storedDecimal(Object plain) {
        return decimal(plain, "", MAX_DECIMALS);
    }

    /** A JSON number, or a numeral matching {@code plain}, as a decimal; null for anything else. */
    private static BigDecimal number(Object plain, Pattern numeral) {
        return switch (plain) {
            case Integer i -> BigDecimal.valueOf(i);
            case Long l -> BigDecimal.valueOf(l);
            case Short s -> BigDecimal.valueOf(s);
            case BigInteger b -> new BigDecimal(b);
            case BigDecimal d -> d;
            case Double d when Double.isFinite(d) -> BigDecimal.valueOf(d);
            case Float f when Float.isFinite(f) -> new BigDecimal(Float.toString(f));
            case String s
            when numeral.matcher(s.strip()).matches() ->
                new BigDecimal(s.strip().replace(',', '.'));
            default -> null;
        };
    }

    private static BigDecimal bounded(BigDecimal n, String path) {
        if (n.abs().compareTo(LIMIT) >= 0) {
            throw new Refused(path, "the number is out of range (at most " + MAX_DIGITS + " digits)");
        }
        return n;
    }

    private static Long integer(Object plain, String path) {
        var n = number(plain, PLAIN_INTEGER);
        if (n == null) {
            throw new Refused(path, "expected a whole number, e.g. 3");
        }
        try {
            return bounded(n, path).longValueExact();
        } catch (ArithmeticException e) {
            throw new Refused(path, "expected a whole number, e.g. 3");
        }
    }

    private static BigDecimal decimal(Object plain, String path, int decimals) {
        var n = number(plain, PLAIN_DECIMAL);
        if (n == null) {
            throw new Refused(
                    path,
                    "expected a number written out, e.g. 1234.50 (no exponent, at most " + MAX_DIGITS
                            + " digits before the decimal point)");
        }
        var exact = bounded(n, path).stripTrailingZeros();
        if (exact.scale() > decimals) {
            throw new Refused(path, "at most " + decimals + " decimals");
        }
        return exact.scale() < 0 ? exact.setScale(0) : n;
    }

    private static LocalDate date(Object plain, String path) {
        if (!(plain instanceof String s) || !DATE.matcher(s.strip()).matches()) {
            throw new Refused(path, "expected a date as YYYY-MM-DD");
        }
        try {
            var date = LocalDate.parse(s.strip());
            if (date.getYear() < 1850 || date.getYear() > 2200) {
                throw new Refused(path, "the year must be between 1850 and 2200");
            }
            return date;
        } catch (DateTimeParseException e) {
            throw new Refused(path, "not a date in the calendar: " + s.strip());
        }
    }

    private static Boolean yesNo(Object plain, String path) {
        return switch (plain) {
            case Boolean b -> b;
            case String s when s.equals("true") -> true;
            case String s when s.equals("false") -> false;
            default -> throw new Refused(path, "expected true or false");
        };
    }

    private static String text(Object plain, String path, int max) {
        if (!(plain instanceof String s)) {
            throw new Refused(path, "expected a text (a JSON string)");
        }
        if (s.length() > max) {
            throw new Refused(path, "the text is too long (at most " + max + " characters)");
        }
        return s;
    }

    private static List<?> list(Object plain, String path) {
        if (!(plain instanceof List<?> list)) {
            throw new Refused(path, "expected a list");
        }
        if (list.size() > MAX_ITEMS) {
            throw new Refused(path, "at most " + MAX_ITEMS + " items");
        }
        return list;
    }

    private static AddressValue address(Object plain, String path) {
        if (!(plain instanceof Map<?, ?> map)) {
            throw new Refused(path, "expected an address: street, number, floor, door, postcode, city");
        }
        for (var key : map.keySet()) {
            if (!ADDRESS_KEYS.contains(String.valueOf(key))) {
                throw new Refused(path + "." + key, "not a part of an address");
            }
        }
        var parts = new java.util.HashMap<String, String>();
        for (var key : ADDRESS_KEYS) {
            var value = map.get(key);
            parts.put(key, value == null ? null : text(value, path + "." + key, MAX_SHORT_TEXT));
        }
        return AddressValue.fromMap(parts);
    }

    private static AttachmentRef attachment(Object plain, String path) {
        if (!(plain instanceof Map<?, ?> map)) {
            throw new Refused(path, "expected a file reference: name, mediaType, size, sha256");
        }
        var name = text(required(map, "name", path), path + ".name", 255);
        var mediaType = text(required(map, "mediaType", path), path + ".mediaType", MAX_SHORT_TEXT);
        var size = integer(required(map, "size", path), path + ".size");
        if (size < 0) {
            throw new Refused(path + ".size", "a size is not negative");
        }
        var sha = text(required(map, "sha256", path), path + ".sha256", 64);
        if (!SHA256.matcher(sha).matches()) {
            throw new Refused(path + ".sha256", "expected 64 lower-case hex digits");
        }
        return new AttachmentRef(name, mediaType, size, sha);
    }

    private static Object required(Map<?, ?> map, String key, String path) {
        var value = map.get(key);
        if (value == null) {
            throw new Refused(path + "." + key, "missing");
        }
        return value;
    }
}
