package dk.indgang.engine;

import java.time.Instant;
import java.util.Optional;

/**
 * The outcome of one register lookup, with its data when there is some.
 *
 * @param register the register's id ({@code cpr}, {@code eindkomst}, {@code bbr})
 * @param fetchedAt when the register answered (for a cached answer: when it was first fetched)
 * @param detail why it is unavailable, in plain words for logs and the caseworker; never shown raw
 *     to a citizen
 */
public record LookupResult<T>(Outcome outcome, Optional<T> data, String register, Instant fetchedAt, String detail) {

    public enum Outcome {
        /** The register knows the key and returned data. */
        FOUND,
        /** The register does not know the key. */
        NOT_FOUND,
        /** The person has name and address protection: data exists but must not be shown. */
        PROTECTED,
        /** The register did not answer in time, failed, or answered nonsense: "not verified". */
        UNAVAILABLE
    }

    public static <T> LookupResult<T> found(String register, T data, Instant at) {
        return new LookupResult<>(Outcome.FOUND, Optional.of(data), register, at, "");
    }

    public static <T> LookupResult<T> isProtected(String register, T data, Instant at) {
        return new LookupResult<>(Outcome.PROTECTED, Optional.of(data), register, at, "");
    }

    public static <T> LookupResult<T> notFound(String register, Instant at) {
        return new LookupResult<>(Outcome.NOT_FOUND, Optional.empty(), register, at, "");
    }

    public static <T> LookupResult<T> unavailable(String register, Instant at, String detail) {
        return new LookupResult<>(Outcome.UNAVAILABLE, Optional.empty(), register, at, detail);
    }

    public boolean isFound() {
        return outcome == Outcome.FOUND;
    }

    public boolean isUnavailable() {
        return outcome == Outcome.UNAVAILABLE;
    }
}
