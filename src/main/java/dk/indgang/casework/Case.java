package dk.indgang.casework;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A case the municipality processes: an application, who has it, its requests to the citizen, its
 * decision and appeal, and its history. Every change is a verb that first checks the state and the
 * law and then records a past-tense {@link CaseEvent}; a verb that may not happen now is refused
 * with {@link CaseTransitionRefused} and changes nothing.
 */
public final class Case {

    private final UUID id;
    private final UUID applicationId;
    private final String formId;
    private final String unit;
    private final String citizenCpr;
    private final LocalDate deadline;
    private CaseState state;
    private String assignee;
    private final List<CitizenRequest> requests;
    private final List<Decision> decisions;
    private String appeal;
    private final List<CaseEvent> history;
    private final List<CaseEvent> recorded = new ArrayList<>();
    private final Clock clock;

    private Case(
            UUID id,
            UUID applicationId,
            String formId,
            String unit,
            String citizenCpr,
            LocalDate deadline,
            CaseState state,
            String assignee,
            List<CitizenRequest> requests,
            List<Decision> decisions,
            String appeal,
            List<CaseEvent> history,
            Clock clock) {
        this.id = id;
        this.applicationId = applicationId;
        this.formId = formId;
        this.unit = unit;
        this.citizenCpr = citizenCpr;
        this.deadline = deadline;
        this.state = state;
        this.assignee = assignee;
        this.requests = new ArrayList<>(requests);
        this.decisions = new ArrayList<>(decisions);
        this.appeal = appeal;
        this.history = new ArrayList<>(history);
        this.clock = clock;
    }

    /** A new case for a submitted application, in the unit's inbox. */
    public static Case receive(
            UUID applicationId, String formId, String unit, String citizenCpr, LocalDate deadline, Clock clock) {
        var created = new Case(
                UUID.randomUUID(),
                applicationId,
                formId,
                unit,
                citizenCpr,
                deadline,
                CaseState.RECEIVED,
                null,
                List.of(),
                List.of(),
                null,
                List.of(),
                clock);
        created.record(CaseEvent.Kind.RECEIVED, "indgang", Map.of("deadline", deadline.toString()));
        return created;
    }

    /** A case as stored. */
    public static Case restore(
            UUID id,
            UUID applicationId,
            String formId,
            String unit,
            String citizenCpr,
            LocalDate deadline,
            CaseState state,
            String assignee,
            List<CitizenRequest> requests,
            List<Decision> decisions,
            String appeal,
            List<CaseEvent> history,
            Clock clock) {
        return new Case(
                id,
                applicationId,
                formId,
                unit,
                citizenCpr,
                deadline,
                state,
                assignee,
                requests,
                decisions,
                appeal,
                history,
                clock);
    }

    // ---- verbs -----------------------------------------------------------------------------------

    /** A caseworker takes the case from the inbox. */
    public void take(String caseworker) {
        require(EnumSet.of(CaseState.RECEIVED), "take the case");
        assignee = caseworker;
        state = CaseState.IN_PROGRESS;
        record(CaseEvent.Kind.TAKEN, caseworker, Map.of());
    }

    /** The case goes to a colleague, whatever step it is at. */
    public void handOver(String caseworker, String colleague) {
        require(EnumSet.of(CaseState.IN_PROGRESS, CaseState.AWAITING_CITIZEN, CaseState.APPEALED), "hand it over");
        if (colleague == null || colleague.isBlank() || colleague.equals(assignee)) {
            throw new CaseTransitionRefused("handover.colleague", "Hand the case to a colleague who does not have it");
        }
        assignee = colleague;
        record(CaseEvent.Kind.HANDED_OVER, caseworker, Map.of("to", colleague));
    }

