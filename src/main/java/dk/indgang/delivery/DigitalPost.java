package dk.indgang.delivery;

import dk.indgang.registers.StubRegisters;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * SF1601 KombiPostAfsend: posts a kombi request ({@link MeMo}) to Serviceplatformen with the
 * transaction headers it asks for. A 4xx other than 408/429 is the request's fault and will not
 * get better by retrying; anything else (5xx, timeouts, refused connections) may.
 */
@Component
class DigitalPost {

    static final String PATH = "/service/KombiPostAfsend_1/kombi";

    /** What became of one shipment. */
    sealed interface Outcome {
        record Accepted() implements Outcome {}

        record Retry(String error) implements Outcome {}

        record Refused(String error) implements Outcome {}
    }

    private final RestClient http;
    private final Clock clock;

    DigitalPost(
            DeliveryProperties properties,
            RestClient.Builder builder,
            ObjectProvider<StubRegisters> stubs,
            ObjectProvider<SslBundles> sslBundles,
            Clock clock) {
        this.clock = clock;
        this.http = ServiceClients.client(
                builder,
                properties.digitalPostUrl(),
                properties.sslBundle(),
                properties.timeout(),
                stubs,
                sslBundles,
                "indgang.delivery");
    }

    Outcome send(String kombiRequest) {
        try {
            http.post()
                    .uri(PATH)
                    .contentType(MediaType.APPLICATION_XML)
                    .accept(MediaType.APPLICATION_XML)
                    .header("X-TransaktionsId", UUID.randomUUID().toString())
                    .header(
                            "X-TransaktionsTid",
                            OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .body(kombiRequest)
                    .retrieve()
                    .toBodilessEntity();
            return new Outcome.Accepted();
        } catch (HttpClientErrorException e) {
            var status = e.getStatusCode().value();
            var error = "Digital Post " + status + ": " + firstLine(e.getResponseBodyAsString());
            return status == 408 || status == 429 ? new Outcome.Retry(error) : new Outcome.Refused(error);
        } catch (RestClientException e) {
            return new Outcome.Retry("Digital Post: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
