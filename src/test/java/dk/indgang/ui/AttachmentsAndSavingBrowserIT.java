package dk.indgang.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dk.indgang.Persons;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Nothing silently lost or sent: a removed file is really gone (from the answers, the draft's
 * storage, the review and the application), answers are kept as she goes (a reload or a closed tab
 * loses nothing), and "Gem og fortsæt senere" brings her back where she was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class AttachmentsAndSavingBrowserIT extends BrowserFixtures {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    private static Path pdf(String name) throws Exception {
        var file = Files.createTempDirectory("upload").resolve(name);
        Files.write(file, ("%PDF-1.4 " + name).getBytes());
        return file;
    }

    private long storedFiles() {
        return jdbc.sql("""
                        select count(*) from attachment a join draft d on d.id = a.draft_id
                        where d.owner_cpr = ? and d.status = 'OPEN'""").params(Persons.KASPER).query(Long.class).single();
    }

    private boolean savedAnswersContain(String text) {
        return jdbc.sql("select count(*) from draft where owner_cpr = ? and status = 'OPEN' and answers like ?")
                        .params(Persons.KASPER, "%" + text + "%")
                        .query(Long.class)
                        .single()
                > 0;
    }

    private static void toTheExpenseStep(Page page) {
        page.click("#start-enkeltydelse");
        // The lookups have answered before she goes on.
        assertThat(page.locator("#field-navn input")).hasValue("Kasper Fiktivsen");
        page.click("#wizard-next");
        choose(page, "field-samlevende", "Nej");
        page.locator("#field-antalBoern input").fill("0");
        page.click("#wizard-next");
        choose(page, "field-samtykke", "Nej");
        page.locator("#field-egenIndkomst input").fill("120000");
        page.locator("#field-formue input").fill("0");
        page.click("#wizard-next");
        page.locator("#field-udgiftBeskrivelse textarea").waitFor();
    }

    @Test
    void aRemovedFileIsGoneAndAnswersAreKeptAsSheGoes() throws Exception {
        var kasper = loggedIn(port, Persons.KASPER);
        toTheExpenseStep(kasper);

        // Two files; the list says each one's name and size, with its own "Fjern".
        kasper.locator("#field-tilbud input[type=file]")
                .setInputFiles(new Path[] {pdf("tilbud-a.pdf"), pdf("tilbud-b.pdf")});
        assertThat(kasper.locator("#field-tilbud-files")).containsText("tilbud-a.pdf (1 kB)");
        assertThat(kasper.locator("#field-tilbud-files")).containsText("tilbud-b.pdf (1 kB)");
        assertThat(storedFiles()).isEqualTo(2);
        assertAccessible(kasper, "the expense step with two files");
        kasper.locator("#field-tilbud-files vaadin-button[aria-label='Fjern tilbud-a.pdf']")
                .click();
        assertThat(kasper.locator("#field-tilbud-files")).not().containsText("tilbud-a.pdf");
        assertThat(kasper.locator("#field-tilbud-files")).containsText("tilbud-b.pdf");
        assertThat(storedFiles()).isEqualTo(1);

        // She types, leaves the field, and the tab is closed: nothing is lost.
        kasper.locator("#field-udgiftBeskrivelse textarea").fill("Mit køleskab er gået i stykker.");
        kasper.locator("#field-beloeb input").focus();
        // Saved when she left the field (no Next): wait until the draft has it, then close the tab.
        for (int i = 0; i < 100 && !savedAnswersContain("køleskab"); i++) {
            kasper.waitForTimeout(50);
        }
        org.assertj.core.api.Assertions.assertThat(savedAnswersContain("køleskab"))
                .as("saved as she left the field")
                .isTrue();
        kasper.reload();
        assertThat(kasper.locator("#field-udgiftBeskrivelse textarea")).hasValue("Mit køleskab er gået i stykker.");
        assertThat(kasper.locator("#field-tilbud-files")).containsText("tilbud-b.pdf");
        assertThat(kasper.locator("#field-tilbud-files")).not().containsText("tilbud-a.pdf");
        shot(kasper, "wizard-attachments");
        reflowsAt320(kasper, "wizard-attachments");

        // "Gem og fortsæt senere": back on the front page, and on the same step when she continues.
        kasper.click("#wizard-save-later");
        kasper.waitForURL("**/");
        assertThat(kasper.locator("vaadin-notification-card")).containsText("Dine svar er gemt");
        kasper.click("#continue-enkeltydelse");
        assertThat(kasper.locator("#field-udgiftBeskrivelse textarea")).hasValue("Mit køleskab er gået i stykker.");

        // The review lists only the file she kept.
        kasper.locator("#field-beloeb input").fill("3200");
        kasper.locator("#field-uforudset textarea").fill("Det kom bag på mig.");
        choose(kasper, "field-tidligereHjaelp", "Nej");
        kasper.click("#wizard-next");
        choose(kasper, "field-erklaering", "Ja");
        kasper.click("#wizard-next");
        assertThat(kasper.locator("#step-heading")).isVisible();
        assertThat(kasper.locator("body")).containsText("tilbud-b.pdf");
        assertThat(kasper.locator("body")).not().containsText("tilbud-a.pdf");

        // "Ret" a price: after the change she is back on the review, not four Nexts away.
        kasper.click("#change-udgift");
        assertThat(kasper.locator("#wizard-next")).hasText("Gem og gå til »Tjek dine svar«");
        kasper.locator("#field-beloeb input").fill("3400");
        kasper.click("#wizard-next");
        assertThat(kasper.locator("#step-heading")).hasText("Tjek dine svar");
        assertThat(kasper.locator("body")).containsText("3.400,00 kr.");
    }
}
