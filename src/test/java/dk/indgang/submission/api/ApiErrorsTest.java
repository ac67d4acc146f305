package dk.indgang.submission.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Error bodies say what is wrong in the client's words, never naming Indgang's Java classes. */
class ApiErrorsTest {

    @Test
    void javaTypesInParserMessagesAreNotShown() {
        var message = ApiErrors.firstLine(
                "Cannot deserialize value of type `java.util.LinkedHashMap<java.lang.String,java.lang.Object>` from"
                        + " Array value (token `JsonToken.START_ARRAY`)\n at [Source: REDACTED; line: 1]");
        assertThat(message).doesNotContain("java.", "LinkedHashMap").contains("a JSON value");
        assertThat(ApiErrors.firstLine(
                        "Cannot construct instance of `dk.indgang.submission.api.FormApiController$NewDraft`"))
                .doesNotContain("dk.indgang", "FormApiController");
    }
}
