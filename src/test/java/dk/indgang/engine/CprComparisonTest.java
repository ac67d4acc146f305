package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.TestClock;
import dk.indgang.definition.FormLoader;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * "Is this person registered at my address?" (flytning's rule on the persons moving with her) must
 * not become a way to test CPR numbers: each new typed number is compared only when the registers
 * permit it for this user; beyond that the rule says nothing about the numbers.
 */
class CprComparisonTest {

    private static final dk.indgang.definition.FormDefinition FLYTNING =
            new FormLoader().load(Path.of("forms/flytning.yaml"));

    private static FormSession withHousehold() {
        var session = new FormSession(FLYTNING, new Answers(), TestClock.CLOCK);
        var members = List.of(
                new RegisterData.Household.Member("1503889984", "Mette", LocalDate.of(1988, 3, 15), false),
                new RegisterData.Household.Member("1105829944", "Lone", LocalDate.of(1982, 5, 11), false));
        session.recordLookup(
                "husstand", "k", LookupResult.found("cpr", new RegisterData.Household("uuid", members), TestClock.NOW));
        session.answer("alleFlytterMed", false);
        return session;
    }

    private static void mover(FormSession session, String cpr) {
        var i = session.addItem("medflyttere");
        session.answerInItem("medflyttere", i, "medNavn", "Prøve");
        session.answerInItem("medflyttere", i, "medCpr", cpr);
    }

    private static List<String> codes(FormSession session) {
        return session.evaluate().violations().stream()
                .map(v -> v.isRule() ? v.ruleId() : v.messageKey())
                .toList();
    }

    @Test
    void eachNewTypedNumberIsComparedOnlyWhenPermittedAndOnlyOnce() {
        var session = withHousehold();
        var asked = new ArrayList<String>();
        session.useCprConfirmations(cpr -> {
            asked.add(cpr);
            return asked.size() <= 2;
        });
        mover(session, "110582-9944");
        assertThat(codes(session)).doesNotContain("medflytterIkkeTilmeldt", "cpr.check.limited");
        mover(session, "010170-1234");
        assertThat(codes(session)).contains("medflytterIkkeTilmeldt");
        session.evaluate();
        assertThat(asked).containsExactly("1105829944", "0101701234");

        // The third number is not compared: no answer about it, only that checks are paused.
        mover(session, "010170-1235");
        assertThat(codes(session)).contains("cpr.check.limited").doesNotContain("medflytterIkkeTilmeldt");
    }

    @Test
    void withoutAGuardEveryComparisonIsMade() {
        var session = withHousehold();
        mover(session, "010170-1234");
        assertThat(codes(session)).contains("medflytterIkkeTilmeldt");
    }
}
