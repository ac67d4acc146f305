package dk.indgang.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.Application;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Outbox;
import dk.indgang.submission.SubmissionFixtures;
import dk.indgang.submission.Submissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/** Receipts reach Digital Post or the print route, with retries, and a stopped worker's job resumes. */
@SpringBootTest
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

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers;

    @AfterEach
    void reset() {
        stubs.server().resetToDefaultMappings();
        stubs.server().resetRequests();
        breakers.getAllCircuitBreakers().forEach(b -> b.reset());
    }

    private Application submittedBy(String cpr) {
        return SubmissionFixtures.submittedHusstand(submissions, drafts, catalog, clock, cpr, "Test Person");
    }

    private int posts(String path, Application application) {
        var field = path.contains("digitalpost") ? "$.messageUUID" : "$.letterUUID";
        return stubs.server()
                .findAll(postRequestedFor(urlPathEqualTo(path))
                        .withRequestBody(matchingJsonPath(
                                field,
                                com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                                        application.id().toString()))))
                .size();
    }

    @Test
    void sendsTheReceiptToDigitalPost() {
        var application = submittedBy(Persons.METTE);
        delivery.runDue();
        var state = outbox.delivery(application.id()).orElseThrow();
        assertThat(state.state()).isEqualTo("DONE");
        assertThat(state.route()).isEqualTo("DIGITAL_POST");
        assertThat(posts("/digitalpost/v1/messages", application)).isEqualTo(1);
    }

    @Test
    void citizensExemptFromDigitalPostGetALetter() {
        var application = submittedBy(Persons.BO);
        delivery.runDue();
        assertThat(outbox.delivery(application.id()).orElseThrow().route()).isEqualTo("PRINT");
        assertThat(posts("/print/v1/letters", application)).isEqualTo(1);
        assertThat(posts("/digitalpost/v1/messages", application)).isZero();
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameMessageId() {
        var down = stubs.server()
                .stubFor(post(urlPathEqualTo("/digitalpost/v1/messages"))
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
        assertThat(posts("/digitalpost/v1/messages", application)).isEqualTo(2);
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
        assertThat(posts("/digitalpost/v1/messages", application)).isEqualTo(1);
    }

    @Test
    void whenCprCannotSayWhichRouteTheDeliveryWaits() {
        stubs.server()
                .stubFor(get(urlPathEqualTo("/cpr/v1/personer/0102039994"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        var application = submittedBy(Persons.FREJA);
        delivery.runDue();
        var waiting = outbox.delivery(application.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo("PENDING");
        assertThat(waiting.lastError()).startsWith("CPR unavailable");
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
