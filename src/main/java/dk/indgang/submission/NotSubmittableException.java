package dk.indgang.submission;

import dk.indgang.engine.Violation;
import java.util.List;

/** The final verdict said no: these findings block. Nothing was stored. */
public class NotSubmittableException extends RuntimeException {

    private final transient List<Violation> blocking;

    public NotSubmittableException(List<Violation> blocking) {
        this(blocking, blocking.size() + " finding(s) block the submission");
    }

    protected NotSubmittableException(List<Violation> blocking, String message) {
        super(message);
        this.blocking = List.copyOf(blocking);
    }

    public List<Violation> blocking() {
        return blocking;
    }
}
