package dk.indgang.delivery;

import dk.indgang.catalog.FormCatalog;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.CaseIndexQueue;
import dk.indgang.submission.CaseStatus;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * Keeps every case in the municipal case index (SF1470 Sags- og Dokumentindeks), which Mit Overblik
 * on borger.dk reads: the citizen as primary party, the form's title and KLE classification, the
 * progress status and the case's documents. Each change arms the application's row in the same
 * transaction ({@link CaseIndexQueue}); this worker sends the whole current picture with an
 * idempotent PUT, so a retry or a repeat is harmless. The caseworker is never named: Mit Overblik
 * does not show who handles a case.
 */
@Service
public class CaseIndexing {

    private static final Logger LOG = LoggerFactory.getLogger(CaseIndexing.class);
    static final String PATH = "/service/SagDokumentIndeks_6/sag/{id}";
    public static final String NAMESPACE = "urn:oio:sagdok:3.0.0";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /**
     * Where the case index is. A blank URL uses the embedded simulator ({@code stubs/mappings/sf1470}).
     *
     * @param url Serviceplatformen's base URL
     * @param sslBundle the {@code spring.ssl.bundle} with the system certificate, or blank
     */
    @ConfigurationProperties("indgang.case-index")
    public record Properties(
            @DefaultValue("") String url,
            @DefaultValue("") String sslBundle,
            @DefaultValue("5s") Duration timeout,
            @DefaultValue("true") boolean worker,
            @DefaultValue("5s") Duration firstBackoff,
            @DefaultValue("100") int batchSize) {}

    private final CaseIndexQueue queue;
    private final FormCatalog catalog;
    private final Properties properties;
    private final RestClient http;
    private final Clock clock;
    private final String municipalityCvr;

    CaseIndexing(
            CaseIndexQueue queue,
            FormCatalog catalog,
            Properties properties,
            RestClient.Builder builder,
            ObjectProvider<StubRegisters> stubs,
            ObjectProvider<SslBundles> sslBundles,
            Clock clock,
            @Value("${indgang.municipality.cvr}") String municipalityCvr) {
        this.queue = queue;
        this.catalog = catalog;
        this.properties = properties;
        this.clock = clock;
        this.municipalityCvr = municipalityCvr;
        this.http = ServiceClients.client(
                builder,
                properties.url(),
                properties.sslBundle(),
                properties.timeout(),
                stubs,
                sslBundles,
                "indgang.case-index");
    }

    @Scheduled(
            fixedDelayString = "${indgang.case-index.poll-interval:5s}",
            initialDelayString = "${indgang.case-index.poll-interval:5s}")
    void poll() {
        if (properties.worker()) {
            runDue();
        }
    }

