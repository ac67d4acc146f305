package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The published application schema (docs/schema/application.schema.json), for tests of every channel. */
public final class ApplicationSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static JsonSchema schema;

    private ApplicationSchema() {}

    public static synchronized void assertValid(String document) {
        try {
            if (schema == null) {
                schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(JSON.readTree(
                                Path.of("docs/schema/application.schema.json").toFile()));
            }
            assertThat(schema.validate(JSON.readTree(document)))
                    .as("schema violations")
                    .isEmpty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
