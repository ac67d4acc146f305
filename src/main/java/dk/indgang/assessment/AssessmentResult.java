package dk.indgang.assessment;

import dk.indgang.definition.Assessment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A preliminary, non-binding assessment with its explanation.
 *
 * @param amount the estimate in whole kroner per {@code period}, or null when the assessment has none
 * @param period what the amount is per
 * @param steps every calculation step with its value and formula, in order
 */
public record AssessmentResult(
        String title,
        Assessment.Result result,
        String reason,
        BigDecimal amount,
        Assessment.Period period,
        List<Line> steps,
        String rates,
        LocalDate ratesValidFrom,
        String ratesSource,
        String note) {

    /** One step: what, its value (formatted), and how it is calculated. */
    public record Line(String id, String label, String value, String formula) {}
}
