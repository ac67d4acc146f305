package dk.indgang.submission;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Erases applications whose retention has run out: a closed application whose last status is older
 * than {@code indgang.retention.erase-closed-after} (an ISO period such as {@code P5Y}; blank — the
 * default — erases nothing: the municipality's records management decides the period). The
 * application, its draft and files, letters, deliveries, status history and case go; the case is
 * removed from the case index behind Mit Overblik; an entry says what was erased, when and why.
 * The lookup audit is kept on its own terms.
 */
@Service
public class Erasure {

    private static final Logger LOG = LoggerFactory.getLogger(Erasure.class);
    static final String RETENTION = "retention";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final ApplicationEventPublisher events;
    private final CaseIndexQueue caseIndex;
    private final Period eraseClosedAfter;

    Erasure(
            JdbcClient jdbc,
            Clock clock,
            TransactionTemplate transactions,
            ApplicationEventPublisher events,
            CaseIndexQueue caseIndex,
            @Value("${indgang.retention.erase-closed-after:}") String eraseClosedAfter) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.transactions = transactions;
        this.events = events;
        this.caseIndex = caseIndex;
        this.eraseClosedAfter = eraseClosedAfter.isBlank() ? null : Period.parse(eraseClosedAfter);
    }

    @Scheduled(cron = "${indgang.retention.schedule:0 30 3 * * *}", zone = "Europe/Copenhagen")
    void nightly() {
        if (eraseClosedAfter != null) {
            var erased = eraseExpired();
            if (erased > 0) {
                LOG.info("Retention: {} closed applications erased", erased);
            }
        }
    }

    /** Erases every closed application past its retention; returns how many. */
    public int eraseExpired() {
        if (eraseClosedAfter == null) {
            return 0;
        }
        var before = OffsetDateTime.now(clock).minus(eraseClosedAfter);
        List<UUID> expired = jdbc.sql("""
                        select a.id from application a where a.status = 'CLOSED'
                          and (select max(s.at) from application_status s where s.application_id = a.id) < ?""").params(before).query(UUID.class).list();
        for (var id : expired) {
            erase(id, RETENTION, "Opbevaringsperioden (" + eraseClosedAfter + " efter afslutning) er udløbet");
        }
        return expired.size();
    }

    /**
     * Erases one closed application and everything kept about it, in one transaction. An application
     * that is not closed is never erased: its case may still be decided, heard or appealed.
     *
     * @return false if there was no such closed application
     */
    public boolean erase(UUID applicationId, String erasedBy, String reason) {
        return Boolean.TRUE.equals(transactions.execute(tx -> {
            var application = jdbc.sql(
                            "select receipt_number, draft_id from application where id = ? and status = 'CLOSED'")
                    .params(applicationId)
                    .query((rs, n) -> new Object[] {rs.getString(1), rs.getObject(2, UUID.class)})
                    .optional();
            if (application.isEmpty()) {
                return false;
            }
            var receiptNumber = (String) application.get()[0];
            var draftId = (UUID) application.get()[1];
            events.publishEvent(new ApplicationErasing(applicationId));
            caseIndex.remove(applicationId);
            jdbc.sql("delete from outbox where application_id = ?")
                    .params(applicationId)
                    .update();
            jdbc.sql("delete from application_letter where application_id = ?")
                    .params(applicationId)
                    .update();
            jdbc.sql("delete from application_status where application_id = ?")
                    .params(applicationId)
                    .update();
            jdbc.sql("delete from application where id = ?")
                    .params(applicationId)
                    .update();
            jdbc.sql("delete from attachment where draft_id = ?")
                    .params(draftId)
                    .update();
            jdbc.sql("delete from draft where id = ?").params(draftId).update();
            jdbc.sql("""
                            insert into erasure_log (application_id, receipt_number, erased_at, erased_by, reason)
                            values (?, ?, ?, ?, ?)""")
                    .params(applicationId, receiptNumber, OffsetDateTime.now(clock), erasedBy, reason)
                    .update();
            return true;
        }));
    }
}
