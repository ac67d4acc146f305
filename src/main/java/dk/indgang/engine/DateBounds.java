package dk.indgang.engine;

import java.time.LocalDate;

/** Resolves a date bound from a definition: an ISO date or {@code today} with an offset. */
public final class DateBounds {

    private DateBounds() {}

    public static LocalDate resolve(String bound, LocalDate today) {
        if (bound == null) {
            return null;
        }
        if (!bound.startsWith("today")) {
            return LocalDate.parse(bound);
        }
        if (bound.equals("today")) {
            return today;
        }
        var sign = bound.charAt(5) == '-' ? -1 : 1;
        var amount = sign * Long.parseLong(bound.substring(6, bound.length() - 1));
        return switch (bound.charAt(bound.length() - 1)) {
            case 'd' -> today.plusDays(amount);
            case 'w' -> today.plusWeeks(amount);
            case 'm' -> today.plusMonths(amount);
            default -> today.plusYears(amount);
        };
    }
}
