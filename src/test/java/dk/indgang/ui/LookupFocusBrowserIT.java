package dk.indgang.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import dk.indgang.registers.StubRegisters;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A register that answers while the citizen is already in a field: the answers are put into the
 * inputs on the page, in Chromium, and the field she is in keeps her focus. The registers answer
 * after two seconds here (within a time limit raised for this test), so she is surely in the field
 * before they do.
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

            assertThat(page.locator("#field-navn input")).hasValue("Mette Fiktiv Testesen");
            assertThat(field.locator("input")).hasValue("4");
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
}
