package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indgang.Persons;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/** The headless form API over real HTTP, as another channel would use it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class FormApiIT {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    private HttpResponse<String> call(String method, String path, String token, String body, String... headers)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String token(String cpr) throws Exception {
        var response = call("POST", "/api/forms/v1/dev/token", null, "{\"cpr\":\"" + cpr + "\"}");
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body()).get("accessToken").asText();
    }

    private JsonNode read(HttpResponse<String> response) throws Exception {
        return json.readTree(response.body());
    }

    @Test
    void aCitizenFillsInAndSubmitsAFormWithRegisterPrefillAndAnIdempotencyKey() throws Exception {
        var mette = token("150388-9984");
        var started = call("POST", "/api/forms/v1/drafts", mette, "{\"formId\":\"registre-test\"}");
        assertThat(started.statusCode()).isEqualTo(201);
        var state = read(started);
        var draft = state.get("draftId").asText();
        assertThat(state.at("/answers/navn").asText()).isEqualTo("Mette Fiktiv Testesen");
        assertThat(state.at("/provenance/navn/source").asText()).isEqualTo("REGISTER");
        assertThat(state.at("/provenance/areal/register").asText()).isEqualTo("bbr");

        var changed =
                read(call("PUT", "/api/forms/v1/drafts/" + draft + "/answers", mette, "{\"values\":{\"areal\":120}}"));
        assertThat(changed.at("/provenance/areal/source").asText()).isEqualTo("CHANGED");
        assertThat(changed.get("findings").findValuesAsText("rule")).contains("arealAfviger");

        var blocked = call("POST", "/api/forms/v1/drafts/" + draft + "/submit", mette, null, "Idempotency-Key", "k-1");
        assertThat(blocked.statusCode()).isEqualTo(422);
        assertThat(blocked.body()).contains("Arealet er ikke det samme som i BBR");

        call(
                "PUT",
                "/api/forms/v1/drafts/" + draft + "/answers",
                mette,
                "{\"acknowledgements\":{\"arealAfviger\":\"Vi har bygget en tilbygning.\"}}");
        var submitted =
                call("POST", "/api/forms/v1/drafts/" + draft + "/submit", mette, null, "Idempotency-Key", "k-1");
        assertThat(submitted.statusCode()).isEqualTo(201);
        var applicationId = read(submitted).get("applicationId").asText();
        var again = call("POST", "/api/forms/v1/drafts/" + draft + "/submit", mette, null, "Idempotency-Key", "k-1");
        assertThat(read(again).get("applicationId").asText()).isEqualTo(applicationId);

        var document = read(call("GET", "/api/forms/v1/applications/" + applicationId, mette, null));
        assertThat(document.at("/flags/confirmedWarnings/0/explanation").asText())
                .isEqualTo("Vi har bygget en tilbygning.");
        var receipt = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/forms/v1/applications/"
                                + applicationId + "/receipt"))
                        .header("Authorization", "Bearer " + mette)
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(new String(receipt.body(), 0, 4)).isEqualTo("%PDF");

        // Another citizen sees none of it.
        var lone = token(Persons.LONE);
        assertThat(call("GET", "/api/forms/v1/drafts/" + draft, lone, null).statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/forms/v1/applications/" + applicationId, lone, null)
                        .statusCode())
                .isEqualTo(404);
        assertThat(call("GET", "/api/forms/v1/applications/" + applicationId + "/receipt", lone, null)
                        .statusCode())
                .isEqualTo(404);
    }

    @Test
    void refusesMissingOrForgedTokensAndExplainsBadInput() throws Exception {
        assertThat(call("POST", "/api/forms/v1/drafts", null, "{\"formId\":\"registre-test\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("POST", "/api/forms/v1/drafts", "not.a.jwt", "{\"formId\":\"registre-test\"}")
                        .statusCode())
                .isEqualTo(401);
        assertThat(call("POST", "/api/forms/v1/dev/token", null, "{\"cpr\":\"0101011234\"}")
                        .statusCode())
                .isEqualTo(400);

        var mette = token(Persons.METTE);
        var draft = read(call("POST", "/api/forms/v1/drafts", mette, "{\"formId\":\"husstand-test\"}"))
                .get("draftId")
                .asText();
        var unknown =
                call("PUT", "/api/forms/v1/drafts/" + draft + "/answers", mette, "{\"values\":{\"nosuchfield\":1}}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("nosuchfield");
        assertThat(call("PUT", "/api/forms/v1/drafts/" + draft + "/answers", mette, "{\"values\":")
                        .statusCode())
                .isEqualTo(400);
        var wrongType = read(call(
                "PUT",
                "/api/forms/v1/drafts/" + draft + "/answers",
                mette,
                "{\"values\":{\"husleje\":\"mange penge\"}}"));
        assertThat(wrongType.get("findings").findValuesAsText("code")).contains("value.wrong.type");
        assertThat(call("POST", "/api/forms/v1/drafts", mette, "{\"formId\":\"nosuchform\"}")
                        .statusCode())
                .isEqualTo(404);
    }
}
