package dk.indgang.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scenarios file's format is strict: a misspelt key is an error, never a check that passes by saying nothing. */
class ScenarioRunnerTest {

    @Test
    void readsTheShippedScenarioFiles() throws Exception {
        var scenarios = ScenarioRunner.parse(Files.readString(Path.of("forms/boligstoette.scenarios.yaml")));
        assertThat(scenarios.formId()).isEqualTo("boligstoette");
        assertThat(scenarios.today()).isEqualTo(LocalDate.of(2026, 11, 22));
        assertThat(scenarios.scenarios()).isNotEmpty();
    }

    @Test
    void refusesAMisspeltExpectKeyNamingTheScenario() {
        assertThatThrownBy(() -> ScenarioRunner.parse("""
                        form: boligstoette
                        today: "2026-11-22"
                        scenarios:
                          - name: Mette
                            person: "1503889984"
                            expct: {warnings: []}
                        """))
                .hasMessageContaining("Scenario 'Mette'")
                .hasMessageContaining("'expct'");
        assertThatThrownBy(() -> ScenarioRunner.parse("""
                        form: boligstoette
                        today: "2026-11-22"
                        scenarios:
                          - name: Mette
                            person: "1503889984"
                            expect: {warnigns: []}
                        """)).hasMessageContaining("'warnigns'");
        assertThatThrownBy(() -> ScenarioRunner.parse("""
                        form: boligstoette
                        today: "2026-11-22"
                        scenarios:
                          - name: Mette
                            person: "1503889984"
                            expect: {assessment: {result: eligible, amout: 900}}
                        """)).hasMessageContaining("'amout'");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aScenarioNamingARuleOrFieldTheFormLacksFailsSayingWhich() throws Exception {
        var form = new dk.indgang.definition.FormLoader().load(Path.of("forms/boligstoette.yaml"));
        var scenarios = ScenarioRunner.parse("""
                form: boligstoette
                today: "2026-11-22"
                scenarios:
                  - name: Mette
                    person: "1503889984"
                    today: "2027-01-04"
                    answers: {arael: 92}
                    acknowledge: [arealAfvigr]
                    expect: {warnings: [husstandAfviger, ejerBolig], computed: {tilmeldteCPR: "x"}}
                """);
        var problems = ScenarioRunner.unknownNames(form, scenarios.scenarios().getFirst());
        assertThat(problems)
                .anyMatch(p -> p.contains("acknowledge names rule 'arealAfvigr'"))
                .anyMatch(p -> p.contains("expect.warnings names rule 'ejerBolig'"))
                .anyMatch(p -> p.contains("answers names field 'arael'"))
                .anyMatch(p -> p.contains("expect.computed names field 'tilmeldteCPR'"))
                .noneMatch(p -> p.contains("'husstandAfviger'"));
        // each shipped scenario names only what its form has
        for (var id :
                new String[] {"boligstoette", "boernetilskud", "flytning", "enkeltydelse", "oekonomisk-friplads"}) {
            var shipped = ScenarioRunner.parse(Files.readString(Path.of("forms/" + id + ".scenarios.yaml")));
            var definition = new dk.indgang.definition.FormLoader().load(Path.of("forms/" + id + ".yaml"));
            for (var scenario : shipped.scenarios()) {
                assertThat(ScenarioRunner.unknownNames(definition, scenario))
                        .as(id)
                        .isEmpty();
            }
        }
        assertThatThrownBy(() -> ScenarioRunner.parse("""
                        form: boligstoette
                        today: "2026-11-22"
                        scenarios:
                          - name: Mette
                            person: "1503889984"
                            today: "2026-13-01"
                        """))
                .hasMessageContaining("Scenario 'Mette'")
                .hasMessageContaining("'today'");
    }

    @Test
    void lintChecksTheScenarioFilesBesideTheForms(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        assertThat(ScenarioLint.run(List.of("forms"), new java.io.PrintStream(out), new java.io.PrintStream(err)))
                .as(err.toString())
                .isZero();
        assertThat(out.toString()).contains("5 scenario file(s) checked, 0 problem(s)");

        Files.copy(Path.of("forms/boligstoette.yaml"), dir.resolve("boligstoette.yaml"));
        Files.writeString(dir.resolve("boligstoette.scenarios.yaml"), """
                form: boligstoette
                today: "2026-11-22"
                scenarios:
                  - name: Mette
                    person: "1503889984"
                    acknowledge: [arealAfvigr]
                """);
        Files.writeString(dir.resolve("andet.scenarios.yaml"), """
                form: andet
                today: "2026-11-22"
                scenarios:
                  - name: Lone
                    person: "1105829944"
                    assesment: {result: eligible}
                """);
        out.reset();
        err.reset();
        assertThat(ScenarioLint.run(
                        List.of(dir.toString()), new java.io.PrintStream(out), new java.io.PrintStream(err)))
                .isEqualTo(1);
        assertThat(err.toString())
                // located at the line of what they name
                .contains(
                        "boligstoette.scenarios.yaml:6: error: Scenario 'Mette': acknowledge names rule 'arealAfvigr'")
                .contains("andet.scenarios.yaml:6: error: Scenario 'Lone' has an unknown key 'assesment'");
        assertThat(out.toString()).contains("2 scenario file(s) checked, 2 problem(s)");
    }

    @Test
    void refusesAFileWithoutItsDay() {
        assertThatThrownBy(() -> ScenarioRunner.parse("""
                        form: boligstoette
                        scenarios: []
                        """)).hasMessageContaining("'today'");
    }
}
