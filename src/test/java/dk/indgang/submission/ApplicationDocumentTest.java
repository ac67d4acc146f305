package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indgang.Persons;
import dk.indgang.TestClock;
import dk.indgang.definition.FormLoader;
import dk.indgang.engine.Answers;
import dk.indgang.engine.AssistanceRecord;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.Provenance;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** The application document from a verdict, without Spring: valid against its schema, with its evidence. */
class ApplicationDocumentTest {

    private static final dk.indgang.definition.FormDefinition FORM =
            new FormLoader().load(Path.of("src/test/resources/forms/husstand-test.yaml"));

    private static ApplicationDocument.Header header(Channel channel) {
        return new ApplicationDocument.Header(
                UUID.randomUUID(),
                "IND-2026-000001",
                channel,
                Persons.METTE,
                "Mette Fiktiv Testesen",
                channel == Channel.ONLINE ? Persons.METTE : "sagsbehandler",
                OffsetDateTime.ofInstant(TestClock.NOW, TestClock.ZONE));
    }

    private static FormSession complete() {
        var session = new FormSession(FORM, new Answers(), TestClock.CLOCK);
        session.answer("navn", "Mette Fiktiv Testesen");
        session.answer("foedselsdato", LocalDate.of(1988, 3, 15));
        session.answer("harBoern", false);
        session.answer("husleje", new BigDecimal("9000.50"));
        session.answer("indkomst", new BigDecimal("8000"));
        session.answer("boligType", "leje");
        session.acknowledge("huslejeOverIndkomst", "Min søster hjælper.");
        return session;
    }

    @Test
    void aCitizensApplicationIsSchemaValidWithExactAmountsAndTheExplainedWarning() throws Exception {
        var session = complete();
        session.answers()
                .setProvenance(
                        "navn",
                        new Provenance(Provenance.Source.REGISTER, "cpr", TestClock.NOW, "Mette Fiktiv Testesen"));
        var document = JsonMapper.builder()
                .build()
                .writeValueAsString(
                        ApplicationDocument.build(header(Channel.ONLINE), session.verdict(), Optional.empty()));
        ApplicationSchema.assertValid(document);
        var doc = new ObjectMapper().readTree(document);
        assertThat(doc.at("/channel").asText()).isEqualTo("online");
        assertThat(document).contains("\"9000.50\"");
        assertThat(doc.at("/flags/confirmedWarnings/0/explanation").asText()).isEqualTo("Min søster hjælper.");
        assertThat(doc.has("assistance")).isFalse();
    }

    @Test
    void anAssistedApplicationRecordsWhoHelpedHowTheCitizenConsentedAndTheDeclaration() throws Exception {
        var session = complete();
        var at = OffsetDateTime.ofInstant(TestClock.NOW, TestClock.ZONE);
        session.recordAssistance(new AssistanceRecord("counter", "sagsbehandler", "Birgit", "in-person", at, at));
        var document = JsonMapper.builder()
                .build()
                .writeValueAsString(
                        ApplicationDocument.build(header(Channel.COUNTER), session.verdict(), Optional.empty()));
        ApplicationSchema.assertValid(document);
        var assistance = new ObjectMapper().readTree(document).get("assistance");
        assertThat(assistance.get("caseworker").asText()).isEqualTo("sagsbehandler");
        assertThat(assistance.get("consent").asText()).isEqualTo("in-person");
        assertThat(assistance.get("declarationReadAloud").asText()).isEqualTo(at.toString());
    }

    @Test
    void aValueTheCaseworkerChangedAndTheWarningsLetThroughAreInTheDocumentAndOnTheReceipt() throws Exception {
        var session = complete();
        session.answers()
                .setProvenance(
                        "navn",
                        new Provenance(Provenance.Source.REGISTER, "cpr", TestClock.NOW, "Mette Fiktiv Testesen"));
        session.answeredBy("sagsbehandler");
        session.answer("navn", "Mette F. Testesen");
        session.override("huslejeOverIndkomst", "Familien betaler en del af huslejen.", "sagsbehandler");
        assertThat(session.answers().provenance("navn").changedBy()).isEqualTo("sagsbehandler");
        var verdict = session.verdict();
        var document = JsonMapper.builder()
                .build()
                .writeValueAsString(ApplicationDocument.build(header(Channel.COUNTER), verdict, Optional.empty()));
        ApplicationSchema.assertValid(document);
        var doc = new ObjectMapper().readTree(document);
        assertThat(doc.at("/flags/changedFromRegister/0/changedBy").asText()).isEqualTo("sagsbehandler");

        var receipt = ReceiptContents.of(
                "Aarhus Kommune",
                header(Channel.COUNTER),
                verdict,
                "ab",
                java.util.Locale.forLanguageTag("da"),
                Optional.empty());
        var lines = receipt.sections().stream().flatMap(s -> s.lines().stream()).toList();
        assertThat(lines)
                .anySatisfy(l -> assertThat(l.mark()).isEqualTo("Ændret af sagsbehandler (CPR siger noget andet)"));
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.label()).isEqualTo("Sagsbehandlerens begrundelse for at tilsidesætte advarslen");
            assertThat(l.value()).isEqualTo("Familien betaler en del af huslejen.");
            assertThat(l.mark()).isEqualTo("Til advarslen: »Din husleje er højere end din indkomst. Tjek beløbene.«");
        });

        // the citizen's own confirmation, in English
        var citizen = complete();
        var english = ReceiptContents.of(
                "Aarhus Kommune",
                header(Channel.ONLINE),
                citizen.verdict(),
                "ab",
                java.util.Locale.ENGLISH,
                Optional.empty());
        assertThat(english.sections().stream().flatMap(s -> s.lines().stream())).anySatisfy(l -> {
            assertThat(l.label()).isEqualTo("Your explanation");
            assertThat(l.value()).isEqualTo("Min søster hjælper.");
        });
    }
}
