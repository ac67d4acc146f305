package dk.indgang.overview;

import dk.indgang.audit.CitizenAccessLog;
import dk.indgang.audit.LookupAuditLog;
import dk.indgang.casework.Case;
import dk.indgang.casework.Cases;
import dk.indgang.definition.FormDefinition;
import dk.indgang.engine.AttachmentRef;
import dk.indgang.submission.Application;
import dk.indgang.submission.Attachments;
import dk.indgang.submission.Draft;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Outbox;
import dk.indgang.submission.Submissions;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/** Everything "Mine sager" shows a citizen, and only her own. */
@Service
public class MyCases {

    /** How many of the latest log lines are shown (the full log is an access request). */
    public static final int ACCESS_LOG_LINES = 50;

    private final Drafts drafts;
    private final Submissions submissions;
    private final Outbox outbox;
    private final LookupAuditLog lookups;
    private final CitizenAccessLog accesses;
    private final Cases cases;
    private final Attachments attachments;

    MyCases(
            Drafts drafts,
            Submissions submissions,
            Outbox outbox,
            LookupAuditLog lookups,
            CitizenAccessLog accesses,
            Cases cases,
            Attachments attachments) {
        this.cases = cases;
        this.attachments = attachments;
        this.drafts = drafts;
        this.submissions = submissions;
        this.outbox = outbox;
        this.lookups = lookups;
        this.accesses = accesses;
    }

    public List<Draft> openDrafts(String cpr) {
        return drafts.openDrafts(cpr);
    }

    /** Deletes one of her open drafts. */
    public boolean discard(Draft draft, String cpr) {
        return drafts.discard(draft.id(), cpr);
    }

    public FormDefinition definitionOf(Draft draft) {
        return drafts.definitionOf(draft);
    }

    public List<Application> applications(String cpr) {
        return submissions.forApplicant(cpr);
    }

    /** The title of the form version an application was made on. */
    public String formTitle(Application application, Locale locale) {
        return drafts.formTitle(application.formId(), application.formVersion(), application.formSha256(), locale);
    }

    public List<Application.StatusEntry> history(Application application) {
        return submissions.history(application.id());
    }

    public Optional<Outbox.Delivery> delivery(Application application) {
        return outbox.delivery(application.id());
    }

    public byte[] receipt(UUID applicationId, String cpr) {
        return submissions.receipt(applicationId, cpr).orElseThrow();
    }

    /** The case of her application, when the municipality processes it here. */
    public Optional<Case> caseOf(Application application, String cpr) {
        return cases.ofApplication(application.id()).filter(c -> c.citizenCpr().equals(cpr));
    }

    /** Stores a file she sends with an answer, with her application's other files. */
    public AttachmentRef storeAnswerFile(Application application, String cpr, String name, String type, byte[] data) {
        var draft = drafts.find(application.draftId(), cpr).orElseThrow();
        return attachments.store(draft, name, type, data);
    }

    /** Her answer to the open request of her case; the case goes back to the caseworker. */
    public Case answer(Case value, String cpr, int request, String text, List<AttachmentRef> files) {
        return cases.answer(
                value.id(),
                cpr,
                request,
                text,
                files.stream().map(AttachmentRef::name).toList());
    }

    /** Her appeal of her case's decision, within the appeal deadline. */
    public Case appeal(Case value, String cpr, String text) {
        return cases.appeal(value.id(), cpr, text);
    }

    /** The letters about her application (requests, decisions), with their delivery. */
    public List<Outbox.Letter> letters(Application application) {
        return outbox.letters(application.id());
    }

    public byte[] letter(UUID letterId, String cpr) {
        return outbox.letter(letterId, cpr).orElseThrow();
    }

    /** The latest register lookups of her data and for her applications. */
    public List<LookupAuditLog.Entry> lookups(String cpr) {
        return lookups.forCitizen(cpr, ACCESS_LOG_LINES);
    }

    /** The latest times staff opened her data. */
    public List<CitizenAccessLog.Entry> accesses(String cpr) {
        return accesses.about(cpr, ACCESS_LOG_LINES);
    }
}
