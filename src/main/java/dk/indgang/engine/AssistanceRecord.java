package dk.indgang.engine;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a caseworker assisted with a draft, kept with its answers so a hand-over keeps it and the
 * application records it (docs/counter.md).
 *
 * @param channel {@code counter} or {@code phone}
 * @param caseworker the caseworker's user name
 * @param caseworkerName their name, for the receipt
 * @param consent how the citizen consented to the register lookups: {@code in-person} or {@code oral}
 * @param consentAt when
 * @param declarationReadAloud when the caseworker read the declaration to the citizen, or null
 */
public record AssistanceRecord(
        String channel,
        String caseworker,
        String caseworkerName,
        String consent,
        OffsetDateTime consentAt,
        OffsetDateTime declarationReadAloud) {

    public boolean byPhone() {
        return "phone".equals(channel);
    }

    public boolean consentGivenOrally() {
        return "oral".equals(consent);
    }

    public boolean declarationWasReadAloud() {
        return declarationReadAloud != null;
    }

    public AssistanceRecord withDeclarationReadAloud(OffsetDateTime at) {
        return new AssistanceRecord(channel, caseworker, caseworkerName, consent, consentAt, at);
    }

    /** As the draft and the application document store it (keys of the application schema). */
    public Map<String, String> asMap() {
        var map = new LinkedHashMap<String, String>();
        put(map, "channel", channel);
        put(map, "caseworker", caseworker);
        put(map, "caseworkerName", caseworkerName);
        put(map, "consent", consent);
        put(map, "consentAt", consentAt == null ? null : consentAt.toString());
        put(map, "declarationReadAloud", declarationReadAloud == null ? null : declarationReadAloud.toString());
        return map;
    }

    /** Reads what {@link #asMap()} wrote; null for an empty map (no assistance). */
    static AssistanceRecord fromMap(Map<?, ?> map) {
        if (map == null || map.isEmpty()) {
            return null;
        }
        return new AssistanceRecord(
                text(map, "channel"),
                text(map, "caseworker"),
                text(map, "caseworkerName"),
                text(map, "consent"),
                time(map, "consentAt"),
                time(map, "declarationReadAloud"));
    }

    private static void put(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static String text(Map<?, ?> map, String key) {
        var value = map.get(key);
        return value == null ? null : value.toString();
    }

    private static OffsetDateTime time(Map<?, ?> map, String key) {
        var value = text(map, key);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