    /** Asks the citizen for information, with a deadline; the case waits for her. */
    public CitizenRequest requestInformation(String caseworker, String text, LocalDate dueBy) {
        require(EnumSet.of(CaseState.IN_PROGRESS), "ask the citizen");
        var request = send(CitizenRequest.Kind.INFORMATION, caseworker, text, List.of(), dueBy);
        record(CaseEvent.Kind.INFORMATION_REQUESTED, caseworker, Map.of("text", text, "dueBy", dueBy.toString()));
        return request;
    }

    /**
     * Partshøring: the citizen is heard on facts she has not stated herself before a decision rests on
     * them (forvaltningsloven § 19).
     */
    public CitizenRequest hear(String caseworker, List<Fact> facts, String text, LocalDate dueBy) {
        require(EnumSet.of(CaseState.IN_PROGRESS), "hear the citizen");
        if (facts.isEmpty() || facts.stream().anyMatch(Fact::statedByCitizen)) {
            throw new CaseTransitionRefused(
                    "hearing.facts", "A hearing is about facts the citizen has not stated herself");
        }
        var keys = facts.stream().map(Fact::key).toList();
        var request = send(CitizenRequest.Kind.HEARING, caseworker, text, keys, dueBy);
        record(
                CaseEvent.Kind.HEARING_SENT,
                caseworker,
                Map.of("facts", String.join(", ", keys), "dueBy", dueBy.toString()));
        return request;
    }

    private CitizenRequest send(
            CitizenRequest.Kind kind, String caseworker, String text, List<String> facts, LocalDate dueBy) {
        if (text == null || text.isBlank()) {
            throw new CaseTransitionRefused("request.text", "Say what the citizen is asked");
        }
        if (dueBy == null || !dueBy.isAfter(today())) {
            throw new CaseTransitionRefused("request.due", "A request gives the citizen a deadline after today");
        }
        var request = new CitizenRequest(
                requests.size() + 1, kind, text.strip(), facts, dueBy, clock.instant(), caseworker, null);
        requests.add(request);
        state = CaseState.AWAITING_CITIZEN;
        return request;
    }

    /** The citizen answers the open request; the case is back with the caseworker. */
    public void citizenAnswered(int requestNumber, String text, List<String> attachments) {
        require(EnumSet.of(CaseState.AWAITING_CITIZEN), "answer a request");
        var request = openRequest()
                .filter(r -> r.number() == requestNumber)
                .orElseThrow(() -> new CaseTransitionRefused("request.none", "That request is not open"));
        if ((text == null || text.isBlank()) && (attachments == null || attachments.isEmpty())) {
            throw new CaseTransitionRefused("answer.empty", "An answer has a text or an attachment");
        }
        requests.set(
                requests.indexOf(request),
                request.answeredWith(
                        new CitizenRequest.Answer(text == null ? "" : text.strip(), attachments, clock.instant())));
        state = CaseState.IN_PROGRESS;
        record(CaseEvent.Kind.CITIZEN_ANSWERED, "citizen", Map.of("request", String.valueOf(requestNumber)));
    }

    /** The deadline passed without an answer: the caseworker goes on (a hearing then counts as held). */
    public void resumeAfterDeadline(String caseworker) {
        require(EnumSet.of(CaseState.AWAITING_CITIZEN), "go on without an answer");
        var request = openRequest().orElseThrow();
        if (!request.overdue(today())) {
            throw new CaseTransitionRefused(
                    "request.notdue", "The citizen has until " + request.dueBy() + " to answer");
        }
        state = CaseState.IN_PROGRESS;
        record(CaseEvent.Kind.RESUMED_AFTER_DEADLINE, caseworker, Map.of("request", String.valueOf(request.number())));
    }

    /**
     * Decides. A decision against the citizen that rests on facts she has not stated herself needs a
     * held hearing of each of them, or a recorded reason why a hearing was not needed.
     */
    public void decide(String caseworker, Decision decision) {
        require(EnumSet.of(CaseState.IN_PROGRESS), "decide");
        checkHearing(decision);
        decisions.add(decision);
        state = CaseState.DECIDED;
        record(CaseEvent.Kind.DECIDED, caseworker, decisionDetails(decision));
    }

