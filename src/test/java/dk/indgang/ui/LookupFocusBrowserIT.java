package dk.indgang.ui;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dk.indgang.registers.StubRegisters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Registers that answer late, in Chromium: the answers are put into the inputs on the page and the
 * field she is in keeps her focus; while one register is still on its way after another has answered,
 * the status says so. The registers answer seconds late here (within a time limit raised for this
 * test), so she is surely in the field before they do.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "resilience4j.timelimiter.configs.default.timeout-duration=10s")
@ActiveProfiles("test")
class LookupFocusBrowserIT extends BrowserFixtures {

    @LocalServerPort
    int port;

    @Autowired
    StubRegisters stubs;

    /** A busy machine may take a while beyond the registers' delay to show their answers. */
    private static final com.microsoft.playwright.assertions.LocatorAssertions.HasValueOptions LATE =
            new com.microsoft.playwright.assertions.LocatorAssertions.HasValueOptions().setTimeout(15_000);

    @Test
    void theRegistersAnswersArriveWithoutTakingHerFocusFromTheFieldSheIsIn() throws Exception {
        var settings = stubs.server().getGlobalSettings().getSettings();
        stubs.server().setGlobalFixedDelay(2_000);
        try {
            var page = loggedIn(port, "1503889984");
            page.waitForURL("http://localhost:" + port + "/");
            page.click("#start-registre-test");
            var field = page.locator("#field-antalPersoner");
            field.locator("input").focus();
            // the registers have not answered yet
            assertThat(page.locator("#field-navn input")).hasValue("");
            assertThat(page.locator("#lookup-status")).containsText("CPR");
            var before = field.elementHandle();

            assertThat(page.locator("#field-navn input")).hasValue("Mette Fiktiv Testesen", LATE);
            assertThat(field.locator("input")).hasValue("4", LATE);
            // the same element as before the answers (a new layout of the step would have replaced
            // it), and it still has her focus
            org.assertj.core.api.Assertions.assertThat(
                            (Boolean) before.evaluate("e => e.isConnected && e.contains(document.activeElement)"))
                    .isTrue();
            assertAccessible(page, "answers arrived while she was in a field");
            page.context().close();
        } finally {
            stubs.server().updateGlobalSettings(settings);
        }
    }

    @Test
    void whileOneRegisterIsStillOnItsWayTheStatusKeepsSayingSo() {
        // eIndkomst answers five seconds after CPR (for Lone: the other test has put Mette's answers in
        // the registers' cache)
        var slow = stubs.server()
                .stubFor(get(urlPathEqualTo("/eindkomst/v1/personer/1105829944/indkomst"))
                        .atPriority(1)
                        .willReturn(aResponse()
                                .withStatus(200)
                                .withHeader("Content-Type", "application/json")
                                .withBodyFile("eindkomst/indkomst-1105829944.json")
                                .withTransformers("period-shift")
                                .withTransformerParameter("writtenFor", "2026-10")
                                .withTransformerParameter("queryParameter", "til")
                                .withFixedDelay(5_000)));
        try {
            var page = loggedIn(port, "1105829944");
            page.waitForURL("http://localhost:" + port + "/");
            page.click("#start-registre-test");
            assertThat(page.locator("#field-navn input")).hasValue("Lone Prøvesen", LATE);
            // CPR has answered; eIndkomst has not, and the page still says it is asking
            assertThat(page.locator("#lookup-status")).containsText("eIndkomst");
            assertThat(page.locator("#lookup-status"))
                    .not()
                    .containsText(
                            "Henter",
                            new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions()
                                    .setTimeout(15_000));
            page.context().close();
        } finally {
            stubs.server().removeStub(slow);
        }
    }
}
