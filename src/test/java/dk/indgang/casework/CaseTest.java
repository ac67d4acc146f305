package dk.indgang.casework;

import static dk.indgang.casework.CaseFixtures.REGISTER_INCOME;
import static dk.indgang.casework.CaseFixtures.grant;
import static dk.indgang.casework.CaseFixtures.in;
import static dk.indgang.casework.CaseFixtures.refusalOnRegisterIncome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indgang.MovableClock;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The case's lawful life: every verb in every state, allowed or refused, and the law's own checks. */
class CaseTest {

    private final MovableClock clock = new MovableClock();

    /** Each verb, applied the way a person would, with the states it is allowed in. */
    private static final Map<String, Verb> VERBS = new java.util.HashMap<>(Map.of(
            "take",
            new Verb(EnumSet.of(CaseState.RECEIVED), (c, clock) -> c.take("ydelse")),
            "handOver",
            new Verb(
                    EnumSet.of(CaseState.IN_PROGRESS, CaseState.AWAITING_CITIZEN, CaseState.APPEALED),
                    (c, clock) -> c.handOver("ydelse", "kollega")),
            "requestInformation",
            new Verb(
                    EnumSet.of(CaseState.IN_PROGRESS),
                    (c, clock) -> c.requestInformation(
                            "ydelse", "Send et tilbud.", clock.today().plusDays(14))),
            "hear",
            new Verb(
                    EnumSet.of(CaseState.IN_PROGRESS),
                    (c, clock) -> c.hear(
                            "ydelse",
                            List.of(REGISTER_INCOME),
                            "Vi vil lægge vægt på din indkomst.",
                            clock.today().plusDays(14))),
            "citizenAnswered",
            new Verb(
                    EnumSet.of(CaseState.AWAITING_CITIZEN),
                    (c, clock) -> c.citizenAnswered(
                            c.openRequest().map(CitizenRequest::number).orElse(1), "Her er tilbuddet.", List.of())),
            "decide",
            new Verb(EnumSet.of(CaseState.IN_PROGRESS), (c, clock) -> c.decide("ydelse", grant(clock.today()))),
            "appeal",
            new Verb(EnumSet.of(CaseState.DECIDED), (c, clock) -> c.appeal("Jeg er uenig.")),
            "uphold",
            new Verb(EnumSet.of(CaseState.APPEALED), (c, clock) -> c.uphold("ydelse", "Afgørelsen er rigtig.")),
            "change",
            new Verb(EnumSet.of(CaseState.APPEALED), (c, clock) -> c.change("ydelse", grant(clock.today()))),
            "close",
            new Verb(EnumSet.of(CaseState.FORWARDED), (c, clock) -> c.close("ydelse"))));

    static {
        VERBS.put(
                "decideAutomatically",
                new Verb(
                        EnumSet.of(CaseState.RECEIVED),
                        (c, clock) -> c.decideAutomatically(CaseFixtures.automaticGrant(clock.today()))));
        VERBS.put(
                "reopen",
                new Verb(EnumSet.of(CaseState.DECIDED), (c, clock) -> c.reopen("ydelse", "Borgeren ringede.")));
    }

    private record Verb(EnumSet<CaseState> allowed, BiConsumer<Case, MovableClock> apply) {}

    static Stream<Arguments> everyVerbInEveryState() {
        return VERBS.keySet().stream().sorted().flatMap(verb -> Stream.of(CaseState.values())
                .map(state -> Arguments.of(verb, state)));
    }

    @ParameterizedTest(name = "{0} when {1}")
    @MethodSource("everyVerbInEveryState")
    void aVerbHappensInTheStatesItIsAllowedInAndIsRefusedWithoutChangeInEveryOther(String name, CaseState state) {
        var verb = VERBS.get(name);
        var c = in(state, clock);
        var historyBefore = c.history().size();
        if (verb.allowed().contains(state)) {
            verb.apply().accept(c, clock);
            assertThat(c.history()).hasSize(historyBefore + 1);
        } else {
            // Closing a decided case is a matter of its appeal period, not its state (tested below).
            var reason = name.equals("close") && state == CaseState.DECIDED ? "close.appealperiod" : "state";
            assertThatThrownBy(() -> verb.apply().accept(c, clock))
                    .isInstanceOf(CaseTransitionRefused.class)
                    .satisfies(e ->
                            assertThat(((CaseTransitionRefused) e).reason()).isEqualTo(reason));
            assertThat(c.state()).isEqualTo(state);
            assertThat(c.history()).hasSize(historyBefore);
        }
    }

    @ParameterizedTest(name = "a journal note when {0}")
    @org.junit.jupiter.params.provider.EnumSource(CaseState.class)
    void aJournalNoteCanBeWrittenOnEveryOpenCaseAndChangesNoState(CaseState state) {
        var c = in(state, clock);
        if (state.isOpen()) {
            c.note("ydelse", "Borgeren ringede.");
            assertThat(c.state()).isEqualTo(state);
            assertThat(c.history().getLast().kind()).isEqualTo(CaseEvent.Kind.NOTE_ADDED);
        } else {
            assertThatThrownBy(() -> c.note("ydelse", "For sent."))
                    .satisfies(e ->
                            assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("state"));
        }
    }

