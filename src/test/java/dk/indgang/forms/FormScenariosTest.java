package dk.indgang.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.assessment.Assessor;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import dk.indgang.definition.RateTable;
import dk.indgang.definition.Severity;
import dk.indgang.engine.Answers;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import dk.indgang.engine.Provenance;
import dk.indgang.engine.Registers;
import dk.indgang.engine.ValueCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Every scenario of every form in {@code forms/}: a test person from the register stubs, the
 * citizen's answers, and what the rules must say: errors, warnings, prefill, provenance, the
 * assessment to the krone.
 */
@SpringBootTest
@ActiveProfiles("test")
class FormScenariosTest {

    private static final Path FORMS = Path.of("forms");

    @Autowired
    Registers registers;

    @Autowired
    io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry breakers;

    @AfterEach
    void closeBreakers() {
        breakers.getAllCircuitBreakers().forEach(b -> b.reset());
    }

    static Stream<Arguments> scenarios() throws IOException {
        var all = new ArrayList<Arguments>();
        try (var files = Files.list(FORMS)) {
            for (var file : files.filter(f -> f.getFileName().toString().endsWith(".scenarios.yaml"))
                    .sorted()
                    .toList()) {
                Map<String, Object> doc =
                        new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
                var form = new FormLoader().load(FORMS.resolve(doc.get("form") + ".yaml"));
                var today = LocalDate.parse(doc.get("today").toString());
                for (var scenario : (List<Map<String, Object>>) doc.get("scenarios")) {
                    all.add(Arguments.of(form.id() + ": " + scenario.get("name"), form, today, scenario));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    @SuppressWarnings("unchecked")
    void behavesAsTheScenarioSays(String name, FormDefinition form, LocalDate today, Map<String, Object> scenario) {
        var clock = Clock.fixed(
                today.atTime(12, 0).atZone(ZoneId.of("Europe/Copenhagen")).toInstant(), ZoneId.of("Europe/Copenhagen"));
        var runner = new LookupRunner(registers, clock);
        var person = scenario.get("person").toString();
        var session = new FormSession(form, new Answers(), clock);
        var context = new LookupContext("scenario-" + Math.abs(name.hashCode()), person, "Scenario test", form.id());
        settle(runner, session, person, context);
        var expect = (Map<String, Object>) scenario.get("expect");

        ((Map<String, Object>) expect.getOrDefault("prefilled", Map.of())).forEach((field, value) -> assertThat(
                        String.valueOf(ValueCodec.toPlain(session.answers().get(field))))
                .as("prefilled " + field)
                .isEqualTo(String.valueOf(value)));
        for (var field : (List<String>) expect.getOrDefault("notPrefilled", List.of())) {
            assertThat(session.answers().get(field))
                    .as("not prefilled " + field)
                    .isNull();
        }

        ((Map<String, Object>) scenario.getOrDefault("answers", Map.of())).forEach((field, value) -> {
            var definition = form.field(field).orElseThrow(() -> new AssertionError("no field " + field));
            if (definition.type() instanceof dk.indgang.definition.FieldType.Group group) {
                for (var item : (List<Map<String, Object>>) value) {
                    var index = session.answers().addItem(field);
                    for (var inner : group.fields()) {
                        session.answers()
                                .setInItem(
                                        field,
                                        index,
                                        inner.id(),
                                        ValueCodec.fromPlain(inner.type(), item.get(inner.id())));
                    }
                }
            } else {
                session.answer(field, ValueCodec.fromPlain(definition.type(), value));
            }
        });
        settle(runner, session, person, context);
        ((List<String>) scenario.getOrDefault("acknowledge", List.of()))
                .forEach(rule -> session.answers().acknowledge(rule, "Forklaret i scenariet"));

        for (var field : (List<String>) expect.getOrDefault("notVerified", List.of())) {
            assertThat(session.answers().provenance(field))
                    .as("provenance of " + field)
                    .isNotNull()
                    .extracting(Provenance::source)
                    .isEqualTo(Provenance.Source.NOT_VERIFIED);
        }
        var evaluation = session.evaluate();
        var errors = evaluation.violations().stream()
                .filter(v -> v.severity() == Severity.ERROR)
                .map(v -> v.isRule() ? v.ruleId() : v.path() + ":" + v.messageKey())
                .toList();
        var warnings = evaluation.violations().stream()
                .filter(v -> v.severity() == Severity.WARNING)
                .map(v -> v.ruleId())
                .toList();
        assertThat(errors).as("errors").containsExactlyInAnyOrderElementsOf((List<String>)
                expect.getOrDefault("errors", List.of()));
        assertThat(warnings).as("warnings").containsExactlyInAnyOrderElementsOf((List<String>)
                expect.getOrDefault("warnings", List.of()));
        ((Map<String, Object>) expect.getOrDefault("computed", Map.of())).forEach((field, value) -> assertThat(
                        String.valueOf(ValueCodec.toPlain(evaluation.computed().get(field))))
                .as(field)
                .isEqualTo(String.valueOf(value)));

        var rates = RateTable.forForm(form, FORMS).orElse(null);
        var assessment = Assessor.assess(session, rates, Locale.forLanguageTag("da"));
        var expected = expect.get("assessment");
        if ("none".equals(expected)) {
            assertThat(assessment).as("assessment").isEmpty();
        } else if (expected instanceof Map<?, ?> a) {
            assertThat(assessment).as("assessment").isPresent();
            var result = assessment.get();
            assertThat(result.result().name().toLowerCase(Locale.ROOT))
                    .as("result: " + result.reason())
                    .isEqualTo(a.get("result"));
            if (a.containsKey("amount")) {
                var amount = result.amount() == null ? BigDecimal.ZERO : result.amount();
                assertThat(amount)
                        .as("amount per " + result.period() + "; steps " + result.steps())
                        .isEqualByComparingTo(new BigDecimal(a.get("amount").toString()));
            }
            if (a.get("steps") instanceof Map<?, ?> steps) {
                steps.forEach((id, value) -> {
                    var line = result.steps().stream()
                            .filter(l -> l.id().equals(id))
                            .findFirst()
                            .orElseThrow();
                    assertThat(parse(line.value()))
                            .as("step " + id + " = " + line.value())
                            .isEqualByComparingTo(new BigDecimal(value.toString()));
                });
            }
        }
    }

    /** "216.700 kr." → 216700; "85 m²" → 85. */
    private static BigDecimal parse(String formatted) {
        var digits = formatted.replaceAll("[^0-9,\\-]", "").replace(",", ".");
        return new BigDecimal(digits);
    }

    private static void settle(LookupRunner runner, FormSession session, String person, LookupContext context) {
        for (var due = runner.due(session, person); !due.isEmpty(); due = runner.due(session, person)) {
            for (var d : due) {
                runner.started(session, d);
                runner.apply(session, d, runner.run(d, context));
            }
        }
    }
}
