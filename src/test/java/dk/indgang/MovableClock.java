package dk.indgang;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * A clock the test moves: it starts on the suite's day ({@link TestClock#NOW}) and stands still
 * until {@link #advance} moves it, so what depends on time passing (deadlines, a register asked
 * again after a while) is tested without reading the real clock.
 */
public final class MovableClock extends Clock {

    private volatile Instant now = TestClock.NOW;

    public void advance(Duration by) {
        now = now.plus(by);
    }

    public void advanceDays(int days) {
        advance(Duration.ofDays(days));
    }

    @Override
    public ZoneId getZone() {
        return TestClock.ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return now;
    }

    public LocalDate today() {
        return LocalDate.now(this);
    }
}
