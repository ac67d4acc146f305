package dk.indgang.submission;

import dk.indgang.definition.Processing;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * An application was stored; published inside the submit transaction, so a listener that writes
 * (e.g. opens the case of a municipal form) commits or fails with it.
 *
 * @param processing where the form says its applications are processed
 */
public record ApplicationSubmitted(
        UUID applicationId,
        String receiptNumber,
        String formId,
        String applicantCpr,
        OffsetDateTime submittedAt,
        Processing processing) {}
