package dk.indgang.definition;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.List;

/**
 * An assessment ("straks afklaring"): named calculation steps over answers, lookups and a dated rate
 * table ({@code forms/rates/<rates>.yaml}, as {@code rates.<name>}), then outcomes tried in order.
 * Non-binding unless an outcome is {@code automatic}: then, for a municipal form, that outcome is
 * decided at once when every value it rests on is verified (see docs/instant-decisions.md).
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

    /**
     * What the rules say, when {@code when} holds (no {@code when}: otherwise).
     *
     * @param automatic this outcome may be decided at once, without a caseworker (forvaltningsloven
     *     § 32 b), when every input is verified; only {@code eligible}, {@code partly_eligible} and
     *     {@code not_eligible} can be
     */
    public record Outcome(
            @NotNull Result result,
            Expression when,
            @Valid @NotNull LocalizedText reason,
            boolean automatic,
            Location location) {}

    /**
     * The inputs of a form's assessment: the fields and lookups its steps and outcomes read, followed
     * through computed values to what the citizen or a register gave, in the order first met.
     */
    public static java.util.Set<String> inputsOf(FormDefinition form) {
        var found = new java.util.LinkedHashSet<String>();
        var seen = new java.util.HashSet<String>();
        var assessment = form.assessment();
        assessment.steps().forEach(s -> collect(form, s.value(), found, seen));
        assessment.outcomes().forEach(o -> collect(form, o.when(), found, seen));
        return found;
    }

    private static void collect(
            FormDefinition form, Expression expression, java.util.Set<String> found, java.util.Set<String> seen) {
        if (expression == null) {
            return;
        }
        for (var ref : expression.references()) {
            if (!seen.add(ref)) {
                continue;
            }
            var field = form.field(ref);
            if (field.isPresent() && field.get().isComputed()) {
                collect(form, field.get().compute(), found, seen);
            } else if (field.isPresent() || form.lookup(ref).isPresent()) {
                found.add(ref);
            }
        }
    }

    /** Whether any outcome decides: the assessment is then the basis of a decision, not an estimate. */
    public boolean decides() {
        return outcomes.stream().anyMatch(Outcome::automatic);
    }

    /** What an estimated amount is per, as it is paid out. */
    public enum Period {
        MONTH,
        QUARTER,
        YEAR,
        /** A one-off amount (a grant paid once, e.g. aktivloven § 81), not per any period. */
        ONCE
    }

    public enum Result {
        ELIGIBLE,
        /** Entitled to part of what was applied for (e.g. a partial fee reduction). */
        PARTLY_ELIGIBLE,
        NOT_ELIGIBLE,
        CASEWORKER;

        /** An outcome with an amount granted. */
        public boolean grants() {
            return this == ELIGIBLE || this == PARTLY_ELIGIBLE;
        }
    }
}
