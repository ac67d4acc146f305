package dk.indgang.assessment;

import dk.indgang.definition.Assessment;
import dk.indgang.definition.Expression;
import dk.indgang.definition.Expressions;
import dk.indgang.definition.RateTable;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.ValueFormat;
import dk.indgang.engine.Verdict;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Locale;
import java.util.Optional;

/** Runs a form's assessment. Plain Java: the same result on the review page, the receipt and the API. */
public final class Assessor {

    private static final Locale DANISH = Locale.forLanguageTag("da-DK");

    private Assessor() {}

    /**
     * The assessment of a complete form, or empty when the form has none or is not yet complete (an
     * estimate of a half-filled form would mislead).
     */
    public static Optional<AssessmentResult> assess(FormSession session, RateTable rates, Locale locale) {
        return assess(session.verdict(), rates, locale);
    }

    /** The assessment of the form as a verdict describes it, with the variables it saw. */
    public static Optional<AssessmentResult> assess(Verdict verdict, RateTable rates, Locale locale) {
        var assessment = verdict.form().assessment();
        if (assessment == null || rates == null || !verdict.isSubmittable()) {
            return Optional.empty();
        }
        var version = rates.validOn(verdict.today());
        if (version.isEmpty()) {
            return Optional.of(result(
                    verdict,
                    null,
                    Assessment.Result.CASEWORKER,
                    reasonNoRates(locale),
                    null,
                    new ArrayList<>(),
                    rates,
                    null,
                    locale));
        }
        var variables = new HashMap<String, Object>(verdict.variables());
        variables.put(Expressions.RATES, version.get().forExpressions());
        var lines = new ArrayList<AssessmentResult.Line>();
        BigDecimal amount = null;
        try {
            for (var step : assessment.steps()) {
                var value = step.value().evaluate(variables);
                variables.put(step.id(), value);
                lines.add(new AssessmentResult.Line(
                        step.id(),
                        step.label().in(locale),
                        format(value, step.unit(), locale),
                        step.value().source(),
                        ratesUsed(step.value().source(), version.get())));
                if (step.id().equals(assessment.amount())) {
                    amount = wholeKroner((Number) value);
                }
            }
            for (var outcome : assessment.outcomes()) {
                if (outcome.when() == null || outcome.when().test(variables)) {
                    var shown = outcome.result().grants() ? amount : null;
                    return Optional.of(result(
                            verdict,
                            outcome,
                            outcome.result(),
                            outcome.reason().in(locale),
                            shown,
                            lines,
                            rates,
                            version.get(),
                            locale));
                }
            }
            return Optional.of(result(
                    verdict,
                    null,
                    Assessment.Result.CASEWORKER,
                    reasonNoOutcome(locale),
                    null,
                    lines,
                    rates,
                    version.get(),
                    locale));
        } catch (Expression.ExpressionFailure e) {
            // e.g. rates['x' + y] with a key the table lacks: a caseworker decides, and it is said
            dk.indgang.engine.RuntimeFailures.report(verdict.form().key(), "the assessment", e);
            return Optional.of(result(
                    verdict,
                    null,
                    Assessment.Result.CASEWORKER,
                    reasonFailed(locale),
                    null,
                    lines,
                    rates,
                    version.get(),
                    locale));
        }
    }

    private static final java.util.regex.Pattern RATE =
            java.util.regex.Pattern.compile("\\brates\\.([a-zA-Z_][a-zA-Z0-9_]*)");

    /** The rates a step reads, with their values: "lowerLimit = 210.301". */
    private static java.util.List<String> ratesUsed(String source, RateTable.Version version) {
        var number = NumberFormat.getNumberInstance(DANISH);
        number.setMaximumFractionDigits(4);
        return RATE.matcher(source)
                .results()
                .map(m -> m.group(1))
                .distinct()
                .filter(version.values()::containsKey)
                .map(name -> name + " = " + number.format(version.values().get(name)))
                .toList();
    }

    private static AssessmentResult result(
            Verdict verdict,
            Assessment.Outcome outcome,
            Assessment.Result result,
            String reason,
            BigDecimal amount,
            java.util.List<AssessmentResult.Line> lines,
            RateTable rates,
            RateTable.Version version,
            Locale locale) {
        var assessment = verdict.form().assessment();
        return new AssessmentResult(
                assessment.title().in(locale),
                result,
                reason,
                amount,
                assessment.period(),
                java.util.List.copyOf(lines),
                rates.id(),
                version == null ? null : version.validFrom(),
                version == null ? null : version.source(),
                assessment.note() == null ? null : assessment.note().in(locale),
                assessment.decides() ? Automation.judge(verdict, outcome, result, rates, version, locale) : null);
    }

    private static String format(Object value, String unit, Locale locale) {
        var english = "en".equals(locale.getLanguage());
        if (value instanceof Boolean b) {
            return english ? (b ? "yes" : "no") : (b ? "ja" : "nej");
        }
        if (!(value instanceof Number n)) {
            return String.valueOf(value);
        }
        var number = NumberFormat.getNumberInstance(DANISH);
        number.setMaximumFractionDigits(2);
        return switch (unit == null ? "" : unit) {
            // one rule for every amount in kroner, the amount paid out included: whole kroner,
            // rounded down (docs/form-definition-language.md, "Rounding")
            case "kr" -> kroner(n);
            case "kr/md" -> kroner(n) + (english ? " per month" : " pr. md.");
            case "kr/kvt" -> kroner(n) + (english ? " per quarter" : " pr. kvartal");
            case "m2" -> number.format(n) + " m²";
            case "pct" -> number.format(n.doubleValue() * 100) + " %";
            default -> number.format(n);
        };
    }

    /**
     * Whole kroner, rounded down as the amount paid out is: "3.250 kr.". The value is the exact decimal
     * the expression computed (docs/adr/0013-exact-decimals-in-expressions.md), read back as written.
     */
    static BigDecimal wholeKroner(Number n) {
        return BigDecimal.valueOf(n.doubleValue()).setScale(0, RoundingMode.FLOOR);
    }

    private static String kroner(Number n) {
        return ValueFormat.money(wholeKroner(n)).replace(",00 kr.", " kr.");
    }

    private static String reasonNoRates(Locale locale) {
        return "en".equals(locale.getLanguage())
                ? "No rates are in force for today's date; a caseworker must assess."
                : "Der er ingen gældende satser for dags dato; en sagsbehandler skal vurdere sagen.";
    }

    private static String reasonNoOutcome(Locale locale) {
        return "en".equals(locale.getLanguage())
                ? "The rules do not settle this case; a caseworker will assess it."
                : "Reglerne afgør ikke sagen; en sagsbehandler vurderer den.";
    }

    private static String reasonFailed(Locale locale) {
        return "en".equals(locale.getLanguage())
                ? "The estimate could not be calculated; a caseworker will assess the case."
                : "Skønnet kunne ikke beregnes; en sagsbehandler vurderer sagen.";
    }
}
