package dk.indgang.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where receipts are delivered. Blank base URLs use the embedded stubs ({@code stubs/mappings/digitalpost},
 * {@code stubs/mappings/print}).
 *
 * @param maxAttempts after this many failed attempts a delivery is marked FAILED for an operator
 * @param parallelism deliveries in flight at once (each a CPR routing lookup and a POST)
 * @param batchSize jobs claimed at a time; the worker claims again at once while there are more
 * @param backlogAgeWarning the health says DEGRADED (details for operators) when the oldest waiting
 *     delivery is older than this
 */
@ConfigurationProperties("indgang.delivery")
public record DeliveryProperties(
        @DefaultValue("") String digitalPostUrl,
        @DefaultValue("") String printUrl,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("true") boolean worker,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("5s") Duration firstBackoff,
        @DefaultValue("16") int parallelism,
        @DefaultValue("200") int batchSize,
        @DefaultValue("15m") Duration backlogAgeWarning) {}
