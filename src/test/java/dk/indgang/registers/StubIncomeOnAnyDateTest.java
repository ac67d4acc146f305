package dk.indgang.registers;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.TestClock;
import dk.indgang.engine.LookupRunner.IncomeMonths;
import dk.indgang.engine.RegisterData;
import dk.indgang.registers.eindkomst.EindkomstClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo registers never go stale: the embedded eIndkomst stub answers for whatever twelve months
 * are asked, so Mette's income story (a job change, holiday pay, a negative correction) is the same
 * on the test day, next spring and in two years.
 */
class StubIncomeOnAnyDateTest {

    private static final String METTE = Persons.METTE;

    private static StubRegisters stubs;

    @BeforeAll
    static void start() {
        stubs = new StubRegisters(
                new RegisterProperties.Stubs(true, Path.of("stubs"), 0, false), dk.indgang.TestClock.CLOCK);
        stubs.awaitStarted();
    }

    @AfterAll
    static void stop() {
        stubs.destroy();
    }

    private static RegisterData.Income income(Clock clock) {
        var client = new EindkomstClient(
                RestClient.builder().baseUrl(stubs.baseUrl() + "/eindkomst/v1").build(),
                JsonMapper.builder().build(),
                clock);
        var months = IncomeMonths.lastTwelveWhole(clock);
        return client.income(METTE, months.from(), months.to()).data().orElseThrow();
    }

    @Test
    void metteHasTheSameTwelveMonthsOfIncomeOnAnyDate() {
        var onTestDay = income(TestClock.CLOCK);
        assertThat(onTestDay.total()).isEqualByComparingTo("221830.00");

        for (var day :
                new LocalDate[] {LocalDate.of(2027, 3, 15), LocalDate.of(2028, 12, 31), LocalDate.of(2029, 2, 28)}) {
            var later = income(TestClock.on(day));
            assertThat(later.total()).as("total on %s", day).isEqualByComparingTo(onTestDay.total());
            assertThat(later.records()).as("reports on %s", day).hasSameSizeAs(onTestDay.records());
            assertThat(later.to()).isEqualTo(YearMonth.from(day).minusMonths(1));
            assertThat(later.records())
                    .allSatisfy(r -> assertThat(YearMonth.from(r.periodStart())).isBetween(later.from(), later.to()));
            var shift = ChronoUnit.MONTHS.between(onTestDay.to(), later.to());
            assertThat(later.byMonth())
                    .as("the same amount in the same month of the window on %s", day)
                    .isEqualTo(shifted(onTestDay, shift));
        }
    }

    private static java.util.Map<YearMonth, BigDecimal> shifted(RegisterData.Income income, long months) {
        var result = new java.util.TreeMap<YearMonth, BigDecimal>();
        income.byMonth().forEach((month, amount) -> result.put(month.plusMonths(months), amount));
        return result;
    }

    @Test
    void aPayPeriodEndingOnTheLastDayOfAMonthStillEndsOnTheLastDay() {
        assertThat(PeriodShift.shift("2026-01-31", 1)).isEqualTo("2026-02-28");
        assertThat(PeriodShift.shift("2026-02-28", 12)).isEqualTo("2027-02-28");
        assertThat(PeriodShift.shift("2027-02-28", 12)).isEqualTo("2028-02-29");
        assertThat(PeriodShift.shift("2026-03-15", 2)).isEqualTo("2026-05-15");
        assertThat(PeriodShift.shift("2026-10", 3)).isEqualTo("2027-01");
        assertThat(PeriodShift.shift("2026-11-30T00:00:00+01:00", 1)).isEqualTo("2026-12-31T00:00:00+01:00");
        assertThat(PeriodShift.shift("Fiktiv Rengøring ApS", 5)).isEqualTo("Fiktiv Rengøring ApS");
    }
}
