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

    @Test
    void anInternalValueIsNeverPlayedBackButAChoiceMadeFromDataShowsItsLabel() {
        var form = new FormLoader().load(Path.of("src/test/resources/forms/beregning-test.yaml"));
        var session = new FormSession(form, new Answers(), TestClock.CLOCK);
        session.answer("husleje", new BigDecimal("6500.50"));
        // not zero: the engine case on division by zero expects the first report of that failure
        session.answer("antal", 2L);
        session.answer("boligType", "andel");
        assertThat(session.evaluate().computed()).containsKey("overGraense");
        var items = Review.of(session, Locale.forLanguageTag("da")).sections().stream()
                .flatMap(s -> s.items().stream())
                .toList();
        assertThat(items).extracting(Review.Item::path).contains("aarsleje").doesNotContain("overGraense");
        assertThat(items)
                .filteredOn(i -> i.path().equals("boligType"))
                .singleElement()
                .satisfies(i -> assertThat(i.value()).isEqualTo("Andelsbolig"));
    }

    @Test
    void onlyAComputedValueCanBeInternal() {
        var source = """
                id: intern
                version: 1
                title: {da: "Intern", en: "Internal"}
                kle: {subject: "00.01.10", facet: "G01"}
                steps:
                  - id: dig
                    title: {da: "Dig", en: "You"}
                    fields:
                      - id: navn
                        type: text
                        label: {da: "Navn", en: "Name"}
                        internal: true
                """;
        var problems = org.assertj.core.api.Assertions.catchThrowableOfType(
                        dk.indgang.definition.DefinitionException.class,
                        () -> new FormLoader().load("intern.yaml", source))
                .problems();
        assertThat(problems).extracting(p -> p.messageKey()).containsExactly("internal.needs.compute");
        assertThat(problems.getFirst().location().line()).isEqualTo(12);
    }
}
