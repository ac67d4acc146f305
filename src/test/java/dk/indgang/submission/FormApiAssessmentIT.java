package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Another channel shows the straks afklaring before submit: the headless API's draft state and
 * review carry the assessment as it stands (real forms and rates), and a refusal names the rule.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class FormApiAssessmentIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private JsonNode call(String method, String path, String token, String body, int status) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        var response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json.readTree(response.body());
    }

    @Test
    void theDraftStateAndTheReviewCarryTheAssessmentAndARefusalNamesItsRule() throws Exception {
        var kasper = call("POST", "/api/forms/v1/dev/token", null, "{\"cpr\":\"021185-9977\"}", 200)
                .get("accessToken")
                .asText();
        var draft = call("POST", "/api/forms/v1/drafts", kasper, "{\"formId\":\"boernetilskud\"}", 201)
                .get("draftId")
                .asText();
        // nothing answered: refused with each field's finding by its code
        var empty = call("POST", "/api/forms/v1/drafts/" + draft + "/submit", kasper, null, 422);
        assertThat(empty.get("blocking").findValuesAsText("code")).contains("required");
        // the declaration refused: refused by the rule's id
        call(
                "PUT",
                "/api/forms/v1/drafts/" + draft + "/answers",
                kasper,
                "{\"values\":{\"samlevende\":false,\"enligErklaering\":true,\"erklaering\":false}}",
                200);
        var refused = call("POST", "/api/forms/v1/drafts/" + draft + "/submit", kasper, null, 422);
        assertThat(refused.get("blocking").findValuesAsText("rule")).contains("erklaeringMangler");

        var state = call(
                "PUT",
                "/api/forms/v1/drafts/" + draft + "/answers",
                kasper,
                "{\"values\":{\"samlevende\":false,\"enligErklaering\":true,\"erklaering\":true}}",
                200);
        assertThat(state.at("/assessment/result").asText()).isEqualTo("eligible");
        assertThat(state.at("/assessment/amount").asText()).startsWith("3515");
        assertThat(state.at("/assessment/period").asText()).isEqualTo("quarter");
        assertThat(state.at("/assessment/obstacles").isArray()).isTrue();

        var review = call("GET", "/api/forms/v1/drafts/" + draft + "/review", kasper, null, 200);
        assertThat(review.get("sections").isArray()).isTrue();
        assertThat(review.at("/assessment/result").asText()).isEqualTo("eligible");
    }
}
