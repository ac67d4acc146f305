package dk.indgang.submission;

import dk.indgang.engine.Answers;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A form being filled in for one citizen, pinned to the definition version it began on.
 *
 * @param ownerCpr the citizen the application is for (never shown in logs unmasked)
 * @param currentStep the step the citizen was on, to resume there
 */
public record Draft(
        UUID id,
        String ownerCpr,
        String formId,
        int formVersion,
        String formSha256,
        Answers answers,
        String currentStep,
        Status status,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    public enum Status {
        OPEN,
        SUBMITTED
    }

    public Draft withAnswers(Answers answers, String step, OffsetDateTime now) {
        return new Draft(id, ownerCpr, formId, formVersion, formSha256, answers, step, status, createdAt, now);
    }
}
