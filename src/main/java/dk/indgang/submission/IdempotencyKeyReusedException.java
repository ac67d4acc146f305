package dk.indgang.submission;

/** The same Idempotency-Key was sent earlier for the submission of another draft; nothing is stored. */
public final class IdempotencyKeyReusedException extends RuntimeException {

    public IdempotencyKeyReusedException() {
        super("The Idempotency-Key was used for the submission of another draft; use a new key for this one");
    }
}
