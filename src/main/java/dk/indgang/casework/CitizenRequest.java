package dk.indgang.casework;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * A request to the citizen: information the caseworker needs ("anmodning om oplysninger"), or a
 * hearing (partshøring) of facts she has not stated herself, each with a deadline.
 *
 * @param facts for a hearing, the keys of the facts she is heard on
 * @param answer her answer, or null while none has come
 */
public record CitizenRequest(
        int number,
        Kind kind,
        String text,
        List<String> facts,
        LocalDate dueBy,
        Instant sentAt,
        String sentBy,
        Answer answer) {

    public enum Kind {
        INFORMATION,
        HEARING
    }

    /** The citizen's answer: her text and the attachments she sent with it. */
    public record Answer(String text, List<String> attachments, Instant at) {
        public Answer {
            attachments = attachments == null ? List.of() : List.copyOf(attachments);
        }
    }

    public CitizenRequest {
        facts = facts == null ? List.of() : List.copyOf(facts);
    }

    public boolean answered() {
        return answer != null;
    }

    /** Past its deadline without an answer. */
    public boolean overdue(LocalDate today) {
        return !answered() && today.isAfter(dueBy);
    }

    /**
     * A hearing is held when the citizen has answered, or when its deadline has passed: she has had
     * her opportunity to comment.
     */
    public boolean heldOn(LocalDate today) {
        return kind == Kind.HEARING && (answered() || today.isAfter(dueBy));
    }

    CitizenRequest answeredWith(Answer answer) {
        return new CitizenRequest(number, kind, text, facts, dueBy, sentAt, sentBy, answer);
    }
}
