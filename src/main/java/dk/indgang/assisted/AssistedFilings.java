package dk.indgang.assisted;

import dk.indgang.audit.CitizenAccessLog;
import dk.indgang.audit.CitizenAccessLog.Action;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.Lookup;
import dk.indgang.engine.AssistanceRecord;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupResult;
import dk.indgang.engine.RegisterData;
import dk.indgang.engine.Registers;
import dk.indgang.submission.Application;
import dk.indgang.submission.Channel;
import dk.indgang.submission.Draft;
import dk.indgang.submission.Drafts;
import dk.indgang.submission.Submissions;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** What a caseworker does for a citizen, each step audited with the stated purpose. */
@Service
public class AssistedFilings {

    /**
     * The citizen as the caseworker may see them.
     *
     * @param name the name CPR gives, or null when CPR could not answer
     * @param address one line, or null when protected or unknown
     */
    public record Citizen(String cpr, String name, String address, boolean addressProtected) {}

    /**
     * Who helps whom, how and why: the caseworker, the citizen, the channel, the stated purpose.
     *
     * @param actor the caseworker's user name (audit), {@code actorName} their name (receipt)
     */
    public record Assistance(String actor, String actorName, Citizen citizen, Channel channel, String purpose) {

        /** How the citizen consented to the lookups, as the application records it. */
        public String consent() {
            return channel == Channel.PHONE ? "oral" : "in-person";
        }
    }

    private final Registers registers;
    private final CitizenAccessLog accessLog;
    private final Drafts drafts;
    private final Submissions submissions;
    private final dk.indgang.casework.Cases cases;
    private final dk.indgang.casework.CaseFiles caseFiles;
    private final Clock clock;
    private final dk.indgang.catalog.FormCatalog catalog;

    AssistedFilings(
            Registers registers,
            CitizenAccessLog accessLog,
            Drafts drafts,
            Submissions submissions,
            dk.indgang.casework.Cases cases,
            dk.indgang.casework.CaseFiles caseFiles,
            Clock clock,
            dk.indgang.catalog.FormCatalog catalog) {
        this.catalog = catalog;
        this.cases = cases;
        this.caseFiles = caseFiles;
        this.registers = registers;
        this.submissions = submissions;
        this.accessLog = accessLog;
        this.drafts = drafts;
        this.clock = clock;
    }

    /** A draft of the citizen's with the definition version it began on. */
    public record OpenDraft(Draft draft, FormDefinition definition) {}

    /** What the counter shows of the citizen it helps: her open drafts, the forms it may file, her applications. */
    public record Overview(
            List<OpenDraft> drafts, List<FormDefinition> forms, List<dk.indgang.submission.Application> applications) {}

    public Overview overview(Assistance assistance) {
        var cpr = assistance.citizen().cpr();
        return new Overview(
                drafts.openDrafts(cpr).stream()
                        .map(d -> new OpenDraft(d, drafts.definitionOf(d)))
                        .toList(),
                catalog.forAudience(dk.indgang.definition.Audience.COUNTER),
                submissions.forApplicant(cpr));
    }

    /** An application's form title, in the caseworker's language. */
    public String formTitle(dk.indgang.submission.Application application, java.util.Locale locale) {
        return drafts.formTitle(application.formId(), application.formVersion(), application.formSha256(), locale);
    }

    /** The receipt of an application of the citizen being helped. */
    public byte[] receipt(dk.indgang.submission.Application application, Assistance assistance) {
        return submissions.receipt(application.id(), assistance.citizen().cpr()).orElseThrow();
    }

    /**
     * Finds a citizen by CPR number (digits) for a stated purpose; empty when CPR does not know the
     * number. When CPR does not answer, the citizen is found without name or address.
     */
    public Optional<Citizen> find(String cpr, String purpose, Channel channel, String actor) {
        accessLog.record(actor, cpr, channel.json(), Action.FIND_CITIZEN, purpose, null);
        var result = registers.person(cpr, new LookupContext(actor, cpr, purpose, "skranke"));
        if (result.outcome() == LookupResult.Outcome.NOT_FOUND) {
            return Optional.empty();
        }
        var person = result.data();
        var isProtected = result.outcome() == LookupResult.Outcome.PROTECTED
                || person.map(RegisterData.Person::addressProtected).orElse(false);
        return Optional.of(new Citizen(
                cpr,
                person.map(RegisterData.Person::fullName).orElse(null),
                isProtected
                        ? null
                        : person.map(RegisterData.Person::address)
                                .map(RegisterData.RegisteredAddress::display)
                                .orElse(null),
                isProtected));
    }

