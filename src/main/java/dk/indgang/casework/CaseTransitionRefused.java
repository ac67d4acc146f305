package dk.indgang.casework;

/**
 * A verb the case's state or the law does not allow now, said plainly: the case is unchanged.
 *
 * @param reason a stable key for the message ({@code state}, {@code hearing.required}, …)
 */
public class CaseTransitionRefused extends RuntimeException {

    private final String reason;

    public CaseTransitionRefused(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
