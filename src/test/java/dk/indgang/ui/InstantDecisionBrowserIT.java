package dk.indgang.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import dk.indgang.Persons;
import dk.indgang.casework.CaseState;
import dk.indgang.casework.Cases;
import dk.indgang.delivery.ReceiptDelivery;
import dk.indgang.registers.StubRegisters;
import dk.indgang.submission.Outbox;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.verapdf.gf.foundry.VeraGreenfieldFoundryProvider;
import org.verapdf.pdfa.Foundries;
import org.verapdf.pdfa.flavours.PDFAFlavour;
import tools.jackson.databind.json.JsonMapper;

/**
 * Straks afgørelse in Debian's Chromium: Mette applies for økonomisk friplads for Oskar with her
 * income from eIndkomst and gets the decision on the done page; the letter (PDF/A) reaches the
 * Digital Post stub and "Mine sager"; the case file says "Truffet automatisk" with the rule version.
 * The same with her income typed over goes to the inbox with the reason, and with eIndkomst down
 * Anders's application is kept and goes to the inbox as "register unavailable". axe-core checks the
 * new pages; the done page and the case file reflow at 320 px. Screenshots:
 * target/screenshots/instant-*.png; the letter: target/letters/straks-afgoerelse.pdf.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class InstantDecisionBrowserIT extends BrowserFixtures {

    @LocalServerPort
    int port;

    @Autowired
    Cases cases;

    @Autowired
    dk.indgang.submission.Submissions applications;

    @Autowired
    Outbox outbox;

    @Autowired
    ReceiptDelivery delivery;

    @Autowired
    StubRegisters stubs;

    @Autowired
    JsonMapper json;

    /** The friplads wizard for Oskar's SFO as a single parent, up to the income step. */
    private static void uptoIncome(Page page, String child) throws Exception {
        page.click("#start-oekonomisk-friplads");
        assertThat(page.locator("#step-heading")).hasText("Barnet");
        // her children from CPR are the options; none of their CPR numbers is shown
        assertThat(page.locator("#field-barn")).containsText("Ida Testesen (10 år)");
        assertThat(page.locator("#field-barn")).not().containsText("-99");
        choose(page, "field-barn", child);
        assertAccessible(page, "a choice of her children from CPR");
        shot(page, "instant-choose-child");
        reflowsAt320(page, "instant-choose-child");
        choose(page, "field-tilbud", "SFO eller fritidshjem");
        page.click("#wizard-next");
        assertThat(page.locator("#step-heading")).hasText("Din husstand");
        choose(page, "field-enlig", "Ja");
        page.click("#wizard-next");
        assertThat(page.locator("#step-heading")).hasText("Indkomst");
        choose(page, "field-samtykke", "Ja");
    }

    private static String receiptNumber(Page page) {
        return page.locator("#receipt-number").textContent().replaceAll(".*(IND-\\d{4}-\\d{6}).*", "$1");
    }

    private java.util.UUID applicationId(String receiptNumber) {
        return applications.forApplicant(Persons.METTE).stream()
                .filter(a -> a.receiptNumber().equals(receiptNumber))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private Page as(String login) {
        return loggedIn(port, login);
    }

    @Test
    void verifiedIncomeIsDecidedAtOnceAndAChangedIncomeGoesToTheInboxWithTheReason() throws Exception {
        // Mette applies with her income as eIndkomst has it.
        var mette = as(Persons.METTE);
        uptoIncome(mette, "Oskar Testesen (7 år)");
        assertThat(mette.locator("#field-egenIndkomst input")).hasValue("221830,00");
        choose(mette, "field-erklaering", "Ja");
        mette.click("#wizard-next");
        assertThat(mette.locator("#step-heading")).hasText("Tjek dine svar");
        assertThat(mette.locator("#assessment-mode")).containsText("får du afgørelsen med det samme");
        assertAccessible(mette, "review of a form that decides");
        mette.click("#wizard-submit");

        assertThat(mette.locator("#step-heading")).hasText("Din ansøgning er afgjort");
        assertThat(mette.locator("#decision-outcome")).hasText("Du får 1.900,00 kr. pr. måned.");
        assertThat(mette.locator("#decision")).containsText("hel økonomisk friplads");
        assertThat(mette.locator("#decision-automatic")).containsText("truffet automatisk");
        mette.locator("#decision vaadin-details").click();
        assertThat(mette.locator("#decision")).containsText("eIndkomst, hentet");
        assertThat(mette.locator("#decision")).containsText("Fripladstilskud pr. måned: 1.900 kr.");
        assertAccessible(mette, "the done page with a decision");
        shot(mette, "instant-done");
        reflowsAt320(mette, "instant-done");
        var decided = receiptNumber(mette);
        var decidedId = applicationId(decided);

        // The letter: PDF/A, to the Digital Post stub, and in Mine sager marked automatic.
        var letters = outbox.letters(decidedId);
        assertThat(letters).singleElement().satisfies(l -> assertThat(l.title())
                .isEqualTo("Afgørelse: Ansøgning om økonomisk friplads"));
        delivery.runDue();
        assertThat(outbox.letters(decidedId).getFirst().delivery().state()).isEqualTo("DONE");
        var posted = dk.indgang.delivery.DigitalPostRecords.kombiRequests(
                stubs, letters.getFirst().id());
        assertThat(posted).hasSize(1);
        var pdf = Base64.getDecoder()
                .decode(dk.indgang.delivery.DigitalPostRecords.xpath(
                        posted.getFirst(), "//*[local-name()='File']/*[local-name()='content']"));
        VeraGreenfieldFoundryProvider.initialise();
        try (var parser =
                Foundries.defaultInstance().createParser(new ByteArrayInputStream(pdf), PDFAFlavour.PDFA_2_B)) {
            assertThat(Foundries.defaultInstance()
                            .createValidator(PDFAFlavour.PDFA_2_B, false)
                            .validate(parser)
                            .isCompliant())
                    .isTrue();
        }
        Files.createDirectories(Path.of("target/letters"));
        Files.write(Path.of("target/letters/straks-afgoerelse.pdf"), pdf);
        var text = new org.apache.pdfbox.text.PDFTextStripper()
                .getText(org.apache.pdfbox.Loader.loadPDF(pdf))
                .replaceAll("\\s+", " ");
        assertThat(text).contains("Truffet automatisk", "§ 32 b", "Regelversion", "Fra eIndkomst", "Klagevejledning");

        mette.setViewportSize(1280, 900);
        mette.click("#nav-cases");
        assertThat(mette.locator("#case-" + decided)).containsText("Afgjort");
        assertThat(mette.locator("#automatic-" + decided)).containsText("truffet automatisk");
        assertThat(mette.locator("#letters-" + decided)).containsText("Afgørelse");
        assertAccessible(mette, "Mine sager with an automatic decision");

        // The caseworker sees "Truffet automatisk" with the rule version.
        var yrsa = as("ydelse");
        yrsa.waitForURL("**/sager");
        var caseId = cases.ofApplication(decidedId).orElseThrow().id();
        yrsa.navigate("http://localhost:" + port + "/sager/" + caseId);
        assertThat(yrsa.locator("#case-automation")).containsText("Truffet automatisk");
        assertThat(yrsa.locator("#case-automation"))
                .containsText("Regelversion: Formular oekonomisk-friplads version 2");
        assertThat(yrsa.locator("#case-history")).containsText("Afgørelsen blev truffet automatisk");
        assertAccessible(yrsa, "the case file of an automatic decision");
        shot(yrsa, "instant-casefile-automatic");
        reflowsAt320(yrsa, "instant-casefile-automatic");

        // The same with the income typed over: no decision, the inbox says why.
        mette.navigate("http://localhost:" + port + "/");
        uptoIncome(mette, "Oskar Testesen (7 år)");
        assertThat(mette.locator("#field-egenIndkomst input")).hasValue("221830,00");
        mette.locator("#field-egenIndkomst input").fill("150000");
        mette.locator("#field-egenIndkomst input").blur();
        choose(mette, "field-erklaering", "Ja");
        mette.click("#wizard-next");
        mette.locator("#confirm-indkomstAfviger input").check();
        mette.locator("#explain-indkomstAfviger textarea").fill("Jeg er gået ned i tid fra 1. november.");
        mette.click("#wizard-next");
        assertThat(mette.locator("#step-heading")).hasText("Tjek dine svar");
        assertThat(mette.locator("#assessment-not-automatic")).containsText("er ændret i forhold til eIndkomst");
        mette.click("#wizard-submit");
        assertThat(mette.locator("#step-heading")).hasText("Dine svar er modtaget");
        assertThat(mette.locator("#decision")).hasCount(0);
        var queued = receiptNumber(mette);
        var queuedCase = cases.ofApplication(applicationId(queued)).orElseThrow();
        assertThat(queuedCase.state()).isEqualTo(CaseState.RECEIVED);

        yrsa.navigate("http://localhost:" + port + "/sager");
        assertThat(yrsa.locator("#case-" + queued).locator("xpath=ancestor::li[1]"))
                .containsText("Kunne ikke afgøres automatisk");
        yrsa.click("#case-" + queued);
        assertThat(yrsa.locator("#case-not-automatic"))
                .containsText("»Din indkomst de seneste 12 måneder (før skat, efter AM-bidrag)« er ændret i forhold til"
                        + " eIndkomst");
        assertThat(yrsa.locator("#case-not-automatic")).containsText("forklaret en advarsel");
        assertAccessible(yrsa, "the case file of an application not decided automatically");
        shot(yrsa, "instant-casefile-not-automatic");
    }

    @Test
    void withEIndkomstDownNothingIsLostAndTheCaseWaitsForACaseworker() throws Exception {
        var down = stubs.server()
                .stubFor(get(urlPathEqualTo("/eindkomst/v1/personer/1404829995/indkomst"))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(503)));
        try {
            var anders = as("1404829995");
            anders.click("#start-oekonomisk-friplads");
            choose(anders, "field-barn", "Liva");
            choose(anders, "field-tilbud", "Børnehave");
            anders.click("#wizard-next");
            shot(anders, "instant-down-step2");
            assertThat(anders.locator("#step-heading")).hasText("Din husstand");
            choose(anders, "field-enlig", "Ja");
            anders.click("#wizard-next");
            choose(anders, "field-samtykke", "Ja");
            assertThat(anders.locator("#register-unavailable")).containsText("eIndkomst");
            anders.locator("#field-egenIndkomst input").fill("419520");
            anders.locator("#field-egenIndkomst input").blur();
            choose(anders, "field-erklaering", "Ja");
            anders.click("#wizard-next");
            assertThat(anders.locator("#step-heading")).hasText("Tjek dine svar");
            assertThat(anders.locator("#assessment-not-automatic")).containsText("eIndkomst var ikke tilgængeligt");
            anders.click("#wizard-submit");
            assertThat(anders.locator("#step-heading")).hasText("Dine svar er modtaget");
            var number = receiptNumber(anders);
            var application = applications.forApplicant("1404829995").stream()
                    .filter(a -> a.receiptNumber().equals(number))
                    .findFirst()
                    .orElseThrow();
            var kept = cases.ofApplication(application.id()).orElseThrow();
            assertThat(kept.state()).isEqualTo(CaseState.RECEIVED);
            assertThat(cases.notAutomaticBecause(kept)).contains("Registret eIndkomst var ikke tilgængeligt");
            assertThat(cases.find(kept.id()).orElseThrow().flags())
                    .contains(Cases.Flag.NOT_AUTOMATIC, Cases.Flag.NOT_VERIFIED);
        } finally {
            stubs.server().removeStub(down);
        }
    }
}
