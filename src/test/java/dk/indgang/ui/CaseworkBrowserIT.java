package dk.indgang.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dk.indgang.Persons;
import dk.indgang.casework.CaseState;
import dk.indgang.casework.Cases;
import dk.indgang.delivery.ReceiptDelivery;
import dk.indgang.submission.Outbox;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Case processing end to end in Debian's Chromium: Mette applies for an enkeltydelse in the wizard;
 * the caseworker takes the case and asks for a quote; Mette answers with the quote attached; the
 * caseworker's refusal on register income is stopped until Mette is heard; after the hearing the
 * refusal's letter reaches Digital Post and "Mine sager"; Mette appeals; the caseworker upholds and
 * the case is forwarded. axe-core checks every new page, and the case file and "Mine sager" reflow at
 * 320 px. Screenshots: target/screenshots/casework-*.png.
 */
// The case index's worker runs as in production (every 300 ms here), so each step reaches the index.
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "indgang.forms.dir=forms",
            "indgang.case-index.worker=true",
            "indgang.case-index.poll-interval=300ms"
        })
@ActiveProfiles("test")
class CaseworkBrowserIT extends BrowserFixtures {

    @LocalServerPort
    int port;

    @Autowired
    Cases cases;

    @Autowired
    Outbox outbox;

    @Autowired
    ReceiptDelivery delivery;

    @Autowired
    dk.indgang.submission.CaseSystem caseSystem;

    @Autowired
    dk.indgang.delivery.CaseIndexing caseIndexing;

    @Autowired
    dk.indgang.registers.StubRegisters stubs;

    private static void tick(Page page, String id, String label) {
        page.locator("#" + id + " vaadin-checkbox")
                .filter(new Locator.FilterOptions().setHasText(label))
                .locator("label")
                .click();
    }

    private Page as(String login) {
        return loggedIn(port, login);
    }

