package dk.indgang.casework;

import dk.indgang.submission.ApplicationSubmitted;
import dk.indgang.submission.CaseStatus;
import dk.indgang.submission.CaseSystem;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cases the municipality processes: opened when an application of a municipal form is stored,
 * changed only through the aggregate's verbs, each change stored with its events and reported as
 * the application's status, so "Mine sager" and the case API follow the case.
 */
@Service
public class Cases {

    /** What the inbox shows of a case: the case and the flags its application carries. */
    public record InboxItem(Case value, List<Flag> flags, OffsetDateTime receivedAt) {

        public boolean requestOverdue(LocalDate today) {
            return value.openRequest().map(r -> r.overdue(today)).orElse(false);
        }
    }

    /** What an application asks the caseworker to look at. */
    public enum Flag {
        NOT_VERIFIED,
        CHANGED_FROM_REGISTER,
        WARNINGS_EXPLAINED,
        OVERRIDDEN_AT_COUNTER,
        ASSESSMENT_SAYS_CASEWORKER,
        /** The form decides automatically, but this application could not be (the case file says why). */
        NOT_AUTOMATIC,
        /** Digital Post could deliver a letter or the receipt on neither channel (the case file says why). */
        LETTER_UNDELIVERED
    }

    /**
     * What the caseworker decides; the legal texts (legal basis, the reasons' wording, the appeal
     * guidance) come from the form's definition, so the decision quotes the form, never the view.
     *
     * @param reasons ids of the form's usual reasons
     * @param facts the facts relied on, with their source
     * @param hearingWaiver why no hearing was needed, or null
     */
    public record DecisionDraft(
            Decision.Outcome outcome,
            java.math.BigDecimal amount,
            List<String> reasons,
            List<Fact> facts,
            String hearingWaiver) {}

    private final CaseRepository repository;
    private final CaseSystem applications;
    private final dk.indgang.submission.Drafts drafts;
    private final dk.indgang.submission.Outbox outbox;
    private final DecisionLetters letters;
    private final JsonMapper json;
    private final Clock clock;
    private final WorkingDays workingDays = WorkingDays.danish();

    Cases(
            CaseRepository repository,
            CaseSystem applications,
            dk.indgang.submission.Drafts drafts,
            dk.indgang.submission.Outbox outbox,
            DecisionLetters letters,
            JsonMapper json,
            Clock clock) {
        this.repository = repository;
        this.applications = applications;
        this.drafts = drafts;
        this.outbox = outbox;
        this.letters = letters;
        this.json = json;
        this.clock = clock;
    }

    /** In the erasing transaction: the case and its history go with the application. */
    @EventListener
    void erase(dk.indgang.submission.ApplicationErasing erasing) {
        repository.delete(erasing.applicationId());
    }

    /** In the submit transaction: a municipal form's application never lacks its case. */
    @EventListener
    void open(ApplicationSubmitted submitted) {
        var processing = submitted.processing();
        if (!processing.byMunicipality()) {
            return;
        }
        var received =
                submitted.submittedAt().atZoneSameInstant(clock.getZone()).toLocalDate();
        var value = Case.receive(
                submitted.applicationId(),
                submitted.formId(),
                processing.unit(),
                submitted.applicantCpr(),
                workingDays.plus(received, processing.deadlineWorkingDays()),
                clock);
        var document = applications
                .get(submitted.applicationId())
                .map(a -> json.readTree(a.document()))
                .orElse(null);
        var flags = document == null ? List.<Flag>of() : flags(document);
        repository.insert(value, flags.stream().map(Flag::name).toList());
        if (document != null && automatic(document)) {
            // Straks afgørelse: decided at once, in the submit transaction, so the citizen sees the
            // decision on the done page and nothing is acknowledged that is not decided.
            var decision = automaticDecision(document, processing);
            var stored = stored(value.id());
            apply(stored, c -> c.decideAutomatically(decision), Case.AUTOMATIC);
            sendLetter(stored.value(), decision);
        }
    }

