package dk.indgang.registers;

/**
 * A failure worth another try: a timeout, a connection reset, a 5xx. Named in the Resilience4j
 * retry configuration ({@code retry-exceptions}).
 */
public class RetryableRegisterFailure extends RegisterFailure {

    public RetryableRegisterFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