    @Test
    void theLifeOfACaseFromReceiptToAppealBody() {
        var c = CaseFixtures.received(clock);
        assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
        c.take("ydelse");
        assertThat(c.assignee()).contains("ydelse");
        var request = c.requestInformation(
                "ydelse", "Send et tilbud på vaskemaskinen.", clock.today().plusDays(14));
        assertThat(c.state()).isEqualTo(CaseState.AWAITING_CITIZEN);
        c.citizenAnswered(request.number(), "Her er tilbuddet.", List.of("tilbud.pdf"));
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(c.requests().getFirst().answer().attachments()).containsExactly("tilbud.pdf");

        assertThatThrownBy(() -> c.decide("ydelse", refusalOnRegisterIncome(clock.today(), null)))
                .isInstanceOf(CaseTransitionRefused.class)
                .hasMessageContaining("indkomst");
        c.hear(
                "ydelse",
                List.of(REGISTER_INCOME),
                "Vi vil lægge vægt på din indkomst.",
                clock.today().plusDays(14));
        c.citizenAnswered(2, "Min indkomst er faldet.", List.of());
        c.decide("ydelse", refusalOnRegisterIncome(clock.today(), null));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);

        c.appeal("Jeg er uenig.");
        c.uphold("ydelse", "Indkomsten er over grænsen.");
        assertThat(c.state()).isEqualTo(CaseState.FORWARDED);
        c.close("ydelse");
        assertThat(c.history())
                .extracting(CaseEvent::kind)
                .containsExactly(
                        CaseEvent.Kind.RECEIVED,
                        CaseEvent.Kind.TAKEN,
                        CaseEvent.Kind.INFORMATION_REQUESTED,
                        CaseEvent.Kind.CITIZEN_ANSWERED,
                        CaseEvent.Kind.HEARING_SENT,
                        CaseEvent.Kind.CITIZEN_ANSWERED,
                        CaseEvent.Kind.DECIDED,
                        CaseEvent.Kind.APPEALED,
                        CaseEvent.Kind.UPHELD_AND_FORWARDED,
                        CaseEvent.Kind.CLOSED);
    }

    @Test
    void aRefusalOnRegisterDataNeedsAHearingUnlessTheCaseworkerSaysWhyNot() {
        var c = in(CaseState.IN_PROGRESS, clock);
        assertThatThrownBy(() -> c.decide("ydelse", refusalOnRegisterIncome(clock.today(), null)))
                .isInstanceOf(CaseTransitionRefused.class)
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("hearing.required"));
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        c.decide(
                "ydelse",
                refusalOnRegisterIncome(
                        clock.today(), "Oplysningerne er til ugunst, men uden betydning (§ 19, stk. 2, nr. 1)."));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
    }

    @Test
    void aGrantNeedsNoHearing() {
        var c = in(CaseState.IN_PROGRESS, clock);
        c.decide("ydelse", grant(clock.today()));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
    }

    @Test
    void anUnansweredHearingCountsAsHeldOnlyOnceItsDeadlineHasPassed() {
        var c = in(CaseState.IN_PROGRESS, clock);
        c.hear(
                "ydelse",
                List.of(REGISTER_INCOME),
                "Vi vil lægge vægt på din indkomst.",
                clock.today().plusDays(14));
        assertThatThrownBy(() -> c.resumeAfterDeadline("ydelse"))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("request.notdue"));
        clock.advanceDays(15);
        assertThat(c.openRequest().orElseThrow().overdue(clock.today())).isTrue();
        c.resumeAfterDeadline("ydelse");
        c.decide("ydelse", refusalOnRegisterIncome(clock.today(), null));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
    }

    @Test
    void aDecisionWithoutReasonsOrAppealGuidanceCannotBeMade() {
        var today = clock.today();
        assertThatThrownBy(() -> new Decision(
                        Decision.Outcome.GRANTED,
                        new java.math.BigDecimal("100"),
                        List.of(),
                        List.of("regel"),
                        "Aktivloven § 81",
                        CaseFixtures.GUIDANCE,
                        null,
                        today.plusWeeks(4)))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("decision.reasons"));
        assertThatThrownBy(() -> new Decision(
                        Decision.Outcome.REFUSED,
                        null,
                        List.of(CaseFixtures.STATED_EXPENSE),
                        List.of("regel"),
                        "Aktivloven § 81",
                        null,
                        null,
                        today.plusWeeks(4)))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("decision.guidance"));
        assertThatThrownBy(() -> new Decision(
                        Decision.Outcome.GRANTED,
                        null,
                        List.of(CaseFixtures.STATED_EXPENSE),
                        List.of("regel"),
                        "Aktivloven § 81",
                        CaseFixtures.GUIDANCE,
                        null,
                        today.plusWeeks(4)))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("decision.amount"));
    }

    @Test
    void anAppealAfterTheDeadlineIsRefusedAndTheCaseCanThenBeClosed() {
        var c = in(CaseState.DECIDED, clock);
        assertThatThrownBy(() -> c.close("ydelse"))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("close.appealperiod"));
        clock.advanceDays(29);
        assertThatThrownBy(() -> c.appeal("For sent."))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("appeal.late"));
        c.close("ydelse");
        assertThat(c.state()).isEqualTo(CaseState.CLOSED);
    }

    @Test
    void aChangedDecisionReplacesTheAppealedOneWithTheSameRequirements() {
        var c = in(CaseState.APPEALED, clock);
        assertThatThrownBy(() -> c.change("ydelse", refusalOnRegisterIncome(clock.today(), null)))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("hearing.required"));
        c.change("ydelse", grant(clock.today()));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
        assertThat(c.decisions()).hasSize(2);
        assertThat(c.appealText()).isEmpty();
    }

    @Test
    void onlyAnAutomaticDecisionWithItsRuleVersionIsMadeWithoutACaseworker() {
        var c = in(CaseState.RECEIVED, clock);
        assertThatThrownBy(() -> c.decideAutomatically(grant(clock.today())))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("decision.automatic"));
        assertThat(c.state()).isEqualTo(CaseState.RECEIVED);
        var unversioned = CaseFixtures.automaticGrant(clock.today());
        assertThatThrownBy(() -> new Decision(
                        unversioned.outcome(),
                        unversioned.amount(),
                        unversioned.facts(),
                        unversioned.rules(),
                        unversioned.legalBasis(),
                        unversioned.appealGuidance(),
                        null,
                        unversioned.appealBy(),
                        true,
                        " "))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("decision.ruleVersion"));

        c.decideAutomatically(CaseFixtures.automaticGrant(clock.today()));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
        assertThat(c.assignee()).isEmpty();
        assertThat(c.history().getLast().kind()).isEqualTo(CaseEvent.Kind.DECIDED_AUTOMATICALLY);
        assertThat(c.history().getLast().actor()).isEqualTo(Case.AUTOMATIC);
        assertThat(c.history().getLast().details()).containsEntry("ruleVersion", CaseFixtures.RULE_VERSION);
    }

    @Test
    void anAutomaticRefusalOnRegisterDataIsUnderTheHearingRuleLikeAnyOther() {
        var c = in(CaseState.RECEIVED, clock);
        assertThatThrownBy(() -> c.decideAutomatically(CaseFixtures.automaticRefusal(clock.today(), null)))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("hearing.required"));
        c.decideAutomatically(CaseFixtures.automaticRefusal(
                clock.today(), "Oplysningerne blev vist for dig i ansøgningen, og du sendte dem uændret."));
        assertThat(c.latestDecision().orElseThrow().automatic()).isTrue();
    }

    @Test
    void aCaseworkerReopensAnAutomaticDecisionWithAReasonAndDecidesAgain() {
        var c = in(CaseState.RECEIVED, clock);
        c.decideAutomatically(CaseFixtures.automaticGrant(clock.today()));
        assertThatThrownBy(() -> c.reopen("ydelse", " "))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("reopen.reason"));
        c.reopen("ydelse", "Borgeren har fået nyt job.");
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
        assertThat(c.assignee()).contains("ydelse");
        c.decide("ydelse", grant(clock.today()));
        assertThat(c.decisions()).hasSize(2);
        assertThat(c.latestDecision().orElseThrow().automatic()).isFalse();
    }

    @Test
    void anAutomaticDecisionCanBeAppealedAndReconsideredLikeAnyOther() {
        var c = in(CaseState.RECEIVED, clock);
        c.decideAutomatically(CaseFixtures.automaticGrant(clock.today()));
        c.appeal("Jeg mener, jeg skal have mere.");
        assertThat(c.state()).isEqualTo(CaseState.APPEALED);
        c.change("ydelse", grant(clock.today()));
        assertThat(c.state()).isEqualTo(CaseState.DECIDED);
    }

    @Test
    void aRequestNeedsATextAndADeadlineAfterToday() {
        var c = in(CaseState.IN_PROGRESS, clock);
        assertThatThrownBy(
                        () -> c.requestInformation("ydelse", " ", clock.today().plusDays(3)))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("request.text"));
        assertThatThrownBy(() -> c.requestInformation("ydelse", "Send et tilbud.", clock.today()))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("request.due"));
        assertThatThrownBy(() -> c.hear(
                        "ydelse",
                        List.of(CaseFixtures.STATED_EXPENSE),
                        "Høring",
                        clock.today().plusDays(3)))
                .satisfies(e -> assertThat(((CaseTransitionRefused) e).reason()).isEqualTo("hearing.facts"));
        assertThat(c.state()).isEqualTo(CaseState.IN_PROGRESS);
    }
}
