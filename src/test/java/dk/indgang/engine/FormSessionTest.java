package dk.indgang.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dk.indgang.TestClock;
import dk.indgang.definition.FormDefinition;
import dk.indgang.definition.FormLoader;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** A running form: the only writer of its answers, keeping provenance and overrides lawful. */
class FormSessionTest {

    private static final FormDefinition FORM =
            new FormLoader().load(Path.of("src/test/resources/forms/husstand-test.yaml"));

    private static FormSession session() {
        return new FormSession(FORM, new Answers(), TestClock.CLOCK);
    }

    @Test
    void aFollowUpOnANoWaitsUntilTheQuestionIsAnswered() {
        var form = new FormLoader().load("opfoelgning.yaml", """
                id: opfoelgning
                version: 1
                title: {da: "Opfølgning", en: "Follow-up"}
                kle: {subject: "00.01.10", facet: "G01"}
                steps:
                  - id: dig
                    title: {da: "Dig", en: "You"}
                    fields:
                      - id: samlevende
                        type: yesno
                        label: {da: "Bor du med en samlever?", en: "Do you live with a partner?"}
                        required: true
                      - id: hvorfor
                        type: text
                        label: {da: "Hvem bor du med?", en: "Who do you live with?"}
                        visibleWhen: "!samlevende"
                        requiredWhen: "!samlevende"
                """);
        var session = new FormSession(form, new Answers(), TestClock.CLOCK);
        // Unanswered is not "Nej": the follow-up stays hidden and not required.
        assertThat(session.evaluate().isVisible("hvorfor")).isFalse();
        assertThat(session.evaluate().isRequired("hvorfor")).isFalse();
        session.answer("samlevende", false);
        assertThat(session.evaluate().isVisible("hvorfor")).isTrue();
        assertThat(session.evaluate().isRequired("hvorfor")).isTrue();
        session.answer("samlevende", true);
        assertThat(session.evaluate().isVisible("hvorfor")).isFalse();

        var husstand = session();
        husstand.answer("harBoern", true);
        assertThat(husstand.evaluate().isStepVisible("boern")).isTrue();
    }

    @Test
    void aComputedTextIsWordedInTheReadersLanguageWhileTheDanishOneIsTheValue() {
        var form = new FormLoader().load("alder.yaml", """
                id: alder
                version: 1
                title: {da: "Alder", en: "Age"}
                kle: {subject: "00.01.10", facet: "G01"}
                steps:
                  - id: dig
                    title: {da: "Dig", en: "You"}
                    fields:
                      - id: alder
                        type: integer
                        label: {da: "Alder", en: "Age"}
                      - id: omDig
                        type: text
                        label: {da: "Om dig", en: "About you"}
                        compute:
                          da: "'Du er ' + string(alder) + ' år'"
                          en: "'You are ' + string(alder) + ' years old'"
                """);
        var session = new FormSession(form, new Answers(), TestClock.CLOCK);
        session.answer("alder", 38L);
        var evaluation = session.evaluate();
        assertThat(evaluation.computed()).containsEntry("omDig", "Du er 38 år");
        assertThat(evaluation.computedIn("omDig", java.util.Locale.ENGLISH)).isEqualTo("You are 38 years old");
        assertThat(evaluation.computedIn("omDig", java.util.Locale.forLanguageTag("da")))
                .isEqualTo("Du er 38 år");
        assertThat(Review.of(session, java.util.Locale.ENGLISH)
                        .sections()
                        .getFirst()
                        .items())
                .anySatisfy(i -> assertThat(i.value()).isEqualTo("You are 38 years old"));

        // a wording per language is for texts: a number has one value in every language
        var wrong = org.assertj.core.api.Assertions.catchThrowableOfType(
                dk.indgang.definition.DefinitionException.class, () -> new FormLoader().load("alder.yaml", """
                        id: alder
                        version: 1
                        title: {da: "Alder", en: "Age"}
                        kle: {subject: "00.01.10", facet: "G01"}
                        steps:
                          - id: dig
                            title: {da: "Dig", en: "You"}
                            fields:
                              - id: dobbelt
                                type: integer
                                label: {da: "Dobbelt", en: "Double"}
                                compute: {da: "2", en: "2"}
                        """));
        assertThat(wrong.problems()).anySatisfy(p -> assertThat(p.messageKey()).isEqualTo("compute.texts.type"));
    }

