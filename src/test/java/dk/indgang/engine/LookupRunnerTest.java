package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.TestClock;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Lookups, prefill, provenance and degradation in the engine, against registers faked in memory. */
class LookupRunnerTest {

    private static final FormDefinition FORM =
            new FormLoader().load(Path.of("src/test/resources/forms/registre-test.yaml"));
    private static final Clock CLOCK = TestClock.CLOCK;
    private static final Instant AT = TestClock.NOW;
    private static final RegisterData.RegisteredAddress ADDRESS = new RegisterData.RegisteredAddress(
            "11111111-2222-4333-8444-555555555555", 751, 4321, "Testvej", "12", "2", "th", "8000", "Aarhus C", null);
    private static final RegisterData.Person METTE = new RegisterData.Person(
            Persons.METTE,
            "Mette",
            "Fiktiv",
            "Testesen",
            LocalDate.of(1988, 3, 15),
            "K",
            1,
            "F",
            ADDRESS,
            false,
            true,
            false,
            List.of(),
            null,
            null,
            List.of());
    private static final RegisterData.Person LONE = new RegisterData.Person(
            Persons.LONE,
            "Lone",
            null,
            "Prøvesen",
            LocalDate.of(1982, 5, 11),
            "K",
            1,
            "U",
            ADDRESS,
            false,
            true,
            false,
            List.of(),
            null,
            null,
            List.of());

    /** Registers in memory: answers as configured, and counts the questions. */
    static final class FakeRegisters implements Registers {
        boolean cprDown;
        final List<String> asked = new ArrayList<>();

        @Override
        public LookupResult<RegisterData.Person> person(String cpr, LookupContext context) {
            asked.add("person:" + cpr);
            if (cprDown) {
                return LookupResult.unavailable("cpr", AT, "down");
            }
            return switch (cpr) {
                case Persons.METTE -> LookupResult.found("cpr", METTE, AT);
                case Persons.LONE -> LookupResult.found("cpr", LONE, AT);
                default -> LookupResult.notFound("cpr", AT);
            };
        }

        @Override
        public LookupResult<RegisterData.RegisteredAddress> address(AddressValue address, LookupContext context) {
            asked.add("address:" + address.display());
            return LookupResult.notFound("dar", AT);
        }

        @Override
        public LookupResult<RegisterData.Household> household(
                RegisterData.RegisteredAddress address, LookupContext context) {
            asked.add("household:" + address.addressUuid());
            return LookupResult.found(
                    "cpr",
                    new RegisterData.Household(
                            address.addressUuid(),
                            List.of(
                                    new RegisterData.Household.Member(
                                            Persons.METTE, "Mette Fiktiv Testesen", LocalDate.of(1988, 3, 15), false),
                                    new RegisterData.Household.Member(
                                            Persons.IDA, "Ida Testesen", LocalDate.of(2016, 6, 20), false),
                                    new RegisterData.Household.Member(
                                            Persons.LONE, "Lone Prøvesen", LocalDate.of(1982, 5, 11), false))),
                    AT);
        }

        @Override
        public LookupResult<RegisterData.Income> income(
                String cpr, YearMonth from, YearMonth to, LookupContext context) {
            asked.add("income:" + cpr + ":" + from + ":" + to);
            var record = new RegisterData.IncomeRecord(
                    "Fiktiv Skole I/S",
                    from.atDay(1),
                    from.atEndOfMonth(),
                    from.atEndOfMonth(),
                    new BigDecimal("240000"),
                    BigDecimal.ZERO,
                    BigDecimal.ZERO,
                    new BigDecimal("19200"));
            return LookupResult.found("eindkomst", new RegisterData.Income(cpr, from, to, List.of(record)), AT);
        }

        @Override
        public LookupResult<RegisterData.Dwelling> dwelling(String addressUuid, LookupContext context) {
            asked.add("dwelling:" + addressUuid);
            return LookupResult.found(
                    "bbr", new RegisterData.Dwelling(addressUuid, "140", "1", 92, 92, 3, "E", "T", "V", "1", 1936), AT);
        }
    }

