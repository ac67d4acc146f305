package dk.indgang.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.Outbox;
import java.io.StringReader;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathFactory;
import org.xml.sax.InputSource;

/** What the simulated Digital Post (SF1601) was sent, for tests to read, and a wait for its receipts. */
public final class DigitalPostRecords {

    private DigitalPostRecords() {}

    /** Every kombi request's body carrying this message UUID, in the order sent. */
    public static List<String> kombiRequests(StubRegisters stubs, UUID messageId) {
        return stubs.server().findAll(postRequestedFor(urlPathEqualTo(DigitalPost.PATH))).stream()
                .map(r -> r.getBodyAsString())
                .filter(body -> messageId.toString().equals(xpath(body, "//*[local-name()='messageUUID']")))
                .toList();
    }

    /** Every kombi request sent, in order. */
    public static List<String> kombiRequests(StubRegisters stubs) {
        return stubs.server().findAll(postRequestedFor(urlPathEqualTo(DigitalPost.PATH))).stream()
                .map(r -> r.getBodyAsString())
                .toList();
    }

    /** The text an XPath (namespace-blind: use local-name()) selects, or "" when nothing. */
    public static String xpath(String xml, String expression) {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            var document = factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
            return XPathFactory.newInstance().newXPath().evaluate(expression, document);
        } catch (Exception e) {
            throw new IllegalArgumentException("Not XML: " + e.getMessage(), e);
        }
    }

    /** Waits (at most 10 s) until Digital Post's receipt for a delivery has come. */
    public static Outbox.Delivery awaitReceipt(Supplier<Outbox.Delivery> delivery) {
        var current = delivery.get();
        for (int i = 0; i < 200 && current.receiptStatus() == null; i++) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            current = delivery.get();
        }
        return current;
    }
}
