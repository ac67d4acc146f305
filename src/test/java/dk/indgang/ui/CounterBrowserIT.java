package dk.indgang.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dk.indgang.Persons;
import dk.indgang.audit.CitizenAccessLog;
import dk.indgang.audit.LookupAuditLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Assisted filing end to end in Debian's Chromium: a caseworker finds a citizen with a purpose,
 * files boligstoette on their behalf, overrides a warning with a written justification, reads the
 * declaration aloud, submits and opens the receipt; the audit holds the lookups with the purpose;
 * a citizen is refused on the counter route. axe-core checks the counter pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class CounterBrowserIT extends BrowserFixtures {

    private static final String PURPOSE = "Borgeren søger boligstøtte ved skranken";

    @LocalServerPort
    int port;

    @Autowired
    LookupAuditLog lookupAudit;

    @Autowired
    CitizenAccessLog accessLog;

    @Test
    void aCaseworkerFilesHousingBenefitForACitizenAndOverridesAWarningWithAJustification() {
        var context = browser.newContext();
        var page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.navigate("http://localhost:" + port + "/login");
        page.click("#login-sagsbehandler");
        page.waitForURL("**/skranke");
        assertThat(page.locator("h1")).hasText("Hjælp en borger");
        assertAccessible(page, "counter");

        page.locator("#counter-cpr input").fill("150388-9984");
        page.locator("#counter-purpose input").fill(PURPOSE);
        page.click("#counter-find");
        assertThat(page.locator("#counter-citizen-name")).hasText("Mette Fiktiv Testesen");
        page.locator("#counter-consent input").check();
        assertAccessible(page, "counter with a citizen");
        page.click("#counter-start-boligstoette");

        assertThat(page.locator("#counter-banner")).containsText("Du hjælper Mette Fiktiv Testesen");
        assertThat(page.locator("#field-navn input")).hasValue("Mette Fiktiv Testesen");
        choose(page, "field-boligForhold", "Jeg lejer boligen");
        page.click("#wizard-next");
        assertThat(page.locator("#step-heading")).hasText("Din husstand");
        choose(page, "field-alleBorHer", "Ja");
        choose(page, "field-fremlejer", "Nej");
        page.click("#wizard-next");
        assertThat(page.locator("#step-heading")).hasText("Boligen");
        assertThat(page.locator("#field-areal input")).hasValue("92");
        page.locator("#field-areal input").fill("90");
        page.locator("#field-areal input").blur();
        assertThat(page.locator("#rule-arealAfviger")).containsText("Arealet er ikke det samme som i BBR");
        page.locator("#explain-arealAfviger textarea").fill("Lejekontrakten siger 90 m²; kontrolleret ved skranken.");
        page.locator("#confirm-arealAfviger input").check();
        assertAccessible(page, "a warning overridden");
        page.click("#wizard-next");
        assertThat(page.locator("#step-heading")).hasText("Husleje");
        page.locator("#field-maanedligHusleje input").fill("7500");
        page.click("#wizard-next");
        assertThat(page.locator("#step-heading")).hasText("Indkomst og formue");
        choose(page, "field-samtykke", "Ja");
        // eIndkomst is asked only now, with consent; its answer arrives by push.
        assertThat(page.locator("#field-egenIndkomst input")).hasValue("221830,00");
        page.locator("#field-andreVoksnesIndkomst input").fill("292560");
        page.locator("#field-formue input").fill("0");
        page.click("#wizard-next");
        choose(page, "field-erklaering", "Ja");
        page.click("#wizard-next");
        assertThat(page.locator("#step-heading")).hasText("Tjek dine svar");
        page.locator("#counter-declaration-read input").check();
        assertAccessible(page, "review at the counter");
        page.click("#wizard-submit");

        assertThat(page.locator("#step-heading")).hasText("Dine svar er modtaget");
        var receiptNumber = page.locator("#receipt-number").textContent().replaceAll(".*(IND-\\d{4}-\\d{6}).*", "$1");
        var download = page.waitForDownload(() -> page.click("#receipt-" + receiptNumber));
        assertThat(download.suggestedFilename()).isEqualTo("kvittering-" + receiptNumber + ".pdf");
        var printed = page.waitForPopup(() -> page.click("#print-" + receiptNumber));
        printed.waitForLoadState();
        assertThat(printed.url()).contains("/VAADIN/dynamic/resource/");
        assertAccessible(page, "done at the counter");

        assertThat(lookupAudit.about(Persons.METTE)).anySatisfy(entry -> {
            org.assertj.core.api.Assertions.assertThat(entry.actor()).isEqualTo("sagsbehandler");
            org.assertj.core.api.Assertions.assertThat(entry.purpose()).contains(PURPOSE);
        });
        org.assertj.core.api.Assertions.assertThat(accessLog.about(Persons.METTE))
                .extracting(CitizenAccessLog.Entry::action)
                .contains(CitizenAccessLog.Action.FIND_CITIZEN, CitizenAccessLog.Action.SUBMIT_APPLICATION);
        context.close();
    }

    @Test
    void aCitizenIsRefusedOnTheCounterRoute() {
        var context = browser.newContext();
        var page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.navigate("http://localhost:" + port + "/login");
        page.click("#login-1503889984");
        page.waitForURL("http://localhost:" + port + "/");
        page.navigate("http://localhost:" + port + "/skranke");
        assertThat(page.locator("#counter-find")).hasCount(0);
        assertThat(page.locator("body")).not().containsText("Hjælp en borger");
        context.close();
    }
}
