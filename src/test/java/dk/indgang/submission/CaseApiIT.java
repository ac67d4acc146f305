package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The case-system API over real HTTP: keys, cursor, documents, receipts, acknowledgement, status. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CaseApiIT {

    private static final String KEY = "dev-case-key-change-me";

    @LocalServerPort
    int port;

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    Clock clock;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> call(String method, String path, String key, String body) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (key != null) {
            request.header("X-Api-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private Application submitted() {
        return SubmissionFixtures.submittedHusstand(submissions, drafts, catalog, clock, Persons.LONE, "Lone Prøvesen");
    }

    @Test
    void refusesCallsWithoutAValidKey() throws Exception {
        assertThat(call("GET", "/api/case/v1/applications", null, null).statusCode())
                .isEqualTo(401);
        assertThat(call("GET", "/api/case/v1/applications", "wrong", null).statusCode())
                .isEqualTo(401);
        // the Beskedfordeler's key delivers Digital Post's receipts and opens nothing else
        assertThat(call("GET", "/api/case/v1/applications", "dev-beskedfordeler-key-change-me", null)
                        .statusCode())
                .isEqualTo(401);
    }

    @Test
    void handsOverApplicationsByCursorAndTakesStatusBack() throws Exception {
        var application = submitted();
        var page = new ObjectMapper()
                .readTree(call("GET", "/api/case/v1/applications?after=" + (application.seq() - 1), KEY, null)
                        .body());
        assertThat(page.at("/items/0/receiptNumber").asText()).isEqualTo(application.receiptNumber());
        assertThat(page.at("/nextCursor").asLong()).isGreaterThanOrEqualTo(application.seq());

        var document = call("GET", "/api/case/v1/applications/" + application.id(), KEY, null);
        assertThat(document.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper()
                        .readTree(document.body())
                        .at("/receiptNumber")
                        .asText())
                .isEqualTo(application.receiptNumber());

        var receipt = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/case/v1/applications/"
                                + application.id() + "/receipt"))
                        .header("X-Api-Key", KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(receipt.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(receipt.body(), 0, 4)).isEqualTo("%PDF");

        assertThat(call("POST", "/api/case/v1/applications/" + application.id() + "/acknowledge", KEY, null)
                        .statusCode())
                .isEqualTo(204);
        var unacknowledged = call(
                        "GET",
                        "/api/case/v1/applications?unacknowledged=true&after=" + (application.seq() - 1),
                        KEY,
                        null)
                .body();
        assertThat(unacknowledged).doesNotContain(application.receiptNumber());

        var report = call(
                "POST",
                "/api/case/v1/applications/" + application.id() + "/status",
                KEY,
                "{\"status\":\"AWAITING_INFORMATION\",\"message\":\"Vi mangler din lejekontrakt.\"}");
        assertThat(report.statusCode()).isEqualTo(201);
        assertThat(submissions.history(application.id()))
                .extracting(Application.StatusEntry::message)
                .contains("Vi mangler din lejekontrakt.");
        assertThat(submissions
                        .find(application.id(), Persons.LONE)
                        .orElseThrow()
                        .status())
                .isEqualTo(CaseStatus.AWAITING_INFORMATION);
    }

    @Test
    void aClientMistakeIsA400WithAProblemDetailNeverA500() throws Exception {
        var application = submitted();
        var badStatus =
                call("POST", "/api/case/v1/applications/" + application.id() + "/status", KEY, "{\"status\":\"DONE\"}");
        assertThat(badStatus.statusCode()).isEqualTo(400);
        assertThat(badStatus.body()).contains("Bad request");
        var received = call(
                "POST", "/api/case/v1/applications/" + application.id() + "/status", KEY, "{\"status\":\"RECEIVED\"}");
        assertThat(received.statusCode()).isEqualTo(400);
        assertThat(received.body()).contains("recorded by Indgang");
        var malformed = call("POST", "/api/case/v1/applications/" + application.id() + "/status", KEY, "{\"status\":");
        assertThat(malformed.statusCode()).isEqualTo(400);
        var missing = call("POST", "/api/case/v1/applications/" + application.id() + "/status", KEY, "{}");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(call("GET", "/api/case/v1/applications/not-a-uuid", KEY, null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/case/v1/applications?limit=100000", KEY, null)
                        .statusCode())
                .isEqualTo(400);
        assertThat(call("GET", "/api/case/v1/applications/00000000-0000-4000-8000-000000000000", KEY, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void publishesAnOpenApiDescription() throws Exception {
        var docs = call("GET", "/v3/api-docs", null, null);
        assertThat(docs.statusCode()).isEqualTo(200);
        assertThat(docs.body()).contains("/api/case/v1/applications/{id}/status", "X-Api-Key");
    }

    /** Hostile and mistaken requests to the case API: each a 4xx with a problem detail, never a 5xx. */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0} {1}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            GET    | /api/case/v1/applications?limit=0                          | -
            GET    | /api/case/v1/applications?limit=abc                        | -
            GET    | /api/case/v1/applications?after=-1                         | -
            GET    | /api/case/v1/applications?after=99999999999999999999999    | -
            GET    | /api/case/v1/applications/not-a-uuid                       | -
            GET    | /api/case/v1/applications/00000000-0000-0000-0000-000000000000 | -
            GET    | /api/case/v1/applications/{id}/attachments/nothex          | -
            POST   | /api/case/v1/applications/{id}/status                      | {"status":["DECIDED"]}
            POST   | /api/case/v1/applications/{id}/status                      | {"status":"decided"}
            POST   | /api/case/v1/applications/{id}/status                      | []
            POST   | /api/case/v1/applications/{id}/status                      | {"status":"DECIDED","message":"MESSAGE"}
            DELETE | /api/case/v1/applications/{id}                             | -
            PUT    | /api/case/v1/applications/{id}/status                      | {}
            """)
    void hostileRequestsAreClientErrorsNeverServerErrors(String method, String path, String body) throws Exception {
        var application = submitted();
        var payload = body == null ? null : body.replace("MESSAGE", "x".repeat(5000));
        var response = call(method, path.replace("{id}", application.id().toString()), KEY, payload);
        assertThat(response.statusCode()).as(method + " " + path).isBetween(400, 499);
        assertThat(response.body()).doesNotContain("Exception", "java.", "dk.indgang");
    }
}