    @Test
    void aGroupTotalIsOneSumAndRoundingIsHalfUpOnTheDecimal() {
        var form = new FormLoader().load("udgifter.yaml", """
                id: udgifter
                version: 1
                title: {da: "Udgifter", en: "Expenses"}
                kle: {subject: "00.01.10", facet: "G01"}
                steps:
                  - id: dig
                    title: {da: "Dig", en: "You"}
                    fields:
                      - id: udgifter
                        type: group
                        label: {da: "Udgifter", en: "Expenses"}
                        fields:
                          - id: beloeb
                            type: money
                            label: {da: "Beløb", en: "Amount"}
                      - id: ialt
                        type: money
                        label: {da: "I alt", en: "Total"}
                        compute: "sum(udgifter.map(u, u.beloeb))"
                      - id: egenbetaling
                        type: money
                        label: {da: "Egenbetaling", en: "Own payment"}
                        compute: "round(1920.0 * (1.0 - 0.55), 0)"
                      - id: tiendedele
                        type: money
                        label: {da: "Tiendedele", en: "Tenths"}
                        compute: "sum([0.1, 0.2])"
                """);
        var session = new FormSession(form, new Answers(), TestClock.CLOCK);
        assertThat(session.evaluate().computed().get("ialt")).isEqualTo(new BigDecimal("0.00"));
        for (var amount : new String[] {"1250.50", "99.95", "0.05"}) {
            var i = session.addItem("udgifter");
            session.answerInItem("udgifter", i, "beloeb", new BigDecimal(amount));
        }
        var computed = session.evaluate().computed();
        assertThat((BigDecimal) computed.get("ialt")).isEqualByComparingTo("1350.50");
        assertThat((BigDecimal) computed.get("egenbetaling")).isEqualByComparingTo("864");
        assertThat((BigDecimal) computed.get("tiendedele")).isEqualByComparingTo("0.3");
    }

    @Test
    void aComputedValueThatFailsAtRunTimeIsLoggedOnceNotSilently() {
        var form = new FormLoader().load("deling.yaml", """
                id: deling
                version: 1
                title: {da: "Deling", en: "Division"}
                kle: {subject: "00.01.10", facet: "G01"}
                steps:
                  - id: dig
                    title: {da: "Dig", en: "You"}
                    fields:
                      - id: antal
                        type: integer
                        label: {da: "Antal", en: "Number"}
                      - id: hver
                        type: integer
                        label: {da: "Hver", en: "Each"}
                        compute: "1000 / antal"
                """);
        var records = new java.util.ArrayList<java.util.logging.LogRecord>();
        var handler = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        var logger = java.util.logging.Logger.getLogger(RuntimeFailures.class.getName());
        logger.addHandler(handler);
        try {
            var session = new FormSession(form, new Answers(), TestClock.CLOCK);
            session.answer("antal", 0L);
            assertThat(session.evaluate().computed()).doesNotContainKey("hver");
            session.evaluate();
            session.evaluate();
            assertThat(records).singleElement().satisfies(r -> {
                assertThat(r.getLevel()).isEqualTo(java.util.logging.Level.WARNING);
                assertThat(java.text.MessageFormat.format(r.getMessage(), r.getParameters()))
                        .contains("deling@1")
                        .contains("hver")
                        .contains("1000 / antal");
            });
            // logged once, but every evaluation that meets it says so, for the designer's preview
            assertThat(session.evaluate().failures()).singleElement().satisfies(f -> {
                assertThat(f.what()).isEqualTo("the computed value hver");
                assertThat(f.source()).isEqualTo("1000 / antal");
                assertThat(f.location().line()).isEqualTo(15);
                assertThat(f.detail()).isEqualTo("/ by zero");
            });
            session.answer("antal", 4L);
            assertThat(session.evaluate().computed()).containsEntry("hver", 250L);
            assertThat(session.evaluate().failures()).isEmpty();
        } finally {
            logger.removeHandler(handler);
        }
    }

