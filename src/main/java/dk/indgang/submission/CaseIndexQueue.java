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
 * Which applications' cases the national case index (SF1470, behind Mit Overblik) must be told
 * about again. Armed in the same transaction as every change of an application's status or
 * documents; the worker sends the whole current picture and marks it done only if nothing changed
 * meanwhile, so no change is lost and a repeat is harmless.
 */
@Service
public class CaseIndexQueue {

    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final JdbcClient jdbc;
    private final Clock clock;

    CaseIndexQueue(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A claimed job: the application, and the change it describes (done only if still the latest). */
    public record Job(UUID applicationId, OffsetDateTime changedAt, int attempts) {}

    /** One document of the case as the index lists it. */
    public record Document(UUID id, String title, OffsetDateTime at) {}

    /**
     * What the index gets about one case.
     *
     * @param changedAt when its status last changed
     */
    public record Snapshot(
            UUID applicationId,
            String receiptNumber,
            String formId,
            int formVersion,
            String formSha256,
            String citizenCpr,
            OffsetDateTime submittedAt,
            CaseStatus status,
            OffsetDateTime changedAt,
            List<Document> documents) {}

    /** Arms the application's row: its case must be indexed again (in the caller's transaction). */
    void changed(UUID applicationId) {
        var now = OffsetDateTime.now(clock);
        var updated = jdbc.sql("""
                        update case_index set state = 'PENDING', attempts = 0, next_attempt_at = ?, changed_at = ?
                        where application_id = ?""").params(now, now, applicationId).update();
        if (updated == 0) {
            jdbc.sql("""
                            insert into case_index (application_id, state, attempts, next_attempt_at, changed_at)
                            values (?, 'PENDING', 0, ?, ?)""").params(applicationId, now, now).update();
        }
    }

    /**
     * The application is being erased: its case leaves the index. The removal job outlives the
     * application (in the erasing transaction).
     */
    void remove(UUID applicationId) {
        jdbc.sql("delete from case_index where application_id = ?")
                .params(applicationId)
                .update();
        var now = OffsetDateTime.now(clock);
        jdbc.sql("""
                        insert into case_index_removal (application_id, state, attempts, next_attempt_at)
                        select ?, 'PENDING', 0, ? where not exists (select 1 from case_index_removal where application_id = ?)""").params(applicationId, now, applicationId).update();
    }

    /** Cases to remove from the index, due now. */
    public List<UUID> removalsDue(int limit) {
        return jdbc.sql("""
                        select application_id from case_index_removal where state = 'PENDING' and next_attempt_at <= ?
                        order by next_attempt_at limit ?""")
                .params(OffsetDateTime.now(clock), limit)
                .query(UUID.class)
                .list();
    }

    /** The index no longer has the case. */
    public void removed(UUID applicationId) {
        jdbc.sql("delete from case_index_removal where application_id = ?")
                .params(applicationId)
                .update();
    }

    /** The index could not be told yet: try again later (capped backoff). */
    public void removalFailed(UUID applicationId, String error, Duration firstBackoff) {
        var attempts = jdbc.sql("select attempts from case_index_removal where application_id = ?")
                .params(applicationId)
                .query(Integer.class)
                .optional()
                .orElse(0);
        jdbc.sql("""
                        update case_index_removal set attempts = attempts + 1, next_attempt_at = ?, last_error = ?
                        where application_id = ?""")
                .params(
                        OffsetDateTime.now(clock).plus(Backoff.after(firstBackoff, attempts + 1)),
                        Backoff.clip(error),
                        applicationId)
                .update();
    }

    /** Whether the removal of an erased application's case still waits. */
    public boolean removalPending(UUID applicationId) {
        return jdbc.sql("select count(*) from case_index_removal where application_id = ?")
                        .params(applicationId)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** Claims due jobs (pending and due, or claimed by a worker whose claim ran out). */
    public List<Job> claimDue(int limit) {
        var now = OffsetDateTime.now(clock);
        var candidates = jdbc.sql("""
                        select application_id, changed_at, attempts from case_index
                        where (state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_until < ?)
                        order by next_attempt_at limit ?""")
                .params(now, now, limit)
                .query((rs, n) ->
                        new Job(rs.getObject(1, UUID.class), rs.getObject(2, OffsetDateTime.class), rs.getInt(3)))
                .list();
        var claimed = new ArrayList<Job>();
        for (var job : candidates) {
            var won = jdbc.sql("""
                            update case_index set state = 'SENDING', claimed_until = ?, attempts = attempts + 1
                            where application_id = ? and changed_at = ?
                              and ((state = 'PENDING' and next_attempt_at <= ?) or (state = 'SENDING' and claimed_until < ?))""")
                    .params(now.plus(CLAIM), job.applicationId(), job.changedAt(), now, now)
                    .update();
            if (won == 1) {
                claimed.add(new Job(job.applicationId(), job.changedAt(), job.attempts() + 1));
            }
        }
        return claimed;
    }

    /** The case as it is now. */
    public Optional<Snapshot> snapshot(UUID applicationId) {
        var documents = new ArrayList<Document>();
        var application = jdbc.sql("""
                        select receipt_number, form_id, form_version, form_sha256, applicant_cpr, submitted_at, status,
                          (select max(at) from application_status s where s.application_id = a.id)
                        from application a where id = ?""")
                .params(applicationId)
                .query((rs, n) -> new Snapshot(
                        applicationId,
                        rs.getString(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getString(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class),
                        CaseStatus.valueOf(rs.getString(7)),
                        rs.getObject(8, OffsetDateTime.class),
                        documents))
                .optional();
        if (application.isPresent()) {
            documents.add(new Document(
                    applicationId,
                    "Kvittering " + application.get().receiptNumber(),
                    application.get().submittedAt()));
            documents.addAll(jdbc.sql(
                            "select id, title, created_at from application_letter where application_id = ? order by created_at, id")
                    .params(applicationId)
                    .query((rs, n) -> new Document(
                            rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
                    .list());
        }
        return application;
    }

    /** Indexed as of the job's change; if another change came meanwhile, the row stays due. */
    public void done(Job job, CaseStatus indexed) {
        var now = OffsetDateTime.now(clock);
        var updated = jdbc.sql("""
                        update case_index set state = 'DONE', indexed_at = ?, indexed_status = ?, claimed_until = null,
                          last_error = null where application_id = ? and changed_at = ?""")
                .params(now, indexed.name(), job.applicationId(), job.changedAt())
                .update();
        if (updated == 0) {
            jdbc.sql("update case_index set indexed_at = ?, indexed_status = ? where application_id = ?")
                    .params(now, indexed.name(), job.applicationId())
                    .update();
        }
    }

    /** Backs off exponentially (capped at an hour); the index is retried until it answers. */
    public void retryLater(Job job, String error, Duration firstBackoff) {
        var now = OffsetDateTime.now(clock);
        jdbc.sql("""
                        update case_index set state = 'PENDING', next_attempt_at = ?, claimed_until = null, last_error = ?
                        where application_id = ? and state = 'SENDING'""")
                .params(now.plus(Backoff.after(firstBackoff, job.attempts())), Backoff.clip(error), job.applicationId())
                .update();
    }

    /** Where the index stands for one application: state, what status it last got, the last error. */
    public record State(String state, String indexedStatus, OffsetDateTime indexedAt, int attempts, String lastError) {}

    public Optional<State> state(UUID applicationId) {
        return jdbc.sql("""
                        select state, indexed_status, indexed_at, attempts, last_error from case_index
                        where application_id = ?""")
                .params(applicationId)
                .query((rs, n) -> new State(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getObject(3, OffsetDateTime.class),
                        rs.getInt(4),
                        rs.getString(5)))
                .optional();
    }
}