    private static boolean automatic(JsonNode document) {
        return "automatic"
                .equals(document.path("assessment")
                        .path("decision")
                        .path("mode")
                        .asString(""));
    }

    /**
     * The decision the assessment made, with its reasons: the facts with their register and time (or
     * the citizen's declaration), each calculation step with the rates it used, the rates' source and
     * the rule version; the form's legal basis and appeal guidance.
     */
    Decision automaticDecision(JsonNode document, dk.indgang.definition.Processing processing) {
        var assessment = document.path("assessment");
        var outcome =
                switch (assessment.path("result").asString("")) {
                    case "eligible" -> Decision.Outcome.GRANTED;
                    case "partly_eligible" -> Decision.Outcome.PARTLY_GRANTED;
                    case "not_eligible" -> Decision.Outcome.REFUSED;
                    default ->
                        throw new IllegalStateException("Not an automatic outcome: " + assessment.path("result"));
                };
        var facts = new ArrayList<Fact>();
        for (var input : assessment.path("decision").path("inputs")) {
            var text = input.path("label").asString() + ": "
                    + input.path("display").asString();
            if ("register".equals(input.path("source").asString())) {
                var at = input.has("fetchedAt")
                        ? ", hentet "
                                + dk.indgang.engine.ValueFormat.dateTime(
                                        java.time.Instant.parse(
                                                input.path("fetchedAt").asString()),
                                        clock.getZone())
                        : "";
                facts.add(new Fact(
                        input.path("field").asString(),
                        text,
                        Fact.Source.REGISTER,
                        input.path("register").asString() + at));
            } else {
                facts.add(new Fact(input.path("field").asString(), text, Fact.Source.CITIZEN, null));
            }
        }
        var rules = new ArrayList<String>();
        rules.add(assessment.path("reason").asString());
        for (var step : assessment.path("steps")) {
            var line = step.path("label").asString() + ": " + step.path("value").asString();
            var rates = new ArrayList<String>();
            step.path("rates").forEach(r -> rates.add(r.asString()));
            rules.add(rates.isEmpty() ? line : line + " (satser: " + String.join("; ", rates) + ")");
        }
        var table = assessment.path("rates");
        rules.add("Satser: " + table.path("table").asString() + " gældende fra "
                + table.path("validFrom").asString() + ". Kilde: "
                + table.path("source").asString().strip());
        var ruleVersion = assessment.path("decision").path("ruleVersion").asString();
        rules.add("Regelversion: " + ruleVersion);
        var appeal = processing.appeal();
        return new Decision(
                outcome,
                outcome == Decision.Outcome.REFUSED
                        ? null
                        : new java.math.BigDecimal(assessment.path("amount").asString()),
                facts,
                rules,
                processing.legalBasis().da(),
                new Decision.AppealGuidance(appeal.to().da(), appeal.how().da(), appeal.weeks()),
                outcome == Decision.Outcome.GRANTED ? null : HEARD_IN_THE_APPLICATION,
                LocalDate.now(clock).plusWeeks(appeal.weeks()),
                true,
                ruleVersion);
    }

    /**
     * Why an automatic decision needs no separate hearing: every register value it rests on was shown
     * to the citizen in the application, and she sent it unchanged (a changed value is never decided
     * automatically), so she knows the facts and has had her say (forvaltningsloven § 19, stk. 1).
     */
    static final String HEARD_IN_THE_APPLICATION =
            "Oplysningerne fra registrene blev vist for dig i ansøgningen, og du sendte dem uændret. Du kender"
                    + " dem derfor og har haft lejlighed til at udtale dig (forvaltningsloven § 19, stk. 1).";