    private final FakeRegisters registers = new FakeRegisters();
    private final LookupRunner runner = new LookupRunner(registers, CLOCK);
    private final LookupContext context = new LookupContext(Persons.METTE, Persons.METTE, "test", "draft");

    /** Runs lookups until none is due, as the wizard does after each answer. */
    private void settle(FormSession session) {
        for (var due = runner.due(session, Persons.METTE); !due.isEmpty(); due = runner.due(session, Persons.METTE)) {
            for (var d : due) {
                runner.apply(session, d, runner.run(d, context));
            }
        }
    }

    @Test
    void prefillsTheApplicantsOwnDataWithProvenance() {
        var session = new FormSession(FORM, new Answers(), CLOCK);
        settle(session);
        var answers = session.answers();
        assertThat(answers.get("navn")).isEqualTo("Mette Fiktiv Testesen");
        assertThat(answers.get("adresse")).isEqualTo(new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C"));
        assertThat(answers.get("antalPersoner")).isEqualTo(3L);
        assertThat(answers.get("areal")).isEqualTo(92L);
        assertThat(answers.get("maanedsindkomst")).isEqualTo(new BigDecimal("18400.00"));
        assertThat(answers.provenance("navn").source()).isEqualTo(Provenance.Source.REGISTER);
        assertThat(answers.provenance("navn").register()).isEqualTo("cpr");
        assertThat(answers.provenance("areal").register()).isEqualTo("bbr");
        assertThat(registers.asked).contains("income:1503889984:2025-11:2026-10");
    }

    @Test
    void aChangedRegisterValueIsFlaggedAndCheckedAgainstTheRegister() {
        var session = new FormSession(FORM, new Answers(), CLOCK);
        settle(session);
        session.answer("areal", 120L);
        assertThat(session.answers().provenance("areal").source()).isEqualTo(Provenance.Source.CHANGED);
        assertThat(session.answers().provenance("areal").registerValue()).isEqualTo(92L);
        assertThat(session.evaluate().violations())
                .extracting(Violation::ruleId)
                .contains("arealAfviger");
        session.answer("areal", 92L);
        assertThat(session.answers().provenance("areal").source()).isEqualTo(Provenance.Source.REGISTER);
    }

    @Test
    void neverOverwritesWhatTheCitizenTyped() {
        var answers = new Answers();
        answers.set("navn", "Mette T.");
        var session = new FormSession(FORM, answers, CLOCK);
        settle(session);
        assertThat(session.answers().get("navn")).isEqualTo("Mette T.");
        assertThat(session.answers().provenance("navn")).isNull();
    }

    @Test
    void anotherPersonIsOnlyConfirmedNeverShown() {
        var session = new FormSession(FORM, new Answers(), CLOCK);
        settle(session);
        session.answer("medansoegerCpr", "110582-9944");
        settle(session);
        var variables = session.currentVariables();
        @SuppressWarnings("unchecked")
        var other = (java.util.Map<String, Object>) variables.get("medansoeger");
        assertThat(other.get("found")).isEqualTo(true);
        assertThat(other.get("name")).isEqualTo("");
        assertThat(other.get("address")).isEqualTo("");

        session.answer("medansoegerCpr", "010101-1234");
        settle(session);
        assertThat(session.evaluate().violations())
                .extracting(Violation::ruleId)
                .contains("medansoegerUkendt");
    }

    @Test
    void whenCprIsDownTheFormCanStillBeCompletedWithValuesMarkedNotVerified() {
        registers.cprDown = true;
        var session = new FormSession(FORM, new Answers(), CLOCK);
        settle(session);
        assertThat(session.lookupResults().get("ansoeger").isUnavailable()).isTrue();
        assertThat(session.answers().provenance("navn").source()).isEqualTo(Provenance.Source.NOT_VERIFIED);
        assertThat(session.answers().provenance("adresse").source()).isEqualTo(Provenance.Source.NOT_VERIFIED);
        session.answer("navn", "Mette Fiktiv Testesen");
        session.answer("adresse", new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C"));
        session.answer("antalPersoner", 3L);
        session.answer("areal", 92L);
        session.answer("maanedsindkomst", new BigDecimal("18000"));
        assertThat(session.evaluate().isSubmittable()).isTrue();
        assertThat(session.answers().provenance("navn").source()).isEqualTo(Provenance.Source.NOT_VERIFIED);
        // Household and dwelling follow the applicant's address, which CPR could not give.
        assertThat(registers.asked).noneMatch(q -> q.startsWith("household") || q.startsWith("dwelling"));
    }

    @Test
    void aRegisterThatCouldNotAnswerIsAskedAgainLaterAndVerifiesWhatSheTypedMeanwhile() {
        registers.cprDown = true;
        var session = new FormSession(FORM, new Answers(), CLOCK);
        settle(session);
        session.answer("navn", "Mette Fiktiv Testesen");
        session.answer("adresse", new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C"));
        session.answer("antalPersoner", 4L);
        assertThat(session.answers().provenance("navn").source()).isEqualTo(Provenance.Source.NOT_VERIFIED);
        registers.cprDown = false;
        var askedWhileDown = registers.asked.size();
        // not at once: every answer would ask a register that is down again
        assertThat(new LookupRunner(registers, Clock.offset(CLOCK, java.time.Duration.ofSeconds(29)))
                        .due(session, Persons.METTE))
                .isEmpty();

        var later = new LookupRunner(registers, Clock.offset(CLOCK, LookupRunner.RETRY_UNAVAILABLE_AFTER));
        var due = later.due(session, Persons.METTE);
        assertThat(due).extracting(d -> d.lookup().id()).contains("ansoeger");
        due.forEach(d -> later.started(session, d));
        // while the new question is out, it is not asked a third time, and no longer "could not answer"
        assertThat(later.due(session, Persons.METTE)).isEmpty();
        assertThat(session.lookupResults()).doesNotContainKey("ansoeger");
        for (var next = due; !next.isEmpty(); next = later.due(session, Persons.METTE)) {
            for (var d : next) {
                later.started(session, d);
                later.apply(session, d, later.run(d, context));
            }
        }
        assertThat(registers.asked.size()).isGreaterThan(askedWhileDown);
        var answers = session.answers();
        // what she typed stays; CPR now verifies the name and the address ...
        assertThat(answers.get("navn")).isEqualTo("Mette Fiktiv Testesen");
        assertThat(answers.provenance("navn").source()).isEqualTo(Provenance.Source.REGISTER);
        assertThat(answers.provenance("adresse").source()).isEqualTo(Provenance.Source.REGISTER);
        // ... and her household of 4, where CPR registers 3, is her change beside what CPR says
        assertThat(answers.get("antalPersoner")).isEqualTo(4L);
        assertThat(answers.provenance("antalPersoner").source()).isEqualTo(Provenance.Source.CHANGED);
        assertThat(answers.provenance("antalPersoner").registerValue()).isEqualTo(3L);
        // a field she had not filled is prefilled as usual
        assertThat(answers.get("areal")).isEqualTo(92L);
    }

    @Test
    void aNewSessionOfTheDraftTakesOverAnsweredLookupsAndAsksAgainThoseStillOnTheirWay() {
        var first = new FormSession(FORM, new Answers(), CLOCK);
        var due = runner.due(first, Persons.METTE);
        var person = due.stream()
                .filter(d -> d.lookup().id().equals("ansoeger"))
                .findFirst()
                .orElseThrow();
        var income = due.stream()
                .filter(d -> d.lookup().id().equals("indkomst"))
                .findFirst()
                .orElseThrow();
        runner.started(first, person);
        runner.apply(first, person, runner.run(person, context));
        // the income lookup is on its way when she moves to the next step
        runner.started(first, income);

        var next = new FormSession(FORM, first.answers().copy(), CLOCK);
        next.adoptLookups(first);
        assertThat(next.lookupResults()).containsKey("ansoeger");
        assertThat(runner.due(next, Persons.METTE))
                .extracting(d -> d.lookup().id())
                .contains("indkomst")
                .doesNotContain("ansoeger");
    }

    @Test
    void anotherPersonsIncomeIsLookedUpOnlyForSomeoneRegisteredAtTheApplicantsAddress() throws Exception {
        var source = java.nio.file.Files.readString(Path.of("src/test/resources/forms/registre-test.yaml"))
                .replace("    type: person\n    key: medansoegerCpr", "    type: income\n    key: medansoegerCpr");
        var form = new FormLoader().load("registre-test.yaml", source);
        var session = new FormSession(form, new Answers(), CLOCK);
        var lookupRunner = new LookupRunner(registers, CLOCK);
        Runnable settle = () -> {
            for (var due = lookupRunner.due(session, Persons.METTE);
                    !due.isEmpty();
                    due = lookupRunner.due(session, Persons.METTE)) {
                due.forEach(d -> lookupRunner.apply(session, d, lookupRunner.run(d, context)));
            }
        };
        settle.run();
        session.answer("medansoegerCpr", "021185-9977");
        settle.run();
        assertThat(registers.asked).noneMatch(q -> q.startsWith("income:0211859977"));
        session.answer("medansoegerCpr", "110582-9944");
        settle.run();
        assertThat(registers.asked).anyMatch(q -> q.startsWith("income:1105829944"));
    }

    @Test
    void aLookupWithAConditionRunsOnlyWhileItHoldsAndItsPrefillGoesWhenItStops() throws Exception {
        var source = java.nio.file.Files.readString(Path.of("src/test/resources/forms/registre-test.yaml"))
                .replace(
                        "    type: income\n    key: applicant\n",
                        "    type: income\n    key: applicant\n    when: \"medansoegerCpr == ''\"\n");
        var form = new FormLoader().load("registre-test.yaml", source);
        assertThat(form.lookup("indkomst").orElseThrow().when()).isNotNull();
        var session = new FormSession(form, new Answers(), CLOCK);
        var lookupRunner = new LookupRunner(registers, CLOCK);
        lookupRunner.settle(session, Persons.METTE, context);
        assertThat(session.answers().get("maanedsindkomst")).isNotNull();
        var asked =
                registers.asked.stream().filter(q -> q.startsWith("income:")).count();

        session.answer("medansoegerCpr", "110582-9944");
        lookupRunner.settle(session, Persons.METTE, context);
        assertThat(session.lookupResults()).doesNotContainKey("indkomst");
        assertThat(session.answers().get("maanedsindkomst")).isNull();
        assertThat(session.answers().provenance("maanedsindkomst")).isNull();
        assertThat(registers.asked.stream().filter(q -> q.startsWith("income:")).count())
                .isEqualTo(asked);
    }

    @Test
    void provenanceSurvivesTheDraft() {
        var session = new FormSession(FORM, new Answers(), CLOCK);
        settle(session);
        session.answer("areal", 100L);
        var reread = ValueCodec.read(FORM, ValueCodec.write(session.answers()));
        assertThat(reread.provenance("areal")).isEqualTo(session.answers().provenance("areal"));
        assertThat(reread.provenance("navn").fetchedAt()).isEqualTo(AT);
    }

    @org.junit.jupiter.api.Test
    void everyLookupHoldsExactlyTheKeysTheLoaderChecksExpressionsAgainst() {
        for (var type : dk.indgang.definition.Lookup.Type.values()) {
            var lookup = new dk.indgang.definition.Lookup(
                    "x", type, dk.indgang.definition.Lookup.APPLICANT, null, null, null);
            assertThat(LookupValues.of(lookup, null, java.time.LocalDate.of(2026, 11, 22))
                            .keySet())
                    .as(type.name())
                    .containsExactlyInAnyOrderElementsOf(dk.indgang.definition.LookupKeys.keys(type));
        }
    }
}
