package dk.indgang.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Deadlines count Danish working days: weekends, public holidays and closing days do not count. */
class WorkingDaysTest {

    private final WorkingDays days = WorkingDays.danish();

    @Test
    void aFridayPlusOneWorkingDayIsTheMonday() {
        assertThat(days.plus(LocalDate.of(2026, 11, 20), 1)).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 21))).isFalse();
        assertThat(days.isWorkingDay(LocalDate.of(2026, 11, 22))).isFalse();
    }

    @Test
    void easterFromMaundyThursdayToEasterMondayDoesNotCount() {
        // Easter Sunday 2027 is 28 March: Thursday 25 to Monday 29 March are holidays.
        for (var day = LocalDate.of(2027, 3, 25); !day.isAfter(LocalDate.of(2027, 3, 29)); day = day.plusDays(1)) {
            assertThat(days.isWorkingDay(day)).as(day.toString()).isFalse();
        }
        assertThat(days.plus(LocalDate.of(2027, 3, 24), 1)).isEqualTo(LocalDate.of(2027, 3, 30));
    }

    @Test
    void christmasToNewYearLeavesOnlyTheDaysBetween() {
        // 2026: Thursday 24 (closed), Friday 25 and Saturday 26 (holidays), Sunday 27; 28–30 work;
        // Thursday 31 (closed), Friday 1 January (holiday).
        assertThat(days.plus(LocalDate.of(2026, 12, 23), 1)).isEqualTo(LocalDate.of(2026, 12, 28));
        assertThat(days.plus(LocalDate.of(2026, 12, 23), 4)).isEqualTo(LocalDate.of(2027, 1, 4));
    }

    @Test
    void storeBededagIsAWorkingDayFrom2024() {
        // The fourth Friday after Easter: 8 May 2026 (abolished as a holiday from 2024), 5 May 2023.
        assertThat(days.isWorkingDay(LocalDate.of(2026, 5, 8))).isTrue();
        assertThat(days.isWorkingDay(LocalDate.of(2023, 5, 5))).isFalse();
    }

    @Test
    void twentyWorkingDaysFromTheTestDay() {
        // Sunday 22 November 2026 + 20 working days, across no holiday: Friday 18 December.
        assertThat(days.plus(LocalDate.of(2026, 11, 22), 20)).isEqualTo(LocalDate.of(2026, 12, 18));
    }
}
