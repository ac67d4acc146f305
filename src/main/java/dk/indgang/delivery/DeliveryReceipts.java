package dk.indgang.delivery;

import dk.indgang.submission.Outbox;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.w3c.dom.Document;
import org.xml.sax.SAXException;

/**
 * Digital Post's delivery receipts, as the Beskedfordeler (SF1461) hands them on: an event message
 * ({@code Haendelsesbesked}) whose data is a receipt for one shipment — its message UUID, the status
 * ({@code LEVERET}, {@code SENDT_TIL_FJERNPRINT}, {@code FEJLET}) and, on failure, why. Each updates
 * the letter's delivery in the case file and "Mine sager"; a failed one puts the case in the inbox.
 */
@Service
public class DeliveryReceipts {

    private static final Logger LOG = LoggerFactory.getLogger(DeliveryReceipts.class);
    private static final Map<String, Outbox.Status> STATUSES = Map.of(
            "LEVERET", Outbox.Status.DELIVERED,
            "SENDT_TIL_FJERNPRINT", Outbox.Status.PRINTED,
            "FEJLET", Outbox.Status.FAILED);

    private final Outbox outbox;

    DeliveryReceipts(Outbox outbox) {
        this.outbox = outbox;
    }

    /** A receipt Indgang could read. */
    public record Receipt(UUID messageId, Outbox.Status status, String detail, OffsetDateTime at) {}

    /** An event message that is not a readable receipt: what is wrong, for the sender. */
    public static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    /**
     * Reads and records one event message.
     *
     * @return the application the shipment belonged to; empty for a shipment Indgang did not send
     * @throws Unreadable when the message is not a well-formed receipt (nothing is recorded)
     */
    @Transactional
    public Optional<UUID> receive(String xml) {
        var receipt = read(xml);
        var application = outbox.recordReceipt(receipt.messageId(), receipt.status(), receipt.detail(), receipt.at());
        if (application.isEmpty()) {
            LOG.info("Receipt for unknown shipment {} ignored", receipt.messageId());
        } else if (receipt.status() == Outbox.Status.FAILED) {
            LOG.warn(
                    "Digital Post could not deliver {} of application {}: {}",
                    receipt.messageId(),
                    application.get(),
                    receipt.detail());
        }
        return application;
    }

    static Receipt read(String xml) {
        Document document;
        try {
            document = dk.indgang.registers.SafeXml.parse(xml);
        } catch (SAXException e) {
            throw new Unreadable("Not well-formed XML: " + e.getMessage());
        } catch (IOException e) {
            throw new Unreadable("Unreadable: " + e.getMessage());
        }
        if (!"Haendelsesbesked".equals(document.getDocumentElement().getLocalName())) {
            throw new Unreadable("The root element must be Haendelsesbesked");
        }
        var id = text(document, "MeddelelseUUID");
        var status = text(document, "Status");
        if (id == null) {
            throw new Unreadable("Kvittering/MeddelelseUUID is missing");
        }
        UUID messageId;
        try {
            messageId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new Unreadable("Kvittering/MeddelelseUUID is not a UUID: " + id);
        }
        if (status == null || !STATUSES.containsKey(status)) {
            throw new Unreadable("Kvittering/Status must be one of " + STATUSES.keySet() + ", not " + status);
        }
        var at = text(document, "Tidspunkt");
        OffsetDateTime when;
        try {
            when = at == null ? null : OffsetDateTime.parse(at);
        } catch (java.time.format.DateTimeParseException e) {
            throw new Unreadable("Kvittering/Tidspunkt is not a date-time: " + at);
        }
        return new Receipt(messageId, STATUSES.get(status), text(document, "Fejlbeskrivelse"), when);
    }

    private static String text(Document document, String name) {
        var found = document.getElementsByTagNameNS("*", name);
        if (found.getLength() == 0) {
            return null;
        }
        var text = found.item(0).getTextContent().strip();
        return text.isEmpty() ? null : text;
    }
}
