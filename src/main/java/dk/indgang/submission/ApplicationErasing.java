package dk.indgang.submission;

import java.util.UUID;

/**
 * Published in the erasing transaction before the application's own rows go: every module that
 * keeps data about the application (the case, its events) deletes its part then.
 */
public record ApplicationErasing(UUID applicationId) {}
