package dk.indgang.submission;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The decision on an application, where Indgang decides it (a port the case module implements), so
 * the done page can show a decision made at submit without the wizard knowing about cases.
 */
public interface Decisions {

    /** The latest decision on the application, if it has been decided. */
    Optional<Summary> latest(UUID applicationId);

    /**
     * A decision in plain words.
     *
     * @param outcome {@code GRANTED}, {@code PARTLY_GRANTED} or {@code REFUSED}
     * @param amount the amount granted per {@code period} ({@code month}, {@code quarter}, {@code year}), or null
     * @param facts the facts it rests on, each with where it comes from
     * @param calculation each step of the calculation, the rates and the rule version
     */
    record Summary(
            String outcome,
            BigDecimal amount,
            String period,
            boolean automatic,
            LocalDate appealBy,
            String reason,
            List<String> facts,
            List<String> calculation) {}
}
