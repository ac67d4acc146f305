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
    /** Letters' jobs have kinds {@code LETTER-1}, {@code LETTER-2}, … (one per letter of the application). */
    public static final String LETTER_DELIVERY = "LETTER-%";

    /**
     * One delivery to make.
     *
     * @param letterId the letter to deliver, or null for the application's receipt
     * @param title what the citizen's inbox shows, e.g. "Afgørelse om …"
     */
    public record Job(
            long id,
            UUID applicationId,
            String receiptNumber,
            String applicantCpr,
            int attempts,
            UUID letterId,
            String title) {

        /** The id the receiving service deduplicates on: the letter's, or the application's for its receipt. */
        public UUID messageId() {
            return letterId == null ? applicationId : letterId;
        }
    }

    /** A letter about an application, with where its delivery stands. */
    public record Letter(UUID id, String title, OffsetDateTime createdAt, Delivery delivery) {}

    /** How a receipt's delivery stands, for the citizen and the caseworker. */
    public record Delivery(String state, String route, int attempts, String lastError, OffsetDateTime doneAt) {}

    /**
     * What waits to be delivered: pending or in flight (not done, not failed), and since when the
     * oldest has waited.
     */
    public record Backlog(long waiting, OffsetDateTime oldest) {
        public java.time.Duration age(java.time.Clock clock) {
            return oldest == null
                    ? java.time.Duration.ZERO
                    : java.time.Duration.between(oldest, OffsetDateTime.now(clock));
        }
    }

    public Backlog backlog() {
        return jdbc.sql("select count(*), min(created_at) from outbox where state in ('PENDING', 'SENDING')")
                .query((rs, n) -> new Backlog(rs.getLong(1), rs.getObject(2, OffsetDateTime.class)))
                .single();
    }

    /** Claims due jobs (pending and due, or claimed by a worker whose claim ran out). */
    public List<Job> claimDue(String kind, int limit) {
        var now = OffsetDateTime.now(clock);
        var candidates = jdbc.sql("""
                        select o.id, o.application_id, a.receipt_number, a.applicant_cpr, o.attempts, o.letter_id, l.title
                        from outbox o
                        join application a on a.id = o.application_id
                        left join application_letter l on l.id = o.letter_id
                        where o.kind like ? and ((o.state = 'PENDING' and o.next_attempt_at <= ?) or (o.state = 'SENDING' and o.claimed_until < ?))
                        order by o.next_attempt_at limit ?""")
                .params(kind, now, now, limit)
                .query((rs, n) -> new Job(
                        rs.getLong(1),
                        rs.getObject(2, UUID.class),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getObject(6, UUID.class),
                        rs.getString(7)))
                .list();
        var claimed = new ArrayList<Job>();
        for (var job : candidates) {
            // Only one worker wins a job: the update succeeds for whoever still sees it unclaimed.
            var won = jdbc.sql("""
                            update outbox set state = 'SENDING', claimed_until = ?, attempts = attempts + 1
                            where id = ? and ((state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_until < ?))""").params(now.plus(CLAIM), job.id(), now, now).update();
            if (won == 1) {
                claimed.add(new Job(
                        job.id(),
                        job.applicationId(),
                        job.receiptNumber(),
                        job.applicantCpr(),
                        job.attempts() + 1,
                        job.letterId(),
                        job.title()));
            }
        }
        return claimed;
    }

    /** The PDF a job delivers: its letter, or the application's receipt. */
    public byte[] documentOf(Job job) {
        if (job.letterId() != null) {
            return jdbc.sql("select pdf from application_letter where id = ?")
                    .params(job.letterId())
                    .query((rs, n) -> rs.getBytes(1))
                    .single();
        }
        return jdbc.sql("select receipt_pdf from application where id = ?")
                .params(job.applicationId())
                .query((rs, n) -> rs.getBytes(1))
                .single();
    }

    /**
     * Keeps a letter with the application and queues its delivery, in the caller's transaction: a
     * decision is never stored without its letter on the way.
     */
    public UUID addLetter(UUID applicationId, String title, byte[] pdf) {
        var now = OffsetDateTime.now(clock);
        var id = UUID.randomUUID();
        jdbc.sql("insert into application_letter (id, application_id, title, pdf, created_at) values (?, ?, ?, ?, ?)")
                .params(id, applicationId, title, pdf, now)
                .update();
        long number = jdbc.sql("select count(*) from application_letter where application_id = ?")
                .params(applicationId)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into outbox (application_id, kind, state, attempts, next_attempt_at, created_at, letter_id)
                        values (?, ?, 'PENDING', 0, ?, ?, ?)""").params(applicationId, "LETTER-" + number, now, now, id).update();
        return id;
    }

    /** The letters about an application, oldest first, with their delivery. */
    public List<Letter> letters(UUID applicationId) {
        return jdbc.sql("""
                        select l.id, l.title, l.created_at, o.state, o.route, o.attempts, o.last_error, o.done_at
                        from application_letter l join outbox o on o.letter_id = l.id
                        where l.application_id = ? order by l.created_at, o.id""")
                .params(applicationId)
                .query((rs, n) -> new Letter(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        new Delivery(
                                rs.getString(4),
                                rs.getString(5),
                                rs.getInt(6),
                                rs.getString(7),
                                rs.getObject(8, OffsetDateTime.class))))
                .list();
    }

    /** A letter's PDF, for the citizen it is about only. */
    public Optional<byte[]> letter(UUID letterId, String applicantCpr) {
        return jdbc.sql("""
                        select l.pdf from application_letter l join application a on a.id = l.application_id
                        where l.id = ? and a.applicant_cpr = ?""")
                .params(letterId, applicantCpr)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
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
