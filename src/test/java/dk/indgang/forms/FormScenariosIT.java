package dk.indgang.forms;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import dk.indgang.definition.RateTable;
import dk.indgang.design.ScenarioRunner;
import dk.indgang.engine.Registers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * Every scenario of every form in {@code forms/}: a test person from the register stubs, the
 * citizen's answers, and what the rules must say: errors, warnings, prefill, provenance, the
 * assessment to the krone. The same {@link ScenarioRunner} the designer runs.
 */
@SpringBootTest
@ActiveProfiles("test")
class FormScenariosIT {

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
                var scenarios = ScenarioRunner.parse(Files.readString(file));
                var form = new FormLoader().load(FORMS.resolve(scenarios.formId() + ".yaml"));
                for (var scenario : scenarios.scenarios()) {
                    all.add(Arguments.of(
                            form.id() + ": " + scenario.get("name"),
                            form,
                            new ScenarioRunner.Scenarios(scenarios.formId(), scenarios.today(), List.of(scenario))));
                }
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("scenarios")
    void behavesAsTheScenarioSays(String name, FormDefinition form, ScenarioRunner.Scenarios scenario) {
        var rates = RateTable.forForm(form, FORMS).orElse(null);
        var result = new ScenarioRunner(registers, "build")
                .run(form, scenario, rates)
                .getFirst();
        assertThat(result.failures()).as(name).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aFailingScenarioSaysWhyInPlainWords() throws IOException {
        var form = new FormLoader().load(FORMS.resolve("boernetilskud.yaml"));
        var scenarios = ScenarioRunner.parse("""
                form: boernetilskud
                today: "2026-11-22"
                scenarios:
                  - name: wrong on purpose
                    person: "0211859977"
                    answers: {samlevende: false, enligErklaering: true, erklaering: true, ukendtFelt: 1}
                    expect:
                      warnings: [andenVoksen]
                      assessment: {result: eligible, amount: 1}
                """);
        var result = new ScenarioRunner(registers, "build")
                .run(form, scenarios, RateTable.forForm(form, FORMS).orElseThrow())
                .getFirst();
        assertThat(result.passed()).isFalse();
        assertThat(result.failures())
                .anyMatch(f -> f.contains("ukendtFelt"))
                .anyMatch(f -> f.startsWith("warnings: expected [andenVoksen], got []"))
                .anyMatch(f -> f.startsWith("amount per quarter: expected 1, got 3515"));
    }
}
