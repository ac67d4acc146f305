package dk.indgang.casework;

import dk.indgang.MovableClock;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Cases in each state, on a clock the test moves, and decisions that satisfy the law (or not). */
final class CaseFixtures {

    private CaseFixtures() {}

    static final Decision.AppealGuidance GUIDANCE =
            new Decision.AppealGuidance("Ankestyrelsen, via kommunen", "Skriv til kommunen i Mine sager", 4);

    static final Fact REGISTER_INCOME =
            new Fact("indkomst", "Din indkomst de sidste 12 måneder er 221.830 kr.", Fact.Source.REGISTER, "eIndkomst");

    static final Fact STATED_EXPENSE =
            new Fact("udgift", "Du har oplyst en udgift på 4.500 kr. til en vaskemaskine.", Fact.Source.CITIZEN, null);

    static Decision refusalOnRegisterIncome(LocalDate today, String waiver) {
        return new Decision(
                Decision.Outcome.REFUSED,
                null,
                List.of(STATED_EXPENSE, REGISTER_INCOME),
                List.of("Din indkomst giver dig mulighed for selv at betale udgiften."),
                "Aktivloven § 81",
                GUIDANCE,
                waiver,
                today.plusWeeks(4));
    }

    static final String RULE_VERSION =
            "Formular oekonomisk-friplads version 1 (sha256 0123456789ab) · satser friplads gældende fra 01-01-2026";

    static Decision automaticGrant(LocalDate today) {
        return new Decision(
                Decision.Outcome.GRANTED,
                new BigDecimal("1900"),
                List.of(REGISTER_INCOME),
                List.of("Du får hel økonomisk friplads.", "Regelversion: " + RULE_VERSION),
                "Dagtilbudsloven §§ 43 og 44",
                GUIDANCE,
                null,
                today.plusWeeks(4),
                true,
                RULE_VERSION);
    }

    static Decision automaticRefusal(LocalDate today, String waiver) {
        return new Decision(
                Decision.Outcome.REFUSED,
                null,
                List.of(REGISTER_INCOME),
                List.of("Husstandens indkomst er over grænsen.", "Regelversion: " + RULE_VERSION),
                "Dagtilbudsloven §§ 43 og 44",
                GUIDANCE,
                waiver,
                today.plusWeeks(4),
                true,
                RULE_VERSION);
    }

    static Decision grant(LocalDate today) {
        return new Decision(
                Decision.Outcome.GRANTED,
                new BigDecimal("4500.00"),
                List.of(STATED_EXPENSE, REGISTER_INCOME),
                List.of("Udgiften er nødvendig og kunne ikke forudses."),
                "Aktivloven § 81",
                GUIDANCE,
                null,
                today.plusWeeks(4));
    }

    static Case received(MovableClock clock) {
        return Case.receive(
                UUID.randomUUID(),
                "enkeltydelse",
                "ydelse",
                "1503889984",
                clock.today().plusWeeks(4),
                clock);
    }

    /** A case brought to {@code state} the lawful way. */
    static Case in(CaseState state, MovableClock clock) {
        var c = received(clock);
        switch (state) {
            case RECEIVED -> {}
            case IN_PROGRESS -> c.take("ydelse");
            case AWAITING_CITIZEN -> {
                c.take("ydelse");
                c.requestInformation(
                        "ydelse",
                        "Send et tilbud på vaskemaskinen.",
                        clock.today().plusDays(14));
            }
            case DECIDED -> {
                c.take("ydelse");
                c.decide("ydelse", grant(clock.today()));
            }
            case APPEALED -> {
                c.take("ydelse");
                c.decide("ydelse", grant(clock.today()));
                c.appeal("Jeg mener, jeg har ret til mere.");
            }
            case FORWARDED -> {
                c.take("ydelse");
                c.decide("ydelse", grant(clock.today()));
                c.appeal("Jeg mener, jeg har ret til mere.");
                c.uphold("ydelse", "Beløbet dækker udgiften.");
            }
            case CLOSED -> {
                c.take("ydelse");
                c.decide("ydelse", grant(clock.today()));
                c.appeal("Jeg mener, jeg har ret til mere.");
                c.uphold("ydelse", "Beløbet dækker udgiften.");
                c.close("ydelse");
            }
        }
        return c;
    }
}
