package dk.indgang.submission;

import dk.indgang.assessment.Assessor;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.FormLoader;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.RegisterData;
import dk.indgang.engine.Verdict;
import dk.indgang.receipt.ReceiptRenderer;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Submitting: the final verdict once more on the server, then in one transaction the application,
 * its first status, an outbox entry for the receipt's delivery, and the draft marked submitted.
 * Idempotent: the same draft (or idempotency key) always gives the same application.
 */
@Service
public class Submissions {

    private final JdbcClient jdbc;
    private final Drafts drafts;
    private final ReceiptRenderer receipts;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final String municipality;
    private final FormCatalog catalog;
    private final ApplicationEventPublisher events;
    private final CaseIndexQueue caseIndex;

    Submissions(
            JdbcClient jdbc,
            Drafts drafts,
            ReceiptRenderer receipts,
            JsonMapper json,
            Clock clock,
            TransactionTemplate transactions,
            @Value("${indgang.municipality.name}") String municipality,
            FormCatalog catalog,
            ApplicationEventPublisher events,
            CaseIndexQueue caseIndex) {
        this.caseIndex = caseIndex;
        this.catalog = catalog;
        this.events = events;
        this.jdbc = jdbc;
        this.drafts = drafts;
        this.receipts = receipts;
        this.json = json;
        this.clock = clock;
        this.transactions = transactions;
        this.municipality = municipality;
    }

    /**
     * @param submittedBy the logged-in user (the citizen, or the caseworker at the counter)
     * @param idempotencyKey a client's key for retries (API); null from the wizard, where the draft is the key
     * @throws NotSubmittableException when the verdict is no; nothing is stored then
     */
    public Application submit(
            Draft draft,
            FormSession session,
            Channel channel,
            String submittedBy,
            Locale locale,
            String idempotencyKey) {
        var existing = byDraftOrKey(draft.id(), idempotencyKey);
        if (existing.isPresent()) {
            if (!existing.get().draftId().equals(draft.id())) {
                // The IETF idempotency-key draft: a key reused for another request is a client error.
                throw new IdempotencyKeyReusedException();
            }
            return existing.get();
        }
        if (channel != Channel.ONLINE
                && session.answers()
                        .assistance()
                        .map(a -> !a.declarationWasReadAloud())
                        .orElse(true)) {
            // The citizen signs nothing at the counter or on the phone: the declaration read aloud is
            // what makes the application theirs (docs/counter.md).
            throw new DeclarationNotReadAloudException();
        }
        // One evaluation decides, and the document, the receipt and the assessment all describe it.
        var verdict = session.verdict();
        if (!verdict.isSubmittable()) {
            throw new NotSubmittableException(verdict.evaluation().allBlocking());
        }
        // The document and the PDF/A receipt are made before the transaction, which then only writes:
        // rendering holds no connection and no lock (a double click wastes one receipt number).
        var prepared = prepare(draft, verdict, channel, submittedBy, locale);
        try {
            return transactions.execute(tx -> store(draft, verdict, prepared, idempotencyKey));
        } catch (DuplicateKeyException e) {
            // Another request (a double click, a second tab) stored it first: that one is the application.
            return byDraftOrKey(draft.id(), idempotencyKey).orElseThrow(() -> e);
        }
    }

    /** What is stored for an application, made from the verdict before anything is written. */
    private record Prepared(ApplicationDocument.Header header, String document, String documentSha, byte[] pdf) {}

    private Prepared prepare(Draft draft, Verdict verdict, Channel channel, String submittedBy, Locale locale) {
        var now = OffsetDateTime.now(clock);
        long number = jdbc.sql("select nextval('receipt_number_seq')")
                .query(Long.class)
                .single();
        var receiptNumber = "IND-%d-%06d".formatted(now.getYear(), number);
        var header = new ApplicationDocument.Header(
                UUID.randomUUID(), receiptNumber, channel, draft.ownerCpr(), applicantName(verdict), submittedBy, now);
        var assessment = catalog.rates(verdict.form()).flatMap(rates -> Assessor.assess(verdict, rates, locale));
        var document = json.writeValueAsString(ApplicationDocument.build(header, verdict, assessment));
        var documentSha = FormLoader.sha256(document);
        var pdf = receipts.render(ReceiptContents.of(municipality, header, verdict, documentSha, locale, assessment));
        return new Prepared(header, document, documentSha, pdf);
    }

