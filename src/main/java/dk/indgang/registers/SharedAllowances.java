package dk.indgang.registers;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Allowances counted in PostgreSQL, so they hold across every instance on it: one token bucket per
 * key in {@code lookup_allowance}, read and written under {@code select … for update} (Bucket4j's
 * PostgreSQL proxy manager). A user behind a load balancer gets the allowance once, not once per
 * instance. Buckets of users gone quiet are removed once they are full again.
 */
final class SharedAllowances {

    private static final Logger LOG = LoggerFactory.getLogger(SharedAllowances.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    SharedAllowances(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("lookup_allowance")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Takes one of {@code limit} per {@code period} for {@code key}; false when none is left. */
    boolean take(String key, int limit, Duration period) {
        ProxyManager<String> manager = buckets;
        return manager.builder()
                .build(key, () -> BucketConfiguration.builder()
                        .addLimit(l -> l.capacity(limit).refillIntervally(limit, period))
                        .build())
                .tryConsume(1);
    }

    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void removeFull() {
        try {
            int removed;
            do {
                removed = buckets.removeExpired(1000);
            } while (removed == 1000);
        } catch (RuntimeException e) {
            LOG.warn("Could not remove expired lookup allowances: {}", e.getMessage());
        }
    }
}
