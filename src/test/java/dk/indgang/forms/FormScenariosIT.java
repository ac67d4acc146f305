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

    @org.junit.jupiter.api.Test
    void aScenarioForAPersonTheStubsDoNotKnowFailsSayingSo() throws IOException {
        var form = new FormLoader().load(FORMS.resolve("boernetilskud.yaml"));
        var scenarios = ScenarioRunner.parse("""
                form: boernetilskud
                today: "2026-11-22"
                scenarios:
                  - name: a misspelt person
                    person: "0211859978"
                    answers: {samlevende: false}
                """);
        var result = new ScenarioRunner(registers, "build")
                .run(form, scenarios, RateTable.forForm(form, FORMS).orElseThrow())
                .getFirst();
        assertThat(result.failures())
                .anyMatch(f -> f.startsWith("person '0211859978' is not a test person the register stubs know"));
    }

    @org.junit.jupiter.api.Test
    void theScenariosCommandPassesOnTheShippedFormsAndLocatesABrokenFile(@org.junit.jupiter.api.io.TempDir Path dir)
            throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        var code = dk.indgang.ScenariosCommand.run(
                List.of(FORMS.toString()), new java.io.PrintStream(out), new java.io.PrintStream(err), () -> registers);
        assertThat(err.toString()).isEmpty();
        assertThat(code).isZero();
        assertThat(out.toString()).containsPattern("\\d+ scenario\\(s\\) in 5 file\\(s\\): \\d+ passed, 0 failed");

        Files.copy(FORMS.resolve("boernetilskud.yaml"), dir.resolve("boernetilskud.yaml"));
        Files.createDirectories(dir.resolve("rates"));
        Files.copy(FORMS.resolve("rates/boernetilskud.yaml"), dir.resolve("rates/boernetilskud.yaml"));
        Files.writeString(dir.resolve("boernetilskud.scenarios.yaml"), """
                form: boernetilskud
                today: "2026-11-22"
                scenarios:
                  - name: wrong amount
                    person: "0211859977"
                    answers: {samlevende: false, enligErklaering: true, erklaering: true}
                    expect:
                      assessment: {result: eligible, amount: 1}
                """);
        Files.writeString(
                dir.resolve("andet.scenarios.yaml"),
                "form: andet\ntoday: \"2026-11-22\"\nscenarios:\n  - {name: x, assesment: {}}\n");
        out.reset();
        err.reset();
        code = dk.indgang.ScenariosCommand.run(
                List.of(dir.toString()), new java.io.PrintStream(out), new java.io.PrintStream(err), () -> registers);
        assertThat(code).isEqualTo(1);
        assertThat(err.toString().lines().toList())
                .anyMatch(l -> l.startsWith(dir.resolve("boernetilskud.scenarios.yaml")
                        + ":4: error: Scenario 'wrong amount': amount per quarter: expected 1, got 3515"))
                .anyMatch(l -> l.startsWith(dir.resolve("andet.scenarios.yaml")
                        + ":4: error: Scenario 'x' has an unknown key 'assesment'"));
        assertThat(out.toString())
                .contains("1 scenario(s) in 2 file(s): 0 passed, 1 failed, 1 file(s) could not be read");
        assertThat(dk.indgang.ScenariosCommand.run(
                        List.of(), new java.io.PrintStream(out), new java.io.PrintStream(err), () -> registers))
                .isEqualTo(2);
    }
}
