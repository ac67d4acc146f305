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

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.context.ApplicationContext context;

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
        // The same key for another draft is a mistake, answered as one; that draft stays open.
        var second = read(call("POST", "/api/forms/v1/drafts", mette, "{\"formId\":\"dato-test\"}"))
                .get("draftId")
                .asText();
        call(
                "PUT",
                "/api/forms/v1/drafts/" + second + "/answers",
                mette,
                "{\"values\":{\"flytteDato\":\"2026-11-20\"}}");
        var reused = call("POST", "/api/forms/v1/drafts/" + second + "/submit", mette, null, "Idempotency-Key", "k-1");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(reused.body()).contains("Idempotency-Key");

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
        // Signed by the right key, but minted for another service: refused.
        var foreign = dk.indgang.security.ForeignTokens.mint(context, Persons.METTE, "another-service");
        assertThat(call("POST", "/api/forms/v1/drafts", foreign, "{\"formId\":\"registre-test\"}")
                        .statusCode())
                .isEqualTo(401);
        var ours = dk.indgang.security.ForeignTokens.mint(context, Persons.METTE, "indgang-form-api");
        assertThat(call("POST", "/api/forms/v1/drafts", ours, "{\"formId\":\"registre-test\"}")
                        .statusCode())
                .isEqualTo(201);
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
        var wrongType = call(
                "PUT",
                "/api/forms/v1/drafts/" + draft + "/answers",
                mette,
                "{\"values\":{\"husleje\":\"mange penge\"}}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(read(wrongType).get("path").asText()).isEqualTo("values.husleje");
        assertThat(call("POST", "/api/forms/v1/drafts", mette, "{\"formId\":\"nosuchform\"}")
                        .statusCode())
                .isEqualTo(404);
    }

    /**
     * Hostile and mistaken answers are refused at the edge with where and what, never stored and
     * never a 500: number bombs, coercions that would change the outcome, unknown targets, oversized
     * texts, impossible dates and files that were never uploaded.
     */
    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', textBlock = """
            money as an exponent bomb          | {"values":{"husleje":"1e300000"}}                  | values.husleje
            money as a bigger exponent bomb    | {"values":{"husleje":"1e10000000"}}                | values.husleje
            money as a JSON exponent           | {"values":{"husleje":1e300}}                       | values.husleje
            money with 16 digits               | {"values":{"husleje":"1234567890123456"}}          | values.husleje
            money with three decimals          | {"values":{"husleje":"100.555"}}                   | values.husleje
            yes/no as "ja"                     | {"values":{"harBoern":"ja"}}                       | values.harBoern
            yes/no as 1                        | {"values":{"harBoern":1}}                          | values.harBoern
            yes/no as [true]                   | {"values":{"harBoern":[true]}}                     | values.harBoern
            an integer beyond long             | {"groups":{"boernListe":[{"barnAlder":18446744073709551618}]}} | groups.boernListe[0].barnAlder
            an integer with decimals           | {"groups":{"boernListe":[{"barnAlder":3.5}]}}      | groups.boernListe[0].barnAlder
            an unknown group                   | {"groups":{"nosuchgroup":[]}}                      | groups.nosuchgroup
            an unknown field in a group        | {"groups":{"boernListe":[{"nosuch":1}]}}           | groups.boernListe[0].nosuch
            a computed field                   | {"values":{"rest":"100"}}                          | values.rest
            a rule that does not exist         | {"acknowledgements":{"nosuchrule":"fordi"}}        | acknowledgements.nosuchrule
            the year 0000                      | {"values":{"foedselsdato":"0000-01-01"}}           | values.foedselsdato
            a date that is not in the calendar | {"values":{"foedselsdato":"2026-02-30"}}           | values.foedselsdato
            a text as a number                 | {"values":{"navn":42}}                             | values.navn
            """)
    void refusesHostileAnswersWithWhereAndWhat(String what, String body, String path) throws Exception {
        var mette = token(Persons.METTE);
        var draft = read(call("POST", "/api/forms/v1/drafts", mette, "{\"formId\":\"husstand-test\"}"))
                .get("draftId")
                .asText();
        var refused = call("PUT", "/api/forms/v1/drafts/" + draft + "/answers", mette, body);
        assertThat(refused.statusCode()).as(what).isEqualTo(400);
        assertThat(read(refused).get("path").asText()).as(what).isEqualTo(path);
        assertThat(refused.body()).doesNotContain("Exception", "java.");
        // Nothing was stored: the draft reads as before, at once.
        var state = call("GET", "/api/forms/v1/drafts/" + draft, mette, null);
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(read(state).at("/answers/husleje").isMissingNode()).isTrue();
    }

    @Test
    void oversizedTextsAndFilesNeverUploadedAreRefused() throws Exception {
        var mette = token(Persons.METTE);
        var draft = read(call("POST", "/api/forms/v1/drafts", mette, "{\"formId\":\"husstand-test\"}"))
                .get("draftId")
                .asText();
        var megabyte = "x".repeat(1_000_000);
        var big = call(
                "PUT",
                "/api/forms/v1/drafts/" + draft + "/answers",
                mette,
                "{\"values\":{\"navn\":\"" + megabyte + "\"}}");
        assertThat(big.statusCode()).isEqualTo(400);
        assertThat(read(big).get("path").asText()).isEqualTo("values.navn");

        var withFiles = read(call("POST", "/api/forms/v1/drafts", mette, "{\"formId\":\"dato-test\"}"))
                .get("draftId")
                .asText();
        var fake =
                "{\"values\":{\"bilag\":[{\"name\":\"a.pdf\",\"mediaType\":\"application/pdf\",\"size\":10,\"sha256\":\""
                        + "ab".repeat(32) + "\"}]}}";
        var notStored = call("PUT", "/api/forms/v1/drafts/" + withFiles + "/answers", mette, fake);
        assertThat(notStored.statusCode()).isEqualTo(400);
        assertThat(notStored.body()).contains("no file with sha256");
        var noSize =
                call("PUT", "/api/forms/v1/drafts/" + withFiles + "/answers", mette, fake.replace("\"size\":10,", ""));
        assertThat(noSize.statusCode()).isEqualTo(400);
        assertThat(read(noSize).get("path").asText()).isEqualTo("values.bilag[0].size");
        var negative = call(
                "PUT",
                "/api/forms/v1/drafts/" + withFiles + "/answers",
                mette,
                fake.replace("\"size\":10", "\"size\":-1"));
        assertThat(read(negative).get("path").asText()).isEqualTo("values.bilag[0].size");
    }

    @Test
    void aDraftPoisonedBeforeTheseChecksIsReadAsTextNotAsANumber(
            @org.springframework.beans.factory.annotation.Autowired Drafts drafts,
            @org.springframework.beans.factory.annotation.Autowired dk.indgang.catalog.FormCatalog catalog)
            throws Exception {
        // As an earlier version stored it: a money answer written out from 1e300000 (300,001 digits).
        var draft = drafts.start(catalog.current("husstand-test").orElseThrow(), Persons.METTE);
        var answers = draft.answers().copy();
        answers.set("husleje", "1" + "0".repeat(300_000));
        drafts.save(draft, answers, draft.currentStep());
        var state = call("GET", "/api/forms/v1/drafts/" + draft.id(), token(Persons.METTE), null);
        assertThat(state.statusCode()).isEqualTo(200);
        // Kept as text (cut to 10,000 characters), never parsed as a number: cheap to read, and said.
        assertThat(read(state).at("/answers/husleje").asText()).hasSize(dk.indgang.engine.AnswerInput.MAX_TEXT);
        assertThat(read(state).get("findings").findValuesAsText("code")).contains("value.wrong.type");
    }

    @Test
    void readingADraftAsksNoRegisterSoTwoHundredReadsLeaveHerDataVerified(
            @org.springframework.beans.factory.annotation.Autowired dk.indgang.audit.LookupAuditLog audit)
            throws Exception {
        var lone = token(Persons.LONE);
        var draft = read(call("POST", "/api/forms/v1/drafts", lone, "{\"formId\":\"registre-test\"}"))
                .get("draftId")
                .asText();
        var lookupsAfterStart = audit.about(Persons.LONE, 10_000).size();
        for (int i = 0; i < 200; i++) {
            assertThat(call("GET", "/api/forms/v1/drafts/" + draft, lone, null).statusCode())
                    .isEqualTo(200);
        }
        var state = read(call("GET", "/api/forms/v1/drafts/" + draft, lone, null));
        assertThat(state.at("/provenance/navn/source").asText()).isEqualTo("REGISTER");
        assertThat(state.at("/answers/navn").asText()).isEqualTo("Lone Prøvesen");
        assertThat(audit.about(Persons.LONE, 10_000)).hasSize(lookupsAfterStart);
        // Her own correction is still flagged against the register value she was shown.
        call("PUT", "/api/forms/v1/drafts/" + draft + "/answers", lone, "{\"values\":{\"navn\":\"Lone P.\"}}");
        assertThat(read(call("GET", "/api/forms/v1/drafts/" + draft, lone, null))
                        .at("/provenance/navn/source")
                        .asText())
                .isEqualTo("CHANGED");
    }
}
