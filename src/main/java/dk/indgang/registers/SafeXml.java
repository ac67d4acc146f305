package dk.indgang.registers;

import java.io.IOException;
import java.io.StringReader;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * XML from outside (register answers, Digital Post receipts) read safely: namespace aware, no
 * document type declarations (no external entities), secure processing. The factory is found once
 * — {@code DocumentBuilderFactory.newInstance()} searches the class path for a provider every time,
 * which under load cost more than the parsing — and each thread keeps its own builder, since
 * neither factory nor builder is thread-safe.
 */
public final class SafeXml {

    private static final DocumentBuilderFactory FACTORY = factory();

    /** Builders not in use: at most {@link #KEPT}. */
    private static final ConcurrentLinkedQueue<DocumentBuilder> IDLE = new ConcurrentLinkedQueue<>();

    private static final int KEPT = 2 * Runtime.getRuntime().availableProcessors();

    private SafeXml() {}

    private static DocumentBuilderFactory factory() {
        try {
            var factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            return factory;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("The XML parser cannot be made safe", e);
        }
    }

    /** The document in {@code xml} (null reads as empty, which is not well-formed). */
    public static Document parse(String xml) throws SAXException, IOException {
        var builder = IDLE.poll();
        if (builder == null) {
            synchronized (FACTORY) {
                try {
                    builder = FACTORY.newDocumentBuilder();
                } catch (ParserConfigurationException e) {
                    throw new IllegalStateException("No XML parser", e);
                }
            }
        }
        try {
            return builder.parse(new InputSource(new StringReader(xml == null ? "" : xml)));
        } finally {
            builder.reset();
            if (IDLE.size() < KEPT) {
                IDLE.offer(builder);
            }
        }
    }
}
