package dk.indgang.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The browser tests' base: one Playwright and Debian's Chromium per test class (docs/adr/0004-dependencies.md), and
 * the axe-core WCAG 2.1 AA check.
 */
abstract class BrowserFixtures {

    static Playwright playwright;
    static Browser browser;

    @BeforeAll
    static void launchChromium() {
        playwright = Playwright.create();
        browser = launch(playwright);
    }

    @AfterAll
    static void closeChromium() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
    }

    static Browser launch(Playwright playwright) {
        return playwright
                .chromium()
                .launch(new BrowserType.LaunchOptions()
                        .setExecutablePath(Path.of(System.getProperty("chromium.path", "/usr/bin/chromium")))
                        .setHeadless(true)
                        .setArgs(List.of(
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-quic",
                                "--no-first-run",
                                "--disable-background-networking",
                                "--disable-component-update",
                                "--disable-sync")));
    }

    /** No serious or critical axe violations of WCAG 2.1 A/AA on the page as it is now. */
    static void assertAccessible(Page page, String where) {
        page.waitForLoadState();
        var results = new AxeBuilder(page)
                .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze();
        var serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(BrowserFixtures::describe)
                .toList();
        assertThat(serious).as("serious or critical axe violations on " + where).isEmpty();
    }

    private static String describe(Rule rule) {
        return rule.getId() + " (" + rule.getImpact() + "): " + rule.getHelp() + " at "
                + rule.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget()))
                        .limit(3)
                        .toList();
    }

    /** A new browser context at 1280 px, logged in through the dev login as {@code login}. */
    static com.microsoft.playwright.Page loggedIn(int port, String login) {
        var context =
                browser.newContext(new com.microsoft.playwright.Browser.NewContextOptions().setViewportSize(1280, 900));
        var page = context.newPage();
        page.setDefaultTimeout(15_000);
        page.navigate("http://localhost:" + port + "/login");
        page.click("#login-" + login);
        return page;
    }

    /** The text of a downloaded PDF (a receipt), as a reader would copy it. */
    static String pdfText(java.nio.file.Path pdf) {
        try (var document = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(document);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Picks the radio button labelled {@code label} in the group {@code id}. */
    static void choose(com.microsoft.playwright.Page page, String id, String label) {
        page.locator("#" + id + " vaadin-radio-button")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(label))
                .locator("label")
                .click();
    }

    /** A full-page screenshot for a person to look at: {@code target/screenshots/<name>.png}. */
    static void shot(com.microsoft.playwright.Page page, String name) throws Exception {
        java.nio.file.Files.createDirectories(java.nio.file.Path.of("target/screenshots"));
        page.screenshot(new com.microsoft.playwright.Page.ScreenshotOptions()
                .setPath(java.nio.file.Path.of("target/screenshots/" + name + ".png"))
                .setFullPage(true));
    }

    /** WCAG 1.4.10: nothing scrolls sideways at 320 CSS pixels; on failure, which elements stick out. */
    static void reflowsAt320(com.microsoft.playwright.Page page, String name) throws Exception {
        page.setViewportSize(320, 800);
        page.waitForTimeout(300);
        var scroll = (Number) page.evaluate("document.documentElement.scrollWidth");
        var wide = page.evaluate("""
                [...document.querySelectorAll('body *')]
                  .filter(e => e.getBoundingClientRect().right > 321)
                  .slice(-12)
                  .map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + '.' + e.className
                        + ' ' + Math.round(e.getBoundingClientRect().right))
                  .join(' | ')""");
        assertThat(scroll.intValue()).as(name + " at 320 px: " + wide).isLessThanOrEqualTo(320);
        shot(page, name + "-320");
        page.setViewportSize(1280, 900);
    }
}
