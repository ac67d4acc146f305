package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.TestClock;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** Runs every engine case in {@code src/test/resources/engine-cases}: definition + answers → verdict. */
class EngineCasesTest {

    private static final Path CASES = Path.of("src/test/resources/engine-cases");
    private static final java.util.Set<String> EXPECT_KEYS =
            java.util.Set.of("visibleSteps", "violations", "computed", "submittedKeys", "submittable", "logsWarning");

    static Stream<Arguments> cases() throws IOException {
        var all = new ArrayList<Arguments>();
        try (var files = Files.list(CASES)) {
            for (var file : files.sorted().toList()) {
                Map<String, Object> doc =
                        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
                var form = new FormLoader().load(Path.of("src/test/resources", (String) doc.get("form")));
                var today = LocalDate.parse(doc.get("today").toString());
                assertThat(doc.keySet()).as(file + " keys").isSubsetOf("form", "today", "cases");
                // the rate table its assessment names, from rates/ beside the form, as the catalog reads it
                var rates = dk.indgang.definition.RateTable.forForm(
                                form,
                                Path.of("src/test/resources", (String) doc.get("form"))
                                        .getParent())
                        .orElse(null);
                for (var c : (List<Map<String, Object>>) doc.get("cases")) {
                    assertThat(c.keySet())
                            .as(file + ": " + c.get("name") + " keys")
                            .isSubsetOf("name", "answers", "groups", "acknowledge", "expect");
                    all.add(Arguments.of(file.getFileName() + ": " + c.get("name"), form, today, c, rates));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @SuppressWarnings("unchecked")
    void behavesAsTheCaseSays(
            String name,
            FormDefinition form,
            LocalDate today,
            Map<String, Object> c,
            dk.indgang.definition.RateTable rates) {
        var plain = Map.of(
                "values", c.getOrDefault("answers", Map.of()),
                "groups", c.getOrDefault("groups", Map.of()),
                "acknowledgements", ackMap((List<String>) c.getOrDefault("acknowledge", List.of())));
        var answers = ValueCodec.read(form, plain);
        var session = new FormSession(form, answers, TestClock.on(today), rates);
        var expect = (Map<String, Object>) c.get("expect");
        assertThat(expect.keySet()).as("expect keys").isSubsetOf(EXPECT_KEYS);
        var warnings = new ArrayList<LogRecord>();
        var handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    warnings.add(record);
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        var engineLog = Logger.getLogger(FormSession.class.getPackageName());
        engineLog.addHandler(handler);
        Evaluation evaluation;
        try {
            evaluation = session.evaluate();
        } finally {
            engineLog.removeHandler(handler);
        }

        if (expect.containsKey("visibleSteps")) {
            assertThat(evaluation.visibleSteps()).extracting(s -> s.id()).containsExactlyElementsOf((List<String>)
                    expect.get("visibleSteps"));
        }
        if (expect.containsKey("violations")) {
            var actual = evaluation.violations().stream()
                    .map(EngineCasesTest::describe)
                    .toList();
            assertThat(actual).containsExactlyInAnyOrderElementsOf((List<String>) expect.get("violations"));
        }
        if (expect.containsKey("computed")) {
            ((Map<String, Object>) expect.get("computed")).forEach((field, value) -> assertThat(String.valueOf(
                            ValueCodec.toPlain(evaluation.computed().get(field))))
                    .as(field)
                    .isEqualTo(String.valueOf(value)));
        }
        if (expect.containsKey("submittedKeys")) {
            assertThat(session.effectiveAnswers().keySet())
                    .containsExactlyInAnyOrderElementsOf((List<String>) expect.get("submittedKeys"));
        }
        if (expect.containsKey("logsWarning")) {
            assertThat(!warnings.isEmpty()).as("logs a warning").isEqualTo(expect.get("logsWarning"));
        }
        if (expect.containsKey("submittable")) {
            assertThat(evaluation.isSubmittable()).isEqualTo(expect.get("submittable"));
        }
    }

    private static Map<String, String> ackMap(List<String> ids) {
        var map = new java.util.LinkedHashMap<String, String>();
        ids.forEach(id -> map.put(id, "Bekræftet i test"));
        return map;
    }

    private static String describe(Violation v) {
        return v.isRule()
                ? v.path() + ": rule " + v.ruleId() + " " + v.severity().name().toLowerCase()
                : v.path() + ": " + v.messageKey();
    }
}
