package dk.indgang.registers;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.TestClock;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A person is limited per minute; Indgang's own technical users, acting for many citizens, by their own limit. */
class UserRateLimitsTest {

    private final UserRateLimits limits = new UserRateLimits(3, Set.of("indgang-outbox"), 1000, TestClock.CLOCK);

    @Test
    void aPersonGetsHerAllowanceAndNoMore() {
        assertThat(IntStream.range(0, 5)
                        .filter(i -> limits.permit("1503889984"))
                        .count())
                .isEqualTo(3);
        assertThat(limits.permit("1105829944")).isTrue();
    }

    @Test
    void theOutboxIsNotCappedByAPersonsAllowance() {
        assertThat(IntStream.range(0, 500)
                        .filter(i -> limits.permit("indgang-outbox"))
                        .count())
                .isEqualTo(500);
    }
}
