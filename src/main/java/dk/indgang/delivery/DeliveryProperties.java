package dk.indgang.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where receipts are delivered. Blank base URLs use the embedded stubs ({@code stubs/mappings/digitalpost},
 * {@code stubs/mappings/print}).
 *
 * @param maxAttempts after this many failed attempts a delivery is marked FAILED for an operator
 */
@ConfigurationProperties("indgang.delivery")
public record DeliveryProperties(
        @DefaultValue("") String digitalPostUrl,
        @DefaultValue("") String printUrl,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("true") boolean worker,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("5s") Duration firstBackoff) {}