    static List<Flag> flags(JsonNode document) {
        var flags = new ArrayList<Flag>();
        var found = document.path("flags");
        if (!found.path("notVerified").isEmpty()) {
            flags.add(Flag.NOT_VERIFIED);
        }
        if (!found.path("changedFromRegister").isEmpty()) {
            flags.add(Flag.CHANGED_FROM_REGISTER);
        }
        var warnings = found.path("confirmedWarnings");
        var overridden = false;
        var explained = false;
        for (var warning : warnings) {
            if (warning.has("overriddenBy")) {
                overridden = true;
            } else {
                explained = true;
            }
        }
        if (explained) {
            flags.add(Flag.WARNINGS_EXPLAINED);
        }
        if (overridden) {
            flags.add(Flag.OVERRIDDEN_AT_COUNTER);
        }
        if ("caseworker".equals(document.path("assessment").path("result").asString(""))) {
            flags.add(Flag.ASSESSMENT_SAYS_CASEWORKER);
        }
        if ("caseworker"
                .equals(document.path("assessment")
                        .path("decision")
                        .path("mode")
                        .asString(""))) {
            flags.add(Flag.NOT_AUTOMATIC);
        }
        return flags;
    }

    /** The open cases of a unit, the nearest deadline first. */
    public List<InboxItem> inbox(String unit) {
        return repository.inbox(unit).stream().map(Cases::item).toList();
    }

    public Optional<InboxItem> find(UUID caseId) {
        return repository.find(caseId).map(Cases::item);
    }

    public Optional<Case> ofApplication(UUID applicationId) {
        return repository.ofApplication(applicationId).map(CaseRepository.Stored::value);
    }

    /** A citizen's own cases, for "Mine sager". */
    public List<Case> ofCitizen(String cpr) {
        return repository.ofCitizen(cpr).stream()
                .map(CaseRepository.Stored::value)
                .toList();
    }

    private static InboxItem item(CaseRepository.Stored stored) {
        return new InboxItem(
                stored.value(), stored.flags().stream().map(Flag::valueOf).toList(), stored.receivedAt());
    }

    @Transactional
    public Case take(UUID caseId, String caseworker) {
        return change(caseId, c -> c.take(caseworker), caseworker);
    }

    @Transactional
    public Case handOver(UUID caseId, String caseworker, String colleague) {
        return change(caseId, c -> c.handOver(caseworker, colleague), caseworker);
    }

    /** Asks the citizen for information; the deadline is a number of working days from today. */
    @Transactional
    public Case requestInformation(UUID caseId, String caseworker, String text, int workingDaysToAnswer) {
        var due = workingDays.plus(LocalDate.now(clock), workingDaysToAnswer);
        var value = change(caseId, c -> c.requestInformation(caseworker, text, due), caseworker);
        sendRequestLetter(value, List.of());
        return value;
    }

    /** Partshøring of facts the citizen has not stated herself, with a deadline in working days. */
    @Transactional
    public Case hear(UUID caseId, String caseworker, List<Fact> facts, String text, int workingDaysToAnswer) {
        var due = workingDays.plus(LocalDate.now(clock), workingDaysToAnswer);
        var value = change(caseId, c -> c.hear(caseworker, facts, text, due), caseworker);
        sendRequestLetter(value, facts);
        return value;
    }

    /** The citizen answers her own case's open request. */
    @Transactional
    public Case answer(UUID caseId, String citizenCpr, int request, String text, List<String> attachments) {
        var stored = ownCase(caseId, citizenCpr);
        return apply(stored, c -> c.citizenAnswered(request, text, attachments), "citizen");
    }

    @Transactional
    public Case resumeAfterDeadline(UUID caseId, String caseworker) {
        return change(caseId, c -> c.resumeAfterDeadline(caseworker), caseworker);
    }

    @Transactional
    public Case decide(UUID caseId, String caseworker, Decision decision) {
        var value = change(caseId, c -> c.decide(caseworker, decision), caseworker);
        sendLetter(value, decision);
        return value;
    }

    /**
     * Decides with the form's own legal texts: the legal basis, the chosen reasons' wording and the
     * appeal guidance, with the appeal deadline counted from today (the letter goes out today).
     */
    @Transactional
    public Case decide(UUID caseId, String caseworker, DecisionDraft draft) {
        var stored = stored(caseId);
        return decide(caseId, caseworker, decision(stored.value(), draft));
    }

