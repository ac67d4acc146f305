package dk.indgang.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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

    private static final FormDefinition DECIDING = new FormLoader().load(DIR.resolve("afgoerelse-test.yaml"));
    private static final RateTable DECIDING_RATES =
            RateTable.forForm(DECIDING, DIR).orElseThrow();

    private static AssessmentResult decided(LocalDate day, long children) {
        var session = new FormSession(DECIDING, new Answers(), TestClock.on(day));
        session.answer("antal", children);
        return Assessor.assess(session, DECIDING_RATES, DA).orElseThrow();
    }

    @Test
    void anEstimateOnlyFormSaysNothingAboutDecisions() {
        var result = Assessor.assess(session(TestClock.today(), 2L, false), RATES, DA)
                .orElseThrow();
        assertThat(result.decision()).isNull();
        assertThat(result.automatic()).isFalse();
    }

    @Test
    void anAutomaticOutcomeOnDeclaredInputsAndFinalRatesIsDecidedAtOnceWithItsRuleVersion() {
        var result = decided(TestClock.today(), 2);
        assertThat(result.automatic()).isTrue();
        assertThat(result.decision().obstacles()).isEmpty();
        assertThat(result.decision().inputs()).singleElement().satisfies(i -> {
            assertThat(i.id()).isEqualTo("antal");
            assertThat(i.source()).isEqualTo(AssessmentResult.Source.DECLARATION);
        });
        assertThat(result.decision().ruleVersion())
                .startsWith("Formular afgoerelse-test version 1 (sha256 "
                        + DECIDING.sha256().substring(0, 12) + ")")
                .endsWith("satser afgoerelse-test gældende fra 01-01-2026");
        assertThat(result.steps().getFirst().rates()).containsExactly("perChild = 1.000");
        assertThat(decided(TestClock.today(), 0).result()).isEqualTo(Assessment.Result.NOT_ELIGIBLE);
        assertThat(decided(TestClock.today(), 0).automatic()).isTrue();
    }

    @Test
    void provisionalRatesGiveAnEstimateButNeverAnAutomaticDecision() {
        var result = decided(LocalDate.of(2027, 3, 1), 2);
        assertThat(result.amount()).isEqualByComparingTo(new BigDecimal("2200"));
        assertThat(result.automatic()).isFalse();
        assertThat(result.decision().obstacles())
                .extracting(AssessmentResult.Obstacle::code)
                .containsExactly("ratesProvisional");
        assertThat(result.decision().obstacles().getFirst().text()).contains("01-01-2027", "foreløbige");
    }

    @Test
    void theStepsSpeakTheCitizensLanguage() {
        var danish = Assessor.assess(session(TestClock.today(), 2L, false), RATES, DA)
                .orElseThrow();
        var english = Assessor.assess(session(TestClock.today(), 2L, false), RATES, Locale.ENGLISH)
                .orElseThrow();
        assertThat(danish.steps().getLast().value()).endsWith("pr. kvartal");
        assertThat(english.steps().getLast().value()).endsWith("per quarter").doesNotContain("pr.");
        assertThat(decided(TestClock.today(), 2).steps().getFirst().value()).endsWith("pr. md.");
    }

    @Test
    void everyAmountInKronerIsWholeKronerRoundedDown() {
        assertThat(Assessor.wholeKroner(8985.83)).isEqualByComparingTo("8985");
        assertThat(Assessor.wholeKroner(8985.99)).isEqualByComparingTo("8985");
        assertThat(Assessor.wholeKroner(-0.5)).isEqualByComparingTo("-1");
        assertThat(Assessor.wholeKroner(3250L)).isEqualByComparingTo("3250");
    }

    @Test
    void aOneOffAmountIsPaidOnceAndSaysSo() throws java.io.IOException {
        var source = java.nio.file.Files.readString(DIR.resolve("afklaring-test.yaml"))
                .replace("period: quarter", "period: once");
        var once = new FormLoader().load("afklaring-test.yaml", source);
        assertThat(once.assessment().period()).isEqualTo(Assessment.Period.ONCE);
        var session = new FormSession(once, new Answers(), TestClock.CLOCK);
        session.answer("antal", 2L);
        session.answer("samlevende", false);
        var result = Assessor.assess(session, RATES, DA).orElseThrow();
        assertThat(result.period()).isEqualTo(Assessment.Period.ONCE);

        var weekly = source.replace("period: once", "period: weekly");
        assertThatThrownBy(() -> new FormLoader().load("afklaring-test.yaml", weekly))
                .hasMessageContaining("month, quarter, year, once");
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
