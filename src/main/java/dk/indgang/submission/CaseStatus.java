package dk.indgang.submission;

/** Where a case is, as the case system reports it and the citizen sees it under "Mine sager". */
public enum CaseStatus {
    RECEIVED,
    IN_PROGRESS,
    AWAITING_INFORMATION,
    DECIDED,
    APPEALED,
    FORWARDED,
    CLOSED
}
