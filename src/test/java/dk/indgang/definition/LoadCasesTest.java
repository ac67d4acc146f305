package dk.indgang.definition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every load case in {@code src/test/resources/load-cases}: a form with one change, and the problem
 * the loader (with the rate-table check the linter and the catalog run) must report, at its line.
 */
class LoadCasesTest {

    private static final Path RESOURCES = Path.of("src/test/resources");

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws IOException {
        var all = new ArrayList<Arguments>();
        try (var files = Files.list(RESOURCES.resolve("load-cases"))) {
            for (var file : files.sorted().toList()) {
                Map<String, Object> doc =
                        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
                for (var c : (List<Map<String, Object>>) doc.get("cases")) {
                    assertThat(c.keySet()).as(c.get("name") + " keys").isSubsetOf("name", "form", "replace", "expect");
                    all.add(Arguments.of(c.get("name"), c));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void refusesTheDefinitionAtTheLine(String name, Map<String, Object> c) throws IOException {
        var file = RESOURCES.resolve((String) c.get("form"));
        var source = Files.readString(file);
        for (var entry : ((Map<String, String>) c.get("replace")).entrySet()) {
            assertThat(source).as("the form has the text to replace").contains(entry.getKey());
            source = source.replace(entry.getKey(), entry.getValue());
        }
        var changed = source;
        var expect = (Map<String, String>) c.get("expect");
        // written beside the original, so its rate table (rates/ beside the form) is found
        var copy = file.resolveSibling("load-case-" + file.getFileName());
        Files.writeString(copy, changed);
        List<Problem> problems;
        try {
            var thrown = catchThrowableOfType(DefinitionException.class, () -> {
                var form = new FormLoader().load(copy);
                RateTable.forForm(form, copy.toAbsolutePath().getParent());
            });
            assertThat(thrown).as("the definition is refused").isNotNull();
            problems = thrown.problems();
        } finally {
            Files.deleteIfExists(copy);
        }
        assertThat(problems).extracting(Problem::messageKey).contains(expect.get("key"));
        if (expect.containsKey("at")) {
            var problem = problems.stream()
                    .filter(p -> p.messageKey().equals(expect.get("key")))
                    .findFirst()
                    .orElseThrow();
            var line = changed.lines().toList().get(problem.location().line() - 1);
            assertThat(line).as("the line it is located at").contains(expect.get("at"));
            // said in words, in both languages
            assertThat(problem.message(java.util.Locale.ENGLISH)).doesNotStartWith("!");
            assertThat(problem.message(java.util.Locale.forLanguageTag("da"))).isNotBlank();
        }
    }
}