    /** The form's processing texts turned into a decision (not yet made). */
    public Decision decision(Case value, DecisionDraft draft) {
        var processing = processingOf(value);
        var reasons = processing.reasons().stream()
                .filter(r -> draft.reasons().contains(r.id()))
                .map(r -> r.text().da())
                .toList();
        var appeal = processing.appeal();
        return new Decision(
                draft.outcome(),
                draft.amount(),
                draft.facts(),
                reasons,
                processing.legalBasis() == null ? null : processing.legalBasis().da(),
                appeal == null
                        ? null
                        : new Decision.AppealGuidance(
                                appeal.to().da(), appeal.how().da(), appeal.weeks()),
                draft.hearingWaiver(),
                appeal == null ? null : LocalDate.now(clock).plusWeeks(appeal.weeks()));
    }

    /** The processing section of the definition version the case's application was made on. */
    public dk.indgang.definition.Processing processingOf(Case value) {
        var application = applications.get(value.applicationId()).orElseThrow();
        return drafts.definition(application.formId(), application.formVersion(), application.formSha256())
                .map(dk.indgang.definition.FormDefinition::processing)
                .orElseThrow(() -> new IllegalStateException("The definition of case " + value.id() + " is missing"));
    }

    /** A letter about a case: composed from its application and form title, kept and queued for delivery. */
    private void send(Case value, LetterComposer composer) {
        var application = applications.get(value.applicationId()).orElseThrow();
        var title = drafts.formTitle(
                application.formId(),
                application.formVersion(),
                application.formSha256(),
                java.util.Locale.forLanguageTag("da"));
        var letter = composer.compose(application, title);
        outbox.addLetter(application.id(), letter.title(), letter.pdf(), letter.replyBy());
    }

    /** @param replyBy the date the letter asks her to answer by (Digital Post shows it), or null */
    private record Letter(String title, byte[] pdf, LocalDate replyBy) {}

    @FunctionalInterface
    private interface LetterComposer {
        Letter compose(dk.indgang.submission.Application application, String formTitle);
    }

    /** The citizen gets the request in Digital Post too, not only in Mine sager. */
    private void sendRequestLetter(Case value, List<Fact> heard) {
        var request = value.openRequest().orElseThrow();
        send(
                value,
                (application, title) -> new Letter(
                        DecisionLetters.requestTitle(request, title),
                        letters.request(request, heard, application, title),
                        request.dueBy()));
    }

    private void sendLetter(Case value, Decision decision) {
        send(
                value,
                (application, title) -> new Letter(
                        DecisionLetters.title(title), letters.render(value, decision, application, title), null));
    }

    /** A caseworker reopens a decided case (e.g. an automatic decision) to decide it again herself. */
    @Transactional
    public Case reopen(UUID caseId, String caseworker, String reason) {
        return change(caseId, c -> c.reopen(caseworker, reason), caseworker);
    }

    /** Why the application could not be decided automatically, as the assessment said at submit; empty otherwise. */
    public List<String> notAutomaticBecause(Case value) {
        var reasons = new ArrayList<String>();
        applications.get(value.applicationId()).ifPresent(a -> json.readTree(a.document())
                .path("assessment")
                .path("decision")
                .path("notAutomaticBecause")
                .forEach(r -> reasons.add(r.path("text").asString())));
        return reasons;
    }

    /** The citizen appeals her own case's decision. */
    @Transactional
    public Case appeal(UUID caseId, String citizenCpr, String text) {
        return apply(ownCase(caseId, citizenCpr), c -> c.appeal(text), "citizen");
    }

    @Transactional
    public Case uphold(UUID caseId, String caseworker, String reasons) {
        var value = change(caseId, c -> c.uphold(caseworker, reasons), caseworker);
        var decision = value.latestDecision().orElseThrow();
        send(
                value,
                (application, title) -> new Letter(
                        DecisionLetters.forwardedTitle(title),
                        letters.forwarded(value, decision, reasons, application, title),
                        null));
        return value;
    }

