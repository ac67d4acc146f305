package dk.indgang.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.TestClock;
import dk.indgang.definition.Assessment;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import dk.indgang.definition.RateTable;
import dk.indgang.engine.Answers;
import dk.indgang.engine.FormSession;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Straks afklaring on its own: a complete verdict, the rate version of the day, the first outcome that holds. */
class AssessorTest {

    private static final Path DIR = Path.of("src/test/resources/assessment");
    private static final FormDefinition FORM = new FormLoader().load(DIR.resolve("afklaring-test.yaml"));
    private static final RateTable RATES = RateTable.forForm(FORM, DIR).orElseThrow();
    private static final Locale DA = Locale.forLanguageTag("da");

    private static FormSession session(LocalDate day, Long children, Boolean together) {
        var session = new FormSession(FORM, new Answers(), TestClock.on(day));
        session.answer("antal", children);
        session.answer("samlevende", together);
        return session;
    }

    @Test
    void anIncompleteFormGetsNoEstimate() {
        assertThat(Assessor.assess(session(TestClock.today(), 2L, null), RATES, DA))
                .isEmpty();
    }

    @Test
    void aCompleteFormGetsTheAmountFlooredWithEveryStepAndTheRatesOfTheDay() {
        var result = Assessor.assess(session(TestClock.today(), 2L, false), RATES, DA)
                .orElseThrow();
        assertThat(result.result()).isEqualTo(Assessment.Result.ELIGIBLE);
        // 6,965 × 2 = 13,930 a year; a quarter is 3,482.5, floored to the krone.
        assertThat(result.amount()).isEqualByComparingTo(new BigDecimal("3482"));
        assertThat(result.steps()).extracting(AssessmentResult.Line::id).containsExactly("aarligt", "kvartal");
        assertThat(result.ratesValidFrom()).isEqualTo(LocalDate.of(2026, 1, 1));

        var lastYear = Assessor.assess(session(LocalDate.of(2025, 6, 1), 2L, false), RATES, DA)
                .orElseThrow();
        assertThat(lastYear.amount()).isEqualByComparingTo(new BigDecimal("3000"));
        assertThat(lastYear.ratesValidFrom()).isEqualTo(LocalDate.of(2025, 1, 1));
    }

    @Test
    void theFirstOutcomeThatHoldsDecidesAndShowsNoAmountUnlessEligible() {
        var result =
                Assessor.assess(session(TestClock.today(), 2L, true), RATES, DA).orElseThrow();
        assertThat(result.result()).isEqualTo(Assessment.Result.NOT_ELIGIBLE);
        assertThat(result.amount()).isNull();
        assertThat(result.reason()).isEqualTo("Du bor sammen med nogen.");
    }

    @Test
    void beforeAnyRateVersionACaseworkerDecides() {
        var result = Assessor.assess(session(LocalDate.of(2024, 6, 1), 2L, false), RATES, DA)
                .orElseThrow();
        assertThat(result.result()).isEqualTo(Assessment.Result.CASEWORKER);
        assertThat(result.amount()).isNull();
    }

    @Test
    void assessesTheVerdictItIsGivenWithoutEvaluatingAgain() {
        var session = session(TestClock.today(), 1L, false);
        var verdict = session.verdict();
        var before = session.evaluations();
        var result = Assessor.assess(verdict, RATES, DA).orElseThrow();
        assertThat(session.evaluations()).isEqualTo(before);
        assertThat(result.amount()).isEqualByComparingTo(new BigDecimal("1741"));
    }
}
