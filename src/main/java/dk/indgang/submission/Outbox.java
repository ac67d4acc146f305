package dk.indgang.submission;

import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The outbox written with each application. Workers claim due jobs for a while; a claim that runs
 * out (a worker stopped mid-way) makes the job due again.
 */
@Service
public class Outbox {

    public static final String RECEIPT_DELIVERY = "RECEIPT_DELIVERY";
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Clock clock;

    Outbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A claimed job. */
    public record Job(long id, UUID applicationId, String receiptNumber, String applicantCpr, int attempts) {}

    /** How a receipt's delivery stands, for the citizen and the caseworker. */
    public record Delivery(String state, String route, int attempts, String lastError, OffsetDateTime doneAt) {}

    /** Claims due jobs (pending and due, or claimed by a worker whose claim ran out). */
    public List<Job> claimDue(String kind, int limit) {
        var now = OffsetDateTime.now(clock);
        var candidates = jdbc.sql("""
                        select o.id, o.application_id, a.receipt_number, a.applicant_cpr, o.attempts from outbox o
                        join application a on a.id = o.application_id
                        where o.kind = ? and ((o.state = 'PENDING' and o.next_attempt_at <= ?) or (o.state = 'SENDING' and o.claimed_until < ?))
                        order by o.next_attempt_at limit ?""")
                .params(kind, now, now, limit)
                .query((rs, n) -> new Job(
                        rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
        var claimed = new ArrayList<Job>();
        for (var job : candidates) {
            // Only one worker wins a job: the update succeeds for whoever still sees it unclaimed.
            var won = jdbc.sql("""
                            update outbox set state = 'SENDING', claimed_until = ?, attempts = attempts + 1
                            where id = ? and ((state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_until < ?))""").params(now.plus(CLAIM), job.id(), now, now).update();
            if (won == 1) {
                claimed.add(new Job(
                        job.id(), job.applicationId(), job.receiptNumber(), job.applicantCpr(), job.attempts() + 1));
            }
        }
        return claimed;
    }

    public byte[] receiptOf(Job job) {
        return jdbc.sql("select receipt_pdf from application where id = ?")
                .params(job.applicationId())
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    public void done(Job job, String route, String externalId) {
        jdbc.sql(
                        "update outbox set state = 'DONE', route = ?, external_id = ?, done_at = ?, last_error = null where id = ?")
                .params(route, externalId, OffsetDateTime.now(clock), job.id())
                .update();
    }

    /** Backs off exponentially; after {@code maxAttempts} the job is FAILED for an operator to look at. */
    public void retryLater(Job job, String error, Duration firstBackoff, int maxAttempts) {
        var now = OffsetDateTime.now(clock);
        var failed = job.attempts() >= maxAttempts;
        var backoff = firstBackoff.multipliedBy(1L << Math.min(job.attempts() - 1, 10));
        jdbc.sql("update outbox set state = ?, next_attempt_at = ?, claimed_until = null, last_error = ? where id = ?")
                .params(
                        failed ? "FAILED" : "PENDING",
                                now.plus(backoff.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : backoff),
                        error.length() > 1900 ? error.substring(0, 1900) : error, job.id())
                .update();
    }

    public Optional<Delivery> delivery(UUID applicationId) {
        return jdbc.sql(
                        "select state, route, attempts, last_error, done_at from outbox where application_id = ? and kind = ?")
                .params(applicationId, RECEIPT_DELIVERY)
                .query((rs, n) -> new Delivery(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class)))
                .optional();
    }
}
