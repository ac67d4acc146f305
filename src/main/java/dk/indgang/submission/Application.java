package dk.indgang.submission;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A submitted application: the structured document (JSON, schema {@code
 * docs/schema/application.schema.json}) and its hash. The PDF receipt is stored beside it.
 */
public record Application(
        UUID id,
        long seq,
        String receiptNumber,
        UUID draftId,
        String formId,
        int formVersion,
        String formSha256,
        Channel channel,
        String applicantCpr,
        String submittedBy,
        OffsetDateTime submittedAt,
        String document,
        String documentSha256,
        CaseStatus status,
        OffsetDateTime acknowledgedAt) {

    /** One entry of the status history. */
    public record StatusEntry(CaseStatus status, String message, OffsetDateTime at, String reportedBy) {}
}
