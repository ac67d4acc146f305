package dk.indgang.registers.cpr;

import dk.indgang.registers.RegisterFailure;
import dk.indgang.registers.RegisterProperties;
import dk.indgang.registers.RetryableRegisterFailure;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.MediaType;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * SF1520 PersonBaseDataExtended (version 5) as Serviceplatformen publishes it: a SOAP 1.1
 * document-literal {@code PersonLookup} with the person's PNR (and, for the certificate-based
 * binding, the service agreement's {@code InvocationContext}); the answer's {@code persondata},
 * {@code adresse} and {@code relationer} are read into a tree with the same names, which {@link
 * CprClient#toPerson} reads. An unknown PNR is a ServiceplatformFault whose text says "PNR not
 * found".
 */
final class Sf1520 {

    static final String NAMESPACE = "http://serviceplatformen.dk/xml/wsdl/soap11/CPR/PersonBaseDataExtended/5/";
    static final String ACTION = NAMESPACE + "PersonLookup";
    static final String PATH = "/service/CPR/PersonBaseDataExtended/5";
    static final MediaType CONTENT_TYPE = MediaType.parseMediaType("text/xml;charset=UTF-8");
    private static final String SOAP = "http://schemas.xmlsoap.org/soap/envelope/";
    private static final String PNR = "http://serviceplatformen.dk/xml/schemas/cpr/PNR/1/";
    private static final String INVOCATION = "http://serviceplatformen.dk/xml/schemas/InvocationContext/1/";
    /** Elements the schema lets repeat: always lists in the tree, even with one. */
    private static final Set<String> REPEATING =
            Set.of("barn", "foraeldremyndighed", "adresseHistorik", "notater", "diversedistrikter");

    private Sf1520() {}

    /** The HTTP status and body of an answer. */
    record Answer(int status, String body) {}

    static String request(String cpr, RegisterProperties.InvocationContext invocation) {
        if (cpr == null || !cpr.matches("\\d{10}")) {
            throw new IllegalArgumentException("A PNR is ten digits");
        }
        var context = invocation == null || !invocation.isSet()
                ? ""
                : """
                        <invctx:InvocationContext xmlns:invctx="%s">\
                        <invctx:ServiceAgreementUUID>%s</invctx:ServiceAgreementUUID>\
                        <invctx:UserSystemUUID>%s</invctx:UserSystemUUID>\
                        <invctx:UserUUID>%s</invctx:UserUUID>\
                        <invctx:ServiceUUID>%s</invctx:ServiceUUID>\
                        </invctx:InvocationContext>""".formatted(
                                INVOCATION,
                                uuid(invocation.serviceAgreementUuid()),
                                uuid(invocation.userSystemUuid()),
                                uuid(invocation.userUuid()),
                                uuid(invocation.serviceUuid()));
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <soap:Envelope xmlns:soap="%s"><soap:Body>\
                <ns:PersonLookupRequest xmlns:ns="%s">%s<cpr:PNR xmlns:cpr="%s">%s</cpr:PNR></ns:PersonLookupRequest>\
                </soap:Body></soap:Envelope>""".formatted(SOAP, NAMESPACE, context, PNR, cpr);
    }

    private static String uuid(String value) {
        if (!value.matches("[0-9a-fA-F-]{36}")) {
            throw new IllegalStateException("indgang.registers.cpr-invocation-context: '" + value + "' is not a UUID");
        }
        return value;
    }

    /**
     * The answer's person as a tree, or empty when CPR does not know the PNR.
     *
     * @throws RetryableRegisterFailure for a server fault that may pass
     * @throws RegisterFailure for a refused request
     * @throws IllegalArgumentException for an answer that cannot be read
     */
    static Optional<JsonNode> read(Answer answer, JsonMapper json) {
        var status = answer.status();
        if (status >= 400) {
            var fault = faultText(answer.body());
            if (fault.toLowerCase(java.util.Locale.ROOT).contains("pnr not found")) {
                return Optional.empty();
            }
            if (status >= 500) {
                throw new RetryableRegisterFailure(CprClient.ID + " answered " + status + ": " + fault, null);
            }
            throw new RegisterFailure(CprClient.ID + " refused the request: " + status + ": " + fault, null);
        }
        var root = parse(answer.body());
        var found = root.getElementsByTagNameNS(NAMESPACE, "PersonLookupResponse");
        if (found.getLength() == 0) {
            throw new IllegalArgumentException("no PersonLookupResponse in the answer");
        }
        return Optional.of(tree((Element) found.item(0), json));
    }

    private static String faultText(String body) {
        try {
            var strings = parse(body).getElementsByTagName("faultstring");
            return strings.getLength() == 0
                    ? ""
                    : strings.item(0).getTextContent().strip();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static Element parse(String xml) {
        try {
            return dk.indgang.registers.SafeXml.parse(xml).getDocumentElement();
        } catch (SAXException | IOException e) {
            throw new IllegalArgumentException("not well-formed XML: " + e.getMessage(), e);
        }
    }

    /** An element as a tree: a leaf's text, or its children by local name (repeating ones as lists). */
    private static ObjectNode tree(Element element, JsonMapper json) {
        var node = json.createObjectNode();
        for (var child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (!(child instanceof Element e)) {
                continue;
            }
            var name = e.getLocalName();
            var hasElements = false;
            for (var c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                hasElements |= c instanceof Element;
            }
            if (hasElements) {
                var value = tree(e, json);
                if (REPEATING.contains(name)) {
                    node.withArray(name).add(value);
                } else {
                    node.set(name, value);
                }
            } else if (REPEATING.contains(name)) {
                node.withArray(name).add(e.getTextContent().strip());
            } else {
                node.put(name, e.getTextContent().strip());
            }
        }
        return node;
    }
}
