package dk.indgang.assessment;

import dk.indgang.definition.Assessment;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * An assessment with its explanation: an estimate, or — when the form's outcome is automatic and
 * {@link #decision()} says so — the basis of a decision made at once.
 *
 * @param amount the amount in whole kroner per {@code period}, or null when the assessment has none
 * @param period what the amount is per
 * @param steps every calculation step with its value and formula, in order
 * @param decision whether the result may be decided automatically, and on what; null when the form's
 *     assessment decides nothing (an estimate only)
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
        String note,
        Decidability decision) {

    /**
     * One step: what, its value (formatted), how it is calculated, and the rates it uses with their
     * values ({@code "lowerLimit = 210.301"}).
     */
    public record Line(String id, String label, String value, String formula, List<String> rates) {}

    /** Whether this result may be decided at once. */
    public boolean automatic() {
        return decision != null && decision.automatic();
    }

    /**
     * May the result be decided at once, and on what.
     *
     * @param obstacles why not, in order; empty when it may
     * @param inputs every value the result rests on, with where it comes from
     * @param ruleVersion the form version and hash and the rate-table version, as a letter quotes them
     */
    public record Decidability(boolean automatic, List<Obstacle> obstacles, List<Input> inputs, String ruleVersion) {
        public Decidability {
            obstacles = List.copyOf(obstacles);
            inputs = List.copyOf(inputs);
        }
    }

    /**
     * Why a result cannot be decided automatically.
     *
     * @param code stable: {@code changed}, {@code unavailable}, {@code notVerified}, {@code notFromRegister},
     *     {@code warningExplained}, {@code warningOverridden}, {@code ratesProvisional}, {@code outcomeNotAutomatic}
     * @param subject the field, register or rule it concerns (null for the rates and the outcome)
     * @param text the reason in plain words, as the caseworker reads it
     */
    public record Obstacle(String code, String subject, String text) {}

    /** Where an input comes from. */
    public enum Source {
        /** Fetched from a register and not changed. */
        REGISTER,
        /** The citizen's own statement, which the form says decides on her declaration. */
        DECLARATION
    }

    /**
     * A value the result rests on.
     *
     * @param register the register's display name (REGISTER), else null
     * @param fetchedAt when the register answered (REGISTER), else null
     */
    public record Input(String id, String label, String value, Source source, String register, Instant fetchedAt) {}
}
