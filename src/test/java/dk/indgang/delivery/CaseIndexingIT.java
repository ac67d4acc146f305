package dk.indgang.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dk.indgang.delivery.DigitalPostRecords.xpath;
import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.casework.Cases;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.CaseIndexQueue;
import dk.indgang.submission.CaseStatus;
import dk.indgang.submission.CaseSystem;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.SubmissionFixtures;
import dk.indgang.submission.Submissions;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every case in the SF1470 case index behind Mit Overblik, external forms' cases too: indexed with
 * the status their case system reports, retried while the index is down. (A municipal case's every
 * step: {@code CasesIT}.)
 */
@SpringBootTest
@ActiveProfiles("test")
public class CaseIndexingIT {

    @Autowired
    CaseIndexing indexing;

    @Autowired
    CaseIndexQueue queue;

    @Autowired
    Cases cases;

    @Autowired
    CaseSystem caseSystem;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    StubRegisters stubs;

    @Autowired
    Clock clock;

    @AfterEach
    void reset() {
        stubs.server().resetToDefaultMappings();
        stubs.server().resetRequests();
    }

    /** Every case message the index got for this application, in order. */
    public static List<String> indexed(StubRegisters stubs, UUID applicationId) {
        return stubs
                .server()
                .findAll(putRequestedFor(urlPathEqualTo("/service/SagDokumentIndeks_6/sag/" + applicationId)))
                .stream()
                .map(r -> r.getBodyAsString())
                .toList();
    }

    private List<String> indexed(UUID applicationId) {
        return indexed(stubs, applicationId);
    }

    private static String at(String xml, String path) {
        return xpath(xml, path);
    }

    @Test
    void anExternalFormsCaseIsIndexedWithTheStatusItsCaseSystemReports() {
        var application = SubmissionFixtures.submittedHusstand(
                submissions, drafts, catalog, clock, Persons.LONE, "Lone Testesen");
        caseSystem.reportExternal(application.id(), CaseStatus.IN_PROGRESS, "Vi er gået i gang.", "sbsys");
        caseSystem.reportExternal(application.id(), CaseStatus.DECIDED, "Afgjort.", "sbsys");
        indexing.runDue();
        // Three changes before the worker came: one message with the latest picture.
        var sent = indexed(application.id());
        assertThat(sent).hasSize(1);
        assertThat(at(sent.getFirst(), "//*[local-name()='Fremdrift']/*[local-name()='Status']"))
                .isEqualTo("Afgjort");
        assertThat(queue.state(application.id()).orElseThrow().indexedStatus()).isEqualTo("DECIDED");
    }

    @Test
    void anIndexThatIsDownIsRetriedAndAChangeMeanwhileIsNotLost() {
        var down = stubs.server()
                .stubFor(put(urlPathMatching("/service/SagDokumentIndeks_6/sag/.*"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        var application = SubmissionFixtures.submittedHusstand(
                submissions, drafts, catalog, clock, Persons.LONE, "Lone Testesen");
        indexing.runDue();
        var waiting = queue.state(application.id()).orElseThrow();
        assertThat(waiting.state()).isEqualTo("PENDING");
        assertThat(waiting.lastError()).contains("503");
        stubs.server().removeStub(down);
        caseSystem.reportExternal(application.id(), CaseStatus.IN_PROGRESS, null, "sbsys");
        indexing.runDue();
        var state = queue.state(application.id()).orElseThrow();
        assertThat(state.state()).isEqualTo("DONE");
        assertThat(state.indexedStatus()).isEqualTo("IN_PROGRESS");
    }

    @Test
    void theSimulatedIndexRefusesACaseWithoutItsRequiredParts() {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var refused = http.send(
                    java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                    stubs.baseUrl() + "/service/SagDokumentIndeks_6/sag/" + UUID.randomUUID()))
                            .header("Content-Type", "application/xml")
                            .header("X-TransaktionsId", UUID.randomUUID().toString())
                            .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    "<Sag xmlns=\"" + CaseIndexing.NAMESPACE + "\"><Titel>Uden part</Titel></Sag>"))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("SDI-400");
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
