package dk.indgang.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dk.indgang.delivery.DigitalPostRecords.awaitReceipt;
import static dk.indgang.delivery.DigitalPostRecords.kombiRequests;
import static dk.indgang.delivery.DigitalPostRecords.xpath;
import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.registers.DigitalPostSimulator;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.Application;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Outbox;
import dk.indgang.submission.SubmissionFixtures;
import dk.indgang.submission.Submissions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Receipts go to Digital Post as SF1601 kombi requests with valid MeMo; Digital Post's receipts
 * (SF1461) come back to the receiver and say which channel took them; retries, refusals and a
 * stopped worker's job.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ReceiptDeliveryIT {

    @Autowired
    ReceiptDelivery delivery;

    @Autowired
    Outbox outbox;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    StubRegisters stubs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @LocalServerPort
    int port;

    @AfterEach
    void reset() {
        stubs.server().resetToDefaultMappings();
        stubs.server().resetRequests();
    }

    private Application submittedBy(String cpr) {
        return SubmissionFixtures.submittedHusstand(submissions, drafts, catalog, clock, cpr, "Test Person");
    }

    private Outbox.Delivery receiptOf(Application application) {
        return awaitReceipt(() -> outbox.delivery(application.id()).orElseThrow());
    }

    @Test
    void theReceiptGoesAsAKombiRequestWithValidMeMoAndItsReceiptSaysDigitalPost() {
        var application = submittedBy(Persons.METTE);
        delivery.runDue();

        var sent = kombiRequests(stubs, application.id());
        assertThat(sent).hasSize(1);
        var kombi = sent.getFirst();
        assertThat(DigitalPostSimulator.problemWith(kombi)).isEmpty();
        assertThat(xpath(kombi, "/kombi_request/KombiValgKode")).isEqualTo("Automatisk Valg");
        assertThat(xpath(kombi, "//*[local-name()='Message']/@memoVersion")).isEqualTo("1.2");
        assertThat(xpath(kombi, "//*[local-name()='Sender']/*[local-name()='senderID']"))
                .isEqualTo("55133018");
        assertThat(xpath(kombi, "//*[local-name()='Sender']/*[local-name()='label']"))
                .isEqualTo("Aarhus Kommune");
        assertThat(xpath(kombi, "//*[local-name()='recipientID']")).isEqualTo(Persons.METTE);
        assertThat(xpath(kombi, "//*[local-name()='MessageHeader']/*[local-name()='label']"))
                .isEqualTo("Kvittering for din ansøgning " + application.receiptNumber());
        assertThat(xpath(kombi, "//*[local-name()='caseID']")).isEqualTo(application.receiptNumber());
        assertThat(xpath(kombi, "//*[local-name()='KLEdata']/*[local-name()='subjectKey']"))
                .isEqualTo("00.01.10");
        assertThat(xpath(kombi, "//*[local-name()='KLEdata']/*[local-name()='activityFacet']"))
                .isEqualTo("G01");
        assertThat(xpath(kombi, "//*[local-name()='Action']/*[local-name()='actionCode']"))
                .isEqualTo("SELVBETJENING");
        assertThat(xpath(kombi, "//*[local-name()='EntryPoint']/*[local-name()='url']"))
                .endsWith("/mine-sager");
        // The main document is the receipt itself.
        var pdf = Base64.getDecoder().decode(xpath(kombi, "//*[local-name()='File']/*[local-name()='content']"));
        assertThat(pdf)
                .isEqualTo(submissions.receipt(application.id(), Persons.METTE).orElseThrow());

        var handedOver = outbox.delivery(application.id()).orElseThrow();
        assertThat(handedOver.state()).isEqualTo("DONE");
        var receipt = receiptOf(application);
        assertThat(receipt.status()).isEqualTo(Outbox.Status.DELIVERED);
        assertThat(receipt.route()).isEqualTo("DIGITAL_POST");
        // Routing is Digital Post's business now: no CPR lookup to decide it.
        assertThat(stubs.server().findAll(getRequestedFor(urlPathMatching("/cpr/.*"))))
                .isEmpty();
    }

    @Test
    void aCitizenExemptFromDigitalPostGetsCentralPrint() {
        var application = submittedBy(Persons.BO);
        delivery.runDue();
        assertThat(kombiRequests(stubs, application.id())).hasSize(1);
        var receipt = receiptOf(application);
        assertThat(receipt.status()).isEqualTo(Outbox.Status.PRINTED);
        assertThat(receipt.route()).isEqualTo("PRINT");
        assertThat(outbox.undelivered(application.id())).isFalse();
    }

    @Test
    void aShipmentNeitherChannelCanTakeIsFailedWithItsReason() {
        var application = submittedBy(Persons.HENRIK);
        delivery.runDue();
        var receipt = receiptOf(application);
        assertThat(receipt.status()).isEqualTo(Outbox.Status.FAILED);
        assertThat(receipt.problem()).contains("ingen dansk adresse");
        assertThat(outbox.undelivered(application.id())).isTrue();
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameMessageUuid() {
        var down = stubs.server()
                .stubFor(post(urlPathEqualTo(DigitalPost.PATH))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        var application = submittedBy(Persons.LONE);
        delivery.runDue();
        var failed = outbox.delivery(application.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo("PENDING");
        assertThat(failed.lastError()).contains("Digital Post").contains("503");
        stubs.server().removeStub(down);
        delivery.runDue();
        assertThat(outbox.delivery(application.id()).orElseThrow().state()).isEqualTo("DONE");
        // Both attempts carried the application's id: Digital Post shows the citizen one message.
        assertThat(kombiRequests(stubs, application.id())).hasSize(2);
    }

    @Test
    void aRequestDigitalPostRefusesAsMalformedFailsAtOnceForAnOperator() {
        stubs.server()
                .stubFor(post(urlPathEqualTo(DigitalPost.PATH))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(400)
                                .withBody("<Fejl><FejlKode>KPA-400</FejlKode><FejlTekst>Ugyldig</FejlTekst></Fejl>")));
        var application = submittedBy(Persons.LONE);
        delivery.runDue();
        var failed = outbox.delivery(application.id()).orElseThrow();
        assertThat(failed.state()).isEqualTo("FAILED");
        assertThat(failed.attempts()).isEqualTo(1);
        assertThat(failed.lastError()).contains("400").contains("KPA-400");
        assertThat(failed.status()).isEqualTo(Outbox.Status.FAILED);
    }

    @Test
    void theSimulatorRefusesAMeMoThatBreaksTheSchema() {
        var kombi = MeMo.kombiRequest(new MeMo.Letter(
                UUID.randomUUID(),
                "IND-1",
                "",
                new MeMo.Sender("5513301", "Aarhus Kommune"),
                "1503889984",
                null,
                "IND-1",
                null,
                clock.instant(),
                "brev.pdf",
                new byte[] {1, 2, 3},
                null));
        var problem = DigitalPostSimulator.problemWith(kombi);
        assertThat(problem).isPresent();
        assertThat(DigitalPostSimulator.problemWith(
                        "<kombi_request><KombiValgKode>Brevdue</KombiValgKode></kombi_request>"))
                .hasValueSatisfying(p -> assertThat(p).contains("KombiValgKode"));
        assertThat(DigitalPostSimulator.problemWith("not xml")).isPresent();
    }

    @Test
    void aWorkerStoppedMidDeliveryIsResumed() {
        var application = submittedBy(Persons.METTE);
        // A worker claimed it and stopped: its claim ran out.
        jdbc.sql("update outbox set state = 'SENDING', claimed_until = ? where application_id = ?")
                .params(OffsetDateTime.now(clock).minusMinutes(1), application.id())
                .update();
        delivery.runDue();
        assertThat(outbox.delivery(application.id()).orElseThrow().state()).isEqualTo("DONE");
        assertThat(kombiRequests(stubs, application.id())).hasSize(1);
    }

    private HttpResponse<String> postReceipt(String body, String key) throws Exception {
        var request = HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/beskedfordeler/v1/haendelser"))
                .header("Content-Type", "application/xml");
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        try (var http = HttpClient.newHttpClient()) {
            return http.send(
                    request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static String receipt(UUID message, String status) {
        return """
                <Haendelsesbesked xmlns="urn:oio:besked:kuvert:1.0"><Beskeddata><Kvittering>
                <MeddelelseUUID>%s</MeddelelseUUID><Status>%s</Status><Tidspunkt>2026-06-15T10:00:00Z</Tidspunkt>
                </Kvittering></Beskeddata></Haendelsesbesked>""".formatted(message, status);
    }

    @Test
    void theReceiverTakesReceiptsWithItsKeyOnlyAndSaysWhatIsWrongWithABadOne() throws Exception {
        var application = submittedBy(Persons.LONE);
        delivery.runDue();
        receiptOf(application);
        var key = "dev-beskedfordeler-key-change-me";

        assertThat(postReceipt(receipt(application.id(), "FEJLET"), null).statusCode())
                .isEqualTo(401);
        assertThat(postReceipt(receipt(application.id(), "FEJLET"), "wrong").statusCode())
                .isEqualTo(401);
        // a case system's key opens the case API, not this
        assertThat(postReceipt(receipt(application.id(), "FEJLET"), "dev-case-key-change-me")
                        .statusCode())
                .isEqualTo(401);

        var malformed = postReceipt("<Haendelsesbesked><Beskeddata>", key);
        assertThat(malformed.statusCode()).isEqualTo(400);
        assertThat(malformed.body()).contains("well-formed");
        var badStatus = postReceipt(receipt(application.id(), "MAASKE"), key);
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("Kvittering/Status");

        var unknown = postReceipt(receipt(UUID.randomUUID(), "LEVERET"), key);
        assertThat(unknown.statusCode()).isEqualTo(202);
        assertThat(unknown.body()).contains("\"known\":false");

        // A later receipt (e.g. print failed after all) updates the delivery; a repeat changes nothing.
        assertThat(postReceipt(receipt(application.id(), "FEJLET"), key).statusCode())
                .isEqualTo(202);
        assertThat(postReceipt(receipt(application.id(), "FEJLET"), key).statusCode())
                .isEqualTo(202);
        assertThat(outbox.delivery(application.id()).orElseThrow().status()).isEqualTo(Outbox.Status.FAILED);
    }

    @org.junit.jupiter.api.Test
    void aBurstIsDrainedAtOnceInParallelAndTheBacklogIsReported(
            @Autowired org.springframework.boot.health.contributor.HealthIndicator outboxHealthIndicator) {
        delivery.runDue();
        for (int i = 0; i < 45; i++) {
            submittedBy(i % 2 == 0 ? dk.indgang.Persons.METTE : dk.indgang.Persons.LONE);
        }
        var waiting = outbox.backlog();
        assertThat(waiting.waiting()).isGreaterThanOrEqualTo(45);
        var health = outboxHealthIndicator.health();
        assertThat(health.getDetails()).containsEntry("waiting", waiting.waiting());
        // Not 20 per run, as before: a batch holds 200 and is delivered 16 at a time.
        assertThat(delivery.runDue()).isGreaterThanOrEqualTo(45);
        assertThat(outbox.backlog().waiting()).isZero();
        assertThat(outboxHealthIndicator.health().getStatus().getCode()).isEqualTo("UP");
    }
}
