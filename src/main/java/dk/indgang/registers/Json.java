package dk.indgang.registers;

import java.math.BigDecimal;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;

/** Reading register JSON leniently where registers are lenient (nulls, zero-padded numbers). */
public final class Json {

    private Json() {}

    public static String text(JsonNode node, String... path) {
        var n = at(node, path);
        return n == null || n.isNull() || n.isMissingNode() ? null : n.asString();
    }

    public static Integer integer(JsonNode node, String... path) {
        var t = text(node, path);
        return t == null || t.isBlank() ? null : Integer.valueOf(t.strip());
    }

    public static boolean bool(JsonNode node, String... path) {
        var n = at(node, path);
        return n != null && n.asBoolean(false);
    }

    public static BigDecimal amount(JsonNode node, String... path) {
        var t = text(node, path);
        return t == null ? BigDecimal.ZERO : new BigDecimal(t.replace(',', '.'));
    }

    /** Dates come as {@code 2026-01-31} or {@code 2026-01-31T00:00:00+01:00}. */
    public static LocalDate date(JsonNode node, String... path) {
        var t = text(node, path);
        return t == null || t.isBlank() ? null : LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t);
    }

    public static JsonNode at(JsonNode node, String... path) {
        var n = node;
        for (var p : path) {
            if (n == null || n.isNull()) {
                return null;
            }
            n = n.get(p);
        }
        return n;
    }

    /** "012" → "12", "02" → "2", "st" stays: CPR stores numbers zero-padded. */
    public static String unpad(String s) {
        if (s == null) {
            return null;
        }
        var stripped = s.replaceFirst("^0+(?=.)", "");
        return stripped.isBlank() ? null : stripped;
    }
}
