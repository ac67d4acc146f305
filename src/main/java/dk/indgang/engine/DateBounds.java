package dk.indgang.engine;

import dk.indgang.definition.DateBound;
import java.time.LocalDate;

/** Resolves a date bound from a definition: an ISO date or {@code today} with an offset ({@link DateBound}). */
public final class DateBounds {

    private DateBounds() {}

    public static LocalDate resolve(String bound, LocalDate today) {
        return DateBound.resolve(bound, today);
    }
}
