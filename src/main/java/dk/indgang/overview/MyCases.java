package dk.indgang.overview;

import dk.indgang.audit.CitizenAccessLog;
import dk.indgang.audit.LookupAuditLog;
import dk.indgang.definition.FormDefinition;
import dk.indgang.submission.Application;
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

    MyCases(Drafts drafts, Submissions submissions, Outbox outbox, LookupAuditLog lookups, CitizenAccessLog accesses) {
        this.drafts = drafts;
        this.submissions = submissions;
        this.outbox = outbox;
        this.lookups = lookups;
        this.accesses = accesses;
    }

    public List<Draft> openDrafts(String cpr) {
        return drafts.openDrafts(cpr);
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

    /** The latest register lookups of her data. */
    public List<LookupAuditLog.Entry> lookups(String cpr) {
        return lookups.about(cpr, ACCESS_LOG_LINES);
    }

    /** The latest times staff opened her data. */
    public List<CitizenAccessLog.Entry> accesses(String cpr) {
        return accesses.about(cpr, ACCESS_LOG_LINES);
    }
}
