package dk.indgang.definition;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Keeps docs/schema/form-definition.schema.json (for editors) and the loader in step. */
class DefinitionSchemaTest {

    private static final Path SCHEMA = Path.of("docs/schema/form-definition.schema.json");

    private static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(SCHEMA.toFile());
    }

    private static Set<String> names(JsonNode properties) {
        var names = new HashSet<String>();
        properties.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void schemaAndLoaderAcceptTheSameKeys() throws IOException {
        var schema = schema();
        var defs = schema.get("$defs");
        assertThat(names(schema.get("properties"))).isEqualTo(FormLoader.FORM_KEYS);
        assertThat(names(defs.get("step").get("properties"))).isEqualTo(FormLoader.STEP_KEYS);
        assertThat(names(defs.get("rule").get("properties"))).isEqualTo(FormLoader.RULE_KEYS);
        assertThat(names(defs.get("lookup").get("properties"))).isEqualTo(FormLoader.LOOKUP_KEYS);
        var assessment = defs.get("assessment").get("properties");
        assertThat(names(assessment)).isEqualTo(FormLoader.ASSESSMENT_KEYS);
        assertThat(names(assessment.get("steps").get("items").get("properties")))
                .isEqualTo(FormLoader.CALCULATION_STEP_KEYS);
        assertThat(names(assessment.get("outcomes").get("items").get("properties")))
                .isEqualTo(FormLoader.OUTCOME_KEYS);
        var field = defs.get("field");
        var allFieldKeys = new HashSet<>(FormLoader.COMMON_FIELD_KEYS);
        FormLoader.TYPE_KEYS.values().forEach(allFieldKeys::addAll);
        assertThat(names(field.get("properties"))).isEqualTo(allFieldKeys);
        var types = new HashSet<String>();
        field.get("properties").get("type").get("enum").forEach(t -> types.add(t.asText()));
        assertThat(types).isEqualTo(FormLoader.TYPE_KEYS.keySet());
        for (var condition : field.get("allOf")) {
            var type = condition
                    .get("if")
                    .get("properties")
                    .get("type")
                    .get("const")
                    .asText();
            var allowed = new HashSet<String>();
            condition.get("then").get("propertyNames").get("enum").forEach(k -> allowed.add(k.asText()));
            var expected = new HashSet<>(FormLoader.COMMON_FIELD_KEYS);
            expected.addAll(FormLoader.TYPE_KEYS.get(type));
            assertThat(allowed).as(type).isEqualTo(expected);
        }
    }

    static Stream<Path> definitions() throws IOException {
        return Stream.concat(Files.list(Path.of("forms")), Files.list(Path.of("src/test/resources/forms")))
                .filter(Files::isRegularFile)
                .filter(Linter::isDefinition)
                .sorted();
    }

    @org.junit.jupiter.api.Test
    void schemaAndLoaderBothRequireAFieldsLabelExceptForAnInfoText() throws IOException {
        var validator =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema());
        var source = Files.readString(Path.of("src/test/resources/forms/husstand-test.yaml"));
        var unlabelled = source.replace("        label: {da: \"Dit navn\", en: \"Your name\"}\n", "");
        assertThat(unlabelled).isNotEqualTo(source);
        assertThat(validator.validate(new YAMLMapper().readTree(unlabelled))).isNotEmpty();
        assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(
                                DefinitionException.class, () -> new FormLoader().load("form.yaml", unlabelled))
                        .problems())
                .anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("key.missing"));
        var info = source.replace(
                "  - id: dig\n    title: {da: \"Om dig\", en: \"About you\"}\n    fields:\n",
                "  - id: dig\n    title: {da: \"Om dig\", en: \"About you\"}\n    fields:\n"
                        + "      - id: vejledning\n        type: info\n        text: {da: \"Læs først\", en: \"Read first\"}\n");
        assertThat(info).contains("vejledning");
        assertThat(validator.validate(new YAMLMapper().readTree(info))).isEmpty();
        assertThat(new FormLoader().load("form.yaml", info).field("vejledning")).isPresent();
    }

    @ParameterizedTest
    @MethodSource("definitions")
    void everyDefinitionValidatesAgainstTheSchemaAndPointsEditorsToIt(Path file) throws IOException {
        var validator =
                JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema());
        var errors = validator.validate(new YAMLMapper().readTree(file.toFile()));
        assertThat(errors).as(file.toString()).isEmpty();
        var firstLine = Files.readAllLines(file).getFirst();
        assertThat(firstLine).startsWith("# yaml-language-server: $schema=");
        var target = file.getParent()
                .resolve(firstLine.substring(firstLine.indexOf('=') + 1))
                .normalize();
        assertThat(target).isEqualTo(SCHEMA.normalize());
    }
}
