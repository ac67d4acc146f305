package dk.indgang.submission;

import dk.indgang.assessment.AssessmentResult;
import dk.indgang.assessment.Assessor;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.engine.AttachmentRef;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupRunner;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Filling in a form, for the wizard: opens a draft as a running session on the definition version it
 * was started on, saves it at each step, stores uploads, gives the straks afklaring for the review
 * page, submits online and finds the application afterwards.
 */
@Service
public class FormFilling {

    private final Drafts drafts;
    private final Attachments attachments;
    private final Submissions submissions;
    private final FormCatalog catalog;
    private final LookupRunner lookupRunner;
    private final Clock clock;
    private final org.springframework.beans.factory.ObjectProvider<Decisions> decisions;

    FormFilling(
            Drafts drafts,
            Attachments attachments,
            Submissions submissions,
            FormCatalog catalog,
            LookupRunner lookupRunner,
            Clock clock,
            org.springframework.beans.factory.ObjectProvider<Decisions> decisions) {
        this.decisions = decisions;
        this.drafts = drafts;
        this.attachments = attachments;
        this.submissions = submissions;
        this.catalog = catalog;
        this.lookupRunner = lookupRunner;
        this.clock = clock;
    }

    /** A form a citizen may start online, by its id (an example form only in development). */
    public Optional<dk.indgang.definition.FormDefinition> offered(String formId) {
        return catalog.offered(formId, dk.indgang.definition.Audience.CITIZEN);
    }

    /** The citizen's open drafts of one form, newest first. */
    public java.util.List<Draft> openDrafts(String citizenCpr, String formId) {
        return drafts.openDrafts(citizenCpr).stream()
                .filter(d -> d.formId().equals(formId))
                .toList();
    }

    /** A new draft of a form the citizen may start. */
    public Draft start(dk.indgang.definition.FormDefinition form, String citizenCpr) {
        return drafts.start(form, citizenCpr);
    }

    /** A draft of this citizen's, by its id as a page address gives it; empty for any other text. */
    public Optional<Draft> find(String draftId, String citizenCpr) {
        try {
            return drafts.find(UUID.fromString(draftId), citizenCpr);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * The draft as a running form. {@code previous}, the session of the same draft on the page before,
     * hands over the register answers it has, so moving between steps asks no register again.
     */
    public FormSession open(Draft draft, FormSession previous) {
        return open(draft, previous, Optional.empty());
    }

    /**
     * The draft as a running form whose answers {@code caseworker} gives on the citizen's behalf (at
     * the counter, on the phone): a register value changed in it is marked as the caseworker's change.
     */
    public FormSession open(Draft draft, FormSession previous, Optional<String> caseworker) {
        var form = drafts.definitionOf(draft);
        var session = new FormSession(
                form, draft.answers().copy(), clock, catalog.rates(form).orElse(null));
        session.adoptLookups(previous);
        caseworker.ifPresent(session::answeredBy);
        return session;
    }

    /**
     * Typed CPR numbers are compared with other persons' register data only within the user's
     * allowance, and audited (a rule cannot be used to sweep CPR numbers at an address).
     */
    public void guardCprComparisons(FormSession session, Draft draft, String user) {
        lookupRunner.guardCprComparisons(
                session,
                new dk.indgang.engine.LookupContext(
                        user,
                        draft.ownerCpr(),
                        LookupRunner.COMPARISON_PURPOSE,
                        draft.id().toString()));
    }

    /** Saves the answers with the step the citizen is on. */
    public Draft save(Draft draft, FormSession session, String step) {
        return drafts.save(draft, session.answers(), step);
    }

    /** Stores an upload whose content is a kind the field accepts; else {@link Attachments.UploadRefused}. */
    public AttachmentRef store(
            Draft draft, String fileName, String contentType, byte[] data, java.util.List<String> accept) {
        return attachments.store(draft, fileName, contentType, data, accept);
    }

    /**
     * The citizen removed a file (the session no longer has it): it leaves the draft's storage —
     * unless another answer of the draft still holds the same file — and the draft is saved, so it
     * is neither resumed nor sent.
     */
    public Draft removeAttachment(Draft draft, FormSession session, String step, AttachmentRef file) {
        if (!holds(session.answers().values(), file.sha256())) {
            attachments.remove(draft, file.sha256());
        }
        return drafts.save(draft, session.answers(), step);
    }

    /** Whether a value (answers, group items, lists) holds a file with this hash anywhere. */
    private static boolean holds(Object value, String sha256) {
        return switch (value) {
            case AttachmentRef file -> file.sha256().equals(sha256);
            case java.util.Map<?, ?> map -> map.values().stream().anyMatch(v -> holds(v, sha256));
            case java.util.Collection<?> list -> list.stream().anyMatch(v -> holds(v, sha256));
            case null, default -> false;
        };
    }

    /** The straks afklaring, when the form has one and is complete. */
    public Optional<AssessmentResult> assess(FormSession session, Locale locale) {
        return catalog.rates(session.form()).flatMap(rates -> Assessor.assess(session, rates, locale));
    }

    /**
     * The citizen sends her own application. A caseworker's earlier help stays on record; the channel
     * is hers, and no declaration was read aloud to her this time.
     */
    public Application submitOnline(Draft draft, FormSession session, String citizen, Locale locale) {
        session.answers()
                .assistance()
                .ifPresent(assistance -> session.recordAssistance(assistance.withDeclarationReadAloud(null)));
        return submissions.submit(draft, session, Channel.ONLINE, citizen, locale, null);
    }

    public Optional<Application> application(Draft draft) {
        return submissions.ofDraft(draft.id(), draft.ownerCpr());
    }

    /** The decision on a sent application, when Indgang decided it at once (or has decided it since). */
    public Optional<Decisions.Summary> decision(Application application) {
        var port = decisions.getIfAvailable();
        return port == null ? Optional.empty() : port.latest(application.id());
    }

    /** The receipt of an application, for its applicant only. */
    public byte[] receipt(Application application, String applicantCpr) {
        return submissions.receipt(application.id(), applicantCpr).orElseThrow();
    }

    /** The lookups of a session: which are due, asked off the UI thread, applied on it. */
    public LookupRunner lookupRunner() {
        return lookupRunner;
    }
}
