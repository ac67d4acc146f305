package dk.indgang.registers;

/** A register did not give a usable answer. Not retried: a malformed answer stays malformed. */
public class RegisterFailure extends RuntimeException {

    public RegisterFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
