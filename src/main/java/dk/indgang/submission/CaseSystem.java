package dk.indgang.submission;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What case systems may do: fetch applications by cursor, acknowledge them, report status. */
@Service
public class CaseSystem {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final dk.indgang.catalog.FormCatalog catalog;

    private final CaseIndexQueue caseIndex;

    CaseSystem(JdbcClient jdbc, Clock clock, dk.indgang.catalog.FormCatalog catalog, CaseIndexQueue caseIndex) {
        this.caseIndex = caseIndex;
        this.catalog = catalog;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Applications after the cursor (their {@code seq}), oldest first. */
    public List<Application> after(long cursor, int limit, boolean unacknowledgedOnly) {
        return jdbc.sql("select * from application where seq > ?"
                        + (unacknowledgedOnly ? " and acknowledged_at is null" : "") + " order by seq limit ?")
                .params(cursor, limit)
                .query(Submissions.MAPPER)
                .list();
    }

    public Optional<Application> get(UUID id) {
        return jdbc.sql("select * from application where id = ?")
                .params(id)
                .query(Submissions.MAPPER)
                .optional();
    }

    public Optional<byte[]> receipt(UUID id) {
        return jdbc.sql("select receipt_pdf from application where id = ?")
                .params(id)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    /** An attachment of an application, by the hash the application document names. */
    public Optional<StoredFile> attachment(UUID id, String sha256) {
        return jdbc.sql("""
                        select a.name, a.media_type, a.content from attachment a join application p on p.draft_id = a.draft_id
                        where p.id = ? and a.sha256 = ?""")
                .params(id, sha256)
                .query((rs, n) -> new StoredFile(rs.getString(1), rs.getString(2), rs.getBytes(3)))
                .optional();
    }

    public record StoredFile(String name, String mediaType, byte[] content) {}

    /** Marks the application as taken over by the case system; repeating it changes nothing. */
    @Transactional
    public boolean acknowledge(UUID id, String client) {
        var updated = jdbc.sql("update application set acknowledged_at = ? where id = ? and acknowledged_at is null")
                .params(OffsetDateTime.now(clock), id)
                .update();
        return updated > 0 || get(id).isPresent();
    }

    /** What became of a case system's status report. */
    public enum Report {
        RECORDED,
        NOT_FOUND,
        /** The municipality processes the form in Indgang: the status follows the case, not a report. */
        PROCESSED_HERE
    }

    /**
     * A status reported by an external case system. Refused for forms processed in Indgang, whose
     * status is their case's (an outside report would contradict the case file).
     */
    @Transactional
    public Report reportExternal(UUID id, CaseStatus status, String message, String client) {
        var application = get(id);
        if (application.isEmpty()) {
            return Report.NOT_FOUND;
        }
        var a = application.get();
        var municipal = catalog.version(a.formId(), a.formVersion(), a.formSha256())
                .map(f -> f.processing().byMunicipality())
                .orElse(false);
        if (municipal) {
            return Report.PROCESSED_HERE;
        }
        reportStatus(id, status, message, client);
        return Report.RECORDED;
    }

    /** Records a new status with the case system's message to the citizen. */
    @Transactional
    public boolean reportStatus(UUID id, CaseStatus status, String message, String client) {
        var now = OffsetDateTime.now(clock);
        var updated = jdbc.sql("update application set status = ? where id = ?")
                .params(status.name(), id)
                .update();
        if (updated == 0) {
            return false;
        }
        jdbc.sql(
                        "insert into application_status (application_id, status, message, at, reported_by) values (?, ?, ?, ?, ?)")
                .params(id, status.name(), message, now, client)
                .update();
        // Mit Overblik shows the new status: the case index is told in the same transaction's wake.
        caseIndex.changed(id);
        return true;
    }
}
