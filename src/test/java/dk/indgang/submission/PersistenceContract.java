package dk.indgang.submission;

import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.catalog.FormCatalog;
import dk.indgang.definition.FormLoader;
import dk.indgang.engine.AddressValue;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What storage must do on every database the service runs on: the same tests on H2 and PostgreSQL. */
abstract class PersistenceContract {

    @Autowired
    FormCatalog catalog;

    @Autowired
    Drafts drafts;

    @Autowired
    Attachments attachments;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Submissions submissions;

    @Autowired
    java.time.Clock clock;

    @Test
    void keepsEveryServedVersionWithItsHash() throws Exception {
        var form = catalog.current("husstand-test").orElseThrow();
        var source = Files.readString(Path.of("src/test/resources/forms/husstand-test.yaml"));
        assertThat(form.sha256()).isEqualTo(FormLoader.sha256(source));
        var stored = jdbc.sql("select source from form_version where form_id = ? and sha256 = ?")
                .params(form.id(), form.sha256())
                .query(String.class)
                .single();
        assertThat(stored).isEqualTo(source);
    }

    @Test
    void savesAndResumesTypedAnswersOnTheDraftsOwnVersion() {
        var form = catalog.current("husstand-test").orElseThrow();
        var draft = drafts.start(form, Persons.METTE);
        var answers = draft.answers().copy();
        answers.set("navn", "Mette Fiktiv Testesen");
        answers.set("foedselsdato", LocalDate.of(1988, 3, 15));
        answers.set("harBoern", true);
        answers.set("husleje", new BigDecimal("5123.50"));
        var index = answers.addItem("boernListe");
        answers.setInItem("boernListe", index, "barnNavn", "Ida");
        answers.setInItem("boernListe", index, "barnAlder", 10L);
        answers.acknowledge("huslejeOverIndkomst", "Hjælp fra familien, æøå");
        drafts.save(draft, answers, "oekonomi");

        var resumed = drafts.find(draft.id(), Persons.METTE).orElseThrow();
        assertThat(resumed.currentStep()).isEqualTo("oekonomi");
        assertThat(resumed.formSha256()).isEqualTo(form.sha256());
        assertThat(resumed.answers().values())
                .containsEntry("foedselsdato", LocalDate.of(1988, 3, 15))
                .containsEntry("husleje", new BigDecimal("5123.50"))
                .containsEntry("harBoern", true);
        assertThat(resumed.answers().items("boernListe")).hasSize(1);
        assertThat(resumed.answers().items("boernListe").getFirst()).containsEntry("barnAlder", 10L);
        assertThat(resumed.answers().acknowledgements())
                .containsEntry("huslejeOverIndkomst", "Hjælp fra familien, æøå");
        assertThat(drafts.openDrafts(Persons.METTE)).extracting(Draft::id).contains(draft.id());
    }

    @Test
    void neverGivesOneCitizensDraftToAnother() {
        var form = catalog.current("husstand-test").orElseThrow();
        var draft = drafts.start(form, Persons.METTE);
        assertThat(drafts.find(draft.id(), Persons.LONE)).isEmpty();
        assertThat(drafts.openDrafts(Persons.LONE)).extracting(Draft::id).doesNotContain(draft.id());
    }

    @Test
    void storesAnUploadByWhatItIsNotByItsNameOrTheBrowsersClaim() {
        var draft = drafts.start(catalog.current("husstand-test").orElseThrow(), Persons.METTE);
        var page = "<html><script>alert(1)</script></html>".getBytes();
        org.assertj.core.api.Assertions.assertThatThrownBy(() ->
                        attachments.store(draft, "lejekontrakt.pdf", "application/pdf", page, java.util.List.of("pdf")))
                .isInstanceOf(Attachments.UploadRefused.class);
        var png = new byte[] {(byte) 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2};
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> attachments.store(draft, "billede.pdf", "application/pdf", png, java.util.List.of("pdf")))
                .isInstanceOf(Attachments.UploadRefused.class);
        var stored = attachments.store(
                draft, "kontrakt.pdf", "text/html", "%PDF-1.7 x".getBytes(), java.util.List.of("pdf"));
        assertThat(stored.mediaType()).isEqualTo("application/pdf");
        var count = jdbc.sql("select count(*) from attachment where draft_id = ?")
                .params(draft.id())
                .query(Integer.class)
                .single();
        assertThat(count).isEqualTo(1);
    }

    @Test
    void storesAnAttachmentOnceByItsHash() {
        var form = catalog.current("husstand-test").orElseThrow();
        var draft = drafts.start(form, Persons.METTE);
        var bytes = "%PDF-1.7 lejekontrakt".getBytes();
        var first = attachments.store(draft, "lejekontrakt.pdf", "application/pdf", bytes);
        var second = attachments.store(draft, "lejekontrakt.pdf", "application/pdf", bytes);
        assertThat(first).isEqualTo(second);
        assertThat(first.size()).isEqualTo(bytes.length);
        var count = jdbc.sql("select count(*) from attachment where draft_id = ?")
                .params(draft.id())
                .query(Integer.class)
                .single();
        assertThat(count).isEqualTo(1);
    }

    @Test
    void storesAnApplicationWithReceiptStatusAndOutboxOnce() {
        var started =
                SubmissionFixtures.completeHusstand(drafts, catalog, clock, Persons.METTE, "Mette Fiktiv Testesen");
        var draft = started.draft();
        var session = started.session();
        var first = submissions.submit(
                draft, session, Channel.ONLINE, Persons.METTE, java.util.Locale.ROOT, "key-" + draft.id());
        var again = submissions.submit(
                draft, session, Channel.ONLINE, Persons.METTE, java.util.Locale.ROOT, "key-" + draft.id());
        assertThat(again.id()).isEqualTo(first.id());
        assertThat(first.receiptNumber()).startsWith("IND-");
        assertThat(submissions.receipt(first.id(), Persons.METTE).orElseThrow()).startsWith("%PDF".getBytes());
        assertThat(submissions.history(first.id())).hasSize(1);
        assertThat(submissions.forApplicant(Persons.METTE))
                .extracting(Application::id)
                .contains(first.id());
    }

    @Test
    void keepsAddressesAsStructuredValues() {
        var form = catalog.current("husstand-test").orElseThrow();
        var draft = drafts.start(form, Persons.METTE);
        var answers = draft.answers().copy();
        answers.set("navn", new AddressValue("Testvej", "12", "2", "th", "8000", "Aarhus C").display());
        drafts.save(draft, answers, "dig");
        assertThat(drafts.find(draft.id(), Persons.METTE)
                        .orElseThrow()
                        .answers()
                        .get("navn"))
                .isEqualTo("Testvej 12, 2. th, 8000 Aarhus C");
    }
}
