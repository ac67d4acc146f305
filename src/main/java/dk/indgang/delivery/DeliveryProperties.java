package dk.indgang.delivery;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where receipts and letters go: Digital Post's SF1601 KombiPostAfsend on Serviceplatformen. A blank
 * base URL uses the embedded simulator ({@code stubs/mappings/sf1601}); production sets the
 * Serviceplatformen base URL and the SSL bundle with the municipality's FOCES/OCES certificate
 * (docs/national-services.md).
 *
 * @param digitalPostUrl Serviceplatformen's base URL; {@code /service/KombiPostAfsend_1/kombi} is appended
 * @param sslBundle the {@code spring.ssl.bundle} with the system certificate, or blank
 * @param maxAttempts after this many failed attempts a delivery is marked FAILED for an operator
 * @param parallelism deliveries in flight at once
 * @param batchSize jobs claimed at a time; the worker claims again at once while there are more
 * @param backlogAgeWarning the health says DEGRADED (details for operators) when the oldest waiting
 *     delivery is older than this
 */
@ConfigurationProperties("indgang.delivery")
public record DeliveryProperties(
        @DefaultValue("") String digitalPostUrl,
        @DefaultValue("") String sslBundle,
        @DefaultValue("5s") Duration timeout,
        @DefaultValue("true") boolean worker,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("10") int maxAttempts,
        @DefaultValue("5s") Duration firstBackoff,
        @DefaultValue("16") int parallelism,
        @DefaultValue("200") int batchSize,
        @DefaultValue("15m") Duration backlogAgeWarning) {}
