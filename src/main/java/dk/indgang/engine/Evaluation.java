package dk.indgang.engine;

import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.Severity;
import dk.indgang.definition.Step;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One consistent picture of a form at a moment: what is visible and required, the computed values,
 * and every finding. Immutable; the wizard renders from it and submit decides by it.
 *
 * @param visiblePaths visible fields by path ({@code field}, {@code group[1].field})
 * @param requiredPaths fields that must be answered, by path
 * @param computed computed values by field id
 * @param violations every finding, field checks and rules, in form order
 * @param ruleSteps the step each rule is shown and checked on
 */
public record Evaluation(
        FormDefinition form,
        List<Step> visibleSteps,
        Set<String> visiblePaths,
        Set<String> requiredPaths,
        Map<String, Object> computed,
        Map<String, Object> computedEnglish,
        List<Violation> violations,
        Map<String, String> ruleSteps,
        Map<String, String> acknowledgements,
        Map<String, String> stepOfField,
        Map<String, List<dk.indgang.definition.Option>> madeOptions,
        List<Evaluation.Failure> failures) {

    /**
     * An expression that type-checked at load and failed in this evaluation (a rate key the table
     * lacks, a division by zero): what it is, where it is written and why. It counts as no value; the
     * designer's preview lists these so they are seen before a citizen meets them.
     */
    public record Failure(String what, String source, dk.indgang.definition.Location location, String detail) {}

    /**
     * The field as it is offered now: a choice with {@code optionsFrom} has the options made from
     * this session's data (its children from CPR, say) before its fixed ones; any other field as
     * defined. Checks, the wizard, the review and the document all read a field's options from here.
     */
    public dk.indgang.definition.Field offered(dk.indgang.definition.Field field) {
        return offered(field, madeOptions);
    }

    static dk.indgang.definition.Field offered(
            dk.indgang.definition.Field field, Map<String, List<dk.indgang.definition.Option>> made) {
        if (field.type() instanceof dk.indgang.definition.FieldType.Choice choice && choice.optionsFrom() != null) {
            return field.withType(choice.offering(made.getOrDefault(field.id(), List.of())));
        }
        return field;
    }

    /** A computed value as the reader sees it: a computed text in her language where it has one. */
    public Object computedIn(String fieldId, java.util.Locale locale) {
        if ("en".equals(locale.getLanguage()) && computedEnglish.containsKey(fieldId)) {
            return computedEnglish.get(fieldId);
        }
        return computed.get(fieldId);
    }

    public boolean isVisible(String path) {
        return visiblePaths.contains(path);
    }

    public boolean isStepVisible(String stepId) {
        return visibleSteps.stream().anyMatch(s -> s.id().equals(stepId));
    }

    public boolean isRequired(String path) {
        return requiredPaths.contains(path);
    }

    /** The findings shown on a step: its fields' and the rules checked there. */
    public List<Violation> onStep(String stepId) {
        return violations.stream().filter(v -> stepId.equals(stepOf(v))).toList();
    }

    public List<Violation> at(String path) {
        return violations.stream().filter(v -> v.path().equals(path)).toList();
    }

    private String stepOf(Violation v) {
        return v.isRule() ? ruleSteps.get(v.ruleId()) : stepOfField.get(v.fieldId());
    }

    /** What stops the citizen leaving a step: errors and warnings not yet confirmed. */
    public List<Violation> blocking(String stepId) {
        return onStep(stepId).stream().filter(this::blocks).toList();
    }

    public boolean blocks(Violation v) {
        return v.severity() == Severity.ERROR
                || (v.severity() == Severity.WARNING && !acknowledgements.containsKey(v.ruleId()));
    }

    public boolean isStepComplete(String stepId) {
        return blocking(stepId).isEmpty();
    }

    /** The final verdict: every visible step complete and no blocking rule anywhere. */
    public boolean isSubmittable() {
        return violations.stream().noneMatch(this::blocks);
    }

    public List<Violation> allBlocking() {
        return violations.stream().filter(this::blocks).toList();
    }
}
