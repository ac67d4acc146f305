package dk.indgang.casework;

import java.time.Instant;
import java.util.Map;

/**
 * Something that happened to a case, in the past tense, with who and when: the case's history,
 * shown in the case file and, in plain words, in "Mine sager".
 *
 * @param details what the event is about (a request's text and deadline, the decision's outcome…)
 */
public record CaseEvent(Kind kind, Instant at, String actor, Map<String, String> details) {

    public CaseEvent {
        details = Map.copyOf(details);
    }

    public enum Kind {
        RECEIVED,
        TAKEN,
        HANDED_OVER,
        INFORMATION_REQUESTED,
        HEARING_SENT,
        CITIZEN_ANSWERED,
        RESUMED_AFTER_DEADLINE,
        DECIDED,
        DECIDED_AUTOMATICALLY,
        REOPENED,
        APPEALED,
        UPHELD_AND_FORWARDED,
        DECISION_CHANGED,
        CLOSED,
        NOTE_ADDED
    }
}