    /**
     * Indgang decides at submit, without a caseworker (forvaltningsloven § 32 b): only a decision
     * marked automatic, with its rule version, on a case nobody has taken yet. The law on reasons,
     * appeal guidance and hearing applies as to any decision.
     */
    public void decideAutomatically(Decision decision) {
        require(EnumSet.of(CaseState.RECEIVED), "be decided automatically");
        if (!decision.automatic()) {
            throw new CaseTransitionRefused(
                    "decision.automatic", "Only an automatic decision is made without a caseworker");
        }
        checkHearing(decision);
        decisions.add(decision);
        state = CaseState.DECIDED;
        var details = new LinkedHashMap<>(decisionDetails(decision));
        details.put("ruleVersion", decision.ruleVersion());
        record(CaseEvent.Kind.DECIDED_AUTOMATICALLY, AUTOMATIC, details);
    }

    /** Who made an automatic decision, as the history names it. */
    public static final String AUTOMATIC = "indgang (automatisk)";

    /**
     * A caseworker reopens a decided case on her own initiative (genoptagelse), e.g. to look at an
     * automatic decision again: the case is hers, and her new decision replaces the old one.
     */
    public void reopen(String caseworker, String reason) {
        require(EnumSet.of(CaseState.DECIDED), "be reopened");
        if (reason == null || reason.isBlank()) {
            throw new CaseTransitionRefused("reopen.reason", "Say why the case is reopened");
        }
        assignee = caseworker;
        state = CaseState.IN_PROGRESS;
        record(CaseEvent.Kind.REOPENED, caseworker, Map.of("reason", reason.strip()));
    }

    /** The citizen appeals, within the appeal deadline; the caseworker must reconsider first. */
    public void appeal(String text) {
        require(EnumSet.of(CaseState.DECIDED), "appeal");
        var decision = latestDecision().orElseThrow();
        if (today().isAfter(decision.appealBy())) {
            throw new CaseTransitionRefused("appeal.late", "The appeal deadline was " + decision.appealBy());
        }
        if (text == null || text.isBlank()) {
            throw new CaseTransitionRefused("appeal.text", "Say why you appeal");
        }
        appeal = text.strip();
        state = CaseState.APPEALED;
        record(CaseEvent.Kind.APPEALED, "citizen", Map.of());
    }

    /** Reconsidered and upheld: the appeal goes on to the appeal body. */
    public void uphold(String caseworker, String reasons) {
        require(EnumSet.of(CaseState.APPEALED), "uphold the decision");
        if (reasons == null || reasons.isBlank()) {
            throw new CaseTransitionRefused("uphold.reasons", "Say why the decision is upheld");
        }
        state = CaseState.FORWARDED;
        record(
                CaseEvent.Kind.UPHELD_AND_FORWARDED,
                caseworker,
                Map.of("to", latestDecision().orElseThrow().appealGuidance().to(), "reasons", reasons.strip()));
    }

    /** Reconsidered and changed: a new decision, with the same requirements as the first. */
    public void change(String caseworker, Decision decision) {
        require(EnumSet.of(CaseState.APPEALED), "change the decision");
        checkHearing(decision);
        decisions.add(decision);
        appeal = null;
        state = CaseState.DECIDED;
        record(CaseEvent.Kind.DECISION_CHANGED, caseworker, decisionDetails(decision));
    }

    /** Nothing more happens: after the appeal period, or when the appeal body has the case. */
    public void close(String caseworker) {
        require(EnumSet.of(CaseState.DECIDED, CaseState.FORWARDED), "close the case");
        if (state == CaseState.DECIDED
                && !today().isAfter(latestDecision().orElseThrow().appealBy())) {
            throw new CaseTransitionRefused(
                    "close.appealperiod",
                    "The citizen can appeal until "
                            + latestDecision().orElseThrow().appealBy());
        }
        state = CaseState.CLOSED;
        record(CaseEvent.Kind.CLOSED, caseworker, Map.of());
    }