    @Test
    void aRefusalAfterAHearingIsLetteredAppealedUpheldAndForwarded() throws Exception {
        // Mette applies in the wizard.
        var mette = as(Persons.METTE);
        mette.click("#start-enkeltydelse");
        assertThat(mette.locator("#field-navn input")).hasValue("Mette Fiktiv Testesen");
        mette.click("#wizard-next");
        choose(mette, "field-samlevende", "Nej");
        mette.locator("#field-antalBoern input").fill("2");
        mette.click("#wizard-next");
        choose(mette, "field-samtykke", "Ja");
        assertThat(mette.locator("#field-egenIndkomst input")).hasValue("221830,00");
        mette.locator("#field-formue input").fill("0");
        mette.click("#wizard-next");
        mette.locator("#field-udgiftBeskrivelse textarea").fill("Min vaskemaskine er gået i stykker.");
        mette.locator("#field-beloeb input").fill("4500");
        mette.locator("#field-uforudset textarea").fill("Den brød sammen uden varsel.");
        choose(mette, "field-tidligereHjaelp", "Nej");
        mette.click("#wizard-next");
        choose(mette, "field-erklaering", "Ja");
        mette.click("#wizard-next");
        mette.click("#wizard-submit");
        assertThat(mette.locator("#receipt-number")).containsText("IND-");
        var receiptNumber = mette.locator("#receipt-number").textContent().replaceAll(".*(IND-\\d{4}-\\d{6}).*", "$1");

        // The caseworker takes the case from the inbox and asks for a quote.
        var yrsa = as("ydelse");
        yrsa.waitForURL("**/sager");
        assertAccessible(yrsa, "the inbox");
        shot(yrsa, "casework-inbox");
        reflowsAt320(yrsa, "casework-inbox");
        yrsa.click("#case-" + receiptNumber);
        assertThat(yrsa.locator("#case-application")).containsText("Min vaskemaskine er gået i stykker.");
        assertThat(yrsa.locator("#case-application")).containsText("Fra eIndkomst");
        assertThat(yrsa.locator("#case-evidence")).containsText("eIndkomst");
        assertThat(yrsa.locator("#case-evidence")).containsText("fundet");
        yrsa.click("#case-take");
        yrsa.locator("#request-text textarea").fill("Send et tilbud på vaskemaskinen.");
        yrsa.click("#request-send");
        assertThat(yrsa.locator("#case-facts")).containsText("Afventer borgeren");

        // Mette answers in Mine sager with the quote attached.
        mette.navigate("http://localhost:" + port + "/mine-sager");
        assertThat(mette.locator("#request-1")).containsText("Send et tilbud på vaskemaskinen.");
        assertAccessible(mette, "Mine sager with a request");
        var quote = Files.createTempFile("tilbud", ".pdf");
        Files.write(quote, "%PDF-1.4 tilbud".getBytes());
        mette.locator("#answer-files-1 input[type=file]").setInputFiles(quote);
        assertThat(mette.locator("#answer-list-1")).containsText("tilbud");
        mette.locator("#answer-text-1 textarea").fill("Tilbuddet er vedhæftet.");
        mette.click("#answer-send-1");
        assertThat(mette.locator("#request-1")).hasCount(0);

        // A refusal on the register income is stopped until Mette has been heard.
        yrsa.reload();
        assertThat(yrsa.locator("#case-requests")).containsText("Tilbuddet er vedhæftet.");
        choose(yrsa, "decision-outcome", "Afslag");
        tick(yrsa, "decision-reasons", "selv at betale");
        tick(yrsa, "decision-facts", "Din indkomst");
        yrsa.click("#decision-make");
        assertThat(yrsa.locator("#case-error")).containsText("partshøres");
        assertAccessible(yrsa, "the case file with the law's refusal");
        shot(yrsa, "casework-casefile-hearing-required");
        tick(yrsa, "hearing-facts", "Din indkomst");
        yrsa.locator("#hearing-text textarea").fill("Vi vil lægge vægt på din indkomst fra eIndkomst.");
        yrsa.click("#hearing-send");

        mette.reload();
        mette.locator("#answer-text-2 textarea").fill("Indkomsten passer, men jeg har gæld.");
        mette.click("#answer-send-2");

        yrsa.reload();
        choose(yrsa, "decision-outcome", "Afslag");
        tick(yrsa, "decision-reasons", "selv at betale");
        tick(yrsa, "decision-facts", "Din indkomst");
        yrsa.click("#decision-make");
        assertThat(yrsa.locator("#case-facts")).containsText("Afgjort");
        assertThat(yrsa.locator("#case-letters")).containsText("Afgørelse");

        // The letter reaches Digital Post, and Mette's Mine sager; she appeals.
        delivery.runDue();
        var caseId = cases.inbox("ydelse").stream()
                .map(i -> i.value())
                .filter(c -> caseSystem
                        .get(c.applicationId())
                        .map(a -> a.receiptNumber().equals(receiptNumber))
                        .orElse(false))
                .findFirst()
                .orElseThrow()
                .id();
        assertThat(outbox.letters(cases.find(caseId).orElseThrow().value().applicationId()))
                .allSatisfy(l -> assertThat(dk.indgang.delivery.DigitalPostRecords.awaitReceipt(() ->
                                        outbox
                                                .letters(cases.find(caseId)
                                                        .orElseThrow()
                                                        .value()
                                                        .applicationId())
                                                .stream()
                                                .filter(other -> other.id().equals(l.id()))
                                                .findFirst()
                                                .orElseThrow()
                                                .delivery())
                                .route())
                        .isEqualTo("DIGITAL_POST"));
        mette.reload();
        assertThat(mette.locator("#letters-" + receiptNumber)).containsText("Afgørelse");
        mette.locator("#appeal-text-" + receiptNumber + " textarea").fill("Jeg har gæld, som I ikke har set på.");
        assertAccessible(mette, "Mine sager with a decision to appeal");
        reflowsAt320(mette, "casework-mine-sager");
        mette.click("#appeal-send-" + receiptNumber);

        // The caseworker reconsiders first, upholds, and the case goes to Ankestyrelsen.
        yrsa.reload();
        assertThat(yrsa.locator("#case-actions")).containsText("Jeg har gæld");
        reflowsAt320(yrsa, "casework-casefile");
        yrsa.locator("#uphold-reasons textarea").fill("Gæld ændrer ikke vurderingen efter § 81.");
        yrsa.click("#case-uphold");
        assertThat(yrsa.locator("#case-facts")).containsText("Sendt til Ankestyrelsen");
        assertAccessible(yrsa, "the forwarded case file");
        shot(yrsa, "casework-casefile-forwarded");
        assertThat(cases.find(caseId).orElseThrow().value().state()).isEqualTo(CaseState.FORWARDED);

        // Mit Overblik: the case index followed the case step by step, with its KLE, and has it as it
        // is now, with every letter.
        caseIndexing.runDue();
        var applicationId = cases.find(caseId).orElseThrow().value().applicationId();
        var indexed = dk.indgang.delivery.CaseIndexingIT.indexed(stubs, applicationId);
        assertThat(indexed).allSatisfy(m -> assertThat(
                        dk.indgang.delivery.DigitalPostRecords.xpath(m, "//*[local-name()='KLEEmne']"))
                .isEqualTo("32.18.04"));
        var statuses = indexed.stream()
                .map(m -> dk.indgang.delivery.DigitalPostRecords.xpath(m, "//*[local-name()='StatusTekst']"))
                .distinct()
                .toList();
        assertThat(statuses).contains("Under behandling", "Afgjort").last().isEqualTo("Sendt til Ankestyrelsen");
        assertThat(dk.indgang.delivery.DigitalPostRecords.xpath(
                        indexed.getLast(), "count(//*[local-name()='Dokument'])"))
                .isEqualTo(String.valueOf(1 + outbox.letters(applicationId).size()));

        // Mette calls the contact centre; the caseworker there finds her and reads the case, read-only.
        var kim = as("kontaktcenter");
        kim.waitForURL("**/skranke");
        choose(kim, "counter-channel", "I telefonen");
        kim.locator("#counter-cpr input").fill("150388-9984");
        kim.locator("#counter-purpose input").fill("Borgeren ringer om sin sag om enkeltydelse");
        kim.click("#counter-find");
        kim.click("#counter-case-" + receiptNumber);
        assertThat(kim.locator("#case-application")).containsText("vaskemaskine");
        assertThat(kim.locator("#case-letters")).containsText("Afgørelse");
        assertThat(kim.locator("#case-take")).hasCount(0);
        assertAccessible(kim, "the case file at the contact centre");
        shot(kim, "casework-counter-case");
        reflowsAt320(kim, "casework-counter-case");
    }
}
