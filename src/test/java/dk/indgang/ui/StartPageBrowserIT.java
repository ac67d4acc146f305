package dk.indgang.ui;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The way in: a form's start page (what it is for, what she needs, how long it takes) open before
 * logging in, and people at the edges of CPR told at the start what it means for them — Henrik,
 * registered as emigrated, before he has typed a word. Screenshots: {@code target/screenshots/start-*}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "indgang.forms.dir=forms")
@ActiveProfiles("test")
class StartPageBrowserIT extends BrowserFixtures {

    @LocalServerPort
    int port;

    @Test
    void aStartPageSaysWhatSheNeedsAndHenrikIsToldAtTheStartThatHeIsRegisteredAsEmigrated() throws Exception {
        var context =
                browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900));
        var anonymous = context.newPage();
        anonymous.setDefaultTimeout(15_000);
        anonymous.navigate("http://localhost:" + port + "/formular/boligstoette");
        assertThat(anonymous.locator("h1")).hasText("Ansøgning om boligstøtte (boligsikring)");
        assertThat(anonymous.locator("#start-need")).containsText("Din lejekontrakt");
        assertThat(anonymous.locator("#start-minutes")).hasText("Det tager omkring 15 minutter.");
        assertThat(anonymous.locator("main")).containsText("Vi henter oplysninger om dig fra CPR, BBR, eIndkomst");
        assertThat(anonymous.locator("#start-login")).isVisible();
        assertAccessible(anonymous, "start page, not logged in");
        reflowsAt320(anonymous, "start-boligstoette");
        // unknown ids are said plainly
        anonymous.navigate("http://localhost:" + port + "/formular/findes-ikke");
        assertThat(anonymous.locator("h1")).hasText("Formularen findes ikke");
        // logging in from a start page brings her back to it, not to the front page
        anonymous.navigate("http://localhost:" + port + "/formular/boligstoette");
        anonymous.click("#start-login");
        anonymous.click("#login-2106959991");
        anonymous.waitForURL("**/formular/boligstoette");
        assertThat(anonymous.locator("#start-begin")).isVisible();
        context.close();

        var henrik = loggedIn(port, "0807779951");
        henrik.waitForURL("**/");
        henrik.click("#about-boligstoette");
        assertThat(henrik.locator("h1")).hasText("Ansøgning om boligstøtte (boligsikring)");
        henrik.click("#start-begin");
        assertThat(henrik.locator("#step-heading")).isVisible();
        assertThat(henrik.locator("#standing")).containsText("Du er registreret som udrejst i CPR");
        assertThat(henrik.locator("#standing")).containsText("manuel vurdering");
        assertAccessible(henrik, "first step, emigrated");
        reflowsAt320(henrik, "start-emigrated");

        // back on the start page she is offered her draft first
        henrik.navigate("http://localhost:" + port + "/formular/boligstoette");
        assertThat(henrik.locator("#start-resume")).isVisible();
        assertThat(henrik.locator("#start-begin")).hasText("Start en ny");
    }
}
