package dk.indgang.registers;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dk.indgang.engine.LookupResult;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * Live lookups are limited per user, so a session cannot be used to sweep the registers (for example
 * to test which CPR numbers exist). Limiters of users gone quiet are dropped.
 */
final class UserRateLimits {

    private final Cache<String, RateLimiter> limiters = Caffeine.newBuilder()
            .expireAfterAccess(Duration.ofMinutes(10))
            .maximumSize(100_000)
            .build();
    private final RateLimiterConfig config;
    private final Clock clock;

    UserRateLimits(int perMinute, Clock clock) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(perMinute)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build();
        this.clock = clock;
    }

    boolean permit(String actor) {
        return limiters.get(actor == null ? "" : actor, a -> RateLimiter.of("user", config))
                .acquirePermission();
    }

    <T> LookupResult<T> refused(String register) {
        return LookupResult.unavailable(
                register, clock.instant(), "too many lookups by this user; try again in a minute");
    }
}
