package dk.indgang.registers;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.matching.RequestMatcherExtension;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.dom.DOMSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * The simulated Digital Post of the default run and the tests: SF1601 KombiPostAfsend takes a kombi
 * request only if it is well formed — a {@code kombi_request} with a known {@code KombiValgKode} and
 * one MeMo message valid against {@code memo/memo-1.2-subset.xsd} (the {@code memo-kombi-request}
 * matcher; anything else gets the mapping's 400) — and, a moment after accepting it, the delivery
 * receipt comes back through the Beskedfordeler (SF1461) to Indgang's receiver, as the real services
 * do: the mapping says the outcome ({@code "serveEventListeners": [{"name": "sf1461-receipt",
 * "parameters": {"status": "DELIVERED", "byRecipient": {"<cpr>": "PRINTED"}, "details": {"<cpr>":
 * "why"}}}]}).
 */
public final class DigitalPostSimulator {

    private static final Logger LOG = LoggerFactory.getLogger(DigitalPostSimulator.class);
    static final String MEMO = "https://DigitalPost.dk/MeMo-1";
    private static final java.util.Set<String> KOMBI_CHOICES =
            java.util.Set.of("Automatisk Valg", "Digital Post", "Fysisk Post", "NemSMS");

    /** MeMo's schema, compiled at the first letter, not while the application starts. */
    private static final class MeMoSchema {
        static final Schema SCHEMA = schema();
    }

    private final Clock clock;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile String callbackUrl;
    private volatile String callbackKey = "";

    DigitalPostSimulator(Clock clock) {
        this.clock = clock;
    }

    /** Where Indgang's receipt receiver listens, once its web server has started (none in mock web tests). */
    void callback(String baseUrl, String key) {
        this.callbackUrl = baseUrl;
        this.callbackKey = key == null ? "" : key;
    }

    /** Why a kombi request is refused, or empty when SF1601 would take it. */
    public static Optional<String> problemWith(String kombiRequest) {
        try {
            var document = parse(kombiRequest);
            var root = document.getDocumentElement();
            if (!"kombi_request".equals(root.getLocalName()) || root.getNamespaceURI() != null) {
                return Optional.of("The root element must be kombi_request (no namespace)");
            }
            var choice = firstChild(root, null, "KombiValgKode");
            if (choice == null
                    || !KOMBI_CHOICES.contains(choice.getTextContent().strip())) {
                return Optional.of("KombiValgKode must be one of " + KOMBI_CHOICES);
            }
            var message = firstChild(root, MEMO, "Message");
            if (message == null) {
                return Optional.of("The kombi_request has no memo:Message");
            }
            MeMoSchema.SCHEMA.newValidator().validate(new DOMSource(message));
            return Optional.empty();
        } catch (SAXException e) {
            return Optional.of(e.getMessage());
        } catch (IOException | ParserConfigurationException e) {
            return Optional.of("Unreadable request: " + e.getMessage());
        }
    }

    /** The MeMo header's text of an element, e.g. {@code messageUUID}, or null. */
    static String header(String kombiRequest, String element) {
        try {
            var found = parse(kombiRequest).getElementsByTagNameNS(MEMO, element);
            return found.getLength() == 0
                    ? null
                    : found.item(0).getTextContent().strip();
        } catch (IOException | ParserConfigurationException | SAXException e) {
            return null;
        }
    }

    private static Element firstChild(Element parent, String namespace, String name) {
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e
                    && name.equals(e.getLocalName())
                    && java.util.Objects.equals(namespace, e.getNamespaceURI())) {
                return e;
            }
        }
        return null;
    }

    static Document parse(String xml) throws ParserConfigurationException, IOException, SAXException {
        return SafeXml.parse(xml);
    }

    private static Schema schema() {
        try (var in = DigitalPostSimulator.class.getResourceAsStream("/memo/memo-1.2-subset.xsd")) {
            return SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                    .newSchema(new javax.xml.transform.stream.StreamSource(in));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("The MeMo schema could not be read", e);
        }
    }

    /** The {@code memo-kombi-request} request matcher. */
    RequestMatcherExtension matcher() {
        return new RequestMatcherExtension() {
            @Override
            public String getName() {
                return "memo-kombi-request";
            }

            @Override
            public MatchResult match(Request request, Parameters parameters) {
                return MatchResult.of(problemWith(request.getBodyAsString()).isEmpty());
            }
        };
    }

    /** The {@code sf1461-receipt} listener: the delivery receipt of an accepted shipment. */
    ServeEventListener receipts() {
        return new ServeEventListener() {
            @Override
            public String getName() {
                return "sf1461-receipt";
            }

            @Override
            public boolean applyGlobally() {
                // Only where a mapping names it: the mapping says the outcome.
                return false;
            }

            @Override
            public void afterComplete(ServeEvent event, Parameters parameters) {
                if (event.getResponse().getStatus() / 100 != 2) {
                    return;
                }
                var body = event.getRequest().getBodyAsString();
                var uuid = header(body, "messageUUID");
                var recipient = header(body, "recipientID");
                var status =
                        text(parameters.get("byRecipient"), recipient, parameters.getString("status", "DELIVERED"));
                var detail = text(parameters.get("details"), recipient, "");
                Thread.ofVirtual().start(() -> send(uuid, status, detail));
            }
        };
    }

    /** A mapping parameter's value for a key (e.g. a recipient's CPR number), or the fallback. */
    private static String text(Object map, String key, String fallback) {
        return map instanceof java.util.Map<?, ?> values && key != null && values.get(key) instanceof String value
                ? value
                : fallback;
    }

    private void send(String messageUuid, String status, String detail) {
        var url = callbackUrl;
        if (url == null || messageUuid == null) {
            LOG.debug("No receipt receiver to tell about {} ({})", messageUuid, status);
            return;
        }
        try {
            // Receipts come some time after the shipment, never inside it.
            Thread.sleep(150);
            var request = HttpRequest.newBuilder(URI.create(url + "/api/beskedfordeler/v1/haendelser"))
                    .header("Content-Type", "application/xml")
                    .header("X-Api-Key", callbackKey)
                    .timeout(Duration.ofSeconds(5))
                    .POST(HttpRequest.BodyPublishers.ofString(receipt(messageUuid, status, detail)))
                    .build();
            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                LOG.warn("The receipt receiver answered {}: {}", response.statusCode(), response.body());
            }
        } catch (IOException e) {
            LOG.debug("Receipt for {} not delivered: {}", messageUuid, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The Beskedfordeler's event message carrying Digital Post's receipt for one shipment. */
    String receipt(String messageUuid, String status, String detail) {
        var channel =
                switch (status) {
                    case "PRINTED" -> "FJERNPRINT";
                    case "FAILED" -> "INGEN";
                    default -> "DIGITAL_POST";
                };
        var danish =
                switch (status) {
                    case "PRINTED" -> "SENDT_TIL_FJERNPRINT";
                    case "FAILED" -> "FEJLET";
                    default -> "LEVERET";
                };
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <Haendelsesbesked xmlns="urn:oio:besked:kuvert:1.0" beskedVersion="1.0">
                  <BeskedId><UUIDIdentifikator>%s</UUIDIdentifikator></BeskedId>
                  <Beskedkuvert>
                    <Filtreringsdata>
                      <BeskedType>DigitalPostKvittering</BeskedType>
                      <ObjektRegistrering>
                        <ObjektId><UUIDIdentifikator>%s</UUIDIdentifikator></ObjektId>
                        <ObjektType>MeMo</ObjektType>
                      </ObjektRegistrering>
                    </Filtreringsdata>
                    <Leveranceinformation><Dannelsestidspunkt>%s</Dannelsestidspunkt></Leveranceinformation>
                  </Beskedkuvert>
                  <Beskeddata>
                    <Kvittering>
                      <MeddelelseUUID>%s</MeddelelseUUID>
                      <Status>%s</Status>
                      <Kanal>%s</Kanal>
                      <Tidspunkt>%s</Tidspunkt>
                      <Fejlbeskrivelse>%s</Fejlbeskrivelse>
                    </Kvittering>
                  </Beskeddata>
                </Haendelsesbesked>
                """.formatted(
                UUID.randomUUID(),
                messageUuid,
                clock.instant(),
                messageUuid,
                danish,
                channel,
                clock.instant(),
                detail.replace("&", "&amp;").replace("<", "&lt;")).strip();
    }
}
