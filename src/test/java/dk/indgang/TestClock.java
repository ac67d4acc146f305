package dk.indgang;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.context.annotation.Profile;

/**
 * The one clock of the test suite: every Spring, Karibu and browser test (profile {@code test})
 * gets it as the service's {@link Clock}, and plain unit tests pass {@link #CLOCK}. The figures the
 * tests pin (Mette's twelve months of income, ages, deadlines) are those of this day; the scenario
 * files state the same day as their {@code today}. The suite passes on any real date, which
 * {@code .ci/run} checks by running the unit tests again with the process clock moved on.
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
public class TestClock {

    public static final ZoneId ZONE = dk.indgang.definition.DanishTime.ZONE;

    /** A Sunday: the last twelve whole months are November 2025 to October 2026, as the stubs are written. */
    public static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    public static final Clock CLOCK = Clock.fixed(NOW, ZONE);

    public static LocalDate today() {
        return LocalDate.now(CLOCK);
    }

    /** A fixed clock at noon on another day, for tests that show a result does not depend on the date. */
    public static Clock on(LocalDate day) {
        return Clock.fixed(day.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
    }

    @Bean
    @Primary
    Clock fixedTestClock() {
        return CLOCK;
    }
}
