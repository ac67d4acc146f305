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
    private final RateLimiterConfig systemConfig;
    private final java.util.Set<String> systemActors;
    private final Clock clock;
    /** Counted across instances in the database, or null: counted in this instance only. */
    private SharedAllowances shared;
    /** Tells this allowance's buckets from the others' in the shared table. */
    private String name = "lookups";

    UserRateLimits(int perMinute, Clock clock) {
        this(perMinute, java.util.Set.of(), perMinute, clock);
    }

    /** {@code limit} per {@code period} for everyone (e.g. CPR comparisons: 20 per 10 minutes). */
    UserRateLimits(int limit, Duration period, Clock clock) {
        this.config = RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(period)
                .timeoutDuration(Duration.ZERO)
                .build();
        this.systemConfig = config;
        this.systemActors = java.util.Set.of();
        this.clock = clock;
    }

    /** @param systemActors Indgang's technical users, each limited by {@code systemPerMinute} instead */
    UserRateLimits(int perMinute, java.util.Set<String> systemActors, int systemPerMinute, Clock clock) {
        this.config = perMinute(perMinute);
        this.systemConfig = perMinute(systemPerMinute);
        this.systemActors = java.util.Set.copyOf(systemActors);
        this.clock = clock;
    }

    private static RateLimiterConfig perMinute(int limit) {
        return RateLimiterConfig.custom()
                .limitForPeriod(limit)
                .limitRefreshPeriod(Duration.ofMinutes(1))
                .timeoutDuration(Duration.ZERO)
                .build();
    }

    /** Counts this allowance in the database, shared by every instance on it, as {@code name}. */
    UserRateLimits sharedAs(String name, SharedAllowances shared) {
        this.name = name;
        this.shared = shared;
        return this;
    }

    boolean permit(String actor) {
        var who = actor == null ? "" : actor;
        var limits = systemActors.contains(who) ? systemConfig : config;
        if (shared != null) {
            try {
                return shared.take(name + ":" + who, limits.getLimitForPeriod(), limits.getLimitRefreshPeriod());
            } catch (RuntimeException e) {
                // the database is the application's too: a lookup is never refused for want of a count
                org.slf4j.LoggerFactory.getLogger(UserRateLimits.class)
                        .warn("Lookup allowance not counted in the database, counted here: {}", e.getMessage());
            }
        }
        return limiters.get(who, a -> RateLimiter.of("user", limits)).acquirePermission();
    }

    <T> LookupResult<T> refused(String register) {
        return LookupResult.unavailable(
                register, clock.instant(), "too many lookups by this user; try again in a minute");
    }
}
