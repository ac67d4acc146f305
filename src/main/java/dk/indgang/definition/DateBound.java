package dk.indgang.definition;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A date bound as a definition writes it: an ISO date ({@code 2026-02-28}) or {@code today} with an
 * offset in days, weeks, months or years ({@code today-18y}, {@code today+4w}). The loader checks a
 * bound with {@link #check} (a real date; min not after max), the engine resolves it against the
 * day of the answer with {@link #resolve}.
 */
public final class DateBound {

    /** Days on which to compare two relative bounds: month ends and a leap day included. */
    private static final LocalDate[] SAMPLE_DAYS = {
        LocalDate.of(2024, 1, 31), LocalDate.of(2024, 2, 29), LocalDate.of(2025, 6, 15), LocalDate.of(2027, 12, 31)
    };

    private DateBound() {}

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

    /** Whether a bound of the right shape names a real day ({@code 2026-02-30} does not). */
    public static boolean isRealDate(String bound) {
        if (bound.startsWith("today")) {
            return true;
        }
        try {
            LocalDate.parse(bound);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /**
     * Whether {@code min} comes after {@code max} on every day (so every answer would get two
     * contradictory errors): two dates, or two offsets from today. A date against an offset depends
     * on the day and is not refused.
     */
    public static boolean minAfterMax(String min, String max) {
        if (min == null || max == null || !isRealDate(min) || !isRealDate(max)) {
            return false;
        }
        if (min.startsWith("today") != max.startsWith("today")) {
            return false;
        }
        for (var day : SAMPLE_DAYS) {
            if (!resolve(min, day).isAfter(resolve(max, day))) {
                return false;
            }
        }
        return true;
    }

    /** The date a bound names on {@code day}, or empty for a malformed one. */
    public static Optional<LocalDate> on(String bound, LocalDate day) {
        try {
            return Optional.ofNullable(resolve(bound, day));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
