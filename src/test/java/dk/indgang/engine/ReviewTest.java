package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.TestClock;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** "Tjek dine svar" plays back the warnings let through, on their own step, with why. */
class ReviewTest {

    private static final FormDefinition FORM =
            new FormLoader().load(Path.of("src/test/resources/forms/husstand-test.yaml"));

    private static FormSession rentAboveIncome() {
        var session = new FormSession(FORM, new Answers(), TestClock.CLOCK);
        session.answer("navn", "Mette Fiktiv Testesen");
        session.answer("foedselsdato", LocalDate.of(1988, 3, 15));
        session.answer("harBoern", false);
        session.answer("husleje", new BigDecimal("9000"));
        session.answer("indkomst", new BigDecimal("8000"));
        session.answer("boligType", "leje");
        return session;
    }

    @Test
    void aConfirmedWarningIsPlayedBackWithTheExplanationOnItsStepOnly() {
        var session = rentAboveIncome();
        assertThat(Review.of(session, Locale.ENGLISH).sections())
                .allSatisfy(s -> assertThat(s.notes()).isEmpty());

        session.acknowledge("huslejeOverIndkomst", "My sister helps.");
        var sections = Review.of(session, Locale.ENGLISH).sections();
        var withNotes = sections.stream().filter(s -> !s.notes().isEmpty()).toList();
        assertThat(withNotes).singleElement().satisfies(s -> {
            assertThat(s.stepId())
                    .isEqualTo(FORM.stepOf("husleje").orElseThrow().id());
            assertThat(s.notes()).singleElement().satisfies(n -> {
                assertThat(n.message()).isEqualTo("Your rent is higher than your income. Check the amounts.");
                assertThat(n.explanation()).isEqualTo("My sister helps.");
                assertThat(n.overridden()).isFalse();
            });
        });
    }

    @Test
    void anOverrideSaysWhichCaseworkerAndWhy() {
        var session = rentAboveIncome();
        session.override("huslejeOverIndkomst", "Familien betaler.", "sagsbehandler");
        var note = Review.of(session, Locale.forLanguageTag("da")).sections().stream()
                .flatMap(s -> s.notes().stream())
                .findFirst()
                .orElseThrow();
        assertThat(note.overriddenBy()).isEqualTo("sagsbehandler");
        assertThat(note.explanation()).isEqualTo("Familien betaler.");
    }

    @Test
    void aWarningNoLongerTrueIsNotPlayedBackEvenIfItWasConfirmed() {
        var session = rentAboveIncome();
        session.acknowledge("huslejeOverIndkomst", "");
        session.answer("indkomst", new BigDecimal("20000"));
        assertThat(Review.of(session, Locale.ENGLISH).sections())
                .allSatisfy(s -> assertThat(s.notes()).isEmpty());
    }
}
