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
    private final CaseIndexQueue caseIndex;

    Outbox(JdbcClient jdbc, Clock clock, CaseIndexQueue caseIndex) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.caseIndex = caseIndex;
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
            String title,
            String formId,
            int formVersion,
            String formSha256,
            java.time.LocalDate replyBy,
            OffsetDateTime createdAt) {

        Job withAttempts(int attempts) {
            return new Job(
                    id,
                    applicationId,
                    receiptNumber,
                    applicantCpr,
                    attempts,
                    letterId,
                    title,
                    formId,
                    formVersion,
                    formSha256,
                    replyBy,
                    createdAt);
        }

        /** The id the receiving service deduplicates on: the letter's, or the application's for its receipt. */
        public UUID messageId() {
            return letterId == null ? applicationId : letterId;
        }
    }

    /** A letter about an application, with where its delivery stands. */
    public record Letter(UUID id, String title, OffsetDateTime createdAt, Delivery delivery) {}

    /**
     * How a receipt's or letter's delivery stands, for the citizen and the caseworker: the outbox's
     * handing over ({@code state}: PENDING, SENDING, DONE, FAILED) and then Digital Post's receipt
     * ({@code receiptStatus}: DELIVERED, PRINTED, FAILED, or null while none has come).
     *
     * @param route the channel the receipt says it took (DIGITAL_POST, PRINT), or SF1601 until then
     */
    public record Delivery(
            String state,
            String route,
            int attempts,
            String lastError,
            OffsetDateTime doneAt,
            String receiptStatus,
            String receiptDetail,
            OffsetDateTime receiptAt) {

        /** Where the letter is, in one word. */
        public Status status() {
            if ("FAILED".equals(state) || "FAILED".equals(receiptStatus)) {
                return Status.FAILED;
            }
            if ("DONE".equals(state)) {
                return receiptStatus == null ? Status.SENT : Status.valueOf(receiptStatus);
            }
            return "SENDING".equals(state) ? Status.SENDING : Status.WAITING;
        }

        /** Why it failed: the receipt's or the last attempt's error. */
        public String problem() {
            return "FAILED".equals(receiptStatus) ? receiptDetail : lastError;
        }
    }

    /** A delivery's status: waiting, being sent, handed to Digital Post, and then what its receipt said. */
    public enum Status {
        WAITING,
        SENDING,
        SENT,
        DELIVERED,
        PRINTED,
        FAILED
    }

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
                        select o.id, o.application_id, a.receipt_number, a.applicant_cpr, o.attempts, o.letter_id, l.title,
                          a.form_id, a.form_version, a.form_sha256, l.reply_by, o.created_at
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
                        rs.getString(7),
                        rs.getString(8),
                        rs.getInt(9),
                        rs.getString(10),
                        rs.getObject(11, java.time.LocalDate.class),
                        rs.getObject(12, OffsetDateTime.class)))
                .list();
        var claimed = new ArrayList<Job>();
        for (var job : candidates) {
            // Only one worker wins a job: the update succeeds for whoever still sees it unclaimed.
            var won = jdbc.sql("""
                            update outbox set state = 'SENDING', claimed_until = ?, attempts = attempts + 1
                            where id = ? and ((state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_until < ?))""").params(now.plus(CLAIM), job.id(), now, now).update();
            if (won == 1) {
                claimed.add(job.withAttempts(job.attempts() + 1));
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
        return addLetter(applicationId, title, pdf, null);
    }

    /** A letter that asks the citizen to answer by {@code replyBy} (Digital Post shows the date). */
    public UUID addLetter(UUID applicationId, String title, byte[] pdf, java.time.LocalDate replyBy) {
        var now = OffsetDateTime.now(clock);
        var id = UUID.randomUUID();
        jdbc.sql(
                        "insert into application_letter (id, application_id, title, pdf, created_at, reply_by) values (?, ?, ?, ?, ?, ?)")
                .params(id, applicationId, title, pdf, now, replyBy)
                .update();
        long number = jdbc.sql("select count(*) from application_letter where application_id = ?")
                .params(applicationId)
                .query(Long.class)
                .single();
        jdbc.sql("""
                        insert into outbox (application_id, kind, state, attempts, next_attempt_at, created_at, letter_id)
                        values (?, ?, 'PENDING', 0, ?, ?, ?)""").params(applicationId, "LETTER-" + number, now, now, id).update();
        // The letter is one of the case's documents in the case index behind Mit Overblik.
        caseIndex.changed(applicationId);
        return id;
    }

    /** The letters about an application, oldest first, with their delivery. */
    public List<Letter> letters(UUID applicationId) {
        return jdbc.sql("""
                        select l.id, l.title, l.created_at, o.state, o.route, o.attempts, o.last_error, o.done_at,
                          o.receipt_status, o.receipt_detail, o.receipt_at
                        from application_letter l join outbox o on o.letter_id = l.id
                        where l.application_id = ? order by l.created_at, o.id""")
                .params(applicationId)
                .query((rs, n) -> new Letter(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        DELIVERY.mapRow(rs, 4)))
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

    /** Reads a delivery from eight columns starting at {@code first}. */
    private static final ColumnMapper DELIVERY = (rs, first) -> new Delivery(
            rs.getString(first),
            rs.getString(first + 1),
            rs.getInt(first + 2),
            rs.getString(first + 3),
            rs.getObject(first + 4, OffsetDateTime.class),
            rs.getString(first + 5),
            rs.getString(first + 6),
            rs.getObject(first + 7, OffsetDateTime.class));

    @FunctionalInterface
    private interface ColumnMapper {
        Delivery mapRow(java.sql.ResultSet rs, int first) throws java.sql.SQLException;
    }

    /**
     * Digital Post's receipt for a shipment (matched on the message UUID it was sent with): the
     * channel it took, or that neither could take it. Repeating a receipt changes nothing.
     *
     * @return the application the shipment belonged to, or empty if no shipment had that id
     */
    public Optional<UUID> recordReceipt(UUID messageId, Status status, String detail, OffsetDateTime at) {
        if (status != Status.DELIVERED && status != Status.PRINTED && status != Status.FAILED) {
            throw new IllegalArgumentException("A receipt says DELIVERED, PRINTED or FAILED, not " + status);
        }
        var application = jdbc.sql("select application_id from outbox where external_id = ?")
                .params(messageId.toString())
                .query(UUID.class)
                .optional();
        application.ifPresent(id -> jdbc.sql("""
                        update outbox set receipt_status = ?, receipt_detail = ?, receipt_at = ?, route = ?
                        where external_id = ?""")
                .params(
                        status.name(),
                        detail == null || detail.isBlank()
                                ? null
                                : detail.length() > 1900 ? detail.substring(0, 1900) : detail,
                        at,
                        switch (status) {
                            case PRINTED -> "PRINT";
                            case DELIVERED -> "DIGITAL_POST";
                            default -> "SF1601";
                        },
                        messageId.toString())
                .update());
        return application;
    }

    /** How many receipts and letters could be delivered on no channel (for operators). */
    public long undeliveredCount() {
        return jdbc.sql("select count(*) from outbox where state = 'FAILED' or receipt_status = 'FAILED'")
                .query(Long.class)
                .single();
    }

    /** Whether any of an application's receipt and letters could not be delivered. */
    public boolean undelivered(UUID applicationId) {
        return jdbc.sql("""
                        select count(*) from outbox where application_id = ?
                          and (state = 'FAILED' or receipt_status = 'FAILED')""").params(applicationId).query(Long.class).single() > 0;
    }

    public void done(Job job, String route, String externalId) {
        jdbc.sql(
                        "update outbox set state = 'DONE', route = ?, external_id = ?, done_at = ?, last_error = null where id = ?")
                .params(route, externalId, OffsetDateTime.now(clock), job.id())
                .update();
    }

    /** A delivery the receiving service refused as malformed: retrying would not help; an operator looks. */
    public void fail(Job job, String error) {
        jdbc.sql("update outbox set state = 'FAILED', claimed_until = null, last_error = ? where id = ?")
                .params(error.length() > 1900 ? error.substring(0, 1900) : error, job.id())
                .update();
    }

    /** Backs off exponentially; after {@code maxAttempts} the job is FAILED for an operator to look at. */
    public void retryLater(Job job, String error, Duration firstBackoff, int maxAttempts) {
        var now = OffsetDateTime.now(clock);
        var failed = job.attempts() >= maxAttempts;
        jdbc.sql("update outbox set state = ?, next_attempt_at = ?, claimed_until = null, last_error = ? where id = ?")
                .params(
                        failed ? "FAILED" : "PENDING",
                        now.plus(Backoff.after(firstBackoff, job.attempts())),
                        Backoff.clip(error),
                        job.id())
                .update();
    }

    public Optional<Delivery> delivery(UUID applicationId) {
        return jdbc.sql("""
                        select state, route, attempts, last_error, done_at, receipt_status, receipt_detail, receipt_at
                        from outbox where application_id = ? and kind = ?""")
                .params(applicationId, RECEIPT_DELIVERY)
                .query((rs, n) -> DELIVERY.mapRow(rs, 1))
                .optional();
    }
}