    @Test
    void aRegisterValueTheCitizenChangesIsMarkedChangedAndRestoredWhenChangedBack() {
        var session = session();
        session.answers().setProvenance("navn", Provenance.fromRegister("cpr", TestClock.NOW, "Mette Fiktiv Testesen"));
        session.answers().set("navn", "Mette Fiktiv Testesen");
        session.answer("navn", "Mette T.");
        assertThat(session.answers().provenance("navn").source()).isEqualTo(Provenance.Source.CHANGED);
        session.answer("navn", "Mette Fiktiv Testesen");
        assertThat(session.answers().provenance("navn").source()).isEqualTo(Provenance.Source.REGISTER);
        assertThat(session.answers().provenance("navn").changedByCaseworker()).isFalse();

        // at the counter the caseworker gives the answer: the change is hers, and stays so when saved
        session.answeredBy("sagsbehandler");
        session.answer("navn", "Mette F. Testesen");
        assertThat(session.answers().provenance("navn").changedBy()).isEqualTo("sagsbehandler");
        var resumed = ValueCodec.read(FORM, ValueCodec.write(session.answers()));
        assertThat(resumed.provenance("navn").changedByCaseworker()).isTrue();
        // the citizen corrects it herself afterwards: now it is her change
        var online = new FormSession(FORM, resumed, TestClock.CLOCK);
        online.answer("navn", "Mette Testesen");
        assertThat(online.answers().provenance("navn").changedByCaseworker()).isFalse();
    }

    @Test
    void anOverrideWithoutAJustificationIsRefused() {
        var session = session();
        assertThatThrownBy(() -> session.override("huslejeOverIndkomst", "  ", "sagsbehandler"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(session.answers().overrides()).isEmpty();
        session.override("huslejeOverIndkomst", " Familien betaler. ", "sagsbehandler");
        assertThat(session.answers().overrides()).containsEntry("huslejeOverIndkomst", "sagsbehandler");
        assertThat(session.answers().acknowledgements()).containsEntry("huslejeOverIndkomst", "Familien betaler.");
        session.withdrawAcknowledgement("huslejeOverIndkomst");
        assertThat(session.answers().overrides()).isEmpty();
    }

    @Test
    void groupItemsAreAddedAnsweredAndRemovedThroughTheSession() {
        var session = session();
        var index = session.addItem("boernListe");
        session.answerInItem("boernListe", index, "barnNavn", "Ida");
        assertThat(session.answers().items("boernListe")).singleElement().satisfies(item -> assertThat(item)
                .containsEntry("barnNavn", "Ida"));
        session.removeItem("boernListe", index);
        assertThat(session.answers().items("boernListe")).isEmpty();
    }

    @Test
    void aVerdictIsOneEvaluationAndDoesNotChangeWithTheSessionAfterwards() {
        var session = session();
        session.answer("navn", "Mette");
        session.answer("foedselsdato", LocalDate.of(1988, 3, 15));
        session.answer("harBoern", false);
        session.answer("husleje", new BigDecimal("5000"));
        session.answer("indkomst", new BigDecimal("20000"));
        session.answer("boligType", "leje");
        var before = session.evaluations();
        var verdict = session.verdict();
        assertThat(session.evaluations() - before).isEqualTo(1);
        assertThat(verdict.isSubmittable()).isTrue();
        assertThat(verdict.effectiveAnswers()).containsEntry("navn", "Mette").containsKey("rest");

        session.answer("navn", "Someone else");
        assertThat(verdict.answers().get("navn")).isEqualTo("Mette");
        assertThat(verdict.effectiveAnswers()).containsEntry("navn", "Mette");
    }

    @Test
    void theAssistanceRecordIsKeptAndTheDeclarationCanBeTakenBack() {
        var session = session();
        var at = OffsetDateTime.ofInstant(TestClock.NOW, TestClock.ZONE);
        session.recordAssistance(new AssistanceRecord("phone", "kontaktcenter", "Kim", "oral", at, null));
        assertThat(session.answers().assistance()).get().satisfies(a -> {
            assertThat(a.byPhone()).isTrue();
            assertThat(a.consentGivenOrally()).isTrue();
            assertThat(a.declarationWasReadAloud()).isFalse();
        });
        session.recordAssistance(session.answers().assistance().orElseThrow().withDeclarationReadAloud(at));
        assertThat(session.answers().assistance().orElseThrow().declarationWasReadAloud())
                .isTrue();
    }
}
