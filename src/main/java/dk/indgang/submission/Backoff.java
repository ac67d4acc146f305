package dk.indgang.submission;

import java.time.Duration;

/**
 * How long a failed delivery waits before its next attempt: doubling from the first wait, never
 * more than an hour — the outbox's and the case index's one rule.
 */
final class Backoff {

    private static final Duration MAX = Duration.ofHours(1);

    private Backoff() {}

    /** @param failures how many attempts have failed so far (1 after the first) */
    static Duration after(Duration first, int failures) {
        var wait = first.multipliedBy(1L << Math.min(Math.max(failures, 1) - 1, 10));
        return wait.compareTo(MAX) > 0 ? MAX : wait;
    }

    /** An error text as the tables keep it (at most 1,900 characters). */
    static String clip(String error) {
        return error.length() > 1900 ? error.substring(0, 1900) : error;
    }
}
