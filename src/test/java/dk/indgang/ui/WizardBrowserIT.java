package dk.indgang.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The test form end to end in Debian's Chromium: log in as a test person, walk every step (a
 * repeating group, a conditional step, computed values, a warning to confirm), review and submit;
 * axe-core scans every page for serious or critical WCAG 2.1 AA violations.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class WizardBrowserIT extends BrowserFixtures {

    @LocalServerPort
    int port;

    @Test
    void aCitizenWalksTheTestFormFromLoginToReceiptWithoutSeriousAccessibilityViolations() throws Exception {
        var page = browser.newPage();
        page.setDefaultTimeout(15_000);
        page.navigate("http://localhost:" + port + "/login");
        assertThat(page.locator("h1")).hasText("Log ind med MitID (test)");
        assertAccessible(page, "login");
        page.click("#login-1503889984");
        page.waitForURL("http://localhost:" + port + "/");
        assertThat(page.locator(".user-name")).hasText("Mette Fiktiv Testesen");
        assertAccessible(page, "landing");
        BrowserFixtures.reflowsAt320(page, "landing");

        // Live register lookups arrive without a click (the page polls while they are out): CPR prefills the name, BBR
        // the floor area.
        page.click("#start-registre-test");
        assertThat(page.locator("#field-navn input")).hasValue("Mette Fiktiv Testesen");
        assertThat(page.locator("#field-navn")).containsText("Fra CPR");
        assertAccessible(page, "prefilled from the registers");
        // the address parts stack on a phone: nothing scrolls sideways (WCAG 1.4.10)
        BrowserFixtures.reflowsAt320(page, "wizard-address");
        page.navigate("http://localhost:" + port + "/");

        page.click("#start-husstand-test");
        assertThat(page.locator("#step-heading")).hasText("Om dig");
        assertAccessible(page, "step 1");

        page.click("#wizard-next");
        assertThat(page.locator("#error-summary")).isVisible();
        assertThat(page.locator("#error-summary")).containsText("Udfyld \u201dDit navn\u201d.");
        assertAccessible(page, "step 1 with errors");

        page.locator("#field-navn input").fill("Mette Fiktiv Testesen");
        page.locator("#field-foedselsdato input").fill("15-03-1988");
        page.locator("#field-foedselsdato input").press("Enter");
        // Typing opens the date picker's overlay; on a busy machine Enter can land before it has
        // opened, leaving it over the page. A person would press Escape; so does the test.
        page.waitForTimeout(300);
        if (page.locator("vaadin-date-picker-overlay[opened]").count() > 0) {
            page.keyboard().press("Escape");
        }
        assertThat(page.locator("#field-foedselsdato input")).hasValue("15-03-1988");
        page.locator("#field-email input").fill("mette@example.dk");
        page.locator("#field-harBoern vaadin-radio-button")
                .first()
                .locator("label")
                .click();
        page.click("#wizard-next");

        assertThat(page.locator("#step-heading")).hasText("Dine børn");
        // The new step's heading has the focus: a screen reader reads where she is.
        page.waitForFunction("document.activeElement && document.activeElement.id === 'step-heading'");
        // The skip link takes a keyboard user past the header into the page, and the page stays.
        var here = page.url();
        page.focus(".skip-link");
        page.keyboard().press("Enter");
        page.waitForFunction("document.activeElement && document.activeElement.id === 'indhold'");
        org.assertj.core.api.Assertions.assertThat(page.url()).isEqualTo(here);
        assertThat(page.locator("#step-heading")).hasText("Dine børn");
        page.click("#field-boernListe-add");
        page.locator("#field-boernListe-0--barnNavn input").fill("Ida");
        page.locator("#field-boernListe-0--barnAlder input").fill("10");
        page.locator("#field-boernListe-0--barnAlder input").blur();
        assertAccessible(page, "step 2 with a child");
        page.click("#wizard-next");

        assertThat(page.locator("#step-heading")).hasText("Økonomi");
        // letters in a number field are not dropped: she is told what is wrong
        page.locator("#field-husleje input").fill("ni tusind");
        page.locator("#field-husleje input").blur();
        assertThat(page.locator("#field-husleje")).hasAttribute("invalid", "");
        assertThat(page.locator("#field-husleje")).containsText("Skriv beløbet i kroner med cifre");
        assertThat(page.locator("#field-husleje input")).hasValue("ni tusind");
        page.locator("#field-husleje input").fill("9000");
        page.locator("#field-indkomst input").fill("8000");
        page.locator("#field-indkomst input").blur();
        assertThat(page.locator("#field-antalBoern input")).hasValue("1");
        assertThat(page.locator("#rule-huslejeOverIndkomst")).containsText("højere end din indkomst");
        // the warning stands right under the field it concerns, not at the foot of the step
        assertThat(page.locator("#field-husleje + #rule-huslejeOverIndkomst")).hasCount(1);
        assertThat(page.locator("#explain-huslejeOverIndkomst")).containsText("Forklaring (frivillig)");
        page.locator("#field-boligType vaadin-radio-button")
                .first()
                .locator("label")
                .click();
        page.click("#wizard-next");
        assertThat(page.locator("#error-summary"))
                .containsText("højere end din indkomst. Tjek beløbene. Ret svaret, eller bekræft at det er rigtigt.");
        page.locator("#confirm-huslejeOverIndkomst input").check();
        page.locator("#explain-huslejeOverIndkomst textarea").fill("Jeg får hjælp fra familien.");
        assertAccessible(page, "step 3 with a warning");
        page.click("#wizard-next");

        assertThat(page.locator("#step-heading")).hasText("Tjek dine svar");
        assertThat(page.locator(".review-section").first()).containsText("Mette Fiktiv Testesen");
        assertThat(page.locator("main")).containsText("Barn 1: Barnets navn");
        assertThat(page.locator("main")).containsText("-1.000,00 kr.");
        // the warning is gone with its step; what she explained is played back
        assertThat(page.locator("#rule-huslejeOverIndkomst")).hasCount(0);
        assertThat(page.locator("#review-note-huslejeOverIndkomst"))
                .containsText("Din forklaring: Jeg får hjælp fra familien.");
        assertAccessible(page, "review");
        BrowserFixtures.reflowsAt320(page, "review");

        // "Ret" and back: after the change she is on the review again, not three Nexts away.
        page.click("#change-dig");
        assertThat(page.locator("#field-navn input")).hasValue("Mette Fiktiv Testesen");
        assertThat(page.locator("#wizard-next")).hasText("Gem og gå til »Tjek dine svar«");
        page.click("#wizard-next");
        assertThat(page.locator("#step-heading")).hasText("Tjek dine svar");
        page.click("#wizard-submit");
        assertThat(page.locator("#step-heading")).hasText("Dine svar er modtaget");
        assertThat(page.locator("#receipt-number")).containsText("IND-");
        var receiptNumber = page.locator("#receipt-number").textContent().replaceAll(".*(IND-\\d{4}-\\d{6}).*", "$1");
        var download = page.waitForDownload(() -> page.click("#receipt-" + receiptNumber));
        assertThat(download.suggestedFilename()).isEqualTo("kvittering-" + receiptNumber + ".pdf");
        org.assertj.core.api.Assertions.assertThat(BrowserFixtures.pdfText(download.path()))
                .contains("Din forklaring")
                .contains("Jeg får hjælp fra familien.");
        assertAccessible(page, "done");

        page.click("#nav-cases");
        assertThat(page.locator("#case-" + receiptNumber)).containsText("Status: Modtaget");
        assertAccessible(page, "my cases");
        page.goBack();

        page.click("#language-switch");
        assertThat(page.locator("#step-heading")).hasText("Your answers have been received");
        assertThat(page.locator("html")).hasAttribute("lang", "en");
    }
}