    private Application store(Draft draft, Verdict verdict, Prepared prepared, String idempotencyKey) {
        var header = prepared.header();
        var now = header.submittedAt();
        var receiptNumber = header.receiptNumber();
        var channel = header.channel();
        var submittedBy = header.submittedBy();
        var document = prepared.document();
        var documentSha = prepared.documentSha();
        var pdf = prepared.pdf();
        jdbc.sql("""
                        insert into application (id, receipt_number, draft_id, idempotency_key, form_id, form_version, form_sha256,
                          channel, applicant_cpr, submitted_by, submitted_at, document, document_sha256, receipt_pdf, status)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        header.id(),
                        receiptNumber,
                        draft.id(),
                        idempotencyKey,
                        draft.formId(),
                        draft.formVersion(),
                        draft.formSha256(),
                        channel.name(),
                        draft.ownerCpr(),
                        submittedBy,
                        now,
                        document,
                        documentSha,
                        pdf,
                        CaseStatus.RECEIVED.name())
                .update();
        jdbc.sql(
                        "insert into application_status (application_id, status, message, at, reported_by) values (?, ?, ?, ?, ?)")
                .params(header.id(), CaseStatus.RECEIVED.name(), null, now, "indgang")
                .update();
        caseIndex.changed(header.id());
        jdbc.sql("""
                        insert into outbox (application_id, kind, state, attempts, next_attempt_at, created_at)
                        values (?, 'RECEIPT_DELIVERY', 'PENDING', 0, ?, ?)""").params(header.id(), now, now).update();
        drafts.markSubmitted(draft, verdict.answers());
        events.publishEvent(new ApplicationSubmitted(
                header.id(),
                receiptNumber,
                draft.formId(),
                draft.ownerCpr(),
                now,
                verdict.form().processing()));
        return byId(header.id()).orElseThrow();
    }

    private static String applicantName(Verdict verdict) {
        return verdict.form().lookups().stream()
                .filter(l -> l.type() == dk.indgang.definition.Lookup.Type.PERSON && l.keyedByApplicant())
                .map(l -> verdict.lookupResults().get(l.id()))
                .filter(r -> r != null && r.isFound())
                .flatMap(r -> r.data().stream())
                .map(p -> ((RegisterData.Person) p).fullName())
                .findFirst()
                .orElse(null);
    }

    private Optional<Application> byDraftOrKey(UUID draftId, String idempotencyKey) {
        var byDraft = jdbc.sql("select * from application where draft_id = ?")
                .params(draftId)
                .query(MAPPER)
                .optional();
        if (byDraft.isPresent() || idempotencyKey == null) {
            return byDraft;
        }
        return jdbc.sql("select * from application where idempotency_key = ?")
                .params(idempotencyKey)
                .query(MAPPER)
                .optional();
    }

    Optional<Application> byId(UUID id) {
        return jdbc.sql("select * from application where id = ?")
                .params(id)
                .query(MAPPER)
                .optional();
    }

    /** The application of a draft, for its owner only. */
    public Optional<Application> ofDraft(UUID draftId, String ownerCpr) {
        return jdbc.sql("select * from application where draft_id = ? and applicant_cpr = ?")
                .params(draftId, ownerCpr)
                .query(MAPPER)
                .optional();
    }

    /** An application, for its applicant only: another citizen gets nothing. */
    public Optional<Application> find(UUID id, String applicantCpr) {
        return jdbc.sql("select * from application where id = ? and applicant_cpr = ?")
                .params(id, applicantCpr)
                .query(MAPPER)
                .optional();
    }

    public List<Application> forApplicant(String applicantCpr) {
        return jdbc.sql("select * from application where applicant_cpr = ? order by submitted_at desc")
                .params(applicantCpr)
                .query(MAPPER)
                .list();
    }

    /** The PDF receipt, for the applicant only. */
    public Optional<byte[]> receipt(UUID id, String applicantCpr) {
        return jdbc.sql("select receipt_pdf from application where id = ? and applicant_cpr = ?")
                .params(id, applicantCpr)
                .query((rs, n) -> rs.getBytes(1))
                .optional();
    }

    public List<Application.StatusEntry> history(UUID applicationId) {
        return jdbc.sql("select * from application_status where application_id = ? order by at, id")
                .params(applicationId)
                .query((rs, n) -> new Application.StatusEntry(
                        CaseStatus.valueOf(rs.getString("status")),
                        rs.getString("message"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("reported_by")))
                .list();
    }

    static final RowMapper<Application> MAPPER = (rs, n) -> new Application(
            rs.getObject("id", UUID.class),
            rs.getLong("seq"),
            rs.getString("receipt_number"),
            rs.getObject("draft_id", UUID.class),
            rs.getString("form_id"),
            rs.getInt("form_version"),
            rs.getString("form_sha256").trim(),
            Channel.valueOf(rs.getString("channel")),
            rs.getString("applicant_cpr"),
            rs.getString("submitted_by"),
            rs.getObject("submitted_at", OffsetDateTime.class),
            rs.getString("document"),
            rs.getString("document_sha256").trim(),
            CaseStatus.valueOf(rs.getString("status")),
            rs.getObject("acknowledged_at", OffsetDateTime.class));
}
