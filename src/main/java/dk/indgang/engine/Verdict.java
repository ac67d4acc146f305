package dk.indgang.engine;

import dk.indgang.definition.FormDefinition;
import java.time.LocalDate;
import java.util.Map;

/**
 * A form's final picture at one moment, computed once: the answers as they were, what the engine
 * made of them, the variables the expressions saw and the register answers. Submit computes one
 * and hands it to the application document, the receipt and the assessment, so all three describe
 * the same verdict and none evaluates the form again.
 *
 * @param answers a copy: later changes to the session do not reach it
 */
public record Verdict(
        FormDefinition form,
        Answers answers,
        Evaluation evaluation,
        Map<String, Object> variables,
        Map<String, LookupResult<?>> lookupResults,
        LocalDate today) {

    public Verdict {
        variables = Map.copyOf(variables);
        lookupResults = Map.copyOf(lookupResults);
    }

    public boolean isSubmittable() {
        return evaluation.isSubmittable();
    }

    /** The answers to submit: visible fields only, computed values included. */
    public Map<String, Object> effectiveAnswers() {
        return FormSession.effectiveAnswers(form, answers, evaluation);
    }
}
