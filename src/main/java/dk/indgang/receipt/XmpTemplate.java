package dk.indgang.receipt;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.TimeZone;
import org.apache.xmpbox.DateConverter;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.type.BadFieldValueException;
import org.apache.xmpbox.xml.XmpSerializer;

/**
 * A receipt's XMP metadata packet (PDF/A identification, Dublin Core title and creator, dates,
 * producer). xmpbox writes the packet once, with markers where a receipt's own values go; each
 * receipt gets a copy with its title, author and date filled in, escaped as the serializer would.
 * Building and serializing the packet per receipt (xmpbox's type registry, a DOM and an XSLT
 * transformer) cost about a tenth of a submission; filling in three values costs nothing to
 * speak of. The veraPDF test in {@code ReceiptRendererTest} checks the result.
 */
final class XmpTemplate {

    static final String CREATOR = "Indgang";
    static final String PRODUCER = "Indgang (Apache PDFBox)";

    private static final String TITLE = "INDGANG-XMP-TITLE";
    private static final String AUTHOR = "INDGANG-XMP-AUTHOR";
    /** A date no receipt has; its form in the packet is replaced by the receipt's date. */
    private static final Calendar MARKER_DATE = marker();

    private final String packet;
    private final String markerDate;

    private XmpTemplate(String packet) {
        this.packet = packet;
        this.markerDate = DateConverter.toISO8601(MARKER_DATE);
        if (!packet.contains(TITLE) || !packet.contains(AUTHOR) || !packet.contains(markerDate)) {
            throw new IllegalStateException("The XMP packet lacks a marker: " + packet);
        }
    }

    static XmpTemplate make() {
        try {
            var xmp = XMPMetadata.createXMPMetadata();
            var dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(TITLE);
            dc.addCreator(AUTHOR);
            var pdfaid = xmp.createAndAddPDFAIdentificationSchema();
            pdfaid.setPart(2);
            pdfaid.setConformance("B");
            var basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreatorTool(CREATOR);
            basic.setCreateDate(MARKER_DATE);
            basic.setModifyDate(MARKER_DATE);
            xmp.createAndAddAdobePDFSchema().setProducer(PRODUCER);
            var bytes = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, bytes, true);
            return new XmpTemplate(bytes.toString(StandardCharsets.UTF_8));
        } catch (BadFieldValueException | javax.xml.transform.TransformerException e) {
            throw new IllegalStateException("Could not write the XMP packet", e);
        }
    }

    /** The packet for one receipt, UTF-8. */
    byte[] fill(String title, String author, Calendar date) {
        return packet.replace(TITLE, escaped(title))
                .replace(AUTHOR, escaped(author))
                .replace(markerDate, DateConverter.toISO8601(date))
                .getBytes(StandardCharsets.UTF_8);
    }

    /**
     * A document title or author as both the PDF's information and its XMP can carry it (PDF/A
     * wants the two to agree): control characters and what XML 1.0 cannot hold at all (U+FFFE,
     * U+FFFF, half a surrogate pair) become a space. A form title or a municipality's name can
     * bring them through a YAML escape or a configuration value.
     */
    static String plain(String text) {
        var out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c)
                    && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isISOControl(c) || Character.isSurrogate(c) || c == '\uFFFE' || c == '\uFFFF') {
                out.append(' ');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Text content as XML requires it (the serializer escapes the same three characters). */
    static String escaped(String text) {
        var out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static Calendar marker() {
        var calendar = new GregorianCalendar(TimeZone.getTimeZone("UTC"));
        calendar.clear();
        calendar.set(1901, Calendar.FEBRUARY, 3, 4, 5, 6);
        return calendar;
    }
}
