package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.engine.AssistanceRecord;
import dk.indgang.engine.FormSession;
import dk.indgang.engine.LookupContext;
import dk.indgang.engine.LookupRunner;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;

@SpringBootTest
@ActiveProfiles("test")
class SubmissionsIT {

    @Autowired
    Submissions submissions;

    @Autowired
    Drafts drafts;

    @Autowired
    FormCatalog catalog;

    @Autowired
    LookupRunner lookups;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private static final String METTE = Persons.METTE;

    private record Started(Draft draft, FormSession session) {}

    private Started completeHusstand(String cpr) {
        var draft = drafts.start(catalog.current("husstand-test").orElseThrow(), cpr);
        var session =
                new FormSession(drafts.definitionOf(draft), draft.answers().copy(), clock);
        session.answer("navn", "Mette Fiktiv Testesen");
        session.answer("foedselsdato", LocalDate.of(1988, 3, 15));
        session.answer("harBoern", true);
        var i = session.addItem("boernListe");
        session.answerInItem("boernListe", i, "barnNavn", "Ida Æbelø");
        session.answerInItem("boernListe", i, "barnAlder", 10L);
        session.answer("husleje", new BigDecimal("9000.50"));
        session.answer("indkomst", new BigDecimal("8000"));
        session.answer("boligType", "leje");
        session.acknowledge("huslejeOverIndkomst", "Min søster betaler en del af huslejen.");
        return new Started(draft, session);
    }

    private void validate(String document) {
        ApplicationSchema.assertValid(document);
    }

    @Test
    void evaluatesTheFormOncePerSubmit() {
        var started = completeHusstand(METTE);
        var before = started.session().evaluations();
        submissions.submit(
                started.draft(), started.session(), Channel.ONLINE, METTE, Locale.forLanguageTag("da"), null);
        assertThat(started.session().evaluations() - before)
                .as("evaluations for the verdict, the document, the receipt and the assessment")
                .isEqualTo(1);
    }

    @Test
    void refusesAnAssistedApplicationWhoseDeclarationWasNotReadAloud() {
        var started = completeHusstand(METTE);
        var session = started.session();
        var counter = new AssistanceRecord(
                "counter", "sagsbehandler", "Birgit Borgerservice", "in-person", OffsetDateTime.now(clock), null);
        session.recordAssistance(counter);
        assertThatThrownBy(() -> submissions.submit(
                        started.draft(), session, Channel.COUNTER, "sagsbehandler", Locale.forLanguageTag("da"), null))
                .isInstanceOf(DeclarationNotReadAloudException.class);
        assertThat(submissions.ofDraft(started.draft().id(), METTE)).isEmpty();

        // Without any assistance on record a counter channel is refused just the same.
        var unrecorded = completeHusstand(METTE);
        assertThatThrownBy(() -> submissions.submit(
                        unrecorded.draft(),
                        unrecorded.session(),
                        Channel.PHONE,
                        "kontaktcenter",
                        Locale.forLanguageTag("da"),
                        null))
                .isInstanceOf(DeclarationNotReadAloudException.class);

        session.recordAssistance(counter.withDeclarationReadAloud(OffsetDateTime.now(clock)));
        var application = submissions.submit(
                started.draft(), session, Channel.COUNTER, "sagsbehandler", Locale.forLanguageTag("da"), null);
        assertThat(application.document()).contains("declarationReadAloud");
    }

