package dk.indgang.delivery;

import java.io.StringWriter;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * A letter as Digital Post's message format, MeMo 1.2 ({@code https://DigitalPost.dk/MeMo-1}), in the
 * kombi request SF1601 KombiPostAfsend takes: {@code <kombi_request><KombiValgKode>…</KombiValgKode>
 * <memo:Message>…</memo:Message></kombi_request>}. The kombi choice is {@link #AUTOMATIC}: Digital
 * Post decides from the recipient's registration whether the letter goes to her Digital Post or to
 * central print (fjernprint), so Indgang needs no routing lookup and never handles her address.
 */
public final class MeMo {

    public static final String NAMESPACE = "https://DigitalPost.dk/MeMo-1";
    public static final String KLE_NAMESPACE = "http://kle-online.dk/";
    /** Digital Post or physical post, as the recipient's registration says. */
    public static final String AUTOMATIC = "Automatisk Valg";

    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private MeMo() {}

    /** Who sends: the municipality, by CVR number. */
    public record Sender(String cvr, String name) {}

    /** The KLE classification the letter's case has (MeMo's {@code KLEdata}). */
    public record Kle(String subject, String facet, String label) {}

    /** A link the citizen's Digital Post shows beside the letter (MeMo's {@code Action}). */
    public record Action(String label, String code, String url) {}

    /**
     * One letter.
     *
     * @param uuid the message's UUID: Digital Post drops a repeat, so a retry never reaches her twice
     * @param id a readable id, e.g. the receipt number
     * @param label the title her inbox shows
     * @param replyBy the date she is asked to answer by, or null
     * @param caseId the case the letter belongs to (the receipt number), shown with the letter
     */
    public record Letter(
            UUID uuid,
            String id,
            String label,
            Sender sender,
            String recipientCpr,
            LocalDate replyBy,
            String caseId,
            Kle kle,
            Instant created,
            String fileName,
            byte[] pdf,
            Action action) {}

    /** The kombi request's XML, UTF-8. */
    public static String kombiRequest(Letter letter) {
        var out = new StringWriter();
        try {
            var xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeStartElement("kombi_request");
            element(xml, null, "KombiValgKode", AUTOMATIC);
            message(xml, letter);
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("MeMo could not be written", e);
        }
        return out.toString();
    }

    private static void message(XMLStreamWriter xml, Letter letter) throws XMLStreamException {
        xml.setPrefix("memo", NAMESPACE);
        xml.writeStartElement("memo", "Message", NAMESPACE);
        xml.writeNamespace("memo", NAMESPACE);
        xml.writeNamespace("kle", KLE_NAMESPACE);
        xml.writeAttribute("memoVersion", "1.2");
        xml.writeAttribute("memoSchVersion", "1.2.0");

        start(xml, "MessageHeader");
        memo(xml, "messageType", "DIGITALPOST");
        memo(xml, "messageUUID", letter.uuid().toString());
        memo(xml, "messageID", letter.id());
        memo(xml, "label", letter.label());
        if (letter.replyBy() != null) {
            memo(xml, "reply", "true");
            // The end of the day she is asked to answer by, Danish time.
            memo(
                    xml,
                    "replyByDateTime",
                    DateTimeFormatter.ISO_INSTANT.format(letter.replyBy()
                            .plusDays(1)
                            .atStartOfDay(java.time.ZoneId.of("Europe/Copenhagen"))
                            .toInstant()
                            .minusSeconds(1)));
        }
        memo(xml, "mandatory", "false");
        memo(xml, "legalNotification", "false");
        start(xml, "Sender");
        memo(xml, "senderID", letter.sender().cvr());
        memo(xml, "idType", "CVR");
        memo(xml, "label", letter.sender().name());
        xml.writeEndElement();
        start(xml, "Recipient");
        memo(xml, "recipientID", letter.recipientCpr());
        memo(xml, "idType", "CPR");
        xml.writeEndElement();
        start(xml, "ContentData");
        start(xml, "CaseID");
        memo(xml, "caseID", letter.caseId());
        memo(xml, "caseSystem", "Indgang");
        xml.writeEndElement();
        if (letter.kle() != null) {
            xml.writeStartElement("kle", "KLEdata", KLE_NAMESPACE);
            element(xml, KLE_NAMESPACE, "subjectKey", letter.kle().subject());
            element(xml, KLE_NAMESPACE, "activityFacet", letter.kle().facet());
            if (letter.kle().label() != null) {
                element(xml, KLE_NAMESPACE, "label", letter.kle().label());
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();

        start(xml, "MessageBody");
        memo(
                xml,
                "createdDateTime",
                DateTimeFormatter.ISO_INSTANT.format(
                        letter.created().truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC)));
        start(xml, "MainDocument");
        memo(xml, "mainDocumentID", letter.id());
        memo(xml, "label", letter.label());
        start(xml, "File");
        memo(xml, "encodingFormat", "application/pdf");
        memo(xml, "filename", letter.fileName());
        memo(xml, "language", "da");
        memo(xml, "content", Base64.getEncoder().encodeToString(letter.pdf()));
        xml.writeEndElement();
        if (letter.action() != null) {
            start(xml, "Action");
            memo(xml, "label", letter.action().label());
            memo(xml, "actionCode", letter.action().code());
            start(xml, "EntryPoint");
            memo(xml, "url", letter.action().url());
            xml.writeEndElement();
            xml.writeEndElement();
        }
        xml.writeEndElement();
        xml.writeEndElement();
        xml.writeEndElement();
    }

    private static void start(XMLStreamWriter xml, String name) throws XMLStreamException {
        xml.writeStartElement("memo", name, NAMESPACE);
    }

    private static void memo(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        element(xml, NAMESPACE, name, text);
    }

    private static void element(XMLStreamWriter xml, String namespace, String name, String text)
            throws XMLStreamException {
        if (namespace == null) {
            xml.writeStartElement(name);
        } else {
            xml.writeStartElement(namespace.equals(NAMESPACE) ? "memo" : "kle", name, namespace);
        }
        xml.writeCharacters(text == null ? "" : text);
        xml.writeEndElement();
    }
}