    /** A journal note on the case; its state does not change. */
    @Transactional
    public Case note(UUID caseId, String caseworker, String text) {
        return change(caseId, c -> c.note(caseworker, text), caseworker);
    }

    /** Reconsidered and changed, with the form's legal texts as for a first decision. */
    @Transactional
    public Case changeDecision(UUID caseId, String caseworker, DecisionDraft draft) {
        var stored = stored(caseId);
        return changeDecision(caseId, caseworker, decision(stored.value(), draft));
    }

    @Transactional
    public Case changeDecision(UUID caseId, String caseworker, Decision decision) {
        var value = change(caseId, c -> c.change(caseworker, decision), caseworker);
        sendLetter(value, decision);
        return value;
    }

    @Transactional
    public Case close(UUID caseId, String caseworker) {
        return change(caseId, c -> c.close(caseworker), caseworker);
    }

    /** The deadline a request sent today would have. */
    public LocalDate dueIn(int workingDaysToAnswer) {
        return workingDays.plus(LocalDate.now(clock), workingDaysToAnswer);
    }

    private CaseRepository.Stored ownCase(UUID caseId, String citizenCpr) {
        return repository
                .find(caseId)
                .filter(s -> s.value().citizenCpr().equals(citizenCpr))
                .orElseThrow(() -> new CaseTransitionRefused("case.none", "No such case"));
    }

    private CaseRepository.Stored stored(UUID caseId) {
        return repository.find(caseId).orElseThrow(() -> new CaseTransitionRefused("case.none", "No such case"));
    }

    private Case change(UUID caseId, Consumer<Case> verb, String actor) {
        var stored = stored(caseId);
        return apply(stored, verb, actor);
    }

    private Case apply(CaseRepository.Stored stored, Consumer<Case> verb, String actor) {
        var value = stored.value();
        var before = value.state();
        verb.accept(value);
        repository.update(value, stored.version());
        if (value.state() != before) {
            applications.reportStatus(value.applicationId(), status(value.state()), message(value), actor);
        }
        return value;
    }

    private static CaseStatus status(CaseState state) {
        return switch (state) {
            case RECEIVED -> CaseStatus.RECEIVED;
            case IN_PROGRESS -> CaseStatus.IN_PROGRESS;
            case AWAITING_CITIZEN -> CaseStatus.AWAITING_INFORMATION;
            case DECIDED -> CaseStatus.DECIDED;
            case APPEALED -> CaseStatus.APPEALED;
            case FORWARDED -> CaseStatus.FORWARDED;
            case CLOSED -> CaseStatus.CLOSED;
        };
    }

    /** What "Mine sager" says with the new status, in the record's language (Danish). */
    private static String message(Case value) {
        return switch (value.state()) {
            case AWAITING_CITIZEN ->
                value.openRequest()
                        .map(r ->
                                (r.kind() == CitizenRequest.Kind.HEARING ? "Partshøring: " : "Vi mangler oplysninger: ")
                                        + r.text() + " Svar senest " + r.dueBy() + " under Mine sager.")
                        .orElse(null);
            case DECIDED ->
                (value.latestDecision().orElseThrow().automatic()
                                ? "Sagen er afgjort automatisk. Du kan klage senest "
                                : "Sagen er afgjort. Du kan klage senest ")
                        + value.latestDecision().orElseThrow().appealBy() + ".";
            case IN_PROGRESS ->
                value.history().getLast().kind() == CaseEvent.Kind.REOPENED
                        ? "Kommunen har genoptaget sagen og ser på afgørelsen igen."
                        : null;
            case FORWARDED ->
                "Kommunen fastholder afgørelsen. Klagen er sendt til "
                        + value.latestDecision().orElseThrow().appealGuidance().to();
            default -> null;
        };
    }
}