    @Test
    void storesASchemaValidApplicationWithAnArchivableReceiptStatusAndOutbox() throws Exception {
        var started = completeHusstand(METTE);
        var application = submissions.submit(
                started.draft(), started.session(), Channel.ONLINE, METTE, Locale.forLanguageTag("da"), null);

        assertThat(application.receiptNumber()).matches("IND-\\d{4}-\\d{6}");
        validate(application.document());
        var doc = new ObjectMapper().readTree(application.document());
        assertThat(doc.at("/flags/confirmedWarnings/0/explanation").asText())
                .isEqualTo("Min søster betaler en del af huslejen.");
        assertThat(doc.at("/answers").findValuesAsText("field"))
                .contains("navn", "boernListe", "husleje", "antalBoern");
        assertThat(doc.toString()).contains("\"9000.50\"");

        var pdf = submissions.receipt(application.id(), METTE).orElseThrow();
        VeraGreenfieldFoundryProvider.initialise();
        try (var parser =
                Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B)) {
            assertThat(Foundries.defaultInstance()
                            .createValidator(PDFAFlavour.PDFA_2_B, false)
                            .validate(parser)
                            .isCompliant())
                    .isTrue();
        }
        try (var document = Loader.loadPDF(pdf)) {
            assertThat(new PDFTextStripper().getText(document))
                    .contains(
                            application.receiptNumber(),
                            "Ida Æbelø",
                            "Økonomi",
                            "Hvad sker der nu?",
                            application.documentSha256());
        }
        assertThat(submissions.history(application.id()))
                .extracting(Application.StatusEntry::status)
                .containsExactly(CaseStatus.RECEIVED);
        assertThat(jdbc.sql("select state from outbox where application_id = ?")
                        .params(application.id())
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
        assertThat(drafts.find(started.draft().id(), METTE).orElseThrow().status())
                .isEqualTo(Draft.Status.SUBMITTED);
    }

    @Test
    void aDoubleSubmitGivesOneApplication() throws Exception {
        var started = completeHusstand(METTE);
        Callable<Application> submit =
                () -> submissions.submit(started.draft(), started.session(), Channel.ONLINE, METTE, Locale.ROOT, null);
        try (var pool = Executors.newFixedThreadPool(2)) {
            var first = pool.submit(submit);
            var second = pool.submit(submit);
            assertThat(first.get().id()).isEqualTo(second.get().id());
        }
        assertThat(submissions
                        .submit(started.draft(), started.session(), Channel.ONLINE, METTE, Locale.ROOT, null)
                        .id())
                .isEqualTo(submissions
                        .ofDraft(started.draft().id(), METTE)
                        .orElseThrow()
                        .id());
        assertThat(jdbc.sql("select count(*) from application where draft_id = ?")
                        .params(started.draft().id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void theServerRefusesAnIncompleteFormAndStoresNothing() {
        var draft = drafts.start(catalog.current("husstand-test").orElseThrow(), METTE);
        var session =
                new FormSession(drafts.definitionOf(draft), draft.answers().copy(), clock);
        assertThatThrownBy(() -> submissions.submit(draft, session, Channel.ONLINE, METTE, Locale.ROOT, null))
                .isInstanceOf(NotSubmittableException.class);
        assertThat(submissions.ofDraft(draft.id(), METTE)).isEmpty();
    }

    @Test
    void aCitizenCannotReadAnotherCitizensApplicationOrReceipt() {
        var started = completeHusstand(METTE);
        var application =
                submissions.submit(started.draft(), started.session(), Channel.ONLINE, METTE, Locale.ROOT, null);
        assertThat(submissions.find(application.id(), Persons.LONE)).isEmpty();
        assertThat(submissions.receipt(application.id(), Persons.LONE)).isEmpty();
        assertThat(submissions.forApplicant(Persons.LONE))
                .extracting(Application::id)
                .doesNotContain(application.id());
    }

    @Test
    void registerEvidenceAndProvenanceGoIntoTheApplication() throws Exception {
        var draft = drafts.start(catalog.current("registre-test").orElseThrow(), METTE);
        var session =
                new FormSession(drafts.definitionOf(draft), draft.answers().copy(), clock);
        var context = new LookupContext(METTE, METTE, "test", draft.id().toString());
        for (var due = lookups.due(session, METTE); !due.isEmpty(); due = lookups.due(session, METTE)) {
            due.forEach(d -> lookups.apply(session, d, lookups.run(d, context)));
        }
        session.answer("areal", 95L);
        session.acknowledge("arealAfviger", "Vi har bygget om.");
        var application = submissions.submit(draft, session, Channel.ONLINE, METTE, Locale.ROOT, null);
        validate(application.document());
        var doc = new ObjectMapper().readTree(application.document());
        assertThat(doc.at("/applicant/name").asText()).isEqualTo("Mette Fiktiv Testesen");
        assertThat(doc.at("/evidence").findValuesAsText("register")).contains("cpr", "bbr", "eindkomst");
        assertThat(doc.at("/flags/changedFromRegister/0/field").asText()).isEqualTo("areal");
        assertThat(doc.at("/flags/changedFromRegister/0/registerValue").asInt()).isEqualTo(92);
    }
}
