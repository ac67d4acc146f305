package dk.indgang.definition;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A computed value says where it comes from: the citizen's answers, a register, or both. */
class ComputedFromTest {

    private final FormLoader loader = new FormLoader();

    @Test
    void aValueFromCprAloneIsTheRegistersNotTheCitizens() {
        var form = loader.load(Path.of("forms/boligstoette.yaml"));
        var from = form.computedFrom(form.field("tilmeldteCpr").orElseThrow());
        assertThat(from.answers()).isFalse();
        assertThat(from.registers()).containsExactly("CPR");
    }

    @Test
    void aValueFromAnswersAndARegisterSaysBoth() {
        var form = loader.load(Path.of("forms/oekonomisk-friplads.yaml"));
        var from = form.computedFrom(form.field("barnetErDit").orElseThrow());
        assertThat(from.answers()).isTrue();
        assertThat(from.registers()).containsExactly("CPR");
    }

    @Test
    void aValueFromAnswersAloneIsHers() {
        var form = loader.load(Path.of("src/test/resources/forms/husstand-test.yaml"));
        var from = form.computedFrom(form.field("rest").orElseThrow());
        assertThat(from.answers()).isTrue();
        assertThat(from.registers()).isEmpty();
    }
}
