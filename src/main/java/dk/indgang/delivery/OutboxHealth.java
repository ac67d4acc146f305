package dk.indgang.delivery;

import dk.indgang.submission.Outbox;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The delivery backlog for operators: {@code /actuator/health/outbox} (DEGRADED when the oldest
 * waiting delivery is older than {@code indgang.delivery.backlog-age-warning}) and the gauges
 * {@code indgang.outbox.backlog} and {@code indgang.outbox.oldest.age} (seconds).
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

    private final Outbox outbox;
    private final DeliveryProperties properties;
    private final Clock clock;

    OutboxHealth(Outbox outbox, DeliveryProperties properties, Clock clock, MeterRegistry meters) {
        this.outbox = outbox;
        this.properties = properties;
        this.clock = clock;
        Gauge.builder("indgang.outbox.backlog", () -> outbox.backlog().waiting())
                .description("Receipts and letters waiting to be delivered")
                .register(meters);
        Gauge.builder(
                        "indgang.outbox.oldest.age",
                        () -> outbox.backlog().age(clock).toSeconds())
                .description("How long the oldest waiting delivery has waited")
                .baseUnit("seconds")
                .register(meters);
    }

    @Override
    public Health health() {
        var backlog = outbox.backlog();
        var age = backlog.age(clock);
        var builder = age.compareTo(properties.backlogAgeWarning()) > 0 ? Health.status("DEGRADED") : Health.up();
        return builder.withDetail("waiting", backlog.waiting())
                .withDetail("oldestAgeSeconds", age.toSeconds())
                .withDetail("undelivered", outbox.undeliveredCount())
                .build();
    }
}