    /** Indexes every due case and removes erased ones; returns how many were indexed or removed. */
    public int runDue() {
        var indexed = 0;
        for (var erased : queue.removalsDue(Math.max(1, properties.batchSize()))) {
            try {
                http.delete()
                        .uri(PATH, erased)
                        .header("X-TransaktionsId", UUID.randomUUID().toString())
                        .header(
                                "X-TransaktionsTid",
                                OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                        .retrieve()
                        .toBodilessEntity();
                queue.removed(erased);
                indexed++;
            } catch (org.springframework.web.client.HttpClientErrorException.NotFound gone) {
                // The index never had it, or a repeat: either way it is gone.
                queue.removed(erased);
            } catch (RestClientException e) {
                queue.removalFailed(
                        erased,
                        "Case index: "
                                + (e.getMessage() == null
                                        ? ""
                                        : e.getMessage().lines().findFirst().orElse("")),
                        properties.firstBackoff());
            }
        }
        var jobs = queue.claimDue(Math.max(1, properties.batchSize()));
        while (!jobs.isEmpty()) {
            for (var job : jobs) {
                if (index(job)) {
                    indexed++;
                }
            }
            jobs = jobs.size() >= properties.batchSize() ? queue.claimDue(properties.batchSize()) : java.util.List.of();
        }
        return indexed;
    }

    private boolean index(CaseIndexQueue.Job job) {
        var snapshot = queue.snapshot(job.applicationId());
        if (snapshot.isEmpty()) {
            return false;
        }
        var value = snapshot.get();
        try {
            http.put()
                    .uri(PATH, value.applicationId())
                    .contentType(MediaType.APPLICATION_XML)
                    .header("X-TransaktionsId", UUID.randomUUID().toString())
                    .header(
                            "X-TransaktionsTid",
                            OffsetDateTime.now(clock).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    .body(message(value))
                    .retrieve()
                    .toBodilessEntity();
            queue.done(job, value.status());
            return true;
        } catch (RestClientException e) {
            LOG.warn("Case index: {} not indexed yet: {}", value.receiptNumber(), e.getMessage());
            queue.retryLater(
                    job,
                    "Case index: "
                            + (e.getMessage() == null
                                    ? ""
                                    : e.getMessage().lines().findFirst().orElse("")),
                    properties.firstBackoff());
            return false;
        }
    }

    /** The progress status (fremdrift) Mit Overblik shows, from the application's status. */
    static String progress(CaseStatus status) {
        return switch (status) {
            case RECEIVED, IN_PROGRESS, AWAITING_INFORMATION -> "Opstaaet";
            case DECIDED, APPEALED, FORWARDED -> "Afgjort";
            case CLOSED -> "Afsluttet";
        };
    }

    /** The status in the citizen's words, as "Mine sager" says it. */
    static String statusText(CaseStatus status) {
        return switch (status) {
            case RECEIVED -> "Modtaget";
            case IN_PROGRESS -> "Under behandling";
            case AWAITING_INFORMATION -> "Afventer oplysninger fra dig";
            case DECIDED -> "Afgjort";
            case APPEALED -> "Klaget – kommunen vurderer afgørelsen igen";
            case FORWARDED -> "Sendt til Ankestyrelsen";
            case CLOSED -> "Afsluttet";
        };
    }

    String message(CaseIndexQueue.Snapshot value) {
        var form = catalog.version(value.formId(), value.formVersion(), value.formSha256());
        var title = form.map(f -> f.title().da()).orElse(value.formId());
        var kle = form.map(f -> f.kle()).orElse(null);
        var unit = form.map(f -> f.processing().unit()).orElse(null);
        var out = new StringWriter();
        try {
            var xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.setDefaultNamespace(NAMESPACE);
            xml.writeStartElement(NAMESPACE, "Sag");
            xml.writeDefaultNamespace(NAMESPACE);
            text(xml, "UUIDIdentifikator", value.applicationId().toString());
            text(xml, "BrugervendtNoegle", value.receiptNumber());
            text(xml, "Titel", title);
            if (kle != null) {
                xml.writeStartElement(NAMESPACE, "Klassifikation");
                text(xml, "KLEEmne", kle.subject());
                text(xml, "Handlingsfacet", kle.facet());
                xml.writeEndElement();
            }
            xml.writeStartElement(NAMESPACE, "Fremdrift");
            text(xml, "Status", progress(value.status()));
            text(xml, "StatusTekst", statusText(value.status()));
            text(xml, "Tidspunkt", time(value.changedAt() == null ? value.submittedAt() : value.changedAt()));
            xml.writeEndElement();
            xml.writeStartElement(NAMESPACE, "PrimaerPart");
            text(xml, "CPRNummer", value.citizenCpr());
            xml.writeEndElement();
            xml.writeStartElement(NAMESPACE, "Ansvarlig");
            text(xml, "CVRNummer", municipalityCvr);
            if (unit != null) {
                text(xml, "Enhed", unit);
            }
            xml.writeEndElement();
            text(xml, "Kildesystem", "Indgang");
            text(xml, "Oprettet", time(value.submittedAt()));
            xml.writeStartElement(NAMESPACE, "Dokumenter");
            for (var document : value.documents()) {
                xml.writeStartElement(NAMESPACE, "Dokument");
                text(xml, "UUIDIdentifikator", document.id().toString());
                text(xml, "Titel", document.title());
                text(xml, "Dato", time(document.at()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("The case index message could not be written", e);
        }
        return out.toString();
    }

    private static String time(OffsetDateTime at) {
        return at.toInstant().toString();
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(NAMESPACE, name);
        xml.writeCharacters(value == null ? "" : value);
        xml.writeEndElement();
    }
}
