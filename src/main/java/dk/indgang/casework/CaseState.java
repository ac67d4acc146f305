package dk.indgang.casework;

/** Where a case is in its life; the verbs of {@link Case} move it, nothing else does. */
public enum CaseState {
    /** Submitted, in the unit's inbox, nobody has it yet. */
    RECEIVED,
    /** A caseworker has it. */
    IN_PROGRESS,
    /** A request or a hearing is with the citizen, with a deadline. */
    AWAITING_CITIZEN,
    /** Decided and notified; the appeal period runs. */
    DECIDED,
    /** The citizen has appealed; the caseworker must reconsider first. */
    APPEALED,
    /** Reconsidered and upheld: sent on to Ankestyrelsen. */
    FORWARDED,
    /** Nothing more happens. */
    CLOSED;

    public boolean isOpen() {
        return this != CLOSED;
    }
}