    /** A journal note: what the caseworker learnt or did outside the verbs (a call, a meeting). */
    public void note(String caseworker, String text) {
        require(
                EnumSet.of(
                        CaseState.RECEIVED,
                        CaseState.IN_PROGRESS,
                        CaseState.AWAITING_CITIZEN,
                        CaseState.DECIDED,
                        CaseState.APPEALED,
                        CaseState.FORWARDED),
                "take a note");
        if (text == null || text.isBlank()) {
            throw new CaseTransitionRefused("note.text", "Write the note");
        }
        record(CaseEvent.Kind.NOTE_ADDED, caseworker, Map.of("text", text.strip()));
    }

    // ---- rules -----------------------------------------------------------------------------------

    private void checkHearing(Decision decision) {
        if (!decision.outcome().goesAgainstTheCitizen()
                || (decision.hearingWaiver() != null
                        && !decision.hearingWaiver().isBlank())) {
            return;
        }
        Set<String> heard = new HashSet<>();
        requests.stream().filter(r -> r.heldOn(today())).forEach(r -> heard.addAll(r.facts()));
        var unheard = decision.factsFromOthers().stream()
                .filter(f -> !heard.contains(f.key()))
                .map(Fact::key)
                .toList();
        if (!unheard.isEmpty()) {
            throw new CaseTransitionRefused(
                    "hearing.required",
                    "Hear the citizen on " + String.join(", ", unheard)
                            + " before deciding against her on it, or record why a hearing is not needed");
        }
    }

    private void require(Set<CaseState> allowed, String what) {
        if (!allowed.contains(state)) {
            throw new CaseTransitionRefused("state", "A case that is " + state + " cannot " + what);
        }
    }

    private static Map<String, String> decisionDetails(Decision decision) {
        var details = new LinkedHashMap<String, String>();
        details.put("outcome", decision.outcome().name());
        if (decision.amount() != null) {
            details.put("amount", decision.amount().toPlainString());
        }
        details.put("appealBy", decision.appealBy().toString());
        return details;
    }

    private void record(CaseEvent.Kind kind, String actor, Map<String, String> details) {
        var event = new CaseEvent(kind, clock.instant(), actor, details);
        history.add(event);
        recorded.add(event);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    // ---- reading ---------------------------------------------------------------------------------

    public Optional<CitizenRequest> openRequest() {
        return requests.stream().filter(r -> !r.answered()).reduce((a, b) -> b);
    }

    public Optional<Decision> latestDecision() {
        return decisions.isEmpty() ? Optional.empty() : Optional.of(decisions.getLast());
    }

    /** The events recorded since the case was loaded, for the repository to append. */
    List<CaseEvent> recordedEvents() {
        return List.copyOf(recorded);
    }

    void markStored() {
        recorded.clear();
    }

    public UUID id() {
        return id;
    }

    public UUID applicationId() {
        return applicationId;
    }

    public String formId() {
        return formId;
    }

    /** The unit whose inbox the case is in. */
    public String unit() {
        return unit;
    }

    public String citizenCpr() {
        return citizenCpr;
    }

    public LocalDate deadline() {
        return deadline;
    }

    public CaseState state() {
        return state;
    }

    public Optional<String> assignee() {
        return Optional.ofNullable(assignee);
    }

    public List<CitizenRequest> requests() {
        return Collections.unmodifiableList(requests);
    }

    public List<Decision> decisions() {
        return Collections.unmodifiableList(decisions);
    }

    public Optional<String> appealText() {
        return Optional.ofNullable(appeal);
    }

    public List<CaseEvent> history() {
        return Collections.unmodifiableList(history);
    }
}
