package dk.indgang.casework;

import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Set;

/**
 * Danish working days, for service targets and deadlines: not Saturday or Sunday, not a public
 * holiday (from the jollyday library's Danish calendar: New Year's Day, Maundy Thursday to Easter
 * Monday, Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day; Store Bededag only
 * until 2023), and not one of the days the municipality is closed (by default Constitution Day,
 * Christmas Eve and New Year's Eve). ADR 0009 says why.
 */
public final class WorkingDays {

    /** The days the public administration is closed although they are not public holidays. */
    public static final Set<MonthDay> CLOSING_DAYS =
            Set.of(MonthDay.of(6, 5), MonthDay.of(12, 24), MonthDay.of(12, 31));

    /** Jollyday's Danish calendar, read (from its XML) at the first question, not at the start. */
    private static final class Calendar {
        static final HolidayManager DENMARK =
                HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.DENMARK));
    }

    private final Set<MonthDay> closingDays;

    public WorkingDays(Set<MonthDay> closingDays) {
        this.closingDays = Set.copyOf(closingDays);
    }

    /**
     * Reads the holiday calendar now (it is otherwise read at the first question): just after the
     * application's start ({@code AfterStart}).
     */
    public static void prepare() {
        java.util.Objects.requireNonNull(Calendar.DENMARK);
    }

    public static WorkingDays danish() {
        return new WorkingDays(CLOSING_DAYS);
    }

    public boolean isWorkingDay(LocalDate day) {
        return day.getDayOfWeek() != DayOfWeek.SATURDAY
                && day.getDayOfWeek() != DayOfWeek.SUNDAY
                && !Calendar.DENMARK.isHoliday(day)
                && !closingDays.contains(MonthDay.from(day));
    }

    /** The day that is {@code days} working days after {@code from} ({@code from} itself does not count). */
    public LocalDate plus(LocalDate from, int days) {
        if (days < 0) {
            throw new IllegalArgumentException("A number of working days is not negative");
        }
        var day = from;
        for (int counted = 0; counted < days; ) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                counted++;
            }
        }
        return day;
    }
}