    /** The caseworker sees the citizen's drafts and applications. */
    public void viewed(Assistance assistance) {
        record(assistance, Action.VIEW_OVERVIEW, (String) null);
    }

    /** A new draft for the citizen, with the assistance on record. */
    public Draft start(FormDefinition form, Assistance assistance) {
        var draft = recordAssistance(drafts.start(form, assistance.citizen().cpr()), assistance);
        record(assistance, Action.START_APPLICATION, draft);
        return draft;
    }

    /** Continues a draft (the citizen's own or an assisted one), with the assistance now on record. */
    public Draft resume(Draft draft, Assistance assistance) {
        var updated = recordAssistance(draft, assistance);
        record(assistance, Action.OPEN_DRAFT, updated);
        return updated;
    }

    /** The wizard opened a draft for the caseworker. */
    public void opened(Draft draft, Assistance assistance) {
        record(assistance, Action.OPEN_DRAFT, draft);
    }

    private void record(Assistance assistance, Action action, Draft draft) {
        record(assistance, action, draft == null ? (String) null : draft.id().toString());
    }

    private void record(Assistance assistance, Action action, String reference) {
        accessLog.record(
                assistance.actor(),
                assistance.citizen().cpr(),
                assistance.channel().json(),
                action,
                assistance.purpose(),
                reference);
    }

    /** The case of one of the citizen's applications, when the municipality processes it here. */
    public Optional<dk.indgang.casework.Case> caseOf(
            dk.indgang.submission.Application application, Assistance assistance) {
        return cases.ofApplication(application.id())
                .filter(c -> c.citizenCpr().equals(assistance.citizen().cpr()));
    }

    /**
     * Counter and contact-centre staff read the case file of the citizen they found with a stated
     * purpose, so a citizen who calls gets an answer about her case; every view is written to the
     * citizen-access log, which she sees under "Mine sager".
     */
    public Optional<dk.indgang.casework.CaseFiles.CaseFile> viewCaseFile(String caseId, Assistance assistance) {
        var file = caseFiles
                .open(caseId)
                .filter(f -> f.value().citizenCpr().equals(assistance.citizen().cpr()));
        file.ifPresent(
                f -> record(assistance, Action.VIEW_CASE_FILE, f.application().receiptNumber()));
        return file;
    }

    /**
     * The purpose a lookup made for an assisted filing is audited under: the form's purpose, the
     * channel and the caseworker's stated purpose, in the municipality's record language (Danish)
     * whatever language the caseworker's screen speaks, so the audit reads the same for everyone.
     */
    public static String lookupPurpose(Lookup lookup, Assistance assistance) {
        return lookup.purpose().da() + " (" + channelName(assistance.channel()) + ": " + assistance.purpose() + ")";
    }

    /** The context of a lookup the caseworker's wizard makes for the citizen's draft. */
    public LookupContext lookupContext(Lookup lookup, Draft draft, Assistance assistance) {
        return new LookupContext(
                assistance.actor(),
                draft.ownerCpr(),
                lookupPurpose(lookup, assistance),
                draft.id().toString());
    }

    private static String channelName(Channel channel) {
        return switch (channel) {
            case COUNTER -> "ved skranken";
            case PHONE -> "i telefonen";
            case ONLINE -> "digitalt";
        };
    }

    /** The caseworker has read the declaration aloud to the citizen (or, with false, takes it back). */
    public void declarationReadAloud(FormSession session, boolean read) {
        var record = session.answers()
                .assistance()
                .orElseThrow(() -> new IllegalStateException("The draft is not an assisted one"));
        session.recordAssistance(record.withDeclarationReadAloud(read ? OffsetDateTime.now(clock) : null));
    }

    /**
     * Submits what the caseworker filed for the citizen, audited. {@link Submissions#submit} refuses
     * it unless the declaration was read aloud.
     */
    public Application submit(Draft draft, FormSession session, Assistance assistance, Locale locale) {
        var application = submissions.submit(draft, session, assistance.channel(), assistance.actor(), locale, null);
        record(assistance, Action.SUBMIT_APPLICATION, draft);
        return application;
    }

    /** Channel, caseworker and consent go with the draft, so a hand-over keeps them. */
    private Draft recordAssistance(Draft draft, Assistance assistance) {
        var session =
                new FormSession(drafts.definitionOf(draft), draft.answers().copy(), clock);
        session.recordAssistance(new AssistanceRecord(
                assistance.channel().json(),
                assistance.actor(),
                assistance.actorName(),
                assistance.consent(),
                OffsetDateTime.now(clock),
                null));
        return drafts.save(draft, session.answers(), draft.currentStep());
    }
}
