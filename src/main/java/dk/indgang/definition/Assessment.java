package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * A preliminary assessment ("straks afklaring"): named calculation steps over answers, lookups and a
 * dated rate table ({@code forms/rates/<rates>.yaml}, as {@code rates.<name>}), then outcomes tried
 * in order. Always non-binding; shown on the review page and the receipt with every step.
 *
 * @param amount the id of the step that is the estimate (kroner per {@code period}), or null
 * @param period what the amount is per: a month (the default), a quarter or a year
 */
public record Assessment(
        @Valid @NotNull LocalizedText title,

        @NotNull @Pattern(regexp = "[a-z][a-z0-9-]{1,62}", message = "form.id.pattern")
        String rates,

        @NotEmpty(message = "assessment.steps.empty") List<@Valid CalculationStep> steps,
        String amount,
        Period period,
        @NotEmpty(message = "assessment.outcomes.empty") List<@Valid Outcome> outcomes,
        @Valid LocalizedText note,
        Location location) {

    /** One line of the explanation: a named value and how it is calculated. */
    public record CalculationStep(
            @NotNull @Pattern(regexp = Ids.PATTERN, message = "id.pattern")
            String id,

            @Valid @NotNull LocalizedText label,
            @NotNull Expression value,
            String unit,
            Location location) {}

    /** What the rules say, when {@code when} holds (no {@code when}: otherwise). */
    public record Outcome(
            @NotNull Result result,
            Expression when,
            @Valid @NotNull LocalizedText reason,
            Location location) {}

    /** What an estimated amount is per, as it is paid out. */
    public enum Period {
        MONTH,
        QUARTER,
        YEAR
    }

    public enum Result {
        ELIGIBLE,
        NOT_ELIGIBLE,
        CASEWORKER
    }
}
