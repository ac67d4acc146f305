package dk.indgang.design;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
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
    void refusesAFileWithoutItsDay() {
        assertThatThrownBy(() -> ScenarioRunner.parse("""
                        form: boligstoette
                        scenarios: []
                        """)).hasMessageContaining("'today'");
    }
}
